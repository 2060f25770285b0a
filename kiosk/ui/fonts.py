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


def kiosk_font(pixel_size: int, bold: bool = False, language: str = "en") -> QFont:
    font = QFont()
    font.setFamilies(families_for(language))
    font.setPixelSize(pixel_size)
    font.setBold(bold)
    return font


def refresh_fonts(root: QWidget, language: str) -> None:
    """Reorder the font families of every widget under `root` for `language`."""
    families = families_for(language)
    for widget in [root, *root.findChildren(QWidget)]:
        font = widget.font()
        if font.families() != families and set(font.families()) == set(families):
            font.setFamilies(families)
            widget.setFont(font)
