"""The fault barrier: a bug in one handler must not take the kiosk down.

PySide6 reports an exception raised in an event handler, timer callback or slot
run by the event loop through `sys.excepthook`, then carries on. The barrier
takes that hook (and `threading.excepthook`), logs the full traceback and asks
the controller to recover: back to the home screen, or, when faults keep
coming, back to attract mode with the last good content.
"""

from __future__ import annotations

import logging
import sys
import threading
import time
from collections import deque
from collections.abc import Callable
from types import TracebackType

from PySide6.QtCore import QObject, Qt, Signal

log = logging.getLogger(__name__)

ExcInfo = tuple[type[BaseException], BaseException, TracebackType | None]


class FaultWindow:
    """Counts faults in a sliding time window: `limit` of them within
    `seconds` means that recovering to the home screen is not helping."""

    def __init__(self, limit: int = 5, seconds: float = 60.0,
                 clock: Callable[[], float] = time.monotonic):
        self.limit = limit
        self.seconds = seconds
        self._clock = clock
        self._times: deque[float] = deque()

    def add(self) -> bool:
        """Record a fault; True when it is the `limit`-th within the window.
        The window then starts afresh, so escalation is not repeated for every
        further fault of the same burst."""
        now = self._clock()
        self._times.append(now)
        while self._times and self._times[0] <= now - self.seconds:
            self._times.popleft()
        if len(self._times) >= self.limit:
            self._times.clear()
            return True
        return False


class FaultBarrier(QObject):
    """Logs every uncaught exception and emits `recover`, or `escalate` when
    faults repeat. Both are delivered through the event loop, after the failing
    handler has returned, and in the GUI thread even for a worker's fault."""

    recover = Signal()
    escalate = Signal()
    _fault = Signal()

    def __init__(self, limit: int = 5, window_seconds: float = 60.0,
                 clock: Callable[[], float] = time.monotonic, parent: QObject | None = None):
        super().__init__(parent)
        self._window = FaultWindow(limit, window_seconds, clock)
        self._lock = threading.Lock()
        self._pending = False
        self._escalating = False
        self._delivering = False
        self._previous_hook: Callable[..., object] | None = None
        self._previous_thread_hook: Callable[[threading.ExceptHookArgs], object] | None = None
        self._fault.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    def install(self) -> None:
        if self._previous_hook is None:
            self._previous_hook = sys.excepthook
            self._previous_thread_hook = threading.excepthook
            sys.excepthook = self._excepthook
            threading.excepthook = self._thread_excepthook

    def uninstall(self) -> None:
        if self._previous_hook is not None:
            sys.excepthook = self._previous_hook
            threading.excepthook = self._previous_thread_hook  # type: ignore[assignment]
            self._previous_hook = self._previous_thread_hook = None

    def _excepthook(self, kind: type[BaseException], value: BaseException,
                    traceback: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):  # Ctrl+C in a terminal still stops the kiosk
            (self._previous_hook or sys.__excepthook__)(kind, value, traceback)
            return
        self._handle((kind, value, traceback), "in the event loop")

    def _thread_excepthook(self, args: threading.ExceptHookArgs) -> None:
        where = f"in thread {args.thread.name if args.thread else '?'}"
        value = args.exc_value if args.exc_value is not None else args.exc_type()
        self._handle((args.exc_type, value, args.exc_traceback), where)

    def _handle(self, exc_info: ExcInfo, where: str) -> None:
        try:
            if self._delivering and threading.current_thread() is threading.main_thread():
                # A recovery slot failed: recovering again would loop forever.
                log.critical("unhandled exception while recovering from a fault", exc_info=exc_info)
                return
            log.error("unhandled exception %s; recovering", where, exc_info=exc_info)
            with self._lock:
                self._escalating |= self._window.add()
                if self._pending:
                    return
                self._pending = True
            self._fault.emit()
        except BaseException:  # the barrier itself must never take the process down
            try:
                sys.__excepthook__(*exc_info)
                sys.__excepthook__(*sys.exc_info())
            except BaseException:
                pass

    def _deliver(self) -> None:
        with self._lock:
            escalate, self._escalating, self._pending = self._escalating, False, False
        if escalate:
            log.error("faults keep repeating; falling back to attract mode")
        self._delivering = True
        try:
            (self.escalate if escalate else self.recover).emit()
        finally:
            self._delivering = False
