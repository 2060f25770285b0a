"""Lockdown: nobody may leave the kiosk or break out of it with the keyboard.

With lockdown on the window is frameless, full screen and kept on top, a close
request (the window manager's Alt+F4 or close button, `QWidget.close()`, the
application quitting) is refused until the admin unlocks a quit, and every
key press is swallowed before any widget or shortcut sees it: Esc, Ctrl+Q,
Ctrl+W, F11, a Meta or Alt+Tab press that reaches the application, whatever a
keyboard left plugged in sends. The kiosk is used by touch, so no key is needed.

What an application cannot catch: Ctrl+Alt+Del, Ctrl+Alt+F1 (a console
switch), and the Meta key, Alt+Tab or Alt+F4 when the window manager or the
operating system takes them first. Those belong to the kiosk PC's own setup (a
kiosk user session such as Cage or GNOME Kiosk, or Windows Assigned Access);
here Alt+F4 only arrives as a close request, which is refused.

Without lockdown nothing changes: Esc still quits, so a first-time user trying
the kiosk on a desktop is never trapped.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QEvent, QObject, Qt, QTimer

from kiosk.ui.input import KEY_EVENTS, WINDOW_EVENTS
from kiosk.ui.window import KioskWindow

log = logging.getLogger(__name__)


class Lockdown(QObject):
    """Locks `window` down when `enabled`; hides the cursor over it when
    `cursor_hidden` (settings: hidden, or auto in lockdown), with or without lockdown.

    The ``lockdown`` stage of the window's input pipeline (kiosk.ui.input): it
    comes after the presenter's keys, so a clicker works in a locked kiosk.
    Create it after sizing the window and before showing it (a later `resize()`
    leaves full screen); the window's ordinary `show()` then shows it full screen.
    """

    name = "lockdown"
    events = KEY_EVENTS | WINDOW_EVENTS

    def __init__(self, window: KioskWindow, enabled: bool, cursor_hidden: bool):
        super().__init__(window)
        self.window = window
        self.enabled = enabled
        self._quit_allowed = False
        if cursor_hidden:
            window.setCursor(Qt.CursorShape.BlankCursor)
        if not enabled:
            return
        visible = window.isVisible()
        window.setWindowFlags(window.windowFlags() | Qt.WindowType.FramelessWindowHint
                              | Qt.WindowType.WindowStaysOnTopHint)
        window.setWindowState(Qt.WindowState.WindowFullScreen)
        if visible:  # changing the flags hides a shown window
            window.show()
        window.input.add(self)
        window.quit_on_escape = False  # a visitor's Esc goes back (kiosk.ui.keypad)
        log.info("lockdown on: frameless, full screen, on top; keys and closing disabled")

    def allow_quit(self) -> None:
        """The admin chose to quit: the next close request is let through."""
        self._quit_allowed = True

    def handle(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in KEY_EVENTS:
            event.accept()  # an accepted ShortcutOverride keeps shortcuts from firing
            return True
        if watched is self.window:
            if kind == QEvent.Type.Close:
                if self._quit_allowed:
                    self.window.input.remove(self)
                    return False
                log.info("lockdown: a request to close the window was refused")
                event.ignore()
                return True
            if kind == QEvent.Type.WindowStateChange and self._not_full_screen():
                # Minimised or restored by the window manager: back to full screen.
                QTimer.singleShot(0, self.window, self.window.showFullScreen)
        return False

    def _not_full_screen(self) -> bool:
        state = self.window.windowState()
        return bool(state & Qt.WindowState.WindowMinimized
                    or not state & Qt.WindowState.WindowFullScreen)
