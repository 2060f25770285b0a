"""Millimetres to pixels for the display the kiosk is actually on.

Screens often report a wrong physical DPI (96 on a 55-inch 4K panel), so a
configured diagonal wins when given.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

MM_PER_INCH = 25.4
MM_PER_POINT = MM_PER_INCH / 72


@dataclass(frozen=True)
class Metrics:
    px_per_mm: float
    min_font_px: int = 16
    screen_px: tuple[int, int] = (1920, 1080)
    """The display's size in pixels (in the low-reach layout, of the part within
    reach): layouts reflow by its physical width."""
    text_scale: float = 1.0
    """The visitor's text size (kiosk.visit.modes): every type size, and the floor, grow by it..."""
    text_cap_pt: float = 84.0
    """...up to this size (the titles'): a heading is large already, and the room it would take is the text's."""

    @classmethod
    def for_diagonal(cls, width_px: int, height_px: int, diagonal_inches: float) -> "Metrics":
        diagonal_px = math.hypot(width_px, height_px)
        return cls(diagonal_px / (diagonal_inches * MM_PER_INCH), screen_px=(width_px, height_px))

    @classmethod
    def for_dpi(cls, dots_per_inch: float, width_px: int = 1920, height_px: int = 1080) -> "Metrics":
        return cls(dots_per_inch / MM_PER_INCH, screen_px=(width_px, height_px))

    @property
    def screen_mm(self) -> tuple[float, float]:
        return self.to_mm(self.screen_px[0]), self.to_mm(self.screen_px[1])

    def mm(self, millimetres: float) -> int:
        return max(1, round(millimetres * self.px_per_mm))

    def to_mm(self, pixels: float) -> float:
        return pixels / self.px_per_mm

    def font_px(self, points: float) -> int:
        """Pixel size for a type size in physical points, never below the legible floor."""
        if self.text_scale != 1.0:
            points = min(points * self.text_scale, max(points, self.text_cap_pt))
        return max(round(self.min_font_px * self.text_scale), round(points * MM_PER_POINT * self.px_per_mm))
