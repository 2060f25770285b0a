"""The home screen holds any number of exhibits: it scrolls, decodes only the
tiles near the view, and each finished decode is told only to its own image."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtCore import QPoint, QRect

from kiosk.media.images import Fit, ImageKey
from tests.helpers.exhibits import PROJECT_ROOT, make_context, show_at
from tests.helpers.pointer import mouse_drag

sys.path.insert(0, str(PROJECT_ROOT))
from bench.collection import make_collection  # noqa: E402

MANY = 150


@pytest.fixture
def home(qtbot, qapp, tmp_path):
    from kiosk.ui.fonts import load_bundled_fonts
    from kiosk.ui.style import stylesheet
    from kiosk.ui.window import KioskWindow

    load_bundled_fonts()
    make_collection(tmp_path / "exhibits", MANY, 1)
    ctx = make_context([tmp_path / "exhibits"])
    assert len(ctx.catalog.exhibits) == MANY, ctx.catalog.problems
    qapp.setStyleSheet(stylesheet(ctx.theme, ctx.metrics))
    window = show_at(qtbot, KioskWindow(ctx, 1920), 1920, 1080, ctx)
    ctx.visit.go_home()
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.home)
    qtbot.wait(20)
    ctx.images.wait()
    return window


def _decoded(window) -> list[int]:
    """Indices of the tiles whose image was asked for."""
    return [i for i, tile in enumerate(window.home.tiles) if tile.image._key is not None]


def _near(window, index: int) -> bool:
    home = window.home
    viewport = home.scroll_area.viewport()
    tile = home.tiles[index]
    reach = viewport.rect().adjusted(0, -viewport.height(), 0, viewport.height())
    return reach.intersects(QRect(tile.mapTo(viewport, QPoint(0, 0)), tile.size()))


def test_only_the_tiles_near_the_view_are_decoded(home):
    decoded = _decoded(home)
    assert decoded, "the tiles on screen show their pictures"
    assert all(_near(home, i) for i in decoded)
    assert len(decoded) < MANY // 2


def test_scrolling_down_decodes_the_tiles_that_come_near(home, qtbot):
    area = home.home.scroll_area
    last = len(home.home.tiles) - 1
    assert last not in _decoded(home)
    for _ in range(30):
        if area.verticalScrollBar().value() == area.verticalScrollBar().maximum():
            break
        viewport = area.viewport()
        mouse_drag(home, viewport.mapTo(home, QPoint(viewport.width() // 2, viewport.height() - 40)),
                   viewport.mapTo(home, QPoint(viewport.width() // 2, 40)))
        qtbot.wait(30)
    qtbot.waitUntil(lambda: area.verticalScrollBar().value() == area.verticalScrollBar().maximum(), timeout=5000)
    qtbot.wait(20)
    home.ctx.images.wait()
    assert last in _decoded(home)
    assert 0 not in [i for i in _decoded(home) if _near(home, i)]  # the first row is far behind now


def test_a_finished_decode_is_told_to_its_own_image_only(home, monkeypatch):
    from kiosk.ui.widgets import ImageView

    told: list[ImageView] = []
    original = ImageView._on_ready
    monkeypatch.setattr(ImageView, "_on_ready", lambda self, key: told.append(self) or original(self, key))
    last = home.home.tiles[-1].image
    last.prefetch()
    home.ctx.images.wait()
    assert told == [last]


def test_a_closed_image_is_not_told(qtbot, qapp, tmp_path):
    from kiosk.ui.widgets import ImageView

    make_collection(tmp_path / "exhibits", 1, 1)
    ctx = make_context([tmp_path / "exhibits"])
    view = ImageView(ctx, tmp_path / "exhibits" / "film-0000" / "stills" / "s00.jpg")
    view.resize(320, 180)
    view.prefetch()
    view.deleteLater()
    qtbot.wait(10)
    ctx.images.wait()  # delivering to the deleted widget would raise here
    key = ImageKey(tmp_path / "exhibits" / "film-0000" / "stills" / "s00.jpg", 320, 180, Fit.COVER)
    assert ctx.images.request(key) is not None
