"""The layers hold, and the code is clean: import-linter's contracts (declared
in pyproject.toml), ruff and mypy, run as CI runs them."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers.exhibits import PROJECT_ROOT

BIN = Path(sys.executable).parent


def _run(*command: str) -> subprocess.CompletedProcess:
    return subprocess.run(command, cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=300)


def test_the_import_contracts_hold():
    result = _run(str(BIN / "lint-imports"))
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert "0 broken" in result.stdout


def test_ruff_finds_nothing():
    result = _run(str(BIN / "ruff"), "check", ".")
    assert result.returncode == 0, result.stdout[-4000:]


def test_mypy_finds_nothing():
    result = _run(sys.executable, "-m", "mypy")
    assert result.returncode == 0, result.stdout[-4000:]


@pytest.mark.parametrize("contract", ["layers", "forbidden", "independence"])
def test_the_layers_are_declared(contract):
    """The contracts are part of the project: removing one must fail here."""
    import tomllib

    config = tomllib.loads((PROJECT_ROOT / "pyproject.toml").read_text())
    types = [c["type"] for c in config["tool"]["importlinter"]["contracts"]]
    assert contract in types


def test_no_module_is_longer_than_about_400_lines():
    long = {str(path.relative_to(PROJECT_ROOT)): n for path in (PROJECT_ROOT / "kiosk").rglob("*.py")
            if (n := len(path.read_text(encoding="utf-8").splitlines())) > 420}
    assert long == {}
