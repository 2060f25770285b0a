"""Where the bundled files live, for a source checkout and an installed package alike."""

from __future__ import annotations

from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent


def bundled_exhibits_dir() -> Path:
    return PROJECT_ROOT / "exhibits"


def assets_dir() -> Path:
    return PROJECT_ROOT / "assets"
