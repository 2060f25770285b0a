"""Screen changes keep visitors oriented: a tile grows into its exhibit, a
thumbnail into the viewer, screens fade; nothing moves under reduced motion."""

from __future__ import annotations

import dataclasses

import pytest
from PySide6.QtCore import QPoint, QRect

from kiosk.ui.theme import Theme
from tests.helpers.exhibits import make_context, show_at
from tests.helpers.touch import tap


@pytest.fixture
def make_window(qtbot, qapp):
    from kiosk.ui.fonts import load_bundled_fonts
    from kiosk.ui.style import stylesheet
    from kiosk.ui.window import KioskWindow

    load_bundled_fonts()

    def make(reduced: bool = False):
        theme = Theme(motion=dataclasses.replace(Theme().motion, reduced=reduced))
        ctx = make_context(theme=theme)
        qapp.setStyleSheet(stylesheet(ctx.theme, ctx.metrics))
        window = show_at(qtbot, KioskWindow(ctx, 1920), 1920, 1080, ctx)
        ctx.images.wait()
        return window
    return make


def _rect(window, widget) -> QRect:
    return QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())


def test_screen_changes_take_200_to_400_ms():
    assert 200 <= Theme().motion.screen_ms <= 400


def test_a_tile_grows_into_its_exhibit_then_the_exhibit_is_all_there_is(make_window, qtbot):
    window = make_window()
    tile, other = window.home.tiles
    tile_rect, far = _rect(window, tile), _rect(window, other).center()
    before = window.grab().toImage().pixelColor(far)
    tap(window, tile_rect.center())
    transition = window.transition
    assert transition.running and window.exhibit is not None
    hole, progress = transition.hole.toAlignedRect(), transition.progress
    assert progress < 1
    # grown from the tile by the share of the time gone, however late this looks
    for edge in ("left", "top", "right", "bottom"):
        start, end = getattr(tile_rect, edge)(), getattr(window.rect(), edge)()
        assert getattr(hole, edge)() == pytest.approx(start + (end - start) * progress, abs=2), edge
    if not hole.contains(far):
        assert window.grab().toImage().pixelColor(far) == before   # the old screen, away from the hole
    qtbot.waitUntil(lambda: not transition.running, timeout=2000)
    assert not transition.isVisible()
    assert window.childAt(far) is not None and window.exhibit.isAncestorOf(window.childAt(far))


def test_the_viewer_grows_from_the_thumbnail_tapped(make_window, qtbot):
    from kiosk.visit.pages import pages_of

    window = make_window()
    visit = window.ctx.visit
    page = next(i for i, shown in enumerate(pages_of(visit.catalog.get("shenzhou-13")))
                if shown.type == "gallery")
    visit.show("shenzhou-13", page)
    qtbot.waitUntil(lambda: not window.transition.running and not window.exhibit.pager.sliding)
    thumbnail = window.exhibit.pages[page].thumbnails[1]
    tap(window, _rect(window, thumbnail).center())
    assert window.viewer is not None and window.transition.running
    assert _rect(window, thumbnail).contains(window.transition.hole.toAlignedRect().center())
    visit.close_still()
    assert window.transition.running and window.transition.hole is None   # closing fades


def test_reduced_motion_changes_screens_at_once(make_window):
    window = make_window(reduced=True)
    tile, other = window.home.tiles
    far = _rect(window, other).center()
    tap(window, _rect(window, tile).center())
    assert not window.transition.running and not window.transition.isVisible()
    assert window.exhibit.isAncestorOf(window.childAt(far))


def test_the_reduced_motion_setting_reaches_the_theme(tmp_path):
    from kiosk.settings.loading import load_settings
    from kiosk.ui.app import theme_for

    path = tmp_path / "kiosk.yaml"
    path.write_text("display:\n  reduced_motion: true\n")
    assert theme_for(load_settings(path).settings.display).motion.reduced
    assert not theme_for(load_settings(tmp_path / "absent.yaml").settings.display).motion.reduced


@pytest.mark.parametrize("reduced", [False, True])
def test_the_viewer_zoom_animates_unless_motion_is_reduced(make_window, reduced):
    from kiosk.visit.pages import pages_of

    window = make_window(reduced=reduced)
    visit = window.ctx.visit
    page = next(i for i, shown in enumerate(pages_of(visit.catalog.get("shenzhou-13")))
                if shown.type == "gallery")
    visit.show("shenzhou-13", page)
    visit.open_still(0)
    viewer = window.viewer
    tap(window, viewer.zoom_in.mapTo(window, viewer.zoom_in.rect().center()))
    arrived = viewer.zoom == pytest.approx(1.5)
    assert arrived == reduced and viewer.stage.moving != reduced
