"""The only way out of a locked-down kiosk: a long press in a corner, then a PIN.

`AdminCorner` notices a press held in the configured corner of the window and
asks for the PIN pad; `PinGate` decides whether an entered PIN opens the admin
screen and locks the pad after repeated wrong PINs (plain Python, with an
injectable clock, so the lockout is tested without waiting a minute).
"""

from __future__ import annotations

import logging
import math
import time
from collections.abc import Callable
from enum import Enum
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QMouseEvent, QTouchEvent, QWindow
from PySide6.QtWidgets import QWidget

from kiosk.operation.pin import is_pin_hash, verify_pin

if TYPE_CHECKING:
    from kiosk.ui.context import Context

log = logging.getLogger(__name__)

CORNER_MM = 30.0
"""The side of the square, in the configured corner, that must be held."""
MAX_FAILURES = 5
LOCK_SECONDS = 60.0

_PRESSES = {QEvent.Type.TouchBegin, QEvent.Type.MouseButtonPress}
_MOVES = {QEvent.Type.TouchUpdate, QEvent.Type.MouseMove}
_RELEASES = {QEvent.Type.TouchEnd, QEvent.Type.TouchCancel, QEvent.Type.MouseButtonRelease}


class AdminCorner(QObject):
    """Emits `requested` when one finger (or the mouse) is held `hold_ms` inside
    the `corner` square ("top-left", "top-right", "bottom-left", "bottom-right")
    of `window`; moving out of the square, a second finger or lifting early cancels.

    It watches the window's QWindow, which receives every touch and click before
    any widget does, so it works on every screen and overlay; it never consumes
    an event, so normal use is undisturbed (a 3-second hold on the very corner
    is no visitor gesture, and the screen beneath may still see the release).
    """

    requested = Signal()

    def __init__(self, window: QWidget, ctx: Context, corner: str = "top-left",
                 hold_ms: int = 3000, size_mm: float = CORNER_MM):
        super().__init__(window)
        self.window = window
        self.corner = corner
        self.side = ctx.mm(size_mm)
        self._handle: QWindow | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(hold_ms)
        self._timer.timeout.connect(self._held)
        window.installEventFilter(self)  # to follow the QWindow when it is (re)created
        self._attach()

    @property
    def pressing(self) -> bool:
        return self._timer.isActive()

    def area(self) -> QRectF:
        """The corner square in window coordinates."""
        rect = QRectF(self.window.rect())
        x = rect.right() - self.side if self.corner.endswith("right") else rect.left()
        y = rect.bottom() - self.side if self.corner.startswith("bottom") else rect.top()
        return QRectF(x, y, self.side, self.side)

    def _attach(self) -> None:
        handle = self.window.windowHandle()
        if handle is not self._handle:
            if self._handle is not None:
                self._handle.removeEventFilter(self)
            self._handle = handle
            if handle is not None:
                handle.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if watched is self.window:
            if kind in (QEvent.Type.Show, QEvent.Type.WinIdChange):
                self._attach()
        elif kind in _PRESSES:
            self._press(event)
        elif kind in _MOVES:
            if self.pressing and not self._inside(event):
                self._timer.stop()
        elif kind in _RELEASES:
            self._timer.stop()
        return False

    def _press(self, event: QEvent) -> None:
        if isinstance(event, QTouchEvent) and len(event.points()) != 1:
            self._timer.stop()
        elif isinstance(event, QMouseEvent) and event.button() != Qt.MouseButton.LeftButton:
            self._timer.stop()
        elif not self.pressing and self._inside(event):
            # A touch arrives first, then the mouse press Qt makes from it: one hold.
            self._timer.start()

    def _inside(self, event: QEvent) -> bool:
        if isinstance(event, QTouchEvent):
            points = event.points()
            if len(points) != 1:
                return False
            position = points[0].position()
        elif isinstance(event, QMouseEvent):
            position = event.position()
        else:
            return False
        return self.area().contains(QPointF(position))

    def _held(self) -> None:
        log.info("admin corner held: asking for the PIN")
        self.requested.emit()


class PinResult(Enum):
    OK = "ok"
    WRONG = "wrong"
    LOCKED = "locked"
    """Too many wrong PINs: nothing is checked until the lock ends."""
    NOT_SET = "not set"
    """No usable PIN hash in the settings: the admin screen cannot be opened."""


class PinGate:
    """Checks PINs against the stored hash; `max_failures` wrong PINs in a row
    lock it for `lock_seconds`, after which it starts counting again.

    Without a usable hash (none set, or a hand-edited one) every PIN is refused:
    a kiosk must never open its admin screen to anyone because a PIN is missing.
    """

    def __init__(self, pin_hash: str | None, max_failures: int = MAX_FAILURES,
                 lock_seconds: float = LOCK_SECONDS, clock: Callable[[], float] = time.monotonic):
        self.pin_hash = pin_hash
        self.max_failures = max_failures
        self.lock_seconds = lock_seconds
        self.clock = clock
        self.failures = 0
        self._locked_until: float | None = None
        if not self.configured:
            log.warning("no admin PIN is set, so the admin screen cannot be opened: "
                        "run `kiosk set-pin` to set one")

    @property
    def configured(self) -> bool:
        return is_pin_hash(self.pin_hash)

    @property
    def attempts_left(self) -> int:
        return self.max_failures - self.failures

    def locked_for(self) -> float:
        """Seconds until PINs are accepted again; 0 when they are now."""
        if self._locked_until is None:
            return 0.0
        remaining = self._locked_until - self.clock()
        if remaining <= 0:
            self._locked_until = None
            self.failures = 0
            return 0.0
        return remaining

    def locked_seconds(self) -> int:
        """`locked_for()` rounded up to whole seconds, for showing."""
        return math.ceil(self.locked_for())

    def check(self, pin: str) -> PinResult:
        if not self.configured:
            log.error("a PIN was entered but no admin PIN is set: run `kiosk set-pin`")
            return PinResult.NOT_SET
        if self.locked_for() > 0:
            return PinResult.LOCKED
        if verify_pin(pin, self.pin_hash):
            self.failures = 0
            log.info("admin PIN accepted")
            return PinResult.OK
        self.failures += 1
        if self.failures >= self.max_failures:
            self._locked_until = self.clock() + self.lock_seconds
            log.warning("%d wrong admin PINs: the PIN pad is locked for %.0f s",
                        self.failures, self.lock_seconds)
            return PinResult.LOCKED
        log.warning("wrong admin PIN (%d of %d)", self.failures, self.max_failures)
        return PinResult.WRONG
