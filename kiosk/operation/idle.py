"""Noticing that the visitor has left.

`IdleWatcher` is the input pipeline's ``idle`` stage (kiosk.ui.input): it
feeds every touch, click, key and wheel turn to `IdleRules`
(kiosk.visit.idle) without consuming any, and emits `idle` once the rules say
so. It counts only while a visitor can be there: not in attract mode, not
while an overlay (the countdown itself, the PIN pad, the admin screen) is up;
it follows the visit model for that. Time comes from the context's clock.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QEvent, QObject, QPointF, Signal
from PySide6.QtGui import QEventPoint, QMouseEvent, QTouchEvent

from kiosk.ui.context import Context
from kiosk.visit.idle import MOUSE, IdleRules
from kiosk.visit.model import Overlay, Place
from kiosk.visit.modes import DisplayModes

log = logging.getLogger(__name__)

Type = QEvent.Type
_KEEPS_AWAKE = {Type.KeyPress, Type.Wheel, Type.TabletPress, Type.TabletMove}


class IdleWatcher(QObject):
    """Emits `idle` once the kiosk has been untouched for `timeout_ms` while
    the visit is under way; after `idle` it waits until the visit resumes."""

    name = "idle"
    events = frozenset({Type.TouchBegin, Type.TouchUpdate, Type.TouchEnd, Type.TouchCancel,
                        Type.MouseButtonPress, Type.MouseButtonRelease, Type.MouseMove,
                        *_KEEPS_AWAKE})
    idle = Signal()

    def __init__(self, ctx: Context, timeout_ms: int, stuck_ms: int | None = None,
                 parent: QObject | None = None, audio_timeout_ms: int | None = None):
        """`audio_timeout_ms`: the timeout while the visitor is in audio mode (listening takes longer)."""
        super().__init__(parent)
        self.timeouts = {False: timeout_ms, True: audio_timeout_ms or timeout_ms}
        self.visit = ctx.visit
        self.clock = clock = ctx.clock
        self.rules = IdleRules(self.timeouts[ctx.visit.modes.audio], stuck_ms, self._now())
        self._mouse_at: QPointF | None = None
        self._timer = clock.timer(self._check)
        self.counting = False
        # Through the Qt relay, which lets go of this watcher when it is destroyed.
        ctx.signals.place_changed.connect(self._follow_place)
        ctx.signals.overlay_changed.connect(self._follow_overlay)
        ctx.signals.playing_changed.connect(self._follow_playing)
        ctx.signals.modes_changed.connect(self._follow_modes)
        self._follow()

    def _now(self) -> float:
        return self.clock.now() * 1000

    def _follow_place(self, _old: Place, _new: Place) -> None:
        self._follow()

    def _follow_overlay(self, _overlay: Overlay | None) -> None:
        self._follow()

    def _follow_modes(self, _old: DisplayModes, new: DisplayModes) -> None:
        self.rules.timeout_ms = self.timeouts[new.audio]
        self._follow()

    def _follow_playing(self, playing: bool) -> None:
        self.rules.hold(self._now(), playing)

    def _follow(self) -> None:
        counting = not self.visit.unvisited and self.visit.overlay is None
        if counting and not self.counting:
            self.rules.input(self._now())
            self._timer.start(self.rules.timeout_ms / 1000)
        elif not counting:
            self._timer.stop()
        self.counting = counting

    def _check(self) -> None:
        if not self.counting:
            return
        remaining = self.rules.remaining_ms(self._now())
        if remaining > 0:
            self._timer.start(remaining / 1000)
            return
        if self.rules.down:
            log.warning("pointers %s held without input for %.0f s: treating them as lifted",
                        sorted(map(str, self.rules.down)), self.rules.stuck_ms / 1000)
            self.rules.down.clear()
        log.info("idle for %.0f s", self.rules.timeout_ms / 1000)
        self.idle.emit()

    # --- input ------------------------------------------------------------------

    def handle(self, watched: QObject, event: QEvent) -> bool:
        now = self._now()
        if isinstance(event, QTouchEvent):
            self._touch(event, now)
        elif isinstance(event, QMouseEvent):
            self._mouse(event, now)
        else:
            self.rules.input(now)
        return False

    def _touch(self, event: QTouchEvent, now: float) -> None:
        kind = event.type()
        if kind == Type.TouchBegin:
            # Nothing else is down when a touch sequence begins: forget lost releases.
            self.rules.release_all(now)
            self.rules.press(now, (point.id() for point in event.points()))
        elif kind == Type.TouchUpdate:
            # A finger may land or lift while others stay down (a pinch starting or ending).
            for point in event.points():
                state = point.state()
                if state == QEventPoint.State.Pressed:
                    self.rules.press(now, (point.id(),))
                elif state == QEventPoint.State.Released:
                    self.rules.release(now, (point.id(),))
            self.rules.input(now)
        else:
            self.rules.release_all(now)

    def _mouse(self, event: QMouseEvent, now: float) -> None:
        kind = event.type()
        if kind == Type.MouseButtonPress:
            self.rules.press(now, (MOUSE,))
        elif kind == Type.MouseButtonRelease:
            if not event.buttons():
                self.rules.release(now, (MOUSE,))
        else:
            # Qt repeats moves at a standing position (e.g. when widgets change under
            # the cursor); only a real move is a sign of life.
            position = event.globalPosition()
            if position != self._mouse_at:
                self._mouse_at = position
                self.rules.input(now)
