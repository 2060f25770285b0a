"""Lockdown and the way out of it: the corner hold, the PIN pad with its lockout,
and the admin screen. Timings are short here; the defaults are 3 s and 60 s."""

from __future__ import annotations

import itertools
import logging

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel

from conftest import make_exhibit
from kiosk.content.problems import Problem, Severity
from kiosk.operation.admin import AdminCorner, PinGate, PinResult
from kiosk.operation.lockdown import Lockdown
from kiosk.operation.pin import hash_pin
from touch import move, press, release, tap

PIN = "2468"
HOLD_MS = 200


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture(scope="module")
def pin_hash() -> str:
    return hash_pin(PIN)


@pytest.fixture
def make_window(qtbot, ctx):
    """A kiosk window, locked down or not, shown as the kiosk shows it (in
    lockdown it fills the 4K test screen)."""
    from kiosk.ui.window import KioskWindow

    def make(lockdown: bool = False, cursor_hidden: bool = False):
        window = KioskWindow(ctx, 1920)
        window.resize(1920, 1080)
        window.lockdown = Lockdown(window, lockdown, cursor_hidden)
        # Only an allowed quit closes a locked window, as the admin's Quit does.
        qtbot.addWidget(window, before_close_func=lambda w: w.lockdown.allow_quit())
        with qtbot.waitActive(window):  # window shortcuts fire only in the active window
            window.show()
            window.activateWindow()
        return window

    return make


def _centre(window, widget) -> QPoint:
    return widget.mapTo(window, widget.rect().center())


# --- lockdown --------------------------------------------------------------------

SHORTCUTS = {
    "Esc": (Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier),
    "Alt+F4": (Qt.Key.Key_F4, Qt.KeyboardModifier.AltModifier),
    "Ctrl+Q": (Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier),
    "Ctrl+W": (Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier),
    "F11": (Qt.Key.Key_F11, Qt.KeyboardModifier.NoModifier),
    "Meta": (Qt.Key.Key_Meta, Qt.KeyboardModifier.MetaModifier),
}


def _shortcut_spy(window, name: str) -> list:
    """A window shortcut for `name` (Esc is the window's own quit key), recording when it fires."""
    fired: list = []
    if name not in ("Esc", "Meta"):
        QShortcut(QKeySequence(name), window).activated.connect(lambda: fired.append(name))
    return fired


def test_lockdown_window_is_frameless_full_screen_on_top_without_a_cursor(make_window):
    window = make_window(lockdown=True, cursor_hidden=True)
    flags = window.windowFlags()
    assert flags & Qt.WindowType.FramelessWindowHint
    assert flags & Qt.WindowType.WindowStaysOnTopHint
    assert window.isFullScreen() and window.isVisible()
    assert window.cursor().shape() == Qt.CursorShape.BlankCursor
    assert window.lockdown.enabled


@pytest.mark.parametrize("name", SHORTCUTS)
def test_every_shortcut_does_nothing_in_lockdown(make_window, qtbot, name):
    window = make_window(lockdown=True)
    fired = _shortcut_spy(window, name)
    key, modifiers = SHORTCUTS[name]
    QTest.keyClick(window, key, modifiers)
    QTest.keyClick(window.home.tiles[0], key, modifiers)  # and to a control inside it
    QTest.qWait(20)
    assert window.isVisible() and window.isFullScreen()
    assert fired == []


@pytest.mark.parametrize("name", ["Alt+F4", "Ctrl+Q", "Ctrl+W", "F11"])
def test_the_same_shortcuts_reach_the_app_without_lockdown(make_window, name):
    """So that the lockdown test above is not passing for want of a real shortcut."""
    window = make_window(lockdown=False)
    fired = _shortcut_spy(window, name)
    QTest.keyClick(window, *SHORTCUTS[name])
    assert fired == [name]


def test_closing_the_window_does_nothing_in_lockdown_until_the_admin_allows_quit(make_window):
    window = make_window(lockdown=True)
    event = QCloseEvent()
    QApplication.sendEvent(window, event)
    assert not event.isAccepted()
    assert window.close() is False
    assert window.isVisible()
    window.lockdown.allow_quit()
    assert window.close() is True
    assert not window.isVisible()


def test_a_minimised_locked_window_returns_to_full_screen(make_window, qtbot):
    window = make_window(lockdown=True)
    window.showMinimized()
    qtbot.waitUntil(lambda: window.windowState() == Qt.WindowState.WindowFullScreen)


def test_a_key_a_component_asks_for_still_works_in_lockdown_but_not_in_a_chord(make_window):
    window = make_window(lockdown=True)
    fired = _shortcut_spy(window, "B")
    chord = _shortcut_spy(window, "Ctrl+B")
    window.lockdown.allow_keys([Qt.Key.Key_B])
    QTest.keyClick(window, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    assert fired == [] and chord == []
    QTest.keyClick(window, Qt.Key.Key_B)
    assert fired == ["B"]


def test_without_lockdown_esc_quits_and_the_window_is_ordinary(make_window):
    window = make_window(lockdown=False)
    assert not window.windowFlags() & Qt.WindowType.FramelessWindowHint
    assert window.cursor().shape() != Qt.CursorShape.BlankCursor
    assert not window.lockdown.enabled
    QTest.keyClick(window, Qt.Key.Key_Escape)
    assert not window.isVisible()


# --- the admin corner ----------------------------------------------------------------


@pytest.fixture
def corner(make_window, ctx):
    window = make_window(lockdown=True)
    watcher = AdminCorner(window, ctx, "top-left", HOLD_MS)
    return window, watcher


def _corner_point(window, watcher) -> QPoint:
    return watcher.area().center().toPoint()


@pytest.mark.parametrize("screen", ["home", "exhibit"])
def test_a_held_press_in_the_corner_opens_the_pin_pad(corner, qtbot, ctx, pin_hash, screen):
    from kiosk.ui.screens.pinpad import PinPad

    window, watcher = corner
    if screen == "exhibit":  # the pager follows fingers with filters of its own
        window.open_exhibit("shenzhou-13")
    pads = []
    watcher.requested.connect(lambda: pads.append(PinPad(ctx, PinGate(pin_hash), window)))
    point = _corner_point(window, watcher)
    press(window, point)
    qtbot.waitUntil(lambda: len(pads) == 1, timeout=HOLD_MS * 5)
    release(window, point)
    pad = pads[0]
    pad.show()
    assert pad.geometry() == window.rect()


def test_a_held_mouse_press_in_a_configured_corner_counts_too(make_window, ctx, qtbot):
    window = make_window(lockdown=True)
    watcher = AdminCorner(window, ctx, "bottom-right", HOLD_MS)
    area = watcher.area()
    assert area.bottomRight().toPoint() == window.rect().bottomRight() + QPoint(1, 1)
    with qtbot.waitSignal(watcher.requested, timeout=HOLD_MS * 5):
        QTest.mousePress(window.windowHandle(), Qt.MouseButton.LeftButton,
                         Qt.KeyboardModifier.NoModifier, area.center().toPoint())
    QTest.mouseRelease(window.windowHandle(), Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier, area.center().toPoint())


@pytest.mark.parametrize("gesture", ["short press", "press elsewhere", "slide out",
                                     "second finger"])
def test_other_presses_do_not_ask_for_the_pin(corner, qtbot, gesture):
    from touch import device

    window, watcher = corner
    requested = []
    watcher.requested.connect(lambda: requested.append(True))
    point = _corner_point(window, watcher)
    if gesture == "short press":
        tap(window, point)
    elif gesture == "press elsewhere":
        press(window, window.rect().center())
    elif gesture == "slide out":
        press(window, point)
        move(window, point + QPoint(watcher.side * 2, 0))
    else:
        press(window, point)
        QTest.touchEvent(window, device()).stationary(0).press(1, window.rect().center(),
                                                               window).commit()
    QTest.qWait(HOLD_MS * 2)
    assert requested == []


def test_the_corner_watcher_does_not_get_in_the_way_of_a_visitor(corner, qtbot):
    window, _ = corner
    tile = window.home.tiles[0]
    tap(window, _centre(window, tile))
    qtbot.waitUntil(lambda: window.exhibit is not None)


# --- the PIN gate --------------------------------------------------------------------


def test_five_wrong_pins_lock_the_gate_for_a_minute(pin_hash):
    clock = FakeClock()
    gate = PinGate(pin_hash, clock=clock)
    assert gate.check("0000") is PinResult.WRONG
    assert gate.attempts_left == 4
    results = [gate.check("1111") for _ in range(4)]
    assert results == [PinResult.WRONG] * 3 + [PinResult.LOCKED]
    assert gate.locked_seconds() == 60
    clock.now += 59.5
    assert gate.check(PIN) is PinResult.LOCKED, "not even the right PIN opens a locked gate"
    assert gate.locked_seconds() == 1
    clock.now += 0.5
    assert gate.locked_for() == 0 and gate.attempts_left == 5
    assert gate.check(PIN) is PinResult.OK


def test_a_right_pin_resets_the_count(pin_hash):
    gate = PinGate(pin_hash, max_failures=3)
    gate.check("0000")
    gate.check("0000")
    assert gate.check(PIN) is PinResult.OK
    assert gate.attempts_left == 3


@pytest.mark.parametrize("stored", [None, "", "hunter2", "scrypt$n=1$x$y"])
def test_without_a_usable_pin_hash_the_admin_screen_cannot_be_opened(stored, caplog):
    """The safe choice: a missing or hand-edited PIN never means "no PIN needed".
    The technician is told, in the log, how to set one."""
    with caplog.at_level(logging.WARNING, logger="kiosk.operation.admin"):
        gate = PinGate(stored)
    assert not gate.configured
    assert "kiosk set-pin" in caplog.text
    assert gate.check("0000") is PinResult.NOT_SET
    assert gate.check("") is PinResult.NOT_SET


# --- the PIN pad ---------------------------------------------------------------------


@pytest.fixture
def pad_on(make_window, ctx):
    from kiosk.ui.screens.pinpad import PinPad

    def make(gate: PinGate, tick_ms: int = 50):
        window = make_window()
        pad = PinPad(ctx, gate, window, tick_ms=tick_ms)
        pad.show()
        pad.raise_()
        QTest.qWait(20)
        return window, pad

    return make


def _enter(window, pad, digits: str, ok: bool = True) -> None:
    for digit in digits:
        tap(window, _centre(window, pad.digit_keys[digit]))
    if ok:
        tap(window, _centre(window, pad.ok_key))


def test_the_right_pin_unlocks(pad_on, qtbot, pin_hash):
    window, pad = pad_on(PinGate(pin_hash))
    assert not pad.ok_key.isEnabled(), "a PIN has at least four digits"
    with qtbot.waitSignal(pad.unlocked, timeout=2000):
        _enter(window, pad, PIN)


def test_digits_show_as_dots_only_and_delete_removes_one(pad_on, pin_hash):
    window, pad = pad_on(PinGate(pin_hash))
    _enter(window, pad, "135", ok=False)
    assert pad.dots.count == 3
    assert all("135" not in label.text() for label in pad.findChildren(QLabel))
    tap(window, _centre(window, pad.delete_key))
    assert pad.entry == "13" and pad.dots.count == 2


def test_a_wrong_pin_says_so_and_counts_down_the_attempts(pad_on, pin_hash):
    window, pad = pad_on(PinGate(pin_hash))
    unlocked = []
    pad.unlocked.connect(lambda: unlocked.append(True))
    _enter(window, pad, "1357")
    assert pad.message.text() == "Wrong PIN. Attempts left: 4"
    assert pad.dots.count == 0 and not unlocked
    _enter(window, pad, "9")
    assert pad.message.text() == "", "typing again clears the message"


def test_five_wrong_pins_lock_the_pad_with_a_live_countdown(pad_on, qtbot, pin_hash):
    clock = FakeClock()
    window, pad = pad_on(PinGate(pin_hash, lock_seconds=60, clock=clock))
    for _ in range(5):
        _enter(window, pad, "1111")
    assert pad.message.text() == "Too many wrong PINs. Try again in 60 s"
    keys = [*pad.digit_keys.values(), pad.delete_key, pad.ok_key]
    assert not any(key.isEnabled() for key in keys)
    assert pad.cancel_key.isEnabled()
    tap(window, _centre(window, pad.digit_keys["1"]))
    assert pad.entry == ""
    clock.now += 42.2
    qtbot.waitUntil(lambda: pad.message.text() == "Too many wrong PINs. Try again in 18 s")
    clock.now += 18
    qtbot.waitUntil(lambda: pad.digit_keys["1"].isEnabled())
    assert pad.message.text() == ""
    with qtbot.waitSignal(pad.unlocked, timeout=2000):
        _enter(window, pad, PIN)


def test_the_lockout_outlives_the_pad(pad_on, ctx, pin_hash):
    from kiosk.ui.screens.pinpad import PinPad

    gate = PinGate(pin_hash, max_failures=1, clock=FakeClock())
    window, pad = pad_on(gate)
    _enter(window, pad, "1111")
    again = PinPad(ctx, gate, window)
    assert not again.digit_keys["5"].isEnabled()
    assert again.message.text().startswith("Too many wrong PINs")


def test_cancel_emits_cancelled(pad_on, qtbot, pin_hash):
    window, pad = pad_on(PinGate(pin_hash))
    _enter(window, pad, "12", ok=False)
    with qtbot.waitSignal(pad.cancelled, timeout=1000):
        tap(window, _centre(window, pad.cancel_key))
    assert pad.entry == ""


def test_without_a_pin_the_pad_says_so_and_only_cancel_works(pad_on):
    window, pad = pad_on(PinGate(None))
    assert pad.message.text() == "Staff access is not set up on this kiosk"
    assert not pad.digit_keys["0"].isEnabled() and pad.cancel_key.isEnabled()


def test_the_pad_speaks_the_visitors_language(pad_on, ctx, pin_hash):
    window, pad = pad_on(PinGate(pin_hash))
    _enter(window, pad, "1111")
    ctx.session.set_language("ru")
    assert pad.title.text() == "Только для персонала: введите PIN-код"
    assert pad.message.text() == "Неверный PIN-код. Осталось попыток: 4"
    assert pad.cancel_key.text() == "Отмена"


def test_pad_keys_are_large_and_well_spaced(pad_on, ctx, pin_hash):
    _, pad = pad_on(PinGate(pin_hash))
    keys = [b for b in pad.findChildren(QAbstractButton)]
    for key in keys:
        assert min(key.width(), key.height()) >= ctx.mm(20)
    for a, b in itertools.combinations(keys, 2):
        ga, gb = a.geometry(), b.geometry()
        gap = max(gb.left() - ga.right() - 1, ga.left() - gb.right() - 1,
                  gb.top() - ga.bottom() - 1, ga.top() - gb.bottom() - 1)
        assert ctx.metrics.to_mm(gap) >= 13 - 0.05
    top = min(key.mapTo(pad, QPoint()).y() for key in keys)
    assert top >= pad.height() / 2, "the keypad is within reach, in the lower half"


def test_the_pad_follows_the_window_size(pad_on, pin_hash):
    window, pad = pad_on(PinGate(pin_hash))
    window.resize(1600, 900)
    QTest.qWait(20)
    assert pad.geometry() == window.rect()


# --- the admin screen ----------------------------------------------------------------


@pytest.fixture
def admin_info(exhibits_root):
    from kiosk.content.loader import load_catalog
    from kiosk.ui.screens.admin import AdminInfo

    make_exhibit(exhibits_root, "good")
    make_exhibit(exhibits_root, "broken", "schema: 1\ntitle: Broken\ntile: tile.png\npanel: []\n")
    settings_problem = Problem("kiosk.yaml", 2, 20, Severity.ERROR, "idle.timeout_seconds",
                               "must be at least 30 seconds")
    return AdminInfo.collect(load_catalog([exhibits_root]), [settings_problem],
                             "Visitor statistics: 2024-05-01\nSessions: 3")


@pytest.fixture
def admin_screen(make_window, ctx, admin_info):
    from kiosk.ui.screens.admin import AdminScreen

    window = make_window(lockdown=True)
    screen = AdminScreen(ctx, admin_info, window)
    screen.show()
    screen.raise_()
    QTest.qWait(20)
    return window, screen


def _shown(labels) -> list[str]:
    return [label.text().replace("\u200b", "") for label in labels]


def test_admin_screen_lists_exhibits_problems_and_statistics(admin_screen, admin_info):
    _, screen = admin_screen
    assert admin_info.exhibits == [("good", "A good exhibit")]
    lines = _shown(screen.problem_labels)
    assert lines[0] == "kiosk.yaml:2:20: error: idle.timeout_seconds: must be at least 30 seconds"
    content = admin_info.content_problems
    assert content and all("broken/exhibit.yaml" in p.file for p in content)
    assert lines[1:] == [p.format() for p in content]
    texts = _shown(screen.findChildren(QLabel))
    assert "A good exhibit  (good)" in texts
    assert "Visitor statistics: 2024-05-01\nSessions: 3" in texts


def test_admin_screen_shows_new_info_after_a_reload(admin_screen, admin_info):
    from kiosk.ui.screens.admin import AdminInfo

    _, screen = admin_screen
    screen.set_info(AdminInfo(admin_info.exhibits, [], [], ""))
    assert screen.problem_labels == []
    assert "Settings problems: 0" in _shown(screen.findChildren(QLabel))


@pytest.mark.parametrize("button, signal", [
    ("reload_button", "reload_requested"), ("attract_button", "restart_attract_requested"),
    ("quit_button", "quit_requested"), ("close_button", "closed")])
def test_admin_buttons_emit_their_signals(admin_screen, qtbot, button, signal):
    window, screen = admin_screen
    with qtbot.waitSignal(getattr(screen, signal), timeout=1000):
        tap(window, _centre(window, getattr(screen, button)))


def test_quit_from_the_admin_screen_closes_a_locked_window(admin_screen):
    window, screen = admin_screen
    screen.quit_requested.connect(window.lockdown.allow_quit)
    screen.quit_requested.connect(window.close)
    tap(window, _centre(window, screen.quit_button))
    assert not window.isVisible()
