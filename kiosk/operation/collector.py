"""Garbage collection on the GUI thread, at moments nobody is watching.

Python's collector runs wherever an allocation crosses its threshold, which
may be on the statistics writer's or an image decoder's thread; a cycle of Qt
wrappers freed there deletes Qt objects off the GUI thread. And the screens a
visitor leaves hold their stills in such cycles (widgets and the lambdas
connected to their signals) until a full collection, which the generational
collector seldom makes: memory climbs by tens of megabytes before it does.

So while the kiosk runs, automatic collection is off. A timer on the GUI
thread does what it would have done (qutebrowser's approach), and a full
collection follows the end of every visit, once attract mode has faded in.
"""

from __future__ import annotations

import gc
import logging
import time

from PySide6.QtCore import QObject

from kiosk.ui.context import Context
from kiosk.visit.model import Place, Screen

log = logging.getLogger(__name__)

CHECK_SECONDS = 1.0
AFTER_VISIT_SECONDS = 2.0
"""Longer than attract mode's fade-in, which a collection would stutter."""


class _Resumption:
    """Whether automatic collection was on when a collector started: it is
    turned back on only then (not by one that never ran, such as `kiosk
    render`'s spare controllers)."""

    def __init__(self) -> None:
        self.was_enabled: bool | None = None
        """None while the collector is not running."""

    def __call__(self) -> None:
        if self.was_enabled:
            gc.enable()
        self.was_enabled = None


class MainThreadCollector(QObject):
    """Collects on the GUI thread; automatic collection, if it was on, resumes
    when it is stopped or destroyed."""

    def __init__(self, ctx: Context, parent: QObject | None = None):
        super().__init__(parent)
        self._thresholds = gc.get_threshold()
        self._check = ctx.clock.timer(self._collect_due)
        self._after_visit = ctx.clock.timer(self.collect_all)
        ctx.signals.place_changed.connect(self._follow)
        self._resume = _Resumption()
        self.destroyed.connect(self._resume)  # a plain callable: it outlives the wrapper

    def start(self) -> None:
        if self._resume.was_enabled is None:
            self._resume.was_enabled = gc.isenabled()
        gc.disable()
        self._check.start(CHECK_SECONDS)

    def stop(self) -> None:
        self._check.stop()
        self._after_visit.stop()
        self._resume()

    def collect_all(self) -> None:
        began = time.perf_counter()
        found = gc.collect()
        log.debug("collected %d objects in %.0f ms", found, (time.perf_counter() - began) * 1000)

    def _follow(self, old: Place, new: Place) -> None:
        if new.screen is Screen.ATTRACT and old.screen is not Screen.ATTRACT and not gc.isenabled():
            self._after_visit.start(AFTER_VISIT_SECONDS)

    def _collect_due(self) -> None:
        collect_due(self._thresholds)
        self._check.start(CHECK_SECONDS)


def collect_due(thresholds: tuple[int, ...]) -> None:
    """The generations the automatic collector would have collected by now,
    with its `thresholds` (gc.get_threshold() before it was turned off)."""
    counts = gc.get_count()
    for generation in (2, 1, 0):
        if counts[generation] > thresholds[generation]:
            gc.collect(generation)
            break
