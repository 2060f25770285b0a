"""Where the visitor is, in plain Python, with events that views observe."""

from __future__ import annotations

import logging
from dataclasses import dataclass, replace
from enum import Enum

from kiosk.content.loader import Catalog, LoadedExhibit
from kiosk.content.schema import GalleryPanel, Still
from kiosk.visit.events import Event
from kiosk.visit.modes import DisplayModes
from kiosk.visit.pages import pages_of

log = logging.getLogger(__name__)


class Screen(str, Enum):
    ATTRACT = "attract"
    HOME = "home"
    EXHIBIT = "exhibit"
    CLOSED = "closed"
    """Outside opening hours: no visit, no attract loop, touches ignored."""


class Overlay(str, Enum):
    """Layers over the screen that stop the visit for a moment."""

    STILL_THERE = "still_there"
    PIN = "pin"
    ADMIN = "admin"


@dataclass(frozen=True)
class Place:
    """A screen; on an exhibit, its page (0 is the title page, then the
    panels: kiosk.visit.pages) and the still open in the viewer (an index into
    that page's stills), if any."""

    screen: Screen
    exhibit: str | None = None
    page: int = 0
    still: int | None = None


ATTRACT = Place(Screen.ATTRACT)
HOME = Place(Screen.HOME)
CLOSED = Place(Screen.CLOSED)


def stills_of(panel: object) -> list[Still]:
    """The stills a panel opens in the viewer."""
    return list(panel.stills) if isinstance(panel, GalleryPanel) else []


class VisitEvents:
    def __init__(self) -> None:
        self.place = Event[[Place, Place]]()
        """(old, new) place."""
        self.language = Event[[str]]()
        self.overlay = Event[["Overlay | None"]]()
        self.zoom = Event[[float]]()
        """The still in the viewer was zoomed (1.0: fitted)."""
        self.wipe = Event[[float]]()
        """The visitor moved the divider of the wipe on screen to this position."""
        self.catalog = Event[[Catalog]]()
        self.playing = Event[[bool]]()
        """A clip started or stopped playing (idle waits for it to end)."""
        self.clip = Event[[str]]()
        """What a visitor did with a clip, for the statistics: played, completed, captions, described."""
        self.modes = Event[[DisplayModes, DisplayModes]]()
        """(old, new) display modes: text size, contrast, motion, reach, speech."""
        self.reset = Event[[str]]()
        """The visit is over (the reason: idle_reset, staff, fault, ...), emitted
        before the place, language and overlay go back to their starting values."""


class Visit:
    """The visitor's place and language; every change goes through a method
    here and is announced by `events`. Requests that make no sense (an exhibit
    that is not loaded, a panel past the end) are ignored and logged."""

    def __init__(self, catalog: Catalog, languages: list[str], default_language: str,
                 place: Place = HOME, modes: DisplayModes | None = None):
        self.catalog = catalog
        self.languages = list(languages)
        self.default_language = default_language
        self.language = default_language
        self.place = place
        self.overlay: Overlay | None = None
        self.zoom = 1.0
        self.playing = False
        self.default_modes = modes or DisplayModes()
        """The kiosk's configured modes, which every reset returns to."""
        self.modes = self.default_modes
        self.events = VisitEvents()

    # --- what is shown ----------------------------------------------------------

    @property
    def item(self) -> LoadedExhibit | None:
        """The exhibit on screen."""
        return self.catalog.get(self.place.exhibit) if self.place.screen is Screen.EXHIBIT else None

    @property
    def stills(self) -> list[Still]:
        """The stills the viewer moves through: those of the page on screen."""
        item = self.item
        return stills_of(pages_of(item)[self.place.page]) if item else []

    @property
    def attracting(self) -> bool:
        return self.place.screen is Screen.ATTRACT

    @property
    def closed(self) -> bool:
        return self.place.screen is Screen.CLOSED

    @property
    def unvisited(self) -> bool:
        """Nobody can be using the kiosk: attract mode, or closed."""
        return self.attracting or self.closed

    # --- navigation ---------------------------------------------------------------

    def go_home(self) -> None:
        self._move(HOME)

    def show(self, exhibit_id: str, page: int = 0) -> None:
        """An exhibit's page; it opens on its title page."""
        item = self.catalog.get(exhibit_id)
        if item is None or not 0 <= page < len(pages_of(item)):
            log.warning("no page %d of exhibit %r to show", page, exhibit_id)
            return
        self._move(Place(Screen.EXHIBIT, item.id, page))

    def next_page(self) -> None:
        self._step_page(+1)

    def previous_page(self) -> None:
        self._step_page(-1)

    def _step_page(self, step: int) -> None:
        item = self.item
        if item is not None and 0 <= self.place.page + step < len(pages_of(item)):
            self._move(Place(Screen.EXHIBIT, item.id, self.place.page + step))

    def open_still(self, index: int, page: int | None = None) -> None:
        """Open the viewer on a still of the page on screen, or of `page` of
        the exhibit on screen (or move the viewer to that still)."""
        item = self.item
        if item is None:
            return
        pages = pages_of(item)
        page = self.place.page if page is None else page
        if 0 <= page < len(pages) and 0 <= index < len(stills_of(pages[page])):
            self._move(Place(Screen.EXHIBIT, item.id, page, index))

    def close_still(self) -> None:
        if self.place.still is not None:
            self._move(replace(self.place, still=None))

    def wake(self, exhibit_id: str | None) -> None:
        """A visitor touched attract mode: the exhibit that was on screen, or home."""
        if exhibit_id and self.catalog.get(exhibit_id) is not None:
            self.show(exhibit_id)
        else:
            self.go_home()

    def set_playing(self, playing: bool) -> None:
        """A visitor's clip plays (True) or stopped, ended or was paused (False)."""
        if playing != self.playing:
            self.playing = playing
            self.events.playing.emit(playing)

    def clip_used(self, what: str) -> None:
        self.events.clip.emit(what)

    def reset(self, reason: str) -> None:
        """The visit is over: attract mode, default language, nothing open."""
        self._end(reason, ATTRACT)

    def close_for_the_day(self) -> None:
        """Opening hours are over: whatever was on screen ends, as at a reset."""
        self._end("closing", CLOSED)

    def _end(self, reason: str, place: Place) -> None:
        self.events.reset.emit(reason)
        self.close_overlay()
        self.set_language(self.default_language)
        self.set_modes(self.default_modes)
        self._move(place)

    def _move(self, place: Place) -> None:
        if place == self.place:
            return
        old, self.place = self.place, place
        if old.still != place.still or old.exhibit != place.exhibit:
            self._set_zoom(1.0)
        self.events.place.emit(old, place)

    # --- what the visitor does on a screen ----------------------------------------

    def set_language(self, language: str) -> None:
        if language == self.language or language not in self.languages:
            return
        self.language = language
        self.events.language.emit(language)

    def set_modes(self, modes: DisplayModes) -> None:
        if modes != self.modes:
            old, self.modes = self.modes, modes
            self.events.modes.emit(old, modes)

    def set_zoom(self, zoom: float) -> None:
        if self.place.still is not None:
            self._set_zoom(zoom)

    def _set_zoom(self, zoom: float) -> None:
        if zoom != self.zoom:
            self.zoom = zoom
            self.events.zoom.emit(zoom)

    def move_wipe(self, position: float) -> None:
        self.events.wipe.emit(position)

    def open_overlay(self, overlay: Overlay) -> None:
        if overlay is not self.overlay:
            self.overlay = overlay
            self.events.overlay.emit(overlay)

    def close_overlay(self) -> None:
        if self.overlay is not None:
            self.overlay = None
            self.events.overlay.emit(None)

    # --- content ----------------------------------------------------------------------

    def set_catalog(self, catalog: Catalog) -> None:
        """New content; a place that no longer exists in it becomes home."""
        self.catalog = catalog
        item = catalog.get(self.place.exhibit)
        if self.place.screen is Screen.EXHIBIT and (
                item is None or self.place.page >= len(pages_of(item))):
            self._move(HOME)
        elif self.place.still is not None and self.place.still >= len(self.stills):
            self.close_still()
        self.events.catalog.emit(catalog)
