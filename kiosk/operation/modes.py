"""The kiosk's two ways of running, behind one interface.

A *visitor* kiosk loops attract mode until someone touches it, counts down
and starts over when they leave. A *presenter* kiosk is driven by a clicker
and has neither. The controller, the staff flow and the content staging ask
the mode, never which mode it is.
"""

from __future__ import annotations

from typing import Protocol

from kiosk.content.loader import Catalog
from kiosk.operation.idle import IdleWatcher
from kiosk.operation.presenter import Presenter
from kiosk.settings.schema import KioskSettings
from kiosk.ui.screens.attract import AttractScreen
from kiosk.ui.screens.still_there import StillThereOverlay
from kiosk.ui.window import KioskWindow
from kiosk.visit.attract import Slide, attract_slides
from kiosk.visit.model import Overlay

FADE_MS = 1500


class Mode(Protocol):
    def start(self) -> None:
        """The first screen after start-up."""

    def restart(self) -> None:
        """Staff asked to start over (the admin screen's button)."""

    def fall_back(self) -> None:
        """Faults keep coming: back to the safest screen."""

    def unattended(self) -> bool:
        """Whether content may change under the screen now."""


class VisitorMode:
    """Attract mode, the idle watcher and the "Still there?" countdown."""

    def __init__(self, window: KioskWindow, settings: KioskSettings):
        ctx = window.ctx
        self.visit = visit = ctx.visit
        attract = settings.attract

        def slides_for(catalog: Catalog) -> list[Slide]:
            return attract_slides(catalog, attract.exhibits, attract.include_stills)

        self.attract = AttractScreen(ctx, slides_for, round(attract.slide_seconds * 1000), FADE_MS,
                                     window, attract.call_to_action)
        self.countdown = StillThereOverlay(ctx, round(settings.idle.countdown_seconds * 1000), window)
        self.watcher = IdleWatcher(ctx, round(settings.idle.timeout_seconds * 1000), parent=window,
                                   audio_timeout_ms=round(settings.accessibility.audio_idle_seconds * 1000))
        window.input.add(self.watcher)
        self.watcher.idle.connect(lambda: visit.open_overlay(Overlay.STILL_THERE))
        self.countdown.expired.connect(lambda: visit.reset("idle_reset"))

    def start(self) -> None:
        self.visit.reset("start")

    def restart(self) -> None:
        self.visit.reset("staff")

    def fall_back(self) -> None:
        self.visit.reset("fault")

    def unattended(self) -> bool:
        return self.visit.unvisited and self.visit.overlay is None


class PresenterMode:
    """A clicker moves through every panel; content changes show at once,
    since whoever edits it is the one presenting."""

    def __init__(self, window: KioskWindow, settings: KioskSettings):
        window.quit_on_escape = False  # clickers send Esc from their start/stop button
        seconds = settings.presenter.auto_advance_seconds
        self.presenter = Presenter(window, window.ctx.visit, window.ctx.clock,
                                   seconds * 1000 if seconds else None, settings.presenter.loop)

    def start(self) -> None:
        self.presenter.start()

    restart = start
    fall_back = start

    def unattended(self) -> bool:
        return True
