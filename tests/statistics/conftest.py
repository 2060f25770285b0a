from __future__ import annotations

from pathlib import Path

import pytest

from tests.statistics.scripted import scripted_visits


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "data" / "stats.sqlite3"
    scripted_visits(path).close()
    return path
