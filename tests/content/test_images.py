"""Image headers, read without decoding: every format the kiosk shows."""

from __future__ import annotations

import struct

import pytest

from kiosk.content.images import MAX_PIXELS, ImageError, probe_image
from tests.helpers.exhibits import png_bytes


def gif(width: int, height: int) -> bytes:
    return b"GIF89a" + struct.pack("<HH", width, height) + b"\x00" * 22


def bmp(width: int, height: int) -> bytes:
    return b"BM" + b"\x00" * 16 + struct.pack("<ii", width, height) + b"\x00" * 8


def webp(chunk: bytes, payload: bytes) -> bytes:
    return b"RIFF" + struct.pack("<I", 100) + b"WEBP" + chunk + payload + b"\x00" * 16


def vp8x(width: int, height: int) -> bytes:
    return webp(b"VP8X", b"\x00" * 8 + (width - 1).to_bytes(3, "little") + (height - 1).to_bytes(3, "little"))


def vp8l(width: int, height: int) -> bytes:
    bits = (width - 1) | ((height - 1) << 14)
    return webp(b"VP8L", b"\x00" * 4 + b"\x2f" + bits.to_bytes(4, "little"))


def vp8(width: int, height: int) -> bytes:
    return webp(b"VP8 ", b"\x00" * 10 + struct.pack("<HH", width, height))


@pytest.mark.parametrize("data, expected", [
    (png_bytes(40, 30), ("PNG", 40, 30)),
    (gif(640, 480), ("GIF", 640, 480)),
    (bmp(800, 600), ("BMP", 800, 600)),
    (bmp(800, -600), ("BMP", 800, 600)),       # a top-down bitmap has a negative height
    (vp8x(1920, 1080), ("WebP", 1920, 1080)),
    (vp8l(300, 200), ("WebP", 300, 200)),
    (vp8(320, 240), ("WebP", 320, 240)),
])
def test_each_format_gives_its_size(tmp_path, data, expected):
    path = tmp_path / "still"
    path.write_bytes(data)
    info = probe_image(path)
    assert (info.format, info.width, info.height) == expected


@pytest.mark.parametrize("data, message", [
    (b"", "empty"),
    (b"not an image at all", "not an image the kiosk can show"),
    (gif(0, 480), "impossible size 0x480"),
    (bmp(0, 10), "impossible size"),
    (webp(b"ABCD", b""), "unknown chunk"),
    (b"GIF89a\x01", "cut short"),
    (gif(60000, 60000), "megapixels"),
])
def test_a_bad_header_says_what_is_wrong(tmp_path, data, message):
    path = tmp_path / "still"
    path.write_bytes(data)
    with pytest.raises(ImageError, match=message):
        probe_image(path)


def test_the_pixel_limit_is_the_documented_one():
    assert MAX_PIXELS == 16384 * 16384
