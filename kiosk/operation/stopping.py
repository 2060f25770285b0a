"""A service stop (SIGTERM) or Ctrl+C (SIGINT) ends the kiosk cleanly.

Python runs a signal handler only between bytecodes, and Qt's event loop may
sit in C for a long time, so the signal is written to a socket that Qt
watches (`signal.set_wakeup_fd`): the stop is handled within one turn of the
event loop, the visit and the statistics are closed, and the process exits 0.
"""

from __future__ import annotations

import logging
import signal
import socket
from collections.abc import Callable

from PySide6.QtCore import QObject, QSocketNotifier

log = logging.getLogger(__name__)

STOP_SIGNALS = (signal.SIGTERM, signal.SIGINT)


class StopOnSignals(QObject):
    """Calls `stop(signal name)` on the GUI thread when a stop signal arrives."""

    def __init__(self, stop: Callable[[str], None], parent: QObject | None = None):
        super().__init__(parent)
        self._stop = stop
        self._received: list[int] = []
        self._reader, self._writer = socket.socketpair()
        for end in (self._reader, self._writer):
            end.setblocking(False)
        self._previous_fd = signal.set_wakeup_fd(self._writer.fileno(), warn_on_full_buffer=False)
        self._previous = {number: signal.signal(number, self._note) for number in STOP_SIGNALS}
        self._notifier = QSocketNotifier(self._reader.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._deliver)

    def _note(self, number: int, _frame: object) -> None:
        self._received.append(number)

    def _deliver(self) -> None:
        try:
            while self._reader.recv(64):
                pass
        except BlockingIOError:
            pass
        if self._received:
            name = signal.Signals(self._received[-1]).name
            self._received.clear()
            log.info("%s received: stopping the kiosk", name)
            self._stop(name)

    def uninstall(self) -> None:
        for number, handler in self._previous.items():
            signal.signal(number, handler)
        signal.set_wakeup_fd(self._previous_fd)
        self._notifier.setEnabled(False)
        self._reader.close()
        self._writer.close()
