"""Writing settings files and reading their problems back."""

from __future__ import annotations

from pathlib import Path


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def messages(loaded) -> list[str]:
    return [p.format() for p in loaded.problems]
