"""Registers the bundled fonts so Chinese never falls back to empty boxes."""

from __future__ import annotations

import logging

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QWidget

from kiosk import locale
from kiosk.paths import assets_dir
from kiosk.ui.theme import FONT_FAMILIES, FONT_FILES

log = logging.getLogger(__name__)


def load_bundled_fonts() -> None:
    for name in FONT_FILES:
        if QFontDatabase.addApplicationFont(str(assets_dir() / "fonts" / name)) == -1:
            log.error("could not load bundled font %s; some text may not render", name)


def families_for(language: str) -> list[str]:
    """The font order for a language (kiosk.locale decides which leads)."""
    return FONT_FAMILIES[::-1] if locale.language(language).cjk_first else FONT_FAMILIES


def language_font(font: QFont, language: str) -> QFont:
    """`font` in the families the window gives `language`: to measure a
    language's text whatever language is shown now."""
    shown = QFont(font)
    shown.setFamilies(families_for(language))
    return shown


def kiosk_font(pixel_size: int, bold: bool = False, language: str | None = None) -> QFont:
    """A font of `pixel_size`. With a `language` it names its families (for
    painting); without, a widget given it takes the families from its window's
    `follow_language` rule."""
    font = QFont()
    if language is not None:
        font.setFamilies(families_for(language))
    font.setPixelSize(pixel_size)
    font.setBold(bold)
    return font


FIXED_PITCH = "fixedPitch"
"""A widget with this property set keeps the system's fixed-pitch face."""


def follow_language(window: QWidget, language: str) -> None:
    """The families of every widget in `window`, now and later. A style sheet
    rule, because Qt stops passing a parent's font to children once the
    application has a style sheet, and a walk over the children would miss the
    ones made afterwards."""
    families = ", ".join(f'"{family}"' for family in families_for(language))
    fixed = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont).family()
    window.setStyleSheet(f"* {{ font-family: {families}; }} "
                         f'*[{FIXED_PITCH}="true"] {{ font-family: "{fixed}"; }}')
