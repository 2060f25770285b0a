"""Small builders for exhibit folders and UI contexts."""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[2]


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


LONG_STILLS = 30
"""More than a gallery shows at once on any display the tests use: it scrolls."""
LONG_EXHIBIT = f"""\
schema: 1
title: Long
tile: tile.png
panels:
  - type: text
    body: First.
  - type: gallery
    stills:
{"".join(f"      - {{file: s{i}.png, alt: Still {i}, caption: Caption {i}}}{chr(10)}" for i in range(LONG_STILLS))}\
  - type: facts
    facts:
{"".join(f"      - {{label: Fact {i}, value: Value {i}}}{chr(10)}" for i in range(40))}\
  - type: timeline
    events:
{"".join(f"      - {{date: {2000 + i}, title: Event {i}, text: What happened.}}{chr(10)}" for i in range(12))}\
"""
"""An exhibit whose gallery, facts and timeline are long enough to scroll on a small screen."""


def make_long_exhibit(root: Path) -> Path:
    folder = make_exhibit(root, "long", LONG_EXHIBIT,
                          images=("tile.png", *(f"s{i}.png" for i in range(LONG_STILLS)))).parent
    (folder / "s0.png").write_bytes(png_bytes(3200, 1800, (90, 120, 200)))
    return folder


def make_exhibit(root: Path, name: str, text: str = MINIMAL_EXHIBIT,
                 images: tuple[str, ...] = ("tile.png",)) -> Path:
    folder = root / name
    folder.mkdir(parents=True, exist_ok=True)
    for image in images:
        (folder / image).parent.mkdir(parents=True, exist_ok=True)
        (folder / image).write_bytes(png_bytes())
    (folder / "exhibit.yaml").write_text(text, encoding="utf-8")
    return folder / "exhibit.yaml"


def make_context(roots: list[Path] | None = None, size: tuple[int, int] = (1920, 1080),
                 diagonal: float = 55.0, language: str | None = None, clock=None, theme=None):
    """A UI context on the given exhibits (default: the bundled ones), sized for
    a `diagonal`-inch display of `size` pixels."""
    from kiosk.content.loader import load_catalog
    from kiosk.media.images import ImageLoader
    from kiosk.paths import bundled_exhibits_dir
    from kiosk.ui.clock import SystemClock
    from kiosk.ui.context import Context
    from kiosk.ui.metrics import Metrics
    from kiosk.ui.theme import Theme
    from kiosk.visit.model import Visit

    catalog = load_catalog(roots or [bundled_exhibits_dir()])
    visit = Visit(catalog, ["en", "zh", "ru"], "en")
    if language:
        visit.set_language(language)
    return Context(visit, Metrics.for_diagonal(*size, diagonal), ImageLoader(),
                   theme or Theme(), clock or SystemClock())


def with_gestures(widget, context):
    """Give a widget shown on its own (not in a KioskWindow) the window's input
    pipeline and gesture recogniser, so touches and drags reach it as they would."""
    from kiosk.ui.gestures import GestureRecogniser
    from kiosk.ui.input import InputPipeline

    pipeline = InputPipeline(widget)
    pipeline.add(GestureRecogniser(widget, context.metrics, context.theme.motion))
    return pipeline


def show_at(qtbot, widget, width: int, height: int, context):
    """Show `widget` at a real size, with gestures, and let its stills finish decoding."""
    if not hasattr(widget, "input"):  # a KioskWindow has its own pipeline
        with_gestures(widget, context)
    qtbot.addWidget(widget)
    widget.resize(width, height)
    widget.show()
    qtbot.waitExposed(widget)
    context.images.wait()
    return widget
