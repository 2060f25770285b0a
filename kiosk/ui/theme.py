"""The one place for colours, physical sizes and fonts.

Sizes are in millimetres on the real display (converted by `Metrics`), because
a 55-inch 4K panel and a 24-inch desktop monitor differ by 3x in pixels per
millimetre, and touch targets and reading sizes are physical facts.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from PySide6.QtGui import QColor

from kiosk.visit.modes import DisplayModes


@dataclass(frozen=True)
class Colours:
    background: str = "#0f1113"
    surface: str = "#1b1f23"
    surface_pressed: str = "#2c333a"
    text: str = "#f3f1ec"
    text_muted: str = "#c8c5bd"
    accent: str = "#f0b35a"
    accent_text: str = "#15171a"
    divider: str = "#3a4149"
    placeholder: str = "#262b31"
    scrim: str = "#000000"


HIGH_CONTRAST = Colours(
    background="#000000", surface="#000000", surface_pressed="#3d3d3d", text="#ffffff",
    text_muted="#ffffff", accent="#ffd83d", accent_text="#000000", divider="#ffffff",
    placeholder="#1f1f1f", scrim="#000000")
"""White on black, every control outlined in white, yellow for what is chosen (21:1 and 15:1)."""


@dataclass(frozen=True)
class Sizes:
    """Millimetres on the display, except where the name says points."""

    touch_target: float = 24.0     # guidelines: 20 mm minimum for a standing kiosk
    target_spacing: float = 14.0   # guidelines: at least 13 mm between targets
    gap: float = 12.0
    corner_radius: float = 4.0
    icon: float = 12.0
    body_pt: float = 36.0          # guidelines: at least 24 pt equivalent
    small_pt: float = 28.0
    heading_pt: float = 64.0       # guidelines: 48 pt or more
    title_pt: float = 84.0
    quote_pt: float = 68.0
    min_body_px: int = 16          # never below 16 px logical
    line_chars: int = 50           # guidelines: 45-55 characters per line (the issue: 45-75)
    tile_width: float = 400.0      # a home tile at most; fewer per row where they do not fit
    tile_min_width: float = 150.0


@dataclass(frozen=True)
class Grid:
    """The page grid every screen and panel is laid on, in millimetres: the
    same side margins and the same top line on every page, so headings never
    jump as the visitor pages; columns and gutters for what sits side by side."""

    margin_min: float = 16.0       # side margins on a 22-inch monitor...
    margin_max: float = 36.0       # ...and on a large panel
    margin_share: float = 0.03     # of the screen's width, between those two
    top: float = 18.0              # above a page's first line
    bottom: float = 8.0            # between a page and the bar beneath it
    gutter: float = 12.0
    columns: int = 12
    bar_padding: float = 8.0       # above and below the bottom bar's buttons


@dataclass(frozen=True)
class Motion:
    """Gesture physics and animation timing, shared by every screen: one finger
    (or mouse, or pen) must feel the same on the pager, the viewer and a list."""

    tap_slop_mm: float = 4.0            # further than this is a drag, not a tap
    swipe_axis_ratio: float = 1.5       # a swipe is this much more sideways than up or down
    snap_fraction: float = 0.2          # a drag over this part of a page turns it
    flick_fraction: float = 0.08        # a quick flick this long turns it too...
    flick_mm_per_s: float = 500.0       # ...when the finger moves faster than this
    edge_resistance: float = 0.3        # dragging past the first or last page
    double_tap_mm: float = 10.0         # two taps this close make a double tap
    long_press_slop_mm: float = 8.0     # a finger held for a long press may drift this far
    fling_min_mm_per_s: float = 60.0    # slower releases stop a list where it is
    fling_max_mm_per_s: float = 2500.0
    deceleration_mm_per_s2: float = 2500.0  # how quickly a flung list comes to rest
    reduced: bool = False               # no sliding, gliding or hints: things just appear
    page_ms: int = 280                  # a page sliding into place
    slide_ms: int = 220                 # a still sliding into place in the viewer
    screen_ms: int = 320                # a tile growing into its exhibit, one screen fading into the next
    zoom_ms: int = 260                  # the viewer zooming to a double tap or a button


FONT_FAMILIES = ["Noto Sans", "Noto Sans CJK SC"]
FONT_FILES = ["NotoSans-Regular.ttf", "NotoSans-Bold.ttf",
              "NotoSansSC-Regular.otf", "NotoSansSC-Bold.otf"]


@dataclass(frozen=True)
class Theme:
    colours: Colours = Colours()
    sizes: Sizes = Sizes()
    grid: Grid = Grid()
    motion: Motion = Motion()

    def colour(self, name: str) -> QColor:
        return QColor(getattr(self.colours, name))

    def for_modes(self, modes: DisplayModes) -> Theme:
        """This theme as the visitor asked for it: high contrast, calm motion."""
        colours = HIGH_CONTRAST if modes.high_contrast else self.colours
        motion = replace(self.motion, reduced=True) if modes.reduced_motion else self.motion
        return replace(self, colours=colours, motion=motion)


def relative_luminance(colour: str) -> float:
    """WCAG 2.x relative luminance of an sRGB colour such as '#f3f1ec'."""
    channels = []
    for i in (1, 3, 5):
        c = int(colour[i:i + 2], 16) / 255
        channels.append(c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4)
    r, g, b = channels
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(foreground: str, background: str) -> float:
    lighter, darker = sorted((relative_luminance(foreground), relative_luminance(background)),
                             reverse=True)
    return (lighter + 0.05) / (darker + 0.05)
