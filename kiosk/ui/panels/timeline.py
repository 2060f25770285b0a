"""A timeline panel: dated events hanging from a horizontal line that the
visitor swipes along; centred when every event fits on the screen."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPoint, QPointF, QRect, Qt
from PySide6.QtGui import QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from kiosk.content.schema import Event, PartialDate
from kiosk.ui.context import Context
from kiosk.ui.panels.base import PanelView
from kiosk.ui.layout import column_width, scroll_to_start
from kiosk.ui.widgets import enable_kinetic_scrolling, make_label

EN_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
             "September", "October", "November", "December")
RU_MONTHS = ("январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август",
             "сентябрь", "октябрь", "ноябрь", "декабрь")
RU_MONTHS_GENITIVE = ("января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа",
                      "сентября", "октября", "ноября", "декабря")

CARD_LINE_CHARS = 0.6
"""Cards are narrower than a prose column (30 of 50 characters) so several fit side by side."""


def format_date(date: PartialDate, language: str) -> str:
    """A date as precise as it is known, written the way the language writes it;
    languages the kiosk has no rules for get the English form."""
    year, month, day = date.year, date.month, date.day
    if language == "zh":
        return f"{year}年" + (f"{month}月" if month else "") + (f"{day}日" if day else "")
    if language == "ru":
        if day:  # "5 октября": after a day the month takes the genitive
            return f"{day} {RU_MONTHS_GENITIVE[month - 1]} {year}"
        return f"{RU_MONTHS[month - 1]} {year}" if month else str(year)
    if day:
        return f"{day} {EN_MONTHS[month - 1]} {year}"
    return f"{EN_MONTHS[month - 1]} {year}" if month else str(year)


@dataclass
class _Card:
    event: Event
    frame: QFrame
    date: QLabel
    title: QLabel
    text: QLabel


class _Track(QWidget):
    """The line with a dot above each card, painted behind the cards."""

    def __init__(self, ctx: Context):
        super().__init__()
        self.ctx = ctx
        self.frames: list[QFrame] = []
        self.dot_radius = ctx.mm(4)
        self.line_clearance = 2 * self.dot_radius + ctx.mm(ctx.theme.sizes.gap)
        """Space above the cards where the line runs."""

    def paintEvent(self, event: QPaintEvent) -> None:
        if not self.frames:
            return
        theme = self.ctx.theme
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        y = self.frames[0].y() - self.line_clearance + self.dot_radius
        painter.setPen(QPen(theme.colour("divider"), max(2, self.ctx.mm(1))))
        painter.drawLine(0, y, self.width(), y)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(theme.colour("accent"))
        for frame in self.frames:
            painter.drawEllipse(QPointF(frame.geometry().center().x(), y),
                                self.dot_radius, self.dot_radius)


class TimelinePanelView(PanelView):

    def __init__(self, ctx: Context, item, panel, parent: QWidget | None = None):
        super().__init__(ctx, item, panel, parent)
        sizes = ctx.theme.sizes
        margin, gap = ctx.mm(sizes.margin), ctx.mm(sizes.gap)
        self.heading = self.make_heading()

        self.track = _Track(ctx)
        row = QHBoxLayout()
        row.setSpacing(gap)
        row.setContentsMargins(margin, self.track.line_clearance, margin, gap)
        row.addStretch(1)
        self.cards = [self._make_card(event) for event in panel.events]
        for card in self.cards:
            row.addWidget(card.frame, 0, Qt.AlignmentFlag.AlignTop)
        row.addStretch(1)
        self.track.frames = [card.frame for card in self.cards]
        track_layout = QVBoxLayout(self.track)
        track_layout.setContentsMargins(0, 0, 0, 0)
        track_layout.addStretch(1)
        track_layout.addLayout(row)
        track_layout.addStretch(2)

        self.scroll_area = QScrollArea()
        self.scroll_area.setWidget(self.track)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.scroll_area.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        enable_kinetic_scrolling(self.scroll_area)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, margin, 0, gap)
        layout.setSpacing(gap)
        layout.addWidget(self.heading)
        layout.addWidget(self.scroll_area, 1)
        self.heading.setContentsMargins(margin, 0, margin, 0)
        self.retranslate()

    def _make_card(self, event: Event) -> _Card:
        sizes = self.ctx.theme.sizes
        frame = QFrame()
        frame.setObjectName("timelineCard")
        frame.setStyleSheet(f"#timelineCard {{ background: {self.ctx.theme.colours.surface}; "
                            f"border-radius: {self.ctx.mm(sizes.corner_radius)}px; }}")
        card = _Card(event, frame, make_label(self.ctx, sizes.body_pt, bold=True),
                     make_label(self.ctx, sizes.body_pt, bold=True),
                     make_label(self.ctx, sizes.body_pt))
        card.date.setStyleSheet(f"color: {self.ctx.theme.colours.accent};")
        padding = self.ctx.mm(sizes.gap)
        frame.setFixedWidth(column_width(self.ctx, card.text.font(),
                                         sizes.line_chars * CARD_LINE_CHARS) + 2 * padding)
        layout = QVBoxLayout(frame)
        layout.setContentsMargins(padding, padding, padding, padding)
        layout.setSpacing(padding // 2)
        for label in (card.date, card.title, card.text):
            layout.addWidget(label)
        return card

    def retranslate(self) -> None:
        self.heading.setText(self.t(self.panel.heading))
        self.heading.setVisible(self.panel.heading is not None)
        for card in self.cards:
            card.date.setText(format_date(card.event.date, self.ctx.language))
            card.title.setText(self.t(card.event.title))
            card.text.setText(self.t(card.event.text))
            card.text.setVisible(card.event.text is not None)

    def claims_horizontal_drag_at(self, pos: QPoint) -> bool:
        """Drags on the line are its own only when the line scrolls; a line
        whose events all fit leaves the swipe to the pager."""
        area = QRect(self.scroll_area.mapTo(self, QPoint(0, 0)), self.scroll_area.size())
        return self.scroll_area.horizontalScrollBar().maximum() > 0 and area.contains(pos)

    def reset(self) -> None:
        scroll_to_start(self.scroll_area)
