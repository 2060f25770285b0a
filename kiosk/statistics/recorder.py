"""What the statistics mean, decided once, from the visit model's events.

- A **session** runs from the first place outside attract mode to the reset
  that ends the visit (its reason: idle_reset, staff, fault) or the quit.
- A **screen view** is each change of the screen a visitor reads: home, or an
  exhibit's page (opening the still viewer stays on its gallery panel; the
  same screen in another language is the same view). A panel is recorded by
  its index in the exhibit's `panels`; the title page has no index and the
  type "title". Its dwell time runs until the next screen.
- A **still zoomed** is a still whose zoom first goes past fitted while the
  viewer is open (once per still and opening of the viewer).
- A **wipe used** is a view of a wipe panel in which the visitor moved the
  divider (once per view, however often it is dragged).
- A **clip** event is a clip started (once per view), played to its end, or
  started with captions on or with audio description.
- A **language** counts for a session that started in it or switched to it.
"""

from __future__ import annotations

from typing import Protocol

from kiosk.visit.model import Place, Screen, Visit
from kiosk.visit.pages import pages_of, panel_index


class Recording(Protocol):
    def start_session(self, language: str | None = None) -> object: ...
    def end_session(self, reason: str = "quit") -> None: ...
    def screen_viewed(self, exhibit_id: str | None, panel_index: int | None = None,
                      panel_type: str | None = None) -> None: ...
    def language_chosen(self, code: str) -> None: ...
    def still_zoomed(self, exhibit_id: str | None, still_file: str | None) -> None: ...
    def wipe_used(self, exhibit_id: str | None, panel_index: int | None) -> None: ...
    def clip_used(self, exhibit_id: str | None, panel_index: int | None, what: str) -> None: ...


class VisitRecorder:
    """Subscribes to `visit` and records into `stats` (a `StatsStore` or its
    queued `BackgroundStats`)."""

    def __init__(self, visit: Visit, stats: Recording):
        self.visit = visit
        self.stats = stats
        self.in_session = False
        self._screen: tuple[str | None, int | None] | None = None
        self._zoomed: set[int] = set()
        self._wipe_used = False
        events = visit.events
        events.reset.connect(self._reset)
        events.place.connect(self._place)
        events.language.connect(self._language)
        events.zoom.connect(self._zoom)
        events.wipe.connect(self._wipe)
        events.clip.connect(self._clip)

    def _clip(self, what: str) -> None:
        if self.in_session:
            self.stats.clip_used(self.visit.place.exhibit, panel_index(self.visit.place.page), what)

    def _place(self, old: Place, new: Place) -> None:
        if new.screen in (Screen.ATTRACT, Screen.CLOSED):  # no visitor: no session
            return
        if not self.in_session:
            self.in_session = True
            self.stats.start_session(self.visit.language)
        if new.still is None or new.exhibit != old.exhibit:
            self._zoomed.clear()
        screen = (new.exhibit, new.page) if new.screen is Screen.EXHIBIT else (None, None)
        if screen != self._screen:
            self._screen = screen
            self._wipe_used = False
            item = self.visit.item
            kind = pages_of(item)[new.page].type if item else None
            self.stats.screen_viewed(screen[0], panel_index(new.page) if item else None, kind)

    def _reset(self, reason: str) -> None:
        if self.in_session:
            self.stats.end_session(reason)
        self.in_session = False
        self._screen = None

    def _language(self, code: str) -> None:
        if self.in_session:
            self.stats.language_chosen(code)

    def _zoom(self, zoom: float) -> None:
        still = self.visit.place.still
        if self.in_session and zoom > 1.0 and still is not None and still not in self._zoomed:
            self._zoomed.add(still)
            self.stats.still_zoomed(self.visit.place.exhibit, self.visit.stills[still].file)

    def _wipe(self, _position: float) -> None:
        if self.in_session and not self._wipe_used:
            self._wipe_used = True
            self.stats.wipe_used(self.visit.place.exhibit, panel_index(self.visit.place.page))
