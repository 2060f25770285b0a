"""One gesture recogniser for fingers, mice and pens: a mouse drag pages,
scrolls and pans exactly as a finger does (many kiosk touch frames are mice)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest

from kiosk.visit.model import Place, Screen
from tests.helpers.exhibits import make_context, make_long_exhibit, show_at
from tests.helpers.pointer import DRAGS, mouse_drag
from tests.helpers.touch import settled

TEXT, GALLERY, FACTS, TIMELINE = range(1, 5)
"""Pages of the long exhibit (page 0 is its title page)."""


@pytest.fixture
def window(qtbot, qapp, exhibits_root):
    from kiosk.ui.fonts import load_bundled_fonts
    from kiosk.ui.style import stylesheet
    from kiosk.ui.window import KioskWindow

    make_long_exhibit(exhibits_root)
    load_bundled_fonts()
    ctx = make_context([exhibits_root], size=(1280, 720), diagonal=42)
    assert not ctx.catalog.problems, ctx.catalog.problems
    qapp.setStyleSheet(stylesheet(ctx.theme, ctx.metrics))
    return show_at(qtbot, KioskWindow(ctx, 1280), 1280, 720, ctx)


def _open(window, qtbot, page):
    window.ctx.visit.show("long", page)
    qtbot.waitUntil(lambda: not window.exhibit.pager.sliding)
    window.ctx.images.wait()
    return window.exhibit.pages[page]


def _in(window, widget, fx, fy) -> QPoint:
    return widget.mapTo(window, QPoint(round(widget.width() * fx), round(widget.height() * fy)))


@pytest.mark.parametrize("how", DRAGS)
def test_a_drag_across_a_panel_turns_the_page(window, qtbot, how):
    _open(window, qtbot, TEXT)
    pager = window.exhibit.pager
    DRAGS[how](window, _in(window, pager, 0.8, 0.5), _in(window, pager, 0.2, 0.5))
    assert window.ctx.visit.place.page == GALLERY
    qtbot.waitUntil(lambda: not pager.sliding)
    DRAGS[how](window, _in(window, pager, 0.2, 0.1), _in(window, pager, 0.8, 0.1))
    assert window.ctx.visit.place.page == TEXT


@pytest.mark.parametrize("how", DRAGS)
@pytest.mark.parametrize("panel", [GALLERY, FACTS])
def test_a_vertical_drag_scrolls_the_list(window, qtbot, how, panel):
    view = _open(window, qtbot, panel)
    bar = view.scroll_area.verticalScrollBar()
    assert bar.maximum() > 0, "the content must be long enough to scroll"
    DRAGS[how](window, _in(window, view.scroll_area, 0.5, 0.8), _in(window, view.scroll_area, 0.5, 0.3))
    assert bar.value() > 0
    assert window.ctx.visit.place == Place(Screen.EXHIBIT, "long", panel)


@pytest.mark.parametrize("how", DRAGS)
def test_a_sideways_drag_scrolls_a_long_timeline_and_not_the_page(window, qtbot, how):
    view = _open(window, qtbot, TIMELINE)
    bar = view.scroll_area.horizontalScrollBar()
    assert bar.maximum() > 0
    DRAGS[how](window, _in(window, view.scroll_area, 0.8, 0.5), _in(window, view.scroll_area, 0.3, 0.5))
    assert bar.value() > 0 and window.ctx.visit.place.page == TIMELINE


def test_a_drag_over_a_thumbnail_scrolls_and_does_not_open_it(window, qtbot):
    view = _open(window, qtbot, GALLERY)
    thumbnail = view.thumbnails[0]
    mouse_drag(window, _in(window, thumbnail, 0.5, 0.6), _in(window, thumbnail, 0.5, 0.1))
    assert window.ctx.visit.place.still is None and not thumbnail.isDown()


def test_a_flung_list_glides_on_and_a_touch_stops_it(window, qtbot):
    view = _open(window, qtbot, FACTS)
    bar = view.scroll_area.verticalScrollBar()
    mouse_drag(window, _in(window, view.scroll_area, 0.5, 0.7), _in(window, view.scroll_area, 0.5, 0.5),
               steps=4, step_ms=8)
    released_at = bar.value()
    qtbot.waitUntil(lambda: bar.value() > released_at + 20, timeout=1000)
    QTest.mousePress(window.windowHandle(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     _in(window, view.scroll_area, 0.5, 0.5))
    stopped_at = bar.value()
    QTest.qWait(100)
    assert bar.value() == stopped_at


@pytest.mark.parametrize("how", DRAGS)
def test_a_drag_pans_a_zoomed_still(window, qtbot, how):
    _open(window, qtbot, GALLERY)
    window.ctx.visit.open_still(0)
    viewer = window.viewer
    viewer.zoom_in.click()
    viewer.zoom_in.click()
    assert settled(viewer).zoom > 2
    before = viewer.pan_offset
    DRAGS[how](window, _in(window, viewer.stage, 0.6, 0.5), _in(window, viewer.stage, 0.4, 0.5))
    moved = viewer.pan_offset.x() - before.x()
    assert moved == pytest.approx(-0.2 * viewer.stage.width(), abs=3)
    assert window.ctx.visit.place.still == 0  # panned, not swiped to the next still


def test_a_mouse_double_click_zooms_the_still(window, qtbot):
    _open(window, qtbot, GALLERY)
    window.ctx.visit.open_still(0)
    viewer = window.viewer
    QTest.mouseDClick(window.windowHandle(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                      _in(window, viewer.stage, 0.5, 0.5))
    assert settled(viewer).zoom > 1.0


def test_under_reduced_motion_a_flung_list_stops_where_the_finger_left_it(qtbot, qapp, exhibits_root):
    import dataclasses

    from kiosk.ui.theme import Theme
    from kiosk.ui.window import KioskWindow

    make_long_exhibit(exhibits_root)
    theme = Theme(motion=dataclasses.replace(Theme().motion, reduced=True))
    ctx = make_context([exhibits_root], size=(1280, 720), diagonal=42, theme=theme)
    window = show_at(qtbot, KioskWindow(ctx, 1280), 1280, 720, ctx)
    view = _open(window, qtbot, FACTS)
    bar = view.scroll_area.verticalScrollBar()
    mouse_drag(window, _in(window, view.scroll_area, 0.5, 0.7), _in(window, view.scroll_area, 0.5, 0.5),
               steps=4, step_ms=8)
    released_at = bar.value()
    QTest.qWait(150)
    assert released_at > 0 and bar.value() == released_at
