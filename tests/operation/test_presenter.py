"""Presenter mode: a clicker drives the kiosk like a slide deck."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget

from kiosk.operation.lockdown import Lockdown
from kiosk.operation.presenter import Deck, Presenter
from tests.helpers.clock import FakeClock
from tests.helpers.exhibits import make_context, make_exhibit


def _exhibit_text(order: int, title: str, panels: int) -> str:
    bodies = "".join(f"  - type: text\n    body: Panel {i + 1}.\n" for i in range(panels))
    return f"schema: 1\norder: {order}\ntitle: {title}\ntile: tile.png\npanels:\n{bodies}"


# --- presenter -----------------------------------------------------------------

def test_deck_steps_through_every_panel_and_stops_or_loops_at_the_ends():
    deck = Deck([("a", 0), ("a", 1), ("b", 0)])
    assert deck.next(None) == deck.previous(None) == ("a", 0)   # from the home screen
    assert deck.next(("a", 1)) == ("b", 0)
    assert deck.previous(("b", 0)) == ("a", 1)
    assert deck.next(("b", 0)) is None and deck.previous(("a", 0)) is None
    deck.loop = True
    assert deck.next(("b", 0)) == ("a", 0) and deck.previous(("a", 0)) == ("b", 0)
    assert Deck([]).next(None) is None


@pytest.fixture
def two_exhibits(exhibits_root):
    make_exhibit(exhibits_root, "first", _exhibit_text(1, "First", 2))
    make_exhibit(exhibits_root, "second", _exhibit_text(2, "Second", 3))
    return exhibits_root


@pytest.fixture
def clock():
    return FakeClock()


@pytest.fixture
def make_presenter(qtbot, qapp, two_exhibits, clock):
    from kiosk.ui.window import KioskWindow

    def make(auto_advance_ms=None, loop=False, lockdown=False):
        ctx = make_context([two_exhibits], size=(1280, 720), clock=clock)
        window = KioskWindow(ctx, 1280)
        presenter = Presenter(window, ctx.visit, clock, auto_advance_ms, loop)
        window.lockdown = Lockdown(window, lockdown, cursor_hidden=False)
        qtbot.addWidget(window, before_close_func=lambda w: w.lockdown.allow_quit())
        window.resize(1280, 720)
        window.show()
        qtbot.waitExposed(window)
        presenter.window = window
        return presenter

    return make


def _press(presenter, key, modifier=Qt.KeyboardModifier.NoModifier):
    """A key as the system delivers it: to the window, then to whatever has focus."""
    QTest.keyClick(presenter.window.windowHandle(), key, modifier)


def test_clicker_keys_move_through_the_pages_of_all_exhibits(make_presenter):
    presenter = make_presenter()
    presenter.start()
    assert presenter.current() == ("first", 0)                 # the first film's title page
    for key, expected in [(Qt.Key.Key_Right, ("first", 1)),
                          (Qt.Key.Key_Right, ("first", 2)),
                          (Qt.Key.Key_Right, ("second", 0)),   # across to the next exhibit
                          (Qt.Key.Key_Left, ("first", 2)),     # and back to the last panel
                          (Qt.Key.Key_PageDown, ("second", 0)),
                          (Qt.Key.Key_Space, ("second", 1)),
                          (Qt.Key.Key_PageUp, ("second", 0)),
                          (Qt.Key.Key_End, ("second", 3)),
                          (Qt.Key.Key_Right, ("second", 3)),   # the end, without looping
                          (Qt.Key.Key_Home, ("first", 0))]:
        _press(presenter, key)
        assert presenter.current() == expected, key
    assert presenter.window.exhibit.index == 0
    _press(presenter, Qt.Key.Key_Right)
    _press(presenter, Qt.Key.Key_Space, Qt.KeyboardModifier.ShiftModifier)
    assert presenter.current() == ("first", 0)


def test_keys_work_with_focus_anywhere_and_from_the_home_screen(make_presenter, qtbot):
    presenter = make_presenter()
    window = presenter.window
    assert presenter.current() is None
    QTest.keyClick(window.home, Qt.Key.Key_Right)   # straight to a widget, as input methods do
    assert presenter.current() == ("first", 0)
    QTest.keyClick(window.exhibit, Qt.Key.Key_Right)  # the screen's own arrow keys do not add a step
    assert presenter.current() == ("first", 1)


def _all_black(widget: QWidget) -> bool:
    image = widget.grab().toImage()
    w, h = image.width(), image.height()
    points = [(x * (w - 1) // 4, y * (h - 1) // 4) for x in range(5) for y in range(5)]
    return all(image.pixelColor(x, y).name() == "#000000" for x, y in points)


def test_b_and_period_blank_the_screen_and_bring_it_back(make_presenter):
    presenter = make_presenter()
    presenter.start()
    window = presenter.window
    assert not _all_black(window)
    _press(presenter, Qt.Key.Key_B)
    assert presenter.blanked and presenter.blank.geometry() == window.rect()
    assert _all_black(window)
    _press(presenter, Qt.Key.Key_B)
    assert not presenter.blanked and not _all_black(window)
    _press(presenter, Qt.Key.Key_Period)
    assert presenter.blanked
    window.resize(1000, 600)
    assert presenter.blank.geometry() == window.rect() and _all_black(window)
    _press(presenter, Qt.Key.Key_Right)       # brings the picture back, without moving
    assert not presenter.blanked and presenter.current() == ("first", 0)


def test_auto_advance_moves_on_and_loops(make_presenter, clock):
    presenter = make_presenter(auto_advance_ms=10_000, loop=True)
    presenter.start()
    clock.advance(10)
    assert presenter.current() == ("first", 1)
    clock.advance(40)
    assert presenter.current() == ("second", 2)
    clock.advance(10)
    assert presenter.current() == ("second", 3)
    clock.advance(10)
    assert presenter.current() == ("first", 0)


def test_auto_advance_stops_at_the_end_without_loop_and_pauses_while_blank(make_presenter, clock):
    presenter = make_presenter(auto_advance_ms=10_000, loop=False)
    presenter.start()
    _press(presenter, Qt.Key.Key_B)
    clock.advance(60)
    assert presenter.current() == ("first", 0)
    _press(presenter, Qt.Key.Key_B)
    clock.advance(60)
    assert presenter.current() == ("second", 3)
    clock.advance(60)
    assert presenter.current() == ("second", 3)


def test_clicker_keys_work_in_a_locked_down_kiosk(make_presenter):
    """The presenter's stage comes before lockdown's in the input pipeline,
    whatever order they were made in (here lockdown is made after)."""
    presenter = make_presenter(lockdown=True)
    window = presenter.window
    assert window.input.order == ["presenter", "speech", "keypad", "lockdown", "gestures"]
    presenter.start()
    _press(presenter, Qt.Key.Key_Right)
    assert presenter.current() == ("first", 1)
    _press(presenter, Qt.Key.Key_Escape)  # a clicker's Esc neither quits nor reaches a widget
    assert window.isVisible()


