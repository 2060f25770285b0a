"""The visitor's path through the kiosk, driven by touch."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel

from tests.helpers.exhibits import make_context, show_at
from tests.helpers.touch import drag, release, tap


@pytest.fixture
def window(qtbot, ctx):
    from kiosk.ui.window import KioskWindow

    win = KioskWindow(ctx, 1920)
    qtbot.addWidget(win)
    win.resize(1920, 1080)
    win.show()
    qtbot.waitExposed(win)
    return win


def _centre(window, widget) -> QPoint:
    return widget.mapTo(window, widget.rect().center())


def _open(window, qtbot, exhibit_id="shenzhou-13", page=0):
    window.ctx.visit.show(exhibit_id, page)
    qtbot.waitUntil(lambda: window.exhibit is not None and window.exhibit.isVisible()
                    and not window.exhibit.pager.sliding)
    return window.exhibit


def _pager_point(window, x_fraction: float) -> QPoint:
    pager = window.exhibit.pager
    return pager.mapTo(window, QPoint(round(pager.width() * x_fraction), pager.height() // 2))


def test_tap_on_a_tile_opens_its_exhibit(window, qtbot):
    tile = window.home.tiles[1]
    tap(window, _centre(window, tile))
    qtbot.waitUntil(lambda: window.exhibit is not None)
    assert window.exhibit.item.id == tile.item.id


def test_a_tap_builds_the_page_shown_and_its_neighbours_wait_until_the_screen_is_at_rest(window, qtbot):
    """A tap on a tile waits for one page, not the whole exhibit; a finger that swipes at once,
    or a chapter far along, finds its page built when it needs it."""
    tile = window.home.tiles[0]
    tap(window, _centre(window, tile))
    qtbot.waitUntil(lambda: window.exhibit is not None)
    screen = window.exhibit
    assert screen.pager.built == [screen.pager.page(0)]
    qtbot.waitUntil(lambda: len(screen.pager.built) == 2)  # the page a swipe brings in, once at rest
    window.ctx.visit.go_home()
    qtbot.waitUntil(lambda: window.exhibit is None)

    window._forget_exhibits()
    screen = _open(window, qtbot)
    assert len(screen.pager.built) == 1
    start = _pager_point(window, 0.8)
    drag(window, start, start + QPoint(-150, 0), lift=False)  # before the neighbours were built
    neighbour = screen.pager.built[1]
    assert neighbour.isVisible() and neighbour.mapTo(window, QPoint(0, 0)).x() < window.width()
    release(window, start + QPoint(-150, 0))

    last = screen.pager.count - 1
    window.ctx.visit.show(screen.item.id, last)  # a chapter at the end, from the title page
    qtbot.waitUntil(lambda: screen.index == last and not screen.pager.sliding)
    shown = screen.pager.page(last)
    assert shown.isVisible() and shown.mapTo(window, QPoint(0, 0)).x() == 0
    assert len(screen.pager.built) < screen.pager.count


def test_swipe_left_moves_to_the_next_panel_and_snaps(window, qtbot):
    screen = _open(window, qtbot)
    drag(window, _pager_point(window, 0.8), _pager_point(window, 0.3))
    assert screen.index == 1
    strip = screen.panels[1].parentWidget()
    qtbot.waitUntil(lambda: strip.x() == -screen.pager.width())
    assert screen.indicator.text() == f"2 of {len(screen.pages)}"


def test_panel_follows_the_finger_then_a_short_drag_springs_back(window, qtbot):
    screen = _open(window, qtbot, page=1)
    strip = screen.panels[0].parentWidget()
    start = _pager_point(window, 0.5)
    drag(window, start, start + QPoint(-150, 0), lift=False)
    assert strip.x() == pytest.approx(-screen.pager.width() - 150, abs=3)
    QTest.qWait(300)  # a slow, short drag is no flick
    release(window, start + QPoint(-150, 0))
    assert screen.index == 1
    qtbot.waitUntil(lambda: strip.x() == -screen.pager.width())


def test_swipe_right_goes_back_and_not_past_the_first_panel(window, qtbot):
    screen = _open(window, qtbot, page=1)
    drag(window, _pager_point(window, 0.2), _pager_point(window, 0.8))
    assert screen.index == 0
    drag(window, _pager_point(window, 0.2), _pager_point(window, 0.8))
    assert screen.index == 0


def test_buttons_page_and_return_home(window, qtbot):
    screen = _open(window, qtbot)
    assert not screen.previous.isEnabled()
    tap(window, _centre(window, screen.next))
    assert screen.index == 1
    tap(window, _centre(window, screen.previous))
    assert screen.index == 0
    tap(window, _centre(window, screen.home))
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.home)


def test_arrow_keys_page(window, qtbot):
    screen = _open(window, qtbot)
    QTest.keyClick(screen, Qt.Key.Key_Right)
    assert screen.index == 1
    QTest.keyClick(screen, Qt.Key.Key_Left)
    assert screen.index == 0


def test_language_switch_changes_every_text_and_keeps_the_place(window, qtbot, ctx):
    screen = _open(window, qtbot, "the-challenge", page=2)
    exhibit = screen.item.exhibit
    assert screen.running_head.text() == exhibit.title.translations["en"]
    tap(window, _centre(window, screen.languages.buttons["ru"]))
    assert ctx.language == "ru"
    assert screen.running_head.text() == exhibit.title.translations["ru"]
    assert screen.indicator.text().endswith(f"из {len(screen.pages)}")
    assert screen.home.text() == "Главная"
    assert screen.index == 2
    tap(window, _centre(window, screen.home))
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.home)
    assert window.home.heading.text() == "Фильмы, снятые на орбите"
    assert window.home.tiles[1].accessibleName() == exhibit.title.translations["ru"]


def test_chinese_text_takes_punctuation_from_the_chinese_face(window, qtbot, ctx):
    screen = _open(window, qtbot)
    assert screen.running_head.font().families()[0] == "Noto Sans"
    tap(window, _centre(window, screen.languages.buttons["zh"]))
    assert screen.running_head.font().families()[0] == "Noto Sans CJK SC"
    assert screen.panels[0].findChildren(QLabel)[0].font().families()[0] == "Noto Sans CJK SC"


def test_render_writes_every_screen_under_predictable_names(qapp, tmp_path, exhibits_root):
    from PySide6.QtCore import QSize
    from PySide6.QtGui import QImage

    from kiosk.content.loader import load_catalog
    from kiosk.render import render_all
    from tests.helpers.exhibits import make_exhibit

    make_exhibit(exhibits_root, "demo", """\
schema: 1
title: Demo
tile: tile.png
panels:
  - type: gallery
    stills: [{file: a.png, alt: A}, {file: b.png, alt: B}]
  - type: wipe
    before: {file: a.png, label: Before}
    after: {file: b.png, label: After}
""", images=("tile.png", "a.png", "b.png"))
    written = render_all(load_catalog([exhibits_root]), tmp_path, [QSize(1280, 720)],
                         ["en", "ru"], 55.0)
    names = sorted(str(p.relative_to(tmp_path)) for p in written)
    assert names == sorted(f"1280x720/{lang}/{name}" for lang in ("en", "ru") for name in (
        "attract.png", "home.png", "access.png", "demo/00-title.png", "demo/01-gallery.png",
        "demo/01-gallery-still-1.png", "demo/01-gallery-still-2.png", "demo/02-wipe.png", "still-there.png",
        "pin.png", "admin.png", "closed.png"))
    image = QImage(str(tmp_path / "1280x720/ru/home.png"))
    assert (image.width(), image.height()) == (1280, 720)


def test_the_still_viewer_hides_the_screen_beneath_and_keeps_the_language_switcher(
        window, qtbot, ctx):
    from kiosk.content.schema import GalleryPanel
    from kiosk.visit.pages import pages_of

    screen = _open(window, qtbot)
    gallery = next(page for page, shown in enumerate(pages_of(screen.item)) if isinstance(shown, GalleryPanel))
    head = screen.running_head.mapTo(window, screen.running_head.rect().center())
    ctx.visit.open_still(0, page=gallery)
    qtbot.waitUntil(lambda: window.viewer is not None and window.viewer.isVisible()
                    and not window.transition.running)
    on_top = window.childAt(head)
    assert on_top is window.viewer or window.viewer.isAncestorOf(on_top)  # not the running head beneath
    tap(window, _centre(window, window.viewer.languages.buttons["zh"]))
    assert ctx.language == "zh"


def test_escape_and_ctrl_q_close_the_window_without_lockdown(window, qtbot):
    QTest.keyClick(window, Qt.Key.Key_Escape)
    assert not window.isVisible()
    window.show()
    window.quit_on_escape = False  # presenter mode: clickers send Esc
    QTest.keyClick(window, Qt.Key.Key_Escape)
    assert window.isVisible()
    QTest.keyClick(window, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    assert not window.isVisible()


def test_a_timeline_that_fits_lets_the_swipe_turn_the_page(qtbot, exhibits_root):
    from kiosk.ui.window import KioskWindow
    from tests.helpers.exhibits import make_context, make_exhibit

    make_exhibit(exhibits_root, "short", """\
schema: 1
title: Short
tile: tile.png
panels:
  - type: timeline
    events: [{date: 2021, title: One}, {date: 2022, title: Two}]
  - type: text
    body: After the timeline.
""")
    context = make_context([exhibits_root])
    win = KioskWindow(context, 1920)
    qtbot.addWidget(win)
    win.resize(1920, 1080)
    win.show()
    qtbot.waitExposed(win)
    context.visit.show("short", 1)
    timeline = win.exhibit.panels[0]
    centre = timeline.scroll_area.mapTo(win, timeline.scroll_area.rect().center())
    drag(win, centre + QPoint(400, 0), centre - QPoint(400, 0))
    assert win.exhibit.index == 2


@pytest.mark.parametrize("default_language", ["zh", "ru"])
def test_a_reading_column_has_one_width_whatever_the_languages(qtbot, ctx, default_language):
    """The column is measured in the Latin face whatever the language (about
    25 Chinese characters a line): a switch never moves it, and a kiosk that
    starts in Chinese lays out what one that starts in English does."""
    from PySide6.QtWidgets import QApplication

    from kiosk.ui.fonts import kiosk_font
    from kiosk.ui.window import KioskWindow

    def column_widths(language: str) -> list[int]:
        app = QApplication.instance()
        app.setFont(kiosk_font(30, language=language))
        win = KioskWindow(ctx, 1920)
        qtbot.addWidget(win)
        win.resize(1920, 1080)
        win.show()
        ctx.visit.set_language(language)
        screen = _open(win, qtbot)
        for other in ("en", "zh", "ru"):
            ctx.visit.set_language(other)
        body = max(screen.panels[0].findChildren(QLabel), key=lambda label: len(label.text()))
        return [body.width()]

    saved = QApplication.instance().font()
    try:
        assert column_widths(default_language) == column_widths("en")
    finally:
        QApplication.instance().setFont(saved)


def test_an_exhibit_screen_is_built_once_and_the_next_visitor_finds_it_as_new(qtbot, qapp):
    from kiosk.ui.screens.exhibit import ExhibitScreen
    from kiosk.ui.style import stylesheet
    from kiosk.ui.window import KioskWindow

    ctx = make_context(diagonal=24.0)  # where a page of text runs on and scrolls
    qapp.setStyleSheet(stylesheet(ctx.theme, ctx.metrics))
    window = show_at(qtbot, KioskWindow(ctx, 1920), 1920, 1080, ctx)
    screen = _open(window, qtbot, "shenzhou-13")
    assert len(screen.pages) == screen.pager.count  # every page built now, not only as the visitor reaches it
    qtbot.wait(50)
    long = next(page for page in screen.pages
                if hasattr(page, "scroll_area") and page.scroll_area.verticalScrollBar().maximum() > 0)
    number = screen.pages.index(long)
    _open(window, qtbot, "shenzhou-13", number)
    bar = long.scroll_area.verticalScrollBar()
    bar.setValue(bar.maximum())
    window.ctx.visit.go_home()
    _open(window, qtbot, "the-challenge")
    window.ctx.visit.set_language("ru")
    window.ctx.visit.reset("idle")
    assert _open(window, qtbot, "shenzhou-13", number) is screen   # the same screen, not a new one
    assert bar.value() == 0                                      # scrolled back for the new visitor
    assert screen.running_head.text() == "SHENZHOU 13"           # and in the language of the new visit
    built = [w for w in window.findChildren(ExhibitScreen)]
    assert len(built) == 2


def test_only_a_few_exhibit_screens_are_kept_built(window, qtbot, monkeypatch):
    from kiosk.ui import window as window_module
    from kiosk.ui.screens.exhibit import ExhibitScreen

    monkeypatch.setattr(window_module, "KEPT_SCREENS", 1)
    first = _open(window, qtbot, "shenzhou-13")
    _open(window, qtbot, "the-challenge")
    window.ctx.visit.go_home()
    qtbot.wait(10)
    assert len(window._built) == 1 and first not in window._built.values()
    qtbot.waitUntil(lambda: len(window.findChildren(ExhibitScreen)) == 1)


def test_render_fails_when_a_screen_cannot_be_built_instead_of_writing_another(qapp, tmp_path, exhibits_root,
                                                                               monkeypatch):
    """A panel view that raises used to leave the fault barrier to show home, and the
    render wrote home.png under the panel's name."""
    from PySide6.QtCore import QSize

    from kiosk.content.loader import load_catalog
    from kiosk.render import RenderFailed, render_all
    from kiosk.ui.panels import PANEL_VIEWS
    from tests.helpers.exhibits import make_exhibit

    def broken(*_args, **_kwargs):
        raise RuntimeError("this panel cannot be built")

    make_exhibit(exhibits_root, "demo")
    monkeypatch.setitem(PANEL_VIEWS, "text", broken)
    monkeypatch.setattr(sys, "excepthook", lambda *_args: None)  # the traceback, printed by Qt, is expected
    with pytest.raises(RenderFailed, match="failed while rendering .first: RuntimeError: this panel cannot be built"):
        render_all(load_catalog([exhibits_root]), tmp_path, [QSize(640, 360)], ["en"], 55.0)
