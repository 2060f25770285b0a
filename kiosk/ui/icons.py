"""Meanings to qtawesome glyphs: screens ask for `home`, never for a glyph name.

qtawesome is imported at the first icon, not at start-up: importing it costs
about a tenth of a second (it pulls in QtPy), which the first frame need not wait for."""

from __future__ import annotations

import sys

from PySide6.QtGui import QIcon

GLYPHS = {
    "home": "mdi6.home-outline",
    "previous": "mdi6.chevron-left",
    "next": "mdi6.chevron-right",
    "close": "mdi6.close",
    "zoom_in": "mdi6.magnify-plus-outline",
    "zoom_out": "mdi6.magnify-minus-outline",
    "language": "mdi6.translate",
    "missing_image": "mdi6.image-off-outline",
    "swipe": "mdi6.gesture-swipe-horizontal",
    "source": "mdi6.book-open-variant",
    "film": "mdi6.movie-open-outline",
    "drag_horizontal": "mdi6.arrow-left-right",
    "drag_vertical": "mdi6.arrow-up-down",
    "backspace": "mdi6.backspace-outline",
    "touch": "mdi6.gesture-tap",
    "more_down": "mdi6.chevron-double-down",
    "more_right": "mdi6.chevron-double-right",
    "more_up": "mdi6.chevron-double-up",
    "chapters": "mdi6.format-list-bulleted",
    "next_film": "mdi6.arrow-right",
    "play": "mdi6.play",
    "pause": "mdi6.pause",
    "captions": "mdi6.closed-caption",
    "captions_off": "mdi6.closed-caption-outline",
    "audio_description": "mdi6.account-voice",
    "quieter": "mdi6.volume-minus",
    "louder": "mdi6.volume-plus",
    "access": "mdi6.human",
    "read_aloud": "mdi6.account-voice",
    "text_size": "mdi6.format-size",
    "high_contrast": "mdi6.contrast-circle",
    "calm_motion": "mdi6.motion-pause-outline",
    "low_reach": "mdi6.arrow-collapse-down",
    "done": "mdi6.check",
}


def icon_fonts_loaded() -> bool:
    """Whether an icon costs only its drawing now (the fonts load at the first)."""
    return "qtawesome" in sys.modules


def icon(meaning: str, colour: str, disabled_colour: str | None = None) -> QIcon:
    """The glyph for `meaning`; `disabled_colour` dims it when its button is disabled."""
    options = {"color": colour} if disabled_colour is None else {
        "color": colour, "color_disabled": disabled_colour}
    import qtawesome

    glyph: QIcon = qtawesome.icon(GLYPHS[meaning], **options)
    return glyph
