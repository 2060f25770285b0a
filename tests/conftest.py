"""Test setup: headless Qt, and small builders for exhibit folders."""

from __future__ import annotations

import os
import struct
import zlib
from pathlib import Path

os.environ["QT_QPA_PLATFORM"] = "offscreen"

import pytest  # noqa: E402

PROJECT_ROOT = Path(__file__).resolve().parent.parent


def png_bytes(width: int = 8, height: int = 6, rgb: tuple[int, int, int] = (40, 90, 160)) -> bytes:
    """A real, decodable PNG without needing an imaging library."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    row = b"\x00" + bytes(rgb) * width
    return (b"\x89PNG\r\n\x1a\n"
            + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(row * height))
            + chunk(b"IEND", b""))


MINIMAL_EXHIBIT = """\
schema: 1
title: A good exhibit
tile: tile.png
panels:
  - type: text
    body: Short and clear.
"""


def make_exhibit(root: Path, name: str, text: str = MINIMAL_EXHIBIT,
                 images: tuple[str, ...] = ("tile.png",)) -> Path:
    folder = root / name
    folder.mkdir(parents=True, exist_ok=True)
    for image in images:
        (folder / image).parent.mkdir(parents=True, exist_ok=True)
        (folder / image).write_bytes(png_bytes())
    (folder / "exhibit.yaml").write_text(text, encoding="utf-8")
    return folder / "exhibit.yaml"


@pytest.fixture
def exhibits_root(tmp_path: Path) -> Path:
    root = tmp_path / "exhibits"
    root.mkdir()
    return root
