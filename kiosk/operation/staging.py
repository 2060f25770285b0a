"""Applying accepted content changes only when nobody can be disturbed.

The content watcher hands over each change that validated; it waits here
until the mode says the kiosk is unattended (attract mode showing, for a
visitor kiosk) and is then applied in one step: the image cache is emptied,
so that a still replaced under the same name never shows stale, and the visit
model gets the new catalog, which every screen follows.
"""

from __future__ import annotations

import logging

from kiosk.content.loader import Catalog
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
        visit.events.place.connect(self._place_changed)
        visit.events.overlay.connect(self._overlay_changed)

    def stage(self, catalog: Catalog) -> None:
        log.info("content change staged: %d exhibits", len(catalog.exhibits))
        self.staged = catalog
        self.apply_if_unattended()

    def apply_if_unattended(self) -> None:
        if self.staged is None or not self.mode.unattended():
            return
        catalog, self.staged = self.staged, None
        self.images.clear()
        self.visit.set_catalog(catalog)
        log.info("content change applied: %d exhibits", len(catalog.exhibits))

    def _place_changed(self, _old: Place, _new: Place) -> None:
        self.apply_if_unattended()

    def _overlay_changed(self, _overlay: Overlay | None) -> None:
        self.apply_if_unattended()
