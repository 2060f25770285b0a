"""Creating the Qt application and the context for a given display."""

from __future__ import annotations

import dataclasses
import logging
import math
import sys

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QApplication

from kiosk.content.loader import Catalog
from kiosk.locale import INTERFACE_LANGUAGES
from kiosk.media.images import ImageLoader, budget_for_screen
from kiosk.media.memory import use_one_arena
from kiosk.media.speech import QtVoice, Voice
from kiosk.media.tiles import TileStore
from kiosk.paths import tiles_cache_dir
from kiosk.settings.schema import DisplaySettings, KioskSettings
from kiosk.ui.context import ClipVolume, Context
from kiosk.ui.fonts import load_bundled_fonts
from kiosk.ui.metrics import Metrics
from kiosk.ui.style import apply_style
from kiosk.ui.theme import Theme
from kiosk.visit.model import Visit
from kiosk.visit.modes import DisplayModes

log = logging.getLogger(__name__)

DEFAULT_DIAGONAL = 55.0
PLAUSIBLE_DIAGONALS = (10.0, 120.0)
SMALLEST_DIAGONAL = 21.5
"""The smallest display the layouts are designed to reflow for."""


def create_application() -> QApplication:
    use_one_arena()  # before the first still is decoded (kiosk.media.memory)
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication([sys.argv[0]])
    app.setApplicationName("Exhibit Kiosk")
    load_bundled_fonts()
    return app


def display_metrics(size: QSize, diagonal: float | None, dpi: float | None) -> Metrics:
    """From a configured diagonal if given, else from the screen's physical DPI
    when it describes a plausible display, else for a 55-inch display.

    Sizes stay physical on every display: on a small one the layouts reflow
    (fewer tiles a row, a still above its text) rather than shrink, so touch
    targets stay at their millimetres.
    """
    if not diagonal and dpi:
        implied = math.hypot(size.width(), size.height()) / dpi
        if PLAUSIBLE_DIAGONALS[0] <= implied <= PLAUSIBLE_DIAGONALS[1]:
            diagonal = implied
        else:
            log.warning("the screen reports %.0f DPI (a %.0f-inch display); assuming %.0f inches: "
                        "set the display diagonal if that is wrong", dpi, implied, DEFAULT_DIAGONAL)
    diagonal = diagonal or DEFAULT_DIAGONAL
    if diagonal < SMALLEST_DIAGONAL:
        log.warning("a %.0f-inch display is smaller than the %.1f inches the kiosk's layouts are "
                    "designed for; some screens will need scrolling", diagonal, SMALLEST_DIAGONAL)
    return Metrics.for_diagonal(size.width(), size.height(), diagonal)


def theme_for(display: DisplaySettings) -> Theme:
    """The theme with the display settings applied (reduced motion)."""
    theme = Theme()
    return dataclasses.replace(theme, motion=dataclasses.replace(theme.motion, reduced=display.reduced_motion))


TEXT_SCALES = {"normal": 1.0, "larger": 1.5, "largest": 2.0}


def modes_for(settings: KioskSettings) -> DisplayModes:
    """The display modes every visitor starts with (kiosk.yaml's accessibility and display)."""
    access = settings.accessibility
    return DisplayModes(text_scale=TEXT_SCALES[access.text_size], high_contrast=access.high_contrast,
                        reduced_motion=settings.display.reduced_motion, low_reach=access.low_reach,
                        audio=access.audio)


def build_context(catalog: Catalog, metrics: Metrics, language: str | None = None,
                  languages: list[str] | None = None, default_language: str = "en",
                  theme: Theme | None = None, clip_volume: float = 0.0, modes: DisplayModes | None = None,
                  mounting_height_mm: float = 800.0, voice: Voice | None = None,
                  speech_volume: float = 0.7) -> Context:
    visit = Visit(catalog, languages or list(INTERFACE_LANGUAGES), default_language, modes=modes)
    visit.set_language(language or default_language)
    ctx = Context(visit, metrics, ImageLoader(budget_for_screen(*metrics.screen_px)), theme or Theme(),
                  tiles=TileStore(tiles_cache_dir()), clip_volume=ClipVolume(clip_volume),
                  mounting_height_mm=mounting_height_mm, voice=voice or QtVoice(), speech_volume=speech_volume)
    apply_style(ctx)
    return ctx
