"""Sizes measured in every language the kiosk offers, so that nothing in the
viewer grows, shrinks or moves when the visitor switches language: each
language is measured in the font families it is shown in (kiosk.ui.fonts)."""

from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtGui import QFont, QFontMetrics

from kiosk.locale.strings import tr
from kiosk.ui.context import Context
from kiosk.ui.fonts import language_font
from kiosk.ui.widgets import TouchButton

ANY_SCRIPT = "Ag中Жy"
"""Tall and deep letters of every script shown: Chinese lines run taller."""


def lines_height(ctx: Context, font: QFont, lines: int) -> int:
    """The height of `lines` lines of `font`, the tallest any language makes them."""
    text = "\n".join([ANY_SCRIPT] * lines)
    box = QRect(0, 0, 1 << 16, 1 << 16)
    return max(QFontMetrics(language_font(font, language)).boundingRect(box, 0, text).height()
               for language in ctx.visit.languages)


def widest_text(ctx: Context, font: QFont, key: str, **values: object) -> int:
    """The widest the interface string `key` is in any language."""
    return max(QFontMetrics(language_font(font, language)).horizontalAdvance(tr(key, language, **values))
               for language in ctx.visit.languages)


def fix_button_width(ctx: Context, button: TouchButton) -> None:
    """Fix `button`'s width to hold its label in every language (or its icon
    alone when compact): it never shrinks, grows or cuts its label."""
    button.ensurePolished()  # the style sheet's padding and border count
    chrome = button.sizeHint().width() - button.fontMetrics().horizontalAdvance(button.text())
    label = widest_text(ctx, button.font(), button.label_key) if (
        button.label_key and button.show_label) else 0
    button.setFixedWidth(max(button.minimumWidth(), chrome + label + ctx.mm(1)))
