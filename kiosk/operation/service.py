"""Telling systemd how the kiosk is (a `Type=notify` unit with `WatchdogSec=`):
ready once its first frame is drawn, then a watchdog ping only while the
event loop turns and the window still paints. A kiosk that hangs (a stuck
decode, a deadlock) stops pinging, and systemd restarts it; a process that
is up while nothing is drawn is not "running" to anyone.

The protocol is one datagram per message on the socket named by
NOTIFY_SOCKET (sd_notify(3)); without it, as outside systemd, nothing is sent.
"""

from __future__ import annotations

import logging
import os
import socket
from collections.abc import Mapping

from PySide6.QtCore import QObject, QRect, QTimer
from PySide6.QtWidgets import QWidget

log = logging.getLogger(__name__)

DEFAULT_CHECK_MS = 5000
"""How often the window is checked for paint when systemd asks for no watchdog."""


class SystemdNotifier:
    """Sends sd_notify messages; a no-op outside a notify unit."""

    def __init__(self, environ: Mapping[str, str] = os.environ):
        address = environ.get("NOTIFY_SOCKET", "")
        self.address = "\0" + address[1:] if address.startswith("@") else address
        usec = environ.get("WATCHDOG_USEC", "")
        self.watchdog_ms = int(usec) // 1000 if usec.isdigit() and int(usec) > 0 else None
        if environ.get("WATCHDOG_PID", str(os.getpid())) not in (str(os.getpid()), str(os.getppid())):
            self.watchdog_ms = None  # meant for another process; under cage, cage is the main one

    @property
    def enabled(self) -> bool:
        return bool(self.address)

    def send(self, message: str) -> bool:
        if not self.address:
            return False
        try:
            with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as sock:
                sock.connect(self.address)
                sock.sendall(message.encode())
        except OSError as error:
            log.warning("cannot tell systemd %r: %s", message.split("=")[0], error)
            return False
        return True


class ServiceHeartbeat(QObject):
    """READY=1 after the first frame, then WATCHDOG=1 at half the watchdog's
    interval, each after drawing a pixel of the window: the ping itself proves
    that the event loop turns and that painting returns."""

    def __init__(self, window: QWidget, notifier: SystemdNotifier, parent: QObject | None = None):
        super().__init__(parent or window)
        self.window = window
        self.notifier = notifier
        self.ready = False
        self.pings = 0
        self._timer = QTimer(self)
        self._timer.setInterval(max(100, (notifier.watchdog_ms or 2 * DEFAULT_CHECK_MS) // 2))
        self._timer.timeout.connect(self._beat)

    def start(self) -> None:
        """Call when the window is shown: READY follows its first frame."""
        if not self.notifier.enabled:
            return
        QTimer.singleShot(0, self, self._beat)
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def stopping(self) -> None:
        """The kiosk is quitting: no more pings, and systemd is told."""
        self.stop()
        self.notifier.send("STOPPING=1")

    def _draws(self) -> bool:
        return not self.window.grab(QRect(0, 0, 1, 1)).isNull()

    def _beat(self) -> None:
        if not self._draws():
            log.error("the window did not paint: not telling systemd it is alive")
            return
        if not self.ready:
            self.ready = self.notifier.send("READY=1\nSTATUS=showing exhibits")
            log.info("told systemd the kiosk is ready")
        elif self.notifier.watchdog_ms is not None and self.notifier.send("WATCHDOG=1"):
            self.pings += 1
