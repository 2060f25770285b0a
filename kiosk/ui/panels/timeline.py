"""A timeline panel: dated events hanging from a horizontal line that the
visitor drags along; centred when every event fits on the screen (then a
sideways drag turns the page, kiosk.ui.scrolling)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from kiosk import locale
from kiosk.content.loader import LoadedExhibit
from kiosk.content.schema import Event, TimelinePanel
from kiosk.ui.context import Context
from kiosk.ui.layout import column_width
from kiosk.ui.panels.base import PanelView
from kiosk.ui.scrolling import enable_kinetic_scrolling, scroll_to_start
from kiosk.ui.widgets import make_label

CARD_LINE_CHARS = 0.6
"""Cards are narrower than a prose column (30 of 50 characters) so several fit side by side."""


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
    panel: TimelinePanel


    def __init__(self, ctx: Context, item: LoadedExhibit, index: int,
                 parent: QWidget | None = None):
        super().__init__(ctx, item, index, parent)
        panel = self.panel
        sizes = ctx.theme.sizes
        margin, gap = ctx.grid.margin, ctx.mm(sizes.gap)
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
        enable_kinetic_scrolling(ctx, self.scroll_area)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, ctx.grid.bottom)
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
            card.date.setText(locale.language(self.ctx.language).format_date(card.event.date))
            card.title.setText(self.t(card.event.title))
            card.text.setText(self.t(card.event.text))
            card.text.setVisible(card.event.text is not None)

    def reset(self) -> None:
        scroll_to_start(self.scroll_area)
