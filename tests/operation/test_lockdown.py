"""Lockdown: no key, shortcut or close request gets the visitor out."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

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


def test_without_lockdown_esc_quits_and_the_window_is_ordinary(make_window):
    window = make_window(lockdown=False)
    assert not window.windowFlags() & Qt.WindowType.FramelessWindowHint
    assert window.cursor().shape() != Qt.CursorShape.BlankCursor
    assert not window.lockdown.enabled
    QTest.keyClick(window, Qt.Key.Key_Escape)
    assert not window.isVisible()


