"""The wipe's divider: where it is, how it moves, and what moves it.

A finger (or mouse, or pen) pressed anywhere on the images takes the divider,
which glides to it and then follows; the arrow keys step it. Every move the
visitor makes is told to the visit model (for the statistics); the hint that
eases the divider a little on first show is not the visitor's.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from PySide6.QtCore import (
    QEasingCurve,
    QObject,
    QPauseAnimation,
    QPointF,
    QSequentialAnimationGroup,
    QVariantAnimation,
    Signal,
)

from kiosk.ui.gestures import GestureHandler

KEY_STEP = 0.05
GLIDE_MS = 180
"""A tap moves the divider there quickly, but visibly."""
HINT_DELAY_MS = 400
"""Lets the page finish sliding in before the hint starts."""
HINT_MS = 1500
HINT_TRAVEL = 0.08


class Divider(QObject):
    """The divider's position, 0 to 1 along the wipe, and its animations."""

    changed = Signal(float)

    def __init__(self, start: float, moved_by_visitor: Callable[[float], None],
                 parent: QObject | None = None):
        super().__init__(parent)
        self._position = start
        self.moved_by_visitor = moved_by_visitor
        self.pressed = False
        self._glide = QVariantAnimation(self)
        self._glide.setDuration(GLIDE_MS)
        self._glide.setEasingCurve(QEasingCurve.Type.OutCubic)
        self._glide.valueChanged.connect(self.set_position)
        self._hint_base = start
        hint_motion = QVariantAnimation(self)
        hint_motion.setDuration(HINT_MS)
        hint_motion.setStartValue(0.0)
        hint_motion.setEndValue(1.0)
        hint_motion.valueChanged.connect(self._hint_step)
        self._hint = QSequentialAnimationGroup(self)
        self._hint.addAnimation(QPauseAnimation(HINT_DELAY_MS, self._hint))
        self._hint.addAnimation(hint_motion)

    @property
    def position(self) -> float:
        return self._position

    def set_position(self, value: float) -> None:
        value = min(1.0, max(0.0, float(value)))
        if value != self._position:
            self._position = value
            self.changed.emit(value)

    def glide_to(self, value: float) -> None:
        self._glide.stop()
        self._glide.setStartValue(self._position)
        self._glide.setEndValue(min(1.0, max(0.0, value)))
        self._glide.start()

    def play_hint(self) -> None:
        """Eases the divider a little toward the roomier side and back."""
        self._hint_base = self._position
        self._hint.start()

    def stop_motion(self) -> None:
        self._hint.stop()
        self._glide.stop()

    def _hint_step(self, progress: float) -> None:
        travel = HINT_TRAVEL if self._hint_base <= 0.5 else -HINT_TRAVEL
        self.set_position(self._hint_base + travel * (1 - math.cos(2 * math.pi * progress)) / 2)

    def reset(self, start: float) -> None:
        self.stop_motion()
        self.pressed = False
        self.set_position(start)

    # --- the visitor's moves -----------------------------------------------------

    def take(self, fraction: float) -> None:
        """A press at `fraction`: the divider glides there."""
        self._hint.stop()
        self.pressed = True
        self.glide_to(fraction)
        self.moved_by_visitor(fraction)

    def drag(self, fraction: float) -> None:
        self._glide.stop()
        self.set_position(fraction)
        self.moved_by_visitor(self._position)

    def step(self, forward: bool) -> None:
        self.stop_motion()
        self.set_position(self._position + (KEY_STEP if forward else -KEY_STEP))
        self.moved_by_visitor(self._position)

    def let_go(self) -> None:
        self.pressed = False
        self.changed.emit(self._position)


class DividerGestures(GestureHandler):
    """Any drag that starts on the images moves the divider."""

    def __init__(self, divider: Divider, fraction_at: Callable[[QPointF], float]):
        self.divider = divider
        self.fraction_at = fraction_at

    def claims(self, delta: QPointF) -> bool:
        return True

    def pressed(self, pos: QPointF) -> None:
        self.divider.take(self.fraction_at(pos))

    def drag_moved(self, pos: QPointF, offset: QPointF) -> None:
        self.divider.drag(self.fraction_at(pos))

    def released(self) -> None:
        self.divider.let_go()
