"""Outside opening hours: a dark screen (or a dimmed still the museum chose)
that says the kiosk is closed and when it opens, in every enabled language, and lets no touch through (the admin
corner still works: it is a gesture of the window, not of a screen)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget

from kiosk.locale import language as language_record
from kiosk.locale.strings import tr
from kiosk.media.images import Fit, ImageKey
from kiosk.ui.context import Context
from kiosk.ui.fonts import language_font
from kiosk.ui.widgets import make_label

STILL_SCRIM = 0.6
"""How much of the background colour covers a closed still, to keep it calm."""
TEXT_SCRIM = 0.85
"""And behind the opening times, so their contrast holds over any part of the still."""
TEXT_MARGIN_MM = 12


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
        self.still: Path | None = None
        self.set_opening(None)

    def set_opening(self, opening: datetime | None) -> None:
        """Say when the kiosk opens again (None: say only that it is closed)."""
        for code, line in self.lines:
            text = tr("closed_now", code)
            if opening is not None:
                day = language_record(code).format_date(opening.date())
                text += " · " + tr("opens_at", code, day=day, time=opening.strftime("%H:%M"))
            line.setText(text)

    def set_still(self, path: Path | None) -> None:
        """A still behind the text (None: a dark screen), dimmed so the text keeps its contrast."""
        self.still = path
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        background = self.ctx.theme.colour("background")
        painter.fillRect(self.rect(), background)
        if self.still is None:
            return
        key = ImageKey(self.still, self.width(), self.height(), Fit.COVER)
        pixmap = self.ctx.images.request(key, self._decoded)
        if pixmap is not None:
            painter.drawPixmap(self.rect(), pixmap)
            scrim = QColor(background)
            scrim.setAlphaF(STILL_SCRIM)
            painter.fillRect(self.rect(), scrim)
            text = QRect()
            for _code, line in self.lines:
                text = text.united(line.geometry())
            margin = self.ctx.mm(TEXT_MARGIN_MM)
            scrim.setAlphaF(TEXT_SCRIM)
            painter.fillRect(text.adjusted(-margin, -margin, margin, margin), scrim)

    def _decoded(self, _key: ImageKey) -> None:
        self.update()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        event.accept()  # a visitor's touch does nothing while closed
