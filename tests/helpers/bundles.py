"""Changing a content bundle after it was packed, as an attacker or a broken copy would."""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from pathlib import Path


def rewrite(path: Path, change: Callable[[str, bytes], bytes | None]) -> None:
    """The bundle with its members passed through `change(name, data)` (None drops one)."""
    with zipfile.ZipFile(path) as archive:
        members = [(info.filename, archive.read(info)) for info in archive.infolist()]
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in members:
            changed = change(name, data)
            if changed is not None:
                archive.writestr(name, changed)


def change_a_text(path: Path) -> None:
    rewrite(path, lambda _name, data: data.replace(b"Short and clear.", b"Short and false."))


def truncate(path: Path) -> None:
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])
