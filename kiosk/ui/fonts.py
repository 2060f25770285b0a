"""Registers the bundled fonts so Chinese never falls back to empty boxes."""

from __future__ import annotations

import logging

from PySide6.QtGui import QFont, QFontDatabase

from kiosk.paths import assets_dir
from kiosk.ui.theme import FONT_FAMILIES, FONT_FILES

log = logging.getLogger(__name__)


def load_bundled_fonts() -> None:
    for name in FONT_FILES:
        if QFontDatabase.addApplicationFont(str(assets_dir() / "fonts" / name)) == -1:
            log.error("could not load bundled font %s; some text may not render", name)


def kiosk_font(pixel_size: int, bold: bool = False) -> QFont:
    font = QFont()
    font.setFamilies(FONT_FAMILIES)
    font.setPixelSize(pixel_size)
    font.setBold(bold)
    return font
