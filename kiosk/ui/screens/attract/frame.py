"""An attract frame as a list of layers, and crossfade frames composed one frame ahead.

A crossfade at 4K is two full-screen passes (a copy of one still and a blend
of the other) under the scrim and the captions: about 10 ms on a 2-core PC,
too much for 60 fps on a busy one. So while the GUI thread shows one frame of
a crossfade, a worker thread composes the next into an image of its own, and
the GUI thread only copies that image and draws the call to action on top.

Only QImages cross to the worker (Qt allows no QPixmap off the GUI thread), and
QPainter releases the GIL while it paints. A layer that is not safe there (a
clip's frame, the placeholder's glyph) makes the frame one the GUI thread paints.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass

from PySide6.QtCore import QPoint, QPointF, QSize
from PySide6.QtGui import QImage, QPainter

log = logging.getLogger(__name__)

Layer = Callable[[QPainter], None]


def _log_failure(job: Future[None]) -> None:
    """A frame the worker could not compose is painted by the GUI thread, and told here."""
    if (error := job.exception()) is not None:
        log.error("a crossfade frame could not be composed ahead: %r", error)


def at_opacity(opacity: float, paint: Callable[[QPainter], object]) -> Layer:
    def layer(painter: QPainter) -> None:
        painter.setOpacity(opacity)
        paint(painter)
    return layer


def still_layer(image: QImage, drift: tuple[int, int], ratio: float) -> Layer:
    """A still drawn at whole device pixels and its own size: a copy, not a resampling."""
    def paint(painter: QPainter) -> None:
        painter.save()
        painter.scale(1 / ratio, 1 / ratio)
        painter.drawImage(QPoint(-drift[0], -drift[1]), image)
        painter.restore()
    return paint


def image_layer(image: QImage, at: QPointF) -> Layer:
    def paint(painter: QPainter) -> None:
        painter.drawImage(at, image)
    return paint


@dataclass(frozen=True)
class FramePlan:
    """What a frame shows below the call to action, at `moment` (ms into the loop) of `turn`."""

    turn: int
    moment: float
    size: QSize
    """In device pixels."""
    ratio: float
    layers: Sequence[Layer]
    portable: bool
    """Every layer may be painted on a worker thread."""

    def paint(self, painter: QPainter) -> None:
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        for layer in self.layers:
            layer(painter)
        painter.setOpacity(1.0)


class AheadComposer:
    """Composes the frame the GUI thread will need next, on one worker thread,
    into one of two images: the GUI thread shows the other meanwhile."""

    def __init__(self) -> None:
        self._worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="attract-frames")
        self._lock = threading.Lock()
        self._job: Future[None] | None = None
        self._images: list[QImage] = []
        self._ready: tuple[FramePlan, QImage] | None = None
        self._generation = 0
        """Counts `forget`s: a job started before one is not shown."""
        self.shown = 0
        """Frames shown from a composed image (what tests and the bench look at)."""

    def paint(self, painter: QPainter, plan: FramePlan, within_ms: float) -> None:
        """The composed image of `plan`'s turn and size if it was composed for a
        moment less than `within_ms` away (one frame), else `plan` painted here."""
        with self._lock:
            ready = self._ready
        if ready is not None and ready[0].turn == plan.turn and ready[0].size == plan.size \
                and ready[0].ratio == plan.ratio and abs(ready[0].moment - plan.moment) <= within_ms:
            painter.drawImage(QPoint(0, 0), ready[1])
            self.shown += 1
        else:
            plan.paint(painter)

    def compose(self, plan: FramePlan) -> None:
        """Start composing `plan`, unless the worker is still busy with the last one
        (the GUI thread then paints that frame itself)."""
        if not plan.portable or (self._job is not None and not self._job.done()):
            return
        with self._lock:
            ready = self._ready
        if ready is not None and (ready[0].turn, ready[0].moment) == (plan.turn, plan.moment):
            return  # paused in a crossfade: that frame is composed already
        shown = ready[1] if ready is not None else None
        if not self._images or self._images[0].size() != plan.size:
            self._images = [QImage(plan.size, QImage.Format.Format_RGB32) for _ in range(2)]
        target = self._images[1] if self._images[0] is shown else self._images[0]
        target.setDevicePixelRatio(plan.ratio)
        self._job = self._worker.submit(self._compose, plan, target, self._generation)
        self._job.add_done_callback(_log_failure)

    def _compose(self, plan: FramePlan, target: QImage, generation: int) -> None:
        painter = QPainter(target)
        plan.paint(painter)
        painter.end()
        with self._lock:
            if generation == self._generation:
                self._ready = (plan, target)

    def wait(self) -> None:
        if self._job is not None:
            self._job.result()

    def forget(self) -> None:
        """Nothing composed so far is shown (the words or the size changed)."""
        with self._lock:
            self._ready = None
            self._generation += 1

    def release(self) -> None:
        """Between crossfades: the two screen-sized images go back to the system."""
        if self._job is None or self._job.done():
            self.forget()
            self._images = []
