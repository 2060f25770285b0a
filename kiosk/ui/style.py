"""The application style sheet, generated from the theme and the display metrics."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from kiosk.ui.context import Context
from kiosk.ui.fonts import kiosk_font
from kiosk.ui.metrics import Metrics
from kiosk.ui.theme import Theme


def apply_style(ctx: Context) -> None:
    """The application's style sheet and font for the context's theme and metrics
    (again whenever the visitor changes a display mode)."""
    app = QApplication.instance()
    assert isinstance(app, QApplication), "create the application first"
    app.setStyleSheet(stylesheet(ctx.theme, ctx.metrics))
    app.setFont(kiosk_font(ctx.metrics.font_px(ctx.theme.sizes.body_pt), language=ctx.visit.default_language))


def stylesheet(theme: Theme, metrics: Metrics) -> str:
    c, s = theme.colours, theme.sizes
    radius = metrics.mm(s.corner_radius)
    bar = max(6, metrics.mm(2.5))
    return f"""
    QWidget {{ background: {c.background}; color: {c.text}; }}
    QLabel {{ background: transparent; }}
    QLabel[muted="true"] {{ color: {c.text_muted}; }}
    QLabel[accent="true"] {{ color: {c.accent}; }}
    QPushButton#more {{
        background: {c.surface}; border: {max(1, metrics.mm(0.6))}px solid {c.divider};
        border-radius: {metrics.mm(s.touch_target) // 2}px; padding: 0;
    }}
    QPushButton#chapter, QPushButton#tile {{ text-align: left; }}
    QPushButton {{
        background: {c.surface}; color: {c.text}; border: {max(1, metrics.mm(0.6))}px solid {c.divider};
        border-radius: {radius}px; padding: 0 {metrics.mm(4)}px;
    }}
    QPushButton:pressed {{ background: {c.surface_pressed}; border-color: {c.accent}; }}
    QPushButton:checked {{ background: {c.accent}; color: {c.accent_text}; border-color: {c.accent}; }}
    QPushButton:disabled {{ color: {c.divider}; border-color: {c.surface}; }}

    QScrollArea, QScrollArea > QWidget > QWidget {{ background: transparent; border: none; }}
    QScrollBar:vertical {{ background: {c.surface}; width: {bar}px; border-radius: {bar // 2}px; }}
    QScrollBar::handle:vertical {{ background: {c.text_muted}; border-radius: {bar // 2}px; min-height: {bar * 4}px; }}
    QScrollBar::add-line, QScrollBar::sub-line {{ height: 0; width: 0; }}
    QScrollBar::add-page, QScrollBar::sub-page {{ background: transparent; }}
    QScrollBar:horizontal {{ background: {c.surface}; height: {bar}px; border-radius: {bar // 2}px; }}
    QScrollBar::handle:horizontal {{ background: {c.text_muted}; border-radius: {bar // 2}px; min-width: {bar * 4}px; }}
    """
