"""Recognising an image from its first bytes, without decoding it.

Validation must be fast and must not import Qt, so it reads only the header of
each still: enough to know the format is one the kiosk decodes and the pixel
size is sane. A header that lies is caught at run time by the placeholder.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass
from pathlib import Path

MAX_PIXELS = 16384 * 16384
"""Larger images are refused: they could only be decoded scaled, slowly."""

MAX_DECODE_BYTES = 256 * 1024 * 1024
"""The most memory decoding one still may take (Qt's own allocation limit).
A JPEG is decoded at the size it is shown, so any JPEG up to MAX_PIXELS fits;
PNG, GIF, BMP and WebP are decoded whole first, so they must fit it whole."""

SCALED_DECODE_FORMATS = {"JPEG"}


@dataclass(frozen=True)
class ImageInfo:
    format: str
    width: int
    height: int
    bytes_per_pixel: int = 4

    @property
    def decode_bytes(self) -> int:
        """The memory a whole decode takes."""
        return self.width * self.height * self.bytes_per_pixel


class ImageError(ValueError):
    pass


def _png(head: bytes) -> tuple[int, int]:
    if head[12:16] != b"IHDR":
        raise ImageError("PNG file without an IHDR header; the file is damaged")
    width, height = struct.unpack(">II", head[16:24])
    return width, height


def _png_bytes_per_pixel(head: bytes) -> int:
    """16-bit PNGs decode to 64-bit pixels, the rest to 32-bit ones."""
    return 8 if len(head) > 24 and head[24] == 16 else 4


def _gif(head: bytes) -> tuple[int, int]:
    return struct.unpack("<HH", head[6:10])


def _bmp(head: bytes) -> tuple[int, int]:
    width, height = struct.unpack("<ii", head[18:26])
    return width, abs(height)


def _webp(head: bytes) -> tuple[int, int]:
    chunk = head[12:16]
    if chunk == b"VP8X":
        w = int.from_bytes(head[24:27], "little") + 1
        h = int.from_bytes(head[27:30], "little") + 1
        return w, h
    if chunk == b"VP8L":
        bits = int.from_bytes(head[21:25], "little")
        return (bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1
    if chunk == b"VP8 ":
        w, h = struct.unpack("<HH", head[26:30])
        return w & 0x3FFF, h & 0x3FFF
    raise ImageError("WebP file with an unknown chunk; the file is damaged")


def _jpeg(path: Path) -> tuple[int, int]:
    """Walk the JPEG markers up to the first frame header (SOFn)."""
    with path.open("rb") as f:
        f.read(2)
        while True:
            marker = f.read(2)
            while marker[:1] == b"\xff" and marker[1:2] == b"\xff":  # fill bytes
                marker = marker[1:] + f.read(1)
            if len(marker) < 2 or marker[0] != 0xFF:
                raise ImageError("JPEG file whose headers are damaged or cut short")
            kind = marker[1]
            if kind in (0xD8, 0x01) or 0xD0 <= kind <= 0xD7:
                continue
            length_bytes = f.read(2)
            if len(length_bytes) < 2:
                raise ImageError("JPEG file cut short before its image header")
            length = struct.unpack(">H", length_bytes)[0]
            if kind in (0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF):
                data = f.read(5)
                if len(data) < 5:
                    raise ImageError("JPEG file cut short inside its image header")
                height, width = struct.unpack(">HH", data[1:5])
                return width, height
            if kind in (0xD9, 0xDA):
                raise ImageError("JPEG file without an image header; the file is damaged")
            f.seek(length - 2, 1)


_SIGNATURES = (
    (b"\x89PNG\r\n\x1a\n", "PNG"),
    (b"\xff\xd8\xff", "JPEG"),
    (b"GIF87a", "GIF"),
    (b"GIF89a", "GIF"),
    (b"BM", "BMP"),
)
SUPPORTED = "PNG, JPEG, GIF, BMP or WebP"


def probe_image(path: Path) -> ImageInfo:
    """Format and size from the header; raises ImageError saying what is wrong."""
    with path.open("rb") as f:
        head = f.read(32)
    if not head:
        raise ImageError("the image file is empty")
    fmt = next((name for magic, name in _SIGNATURES if head.startswith(magic)), None)
    if fmt is None and head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        fmt = "WebP"
    if fmt is None:
        raise ImageError(f"not an image the kiosk can show (expected {SUPPORTED})")
    try:
        width, height = {
            "PNG": lambda: _png(head), "GIF": lambda: _gif(head), "BMP": lambda: _bmp(head),
            "WebP": lambda: _webp(head), "JPEG": lambda: _jpeg(path),
        }[fmt]()
    except struct.error:
        raise ImageError(f"{fmt} file cut short inside its header") from None
    if width <= 0 or height <= 0:
        raise ImageError(f"{fmt} header gives an impossible size {width}x{height}")
    if width * height > MAX_PIXELS:
        raise ImageError(f"{width}x{height} pixels is larger than the kiosk accepts "
                         f"({MAX_PIXELS // 1_000_000} megapixels)")
    info = ImageInfo(fmt, width, height, _png_bytes_per_pixel(head) if fmt == "PNG" else 4)
    if fmt not in SCALED_DECODE_FORMATS and info.decode_bytes > MAX_DECODE_BYTES:
        raise ImageError(
            f"a {width}x{height} {fmt} takes {info.decode_bytes // 2**20} MB to decode, more than "
            f"the {MAX_DECODE_BYTES // 2**20} MB the kiosk allows for one still; save it as a "
            f"JPEG (decoded at the size it is shown) or make it smaller")
    return info
