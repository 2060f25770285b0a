"""Outside opening hours: a dark screen that says the kiosk is closed and when
it opens, in every enabled language, and lets no touch through (the admin
corner still works: it is a gesture of the window, not of a screen)."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtGui import QMouseEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget

from kiosk.locale import language as language_record
from kiosk.locale.strings import tr
from kiosk.ui.context import Context
from kiosk.ui.fonts import language_font
from kiosk.ui.widgets import make_label


class ClosedScreen(QWidget):
    def __init__(self, ctx: Context, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        self.lines = []
        for code in ctx.visit.languages:
            line = make_label(ctx, ctx.theme.sizes.body_pt, muted=True)
            line.setFont(language_font(line.font(), code))
            line.setAlignment(Qt.AlignmentFlag.AlignCenter)
            layout.addWidget(line)
            self.lines.append((code, line))
        layout.addStretch(1)
        self.set_opening(None)

    def set_opening(self, opening: datetime | None) -> None:
        """Say when the kiosk opens again (None: say only that it is closed)."""
        for code, line in self.lines:
            text = tr("closed_now", code)
            if opening is not None:
                day = language_record(code).format_date(opening.date())
                text += " · " + tr("opens_at", code, day=day, time=opening.strftime("%H:%M"))
            line.setText(text)

    def paintEvent(self, event: QPaintEvent) -> None:
        QPainter(self).fillRect(self.rect(), self.ctx.theme.colour("background"))

    def mousePressEvent(self, event: QMouseEvent) -> None:
        event.accept()  # a visitor's touch does nothing while closed
