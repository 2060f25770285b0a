"""The display and audio options as a visitor uses them: the bar's button
opens them, each tap applies at once, and the next visitor starts over with
the kiosk's own settings."""

from __future__ import annotations

from PySide6.QtCore import QPoint
from PySide6.QtGui import QColor

from kiosk.visit.model import HOME
from kiosk.visit.modes import DisplayModes
from tests.helpers.exhibits import make_context, show_at
from tests.helpers.touch import centre_in, tap


def _window(qtbot, size=(1920, 1080), diagonal=55.0, modes=None):
    from kiosk.render import AT_REST
    from kiosk.ui.app import build_context
    from kiosk.ui.window import KioskWindow

    base = make_context(size=size, diagonal=diagonal)
    ctx = build_context(base.catalog, base.metrics, theme=AT_REST, modes=modes)
    window = show_at(qtbot, KioskWindow(ctx, size[0]), *size, ctx)
    ctx.visit.go_home()
    qtbot.waitUntil(lambda: window.home.isVisible())
    return window


def _tap(qtbot, window, widget) -> None:
    tap(window.windowHandle(), centre_in(window, widget))


def _pixel(window, x: int, y: int) -> QColor:
    return window.grab().toImage().pixelColor(x, y)


def test_a_visitor_turns_on_largest_text_and_high_contrast_and_the_next_visitor_starts_over(qtbot):
    window = _window(qtbot)
    visit = window.ctx.visit
    subtitle_px = window.home.tiles[0].subtitle.font().pixelSize()
    assert _pixel(window, 2, 2) == QColor(window.ctx.theme.colours.background)

    _tap(qtbot, window, window.home.bar.access)
    qtbot.waitUntil(lambda: window.access is not None and window.access.isVisible())
    _tap(qtbot, window, window.access.sizes[2.0])
    qtbot.waitUntil(lambda: visit.modes.text_scale == 2.0)
    qtbot.waitUntil(lambda: window.home.tiles[0].subtitle.font().pixelSize() >= 2 * subtitle_px - 1)
    assert window.access.isVisible() and window.access.sizes[2.0].isChecked()  # still open, showing the choice

    _tap(qtbot, window, window.access.switches["high_contrast"])
    qtbot.waitUntil(lambda: visit.modes.high_contrast)
    _tap(qtbot, window, window.access.done)
    qtbot.waitUntil(lambda: not window.access.isVisible())
    assert _pixel(window, 2, 2) == QColor("#000000")
    assert window.home.tiles[0].subtitle.font().pixelSize() >= 2 * subtitle_px - 1

    visit.reset("idle_reset")
    assert visit.modes == DisplayModes()
    assert window.access is None
    visit.go_home()
    qtbot.waitUntil(lambda: window.home.tiles[0].subtitle.font().pixelSize() == subtitle_px)
    assert _pixel(window, 2, 2) == QColor(window.ctx.theme.colours.background) != QColor("#000000")


def test_a_kiosk_set_to_large_text_returns_to_it_after_every_visitor(qtbot):
    configured = DisplayModes(text_scale=1.5)
    window = _window(qtbot, modes=configured)
    visit = window.ctx.visit
    visit.set_modes(DisplayModes())
    visit.reset("idle_reset")
    assert visit.modes == configured


def test_tapping_beside_the_options_closes_them_and_keeps_the_visit(qtbot):
    window = _window(qtbot)
    window.open_access()
    tap(window.windowHandle(), QPoint(10, 10))  # the dimmed screen above the options
    qtbot.waitUntil(lambda: not window.access.isVisible())
    assert window.ctx.visit.place == HOME


def test_in_the_low_reach_layout_the_screens_sit_in_the_lower_part_of_a_55_inch_display(qtbot):
    window = _window(qtbot, modes=DisplayModes(low_reach=True))
    ctx = window.ctx
    top, bottom = ctx.reach_band()
    assert 0 < top < bottom <= window.height()
    band_mm = ctx.base_metrics.to_mm(bottom - top)
    assert band_mm < ctx.base_metrics.to_mm(window.height()) * 0.75  # a real cut, not the whole screen
    assert window.screens.geometry().top() == top
    bar = window.home.bar
    assert bar.mapTo(window, bar.rect().topLeft()).y() >= top


def test_on_a_small_display_in_largest_text_the_timeline_becomes_a_list(qtbot):
    from kiosk.visit.pages import pages_of

    window = _window(qtbot, diagonal=24.0, modes=DisplayModes(text_scale=2.0))
    visit = window.ctx.visit
    item = visit.catalog.get("shenzhou-13")
    page = next(i for i, panel in enumerate(pages_of(item)) if panel.type == "timeline")
    visit.show(item.id, page)
    view = window.exhibit.pages[page]
    qtbot.waitUntil(lambda: view.listed)
    assert view.list_area.isVisible() and not view.scroll_area.isVisible()
    assert [card.title.text() for card in view.list_cards] == [card.title.text() for card in view.cards]


def test_larger_text_meets_en_301_549_at_a_metre_and_largest_well_beyond(qapp):
    """A capital H must subtend 0.7 degrees at the viewing distance (5.1.4): 8.6 mm at
    700 mm (a visitor touching the screen), 12.2 mm at 1 m. Body text, on every display."""
    import math

    from PySide6.QtGui import QFontMetricsF

    from kiosk.ui.fonts import language_font, load_bundled_fonts

    load_bundled_fonts()

    def needed(distance_mm: float) -> float:
        return 2 * distance_mm * math.tan(math.radians(0.35))

    for size, diagonal in (((1920, 1080), 24.0), ((1920, 1080), 55.0), ((3840, 2160), 55.0)):
        for scale, distance in ((1.0, 700.0), (1.5, 1000.0), (2.0, 1400.0)):
            ctx = make_context(size=size, diagonal=diagonal)
            ctx.apply_modes(DisplayModes(text_scale=scale))
            font = language_font(ctx.font(ctx.theme.sizes.body_pt), "en")
            cap_mm = ctx.metrics.to_mm(QFontMetricsF(font).capHeight())
            assert cap_mm >= needed(distance) - 0.05, (size, diagonal, scale, cap_mm, needed(distance))
