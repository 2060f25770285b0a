"""Corrupt and extreme images, made on the spot (Pillow and hand-written PNGs)."""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

from PIL import Image

from tests.helpers.exhibits import png_bytes


def _png(width: int, height: int, depth: int, rows: bytes) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, depth, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows, 1)) + chunk(b"IEND", b""))


def png16(width: int, height: int) -> bytes:
    row = b"\x00" + b"\x40\x00\x80\x00\xc0\x00" * width
    return _png(width, height, 16, row * height)


def claimed_size_png(width: int, height: int, depth: int = 8) -> bytes:
    """A header that promises a size the data does not hold."""
    return _png(width, height, depth, b"\x00" * 64)


def make_all(folder: Path) -> dict[str, bool]:
    """Write every case into `folder`; name -> whether validation should accept it."""
    folder.mkdir(parents=True, exist_ok=True)
    cases: dict[str, bool] = {}

    def keep(name: str, accepted: bool) -> None:
        cases[name] = accepted

    written = {
        "truncated.png": (png_bytes(640, 480)[:120], True),
        "wrong-magic.jpg": (b"\x00\x01not a picture" * 40, False),
        "png-named.jpg": (png_bytes(64, 48), True),
        "giant-claim.png": (claimed_size_png(60000, 60000), False),
        "big-claim.png": (claimed_size_png(8000, 8000), True),
        "deep-ok.png": (png16(4000, 4000), True),
        "deep-too-big.png": (claimed_size_png(6000, 6000, depth=16), False),
    }
    for name, (data, accepted) in written.items():
        (folder / name).write_bytes(data)
        keep(name, accepted)
    jpeg = folder / "whole.jpg"
    Image.new("RGB", (800, 600), (200, 80, 40)).save(jpeg, quality=90)
    (folder / "truncated.jpg").write_bytes(jpeg.read_bytes()[:2000])
    keep("truncated.jpg", True)
    for name, size in (("strip.png", (60000, 1)), ("wide.png", (16000, 40)), ("wide.gif", (16000, 40)),
                       ("wide.bmp", (16000, 40)), ("tall.jpg", (40, 16000))):
        Image.new("RGB", size, (40, 90, 160)).save(folder / name)
        keep(name, True)
    Image.new("RGB", (8000, 8000), (10, 20, 30)).save(folder / "huge-ok.png", compress_level=1)
    keep("huge-ok.png", True)
    Image.new("RGB", (8200, 8200), (10, 20, 30)).save(folder / "huge-too-big.png", compress_level=1)
    keep("huge-too-big.png", False)
    frames = [Image.new("RGB", (320, 180), colour) for colour in ((255, 0, 0), (0, 255, 0), (0, 0, 255))]
    frames[0].save(folder / "animated.gif", save_all=True, append_images=frames[1:], duration=100, loop=0)
    keep("animated.gif", True)
    Image.new("CMYK", (640, 480), (0, 80, 200, 10)).save(folder / "cmyk.jpg")
    keep("cmyk.jpg", True)
    jpeg.unlink()
    return cases
