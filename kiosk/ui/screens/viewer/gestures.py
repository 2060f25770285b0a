"""The still viewer's gestures: swipe between stills, pan when zoomed, pinch,
double tap to zoom. Recognised by kiosk.ui.gestures, from touch, mouse or pen."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF

from kiosk.ui.gestures import GestureHandler

if TYPE_CHECKING:
    from kiosk.ui.screens.viewer.stage import StillStage


class StageGestures(GestureHandler):
    """Every drag on the stage is the stage's; what it does depends on the
    zoom and on the drag's first direction."""

    pinches = True
    double_taps = True

    def __init__(self, stage: StillStage, show_still: Callable[[int], None]):
        self.stage = stage
        self.show_still = show_still
        self.mode: str | None = None
        """The gesture under way: None, pan, swipe, pinch, ignored."""
        self._press_slide = 0.0
        self._anchor = QPointF()
        """The image point held under the finger(s)."""
        self._pinch_zoom = 1.0

    @property
    def moving(self) -> bool:
        return self.mode in ("pan", "pinch", "swipe")

    def claims(self, delta: QPointF) -> bool:
        return True

    def pressed(self, pos: QPointF) -> None:
        self.stage.stop_motion()
        self.mode = None
        self._press_slide = self.stage.slide
        self._anchor = self.stage.image_point(pos)

    def drag_started(self, pos: QPointF) -> None:
        if self.mode == "pinch":  # one finger of a pinch lifted: the other pans on
            self.mode = "pan"
            self._anchor = self.stage.image_point(pos)

    def drag_moved(self, pos: QPointF, offset: QPointF) -> None:
        stage = self.stage
        if self.mode is None:
            if stage.zoom > 1.0:
                self.mode = "pan"
            elif abs(offset.x()) > abs(offset.y()) or self._press_slide:
                self.mode = "swipe"
            else:
                self.mode = "ignored"
        if self.mode == "pan":
            stage.place(stage.zoom, self._anchor, pos)
        elif self.mode == "swipe":
            dx = offset.x()
            last = len(stage.stills) - 1
            at_edge = (dx > 0 and stage.index == 0) or (dx < 0 and stage.index == last)
            resistance = stage.ctx.theme.motion.edge_resistance if at_edge else 1.0
            stage.set_slide(self._press_slide + dx * resistance)

    def drag_finished(self, velocity: QPointF) -> None:
        mode, self.mode = self.mode, None
        stage = self.stage
        stage.update()
        if mode != "swipe":
            stage.settle()
            return
        motion, metrics = stage.ctx.theme.motion, stage.ctx.metrics
        travelled = stage.slide - self._press_slide
        along = velocity.x() if velocity.x() * stage.slide > 0 else 0.0
        flick = (abs(travelled) > motion.flick_fraction * stage.width()
                 and metrics.to_mm(abs(along)) > motion.flick_mm_per_s)
        target = stage.index + (-1 if stage.slide > 0 else 1)
        if (abs(stage.slide) > motion.snap_fraction * stage.width() or flick) \
                and 0 <= target < len(stage.stills):
            self.show_still(target)
        else:
            stage.settle()

    def drag_cancelled(self) -> None:
        self.mode = None
        self.stage.settle()

    def pinch_started(self, centre: QPointF) -> None:
        stage = self.stage
        self.mode = "pinch"
        stage.stop_motion()
        stage.set_slide(0.0)
        self._pinch_zoom = stage.zoom
        self._anchor = stage.image_point(centre)

    def pinch_changed(self, scale: float, centre: QPointF) -> None:
        self.stage.place(self._pinch_zoom * scale, self._anchor, centre)

    def pinch_finished(self) -> None:
        self.stage.update()

    def double_tapped(self, pos: QPointF) -> None:
        self.stage.toggle_zoom(pos)
