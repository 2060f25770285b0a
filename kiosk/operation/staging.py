"""Applying accepted content changes only when nobody can be disturbed.

The content watcher hands over each change that validated; it waits here
until the mode says the kiosk is unattended (attract mode showing, for a
visitor kiosk) and is then applied in one step: the image cache is emptied,
so that a still replaced under the same name never shows stale, and the visit
model gets the new catalog, which every screen follows.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date

from kiosk.content.loader import Catalog, on_show
from kiosk.media.images import ImageLoader
from kiosk.operation.modes import Mode
from kiosk.visit.model import Overlay, Place, Visit

log = logging.getLogger(__name__)


class ContentStaging:
    def __init__(self, visit: Visit, images: ImageLoader, mode: Mode):
        self.visit = visit
        self.images = images
        self.mode = mode
        self.staged: Catalog | None = None
        self._then: Callable[[], None] | None = None
        visit.events.place.connect(self._place_changed)
        visit.events.overlay.connect(self._overlay_changed)

    def stage(self, catalog: Catalog, day: date | None = None, then: Callable[[], None] | None = None) -> None:
        """`catalog` as it shows on `day`, today by default (exhibits within
        their show_from and show_until). `then` runs just before it goes on
        screen; when it raises OSError, the change is dropped."""
        self.staged, self._then = on_show(catalog, day or date.today()), then
        log.info("content change staged: %d exhibits, %d on show today", len(catalog.exhibits),
                 len(self.staged.exhibits))
        self.apply_if_unattended()

    def follow_the_calendar(self, catalog: Catalog, day: date) -> None:
        """At start and each new day: stage `catalog` if `day` shows other
        exhibits than the screen does (one came into or went out of its dates)."""
        shown = [item.id for item in self.visit.catalog.exhibits]
        if [item.id for item in on_show(catalog, day).exhibits] != shown:
            self.stage(catalog, day)

    def apply_if_unattended(self) -> None:
        if self.staged is None or not self.mode.unattended():
            return
        catalog, then, self.staged, self._then = self.staged, self._then, None, None
        if then is not None:
            try:
                then()
            except OSError:
                log.exception("content change not applied")
                return
        self.images.clear()
        self.visit.set_catalog(catalog)
        log.info("content change applied: %d exhibits", len(catalog.exhibits))

    def _place_changed(self, _old: Place, _new: Place) -> None:
        self.apply_if_unattended()

    def _overlay_changed(self, _overlay: Overlay | None) -> None:
        self.apply_if_unattended()
