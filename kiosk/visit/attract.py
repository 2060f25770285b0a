"""What attract mode shows: which stills, in which order, under which words."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from kiosk.content.loader import Catalog, LoadedExhibit
from kiosk.content.text import Text
from kiosk.locale.strings import tr
from kiosk.visit.model import stills_of

log = logging.getLogger(__name__)

DRIFT = 0.05
"""How far a still drifts over its turn, as a share of the screen's width and
height: 220 pixels at 4K in the default 9.5 s of motion (23 pixels, 7 mm of a
55-inch screen, a second), as far as a 12% Ken Burns zoom moves the corners."""


class Slide(NamedTuple):
    item: LoadedExhibit
    path: Path
    focus: tuple[float, float]
    clip: Path | None = None
    """Played muted and looped over the still (the exhibit's attract_clip), which shows if it cannot."""


def attract_slides(catalog: Catalog, exhibit_ids: list[str] | None = None,
                   include_stills: str = "all") -> list[Slide]:
    """Each exhibit's tile, then (with include_stills="all") its gallery stills.

    `exhibit_ids` picks exhibits and their order (default: all, in home-screen
    order); an id not in the catalog is skipped and logged.
    """
    if exhibit_ids is None:
        items = list(catalog.exhibits)
    else:
        items = [item for item in map(catalog.get, exhibit_ids) if item is not None]
        missing = [i for i in exhibit_ids if catalog.get(i) is None]
        if missing:
            log.warning("attract mode: no exhibits %s; leaving them out", ", ".join(missing))
    slides: list[Slide] = []
    for item in items:
        images = [item.exhibit.tile]
        if include_stills == "all":
            images += [still for panel in item.exhibit.panels for still in stills_of(panel)]
        paths: set[Path] = set()
        clip = item.path(item.exhibit.attract_clip) if item.exhibit.attract_clip else None
        for image in images:
            path = item.path(image.file)
            if path not in paths:
                paths.add(path)
                slides.append(Slide(item, path, (float(image.focus[0]), float(image.focus[1])),
                                    clip if not slides or slides[-1].item is not item else None))
    return slides


def call_to_action(languages: list[str], default_language: str,
                   custom: Text | None = None) -> list[tuple[str, str]]:
    """(language, text) of the call to action in each enabled language, each
    text once (a custom text missing a language falls back to the default)."""
    texts: list[tuple[str, str]] = []
    for language in languages:
        text = (custom.get(language, default_language) if custom
                else tr("touch_to_explore", language))
        if text and text not in (t for _, t in texts):
            texts.append((language, text))
    return texts


@dataclass(frozen=True)
class Timeline:
    """Where the loop is `elapsed` ms after it started.

    Turn n is on screen for `slide_ms`, the last `fade_ms` of which it
    crossfades into turn n + 1. A slide's motion runs from the start of its
    fade in to the end of its fade out, so it never stops while visible.
    """

    slide_ms: int
    fade_ms: int

    def __post_init__(self) -> None:
        object.__setattr__(self, "slide_ms", max(1, self.slide_ms))
        object.__setattr__(self, "fade_ms", max(1, min(self.fade_ms, self.slide_ms // 2)))

    def turn(self, elapsed: float) -> int:
        return int(elapsed // self.slide_ms)

    def fade(self, elapsed: float) -> float:
        """How far turn(elapsed) has crossfaded into the next, 0 to 1."""
        into = elapsed - self.turn(elapsed) * self.slide_ms
        return _clamp((into - (self.slide_ms - self.fade_ms)) / self.fade_ms)

    def motion(self, elapsed: float, turn: int) -> float:
        """How far turn `turn` is through its drift, 0 to 1."""
        start = turn * self.slide_ms - self.fade_ms
        return _clamp((elapsed - start) / (self.slide_ms + self.fade_ms))


def drift_at(motion: float, margin: tuple[int, int]) -> tuple[int, int]:
    """Where in a still that is `margin` larger than the screen the screen's top
    left corner is, at `motion` of its turn: it moves right and down across the
    margin, so the still drifts left and up. Whole pixels, so that a frame
    is a plain copy of the still, never resampled; every still drifts the same
    way, so that two crossfading stills move as one."""
    return round(motion * margin[0]), round(motion * margin[1])


def _clamp(value: float) -> float:
    return max(0.0, min(1.0, value))
