"""Test setup: headless Qt, and small builders for exhibit folders."""

from __future__ import annotations

import os
import struct
import zlib
from pathlib import Path

# A 4K virtual screen: the offscreen platform's default 800x800 one drops touch
# presses that land outside it.
os.environ["QT_QPA_PLATFORM"] = (
    f"offscreen:configfile={Path(__file__).parent / 'data' / 'offscreen.json'}")

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


def show_at(qtbot, widget, width: int, height: int, context):
    """Show `widget` at a real size and let its stills finish decoding."""
    qtbot.addWidget(widget)
    widget.resize(width, height)
    widget.show()
    qtbot.waitExposed(widget)
    context.images.wait()
    return widget


@pytest.fixture
def exhibits_root(tmp_path: Path) -> Path:
    root = tmp_path / "exhibits"
    root.mkdir()
    return root


def make_context(roots: list[Path] | None = None, size: tuple[int, int] = (1920, 1080),
                 diagonal: float = 55.0, language: str | None = None):
    """A UI context on the given exhibits (default: the bundled ones), sized for
    a `diagonal`-inch display of `size` pixels."""
    from kiosk.content.loader import load_catalog
    from kiosk.media.images import ImageLoader
    from kiosk.paths import bundled_exhibits_dir
    from kiosk.session import Session
    from kiosk.ui.context import Context
    from kiosk.ui.metrics import Metrics

    catalog = load_catalog(roots or [bundled_exhibits_dir()])
    session = Session("en", ["en", "zh", "ru"])
    if language:
        session.set_language(language)
    return Context(catalog, session, Metrics.for_diagonal(*size, diagonal), ImageLoader())


@pytest.fixture
def ctx(qapp):
    from kiosk.ui.fonts import load_bundled_fonts
    from kiosk.ui.style import stylesheet

    load_bundled_fonts()
    context = make_context()
    qapp.setStyleSheet(stylesheet(context.theme, context.metrics))
    return context
