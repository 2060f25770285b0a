from __future__ import annotations

from pathlib import Path

import platformdirs
import pytest


@pytest.fixture(autouse=True)
def user_config(tmp_path, monkeypatch) -> Path:
    """The per-user config folder, redirected so tests never touch the real one.
    Tests run in tmp_path so that problems name files relative to it."""
    folder = tmp_path / "user-config"
    monkeypatch.setattr(platformdirs, "user_config_path", lambda app, *a, **k: folder / app)
    monkeypatch.chdir(tmp_path)
    return folder / "exhibit-kiosk"
