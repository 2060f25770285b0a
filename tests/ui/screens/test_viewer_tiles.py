"""Zooming a very large still decodes only the tiles on screen, never the
whole still; the tiles are cut once, under a hash of the still's content."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSize

from kiosk.media.images import Fit, ImageLoader
from kiosk.media.tiles import TileStore, prepare_tiles
from tests.helpers.exhibits import make_context, make_exhibit, show_at
from tests.ui.screens.test_viewer import striped_jpeg

HUGE = QSize(4800, 2700)
GALLERY = """\
schema: 1
title: Huge
tile: tile.png
panels:
  - type: gallery
    stills:
      - {file: huge.jpg, alt: Stripes}
"""


@pytest.fixture
def huge(tmp_path, monkeypatch):
    import tests.ui.screens.test_viewer as viewer_tests

    monkeypatch.setattr(viewer_tests, "BIG", HUGE)
    make_exhibit(tmp_path / "exhibits", "huge", GALLERY)
    striped_jpeg(tmp_path / "exhibits" / "huge" / "huge.jpg")
    return tmp_path / "exhibits" / "huge" / "huge.jpg"


@pytest.fixture
def requested(monkeypatch):
    keys = []
    original = ImageLoader.request

    def spy(self, key, notify=None):
        keys.append(key)
        return original(self, key, notify)
    monkeypatch.setattr(ImageLoader, "request", spy)
    return keys


def _viewer(qtbot, tmp_path, huge):
    from kiosk.ui.window import KioskWindow

    ctx = make_context([huge.parent.parent])
    ctx.tiles = TileStore(tmp_path / "tiles")
    window = show_at(qtbot, KioskWindow(ctx, 1920), 1920, 1080, ctx)
    ctx.visit.show("huge", 1)
    ctx.visit.open_still(0)
    ctx.images.wait()
    return ctx, window.viewer


def _settle(ctx, qtbot):
    for _ in range(3):
        ctx.tiles.wait()
        ctx.images.wait()
        qtbot.wait(10)


def test_zooming_in_decodes_the_tiles_on_screen_not_the_whole_still(qtbot, tmp_path, huge, requested):
    ctx, viewer = _viewer(qtbot, tmp_path, huge)
    stage = viewer.stage
    for _ in range(12):
        stage.zoom_by(1.5)
    qtbot.waitUntil(lambda: not stage.moving)
    _settle(ctx, qtbot)
    assert stage.zoom == pytest.approx(HUGE.width() / (HUGE.width() * stage.fit_scale))
    assert not [k for k in requested if k.path == huge and k.fit is Fit.NATIVE]   # never all 13 million pixels
    tiles = {k.path for k in requested if k.path.parent.parent == tmp_path / "tiles"}
    assert 1 <= len(tiles) <= 6                                                    # 1920x1080 of 4800x2700
    image = stage.grab().toImage()                                                # and native pixels, crisp
    y, left = stage.height() // 2, stage.width() // 2
    dark = [image.pixelColor(x, y).lightness() < 128 for x in range(left, left + 40)]
    runs = [len(run) for run in "".join("d" if d else "l" for d in dark).replace("ld", "l d").replace(
        "dl", "d l").split()]
    assert set(runs[1:-1]) == {2}


def test_tiles_are_cut_once_and_again_only_for_a_changed_still(tmp_path, huge, monkeypatch, qapp):
    first = prepare_tiles(huge, tmp_path / "tiles")
    assert first is not None and (first.width, first.height) == (4800, 2700)
    from PIL import Image

    saved = []
    original = Image.Image.save
    monkeypatch.setattr(Image.Image, "save", lambda self, *args, **kwargs: saved.append(1) or
                        original(self, *args, **kwargs))
    assert prepare_tiles(huge, tmp_path / "tiles") == first and saved == []    # found, not cut again
    huge.write_bytes(huge.read_bytes() + b"\0")                                   # a new version of the still
    second = prepare_tiles(huge, tmp_path / "tiles")
    assert second is not None and second.folder != first.folder and len(saved) == 15  # 5 x 3 tiles
