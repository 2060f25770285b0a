"""Noticing that the visitor has left, and starting over for the next one.

`IdleRules` holds the timing rules in plain Python: idle means `timeout_ms`
since the last input with no finger on the screen. `IdleWatcher` feeds it
every input event the application sees. `IdleReset` is the glue that turns
"idle" into the "Still there?" countdown, then into a full reset and attract
mode, and a touch on attract mode back into a visit.
"""

from __future__ import annotations

import logging
import math
import time
from collections.abc import Callable, Hashable, Iterable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QPointF, QTimer, Signal
from PySide6.QtGui import QEventPoint

if TYPE_CHECKING:
    from kiosk.ui.screens.attract import AttractScreen
    from kiosk.ui.screens.still_there import StillThereOverlay

log = logging.getLogger(__name__)

STUCK_FACTOR = 10
"""A pointer held down without any input for this many timeouts counts as lifted."""
MOUSE = "mouse"
"""The pointer id of a held mouse button (touch points use their integer ids)."""


class IdleRules:
    """When the kiosk counts as idle: `timeout_ms` after the last input, and
    never while a pointer (finger or mouse button) is down, since a visitor
    reading under a held finger or in the middle of a pinch is still there.

    The one exception: a pointer down with no input at all for `stuck_ms`
    counts as lifted, so a release lost by a touch frame (or eaten by a
    program bug) cannot keep the kiosk from ever starting over.

    Times are milliseconds on any monotonic clock, passed in by the caller.
    """

    def __init__(self, timeout_ms: float, stuck_ms: float | None = None, now: float = 0.0):
        self.timeout_ms = timeout_ms
        self.stuck_ms = STUCK_FACTOR * timeout_ms if stuck_ms is None else stuck_ms
        self.down: set[Hashable] = set()
        self.last_input = now

    def input(self, now: float) -> None:
        """Any input: the idle time starts again."""
        self.last_input = now

    def press(self, now: float, pointers: Iterable[Hashable]) -> None:
        self.down.update(pointers)
        self.last_input = now

    def release(self, now: float, pointers: Iterable[Hashable]) -> None:
        self.down.difference_update(pointers)
        self.last_input = now

    def release_all(self, now: float) -> None:
        self.down.clear()
        self.last_input = now

    def remaining_ms(self, now: float) -> float:
        """Milliseconds until idle (0: idle now). While a pointer is down this is
        the time until it is worth looking again."""
        quiet = now - self.last_input
        if self.down and quiet < self.stuck_ms:
            return min(self.timeout_ms, self.stuck_ms - quiet)
        return max(0.0, self.timeout_ms - quiet)


def _now_ms() -> float:
    return time.monotonic() * 1000


_KEEPS_AWAKE = {QEvent.Type.KeyPress, QEvent.Type.Wheel}
_TOUCH_END = {QEvent.Type.TouchEnd, QEvent.Type.TouchCancel}


class IdleWatcher(QObject):
    """Emits `idle` once the kiosk has been untouched for `timeout_ms`.

    Watches every touch, key press, mouse press, move and wheel event through
    an application event filter (it never consumes one). Input only updates
    `IdleRules` (no Qt calls per event); a single-shot timer looks again
    when the time could be up.

    After `idle` the watcher stays paused until `resume()`. `pause()` is for
    passing states (attract mode, the countdown); `enabled = False` is for
    modes without idle reset (presenter mode) and survives `resume()`.
    """

    idle = Signal()

    def __init__(self, timeout_ms: int, stuck_ms: int | None = None,
                 parent: QObject | None = None):
        super().__init__(parent)
        self.rules = IdleRules(timeout_ms, stuck_ms, _now_ms())
        self._paused = False
        self._enabled = True
        self._mouse_at: QPointF | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._check)
        QCoreApplication.instance().installEventFilter(self)
        self._arm(timeout_ms)

    @property
    def paused(self) -> bool:
        return self._paused

    @property
    def enabled(self) -> bool:
        return self._enabled

    @enabled.setter
    def enabled(self, enabled: bool) -> None:
        self._enabled = enabled
        if enabled and not self._paused:
            self.resume()
        elif not enabled:
            self._timer.stop()

    def pause(self) -> None:
        self._paused = True
        self._timer.stop()

    def resume(self) -> None:
        """Start counting again from now."""
        self._paused = False
        self.rules.input(_now_ms())
        if self._enabled:
            self._arm(self.rules.timeout_ms)

    def _arm(self, ms: float) -> None:
        self._timer.start(max(1, math.ceil(ms)))

    def _check(self) -> None:
        if self._paused or not self._enabled:
            return
        remaining = self.rules.remaining_ms(_now_ms())
        if remaining > 0:
            self._arm(remaining)
            return
        if self.rules.down:
            log.warning("pointers %s held without input for %.0f s: treating them as lifted",
                        sorted(map(str, self.rules.down)), self.rules.stuck_ms / 1000)
            self.rules.down.clear()
        self._paused = True
        log.info("idle for %.0f s", self.rules.timeout_ms / 1000)
        self.idle.emit()

    # --- input ------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        now = _now_ms()
        if kind == QEvent.Type.TouchBegin:
            # Nothing else is down when a touch sequence begins: forget lost releases.
            self.rules.release_all(now)
            self.rules.press(now, (point.id() for point in event.points()))
            if watched.isWindowType():
                self._stay_first()
        elif kind == QEvent.Type.TouchUpdate:
            # A finger may land or lift while others stay down (a pinch starting or ending).
            for point in event.points():
                state = point.state()
                if state == QEventPoint.State.Pressed:
                    self.rules.press(now, (point.id(),))
                elif state == QEventPoint.State.Released:
                    self.rules.release(now, (point.id(),))
            self.rules.input(now)
        elif kind in _TOUCH_END:
            self.rules.release_all(now)
        elif kind == QEvent.Type.MouseButtonPress:
            self.rules.press(now, (MOUSE,))
            if watched.isWindowType():
                self._stay_first()
        elif kind == QEvent.Type.MouseButtonRelease:
            if not event.buttons():
                self.rules.release(now, (MOUSE,))
        elif kind == QEvent.Type.MouseMove:
            # Qt repeats moves at a standing position (e.g. when widgets change under
            # the cursor); only a real move is a sign of life.
            position = event.globalPosition()
            if position != self._mouse_at:
                self._mouse_at = position
                self.rules.input(now)
        elif kind in _KEEPS_AWAKE:
            self.rules.input(now)
        return False

    def _stay_first(self) -> None:
        """Move this filter back to the front of the application's filters.

        Filters installed later (the pager's, for one) run first and may eat the
        rest of a touch sequence, release included; this watcher must see that
        release or it would think a finger is still down. Qt moves a filter
        installed again to the front; doing it after the current event is
        delivered keeps Qt's filter list unchanged while it is being walked.
        """
        QTimer.singleShot(0, self, lambda: QCoreApplication.instance().installEventFilter(self))


class IdleReset(QObject):
    """Idle -> "Still there?" -> full reset and attract mode -> the next visit.

    - `watcher.idle` shows the overlay's countdown;
    - "Keep exploring" (`overlay.kept`) hides it and restarts the watcher;
    - the end of the countdown (`overlay.expired`) calls `reset_session()`,
      then shows attract mode with the watcher paused;
    - the touch that wakes attract mode (`attract.woken`) opens the exhibit that
      was on screen through `open_exhibit(id)` and restarts the watcher.
    """

    attract_started = Signal()
    """Attract mode is showing: the moment to apply changed content."""
    session_reset = Signal()
    """An idle reset happened (for the statistics)."""

    def __init__(self, watcher: IdleWatcher, overlay: StillThereOverlay, attract: AttractScreen,
                 reset_session: Callable[[], None], open_exhibit: Callable[[str], None],
                 parent: QObject | None = None):
        super().__init__(parent)
        self.watcher = watcher
        self.overlay = overlay
        self.attract = attract
        self._reset_session = reset_session
        self._open_exhibit = open_exhibit
        watcher.idle.connect(overlay.start)
        overlay.kept.connect(watcher.resume)
        overlay.expired.connect(self._expired)
        attract.woken.connect(self._woken)

    def show_attract(self) -> None:
        """Attract mode over whatever is shown (at start, after a reset, from the admin screen)."""
        self.overlay.cancel()
        self.watcher.pause()
        self.attract.start()
        self.attract_started.emit()

    def _expired(self) -> None:
        log.info("idle reset")
        self._reset_session()
        self.show_attract()
        self.session_reset.emit()

    def _woken(self, exhibit_id: str) -> None:
        if exhibit_id:
            self._open_exhibit(exhibit_id)
        self.watcher.resume()
