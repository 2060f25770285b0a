"""Time for the kiosk's rules (idle timeout, countdown), injectable.

Operation code asks a `Clock` for the time and for timers instead of calling
`time.monotonic` and `QTimer` itself, so that tests drive an hour of idle
rules on a fake clock in no time (tests/helpers/clock.py).
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import QTimer

MAX_TIMER_MS = 2**31 - 1
"""A QTimer's interval is a 32-bit count of milliseconds (about 24 days)."""


class Timer(Protocol):
    def start(self, seconds: float) -> None:
        """Call back once after `seconds` (restarting the timer if running)."""

    def stop(self) -> None: ...

    @property
    def active(self) -> bool: ...


class Clock(Protocol):
    def now(self) -> float:
        """Seconds on a monotonic clock."""

    def timer(self, callback: Callable[[], object]) -> Timer: ...


class _QtTimer:
    def __init__(self, callback: Callable[[], object]):
        self._timer = QTimer()
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(callback)

    def start(self, seconds: float) -> None:
        self._timer.start(min(MAX_TIMER_MS, max(1, math.ceil(seconds * 1000))))

    def stop(self) -> None:
        self._timer.stop()

    @property
    def active(self) -> bool:
        return self._timer.isActive()


class SystemClock:
    """The real clock and Qt's timers."""

    def now(self) -> float:
        return time.monotonic()

    def timer(self, callback: Callable[[], object]) -> Timer:
        return _QtTimer(callback)
