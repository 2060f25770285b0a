"""A timeline panel: dated events along a horizontal axis, placed by their
dates (kiosk.ui.panels.timeline.canvas). A timeline that fits the screen
stands still, and a sideways drag on it turns the page; a longer one scrolls
sideways by drag, with the edge fade and "more" button of kiosk.ui.scrolling."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QFrame, QVBoxLayout, QWidget

from kiosk import locale
from kiosk.content.loader import LoadedExhibit
from kiosk.content.schema import Event, TimelinePanel
from kiosk.media.images import Fit
from kiosk.ui.context import Context
from kiosk.ui.panels.base import PanelView
from kiosk.ui.panels.timeline.canvas import Card, TimelineCanvas
from kiosk.ui.scrolling import KineticScrollArea, scroll_to_start
from kiosk.ui.typography import no_widow
from kiosk.ui.widgets import ImageView, make_label


class TimelinePanelView(PanelView):
    panel: TimelinePanel

    def __init__(self, ctx: Context, item: LoadedExhibit, index: int,
                 parent: QWidget | None = None):
        super().__init__(ctx, item, index, parent)
        grid, gap = ctx.grid, ctx.mm(ctx.theme.sizes.gap)
        self.heading = self.make_heading()
        self.heading.setContentsMargins(grid.margin, 0, grid.margin, 0)
        self.cards = [self._make_card(event) for event in self.panel.events]
        self.canvas = TimelineCanvas(ctx, self.cards)
        # the "more" button over the faded far edge: a strip below would take a card's height
        self.scroll_area = KineticScrollArea(ctx, self.canvas, horizontal=True, inset=grid.margin)
        self.scroll_area.viewport().installEventFilter(self)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, grid.bottom)
        layout.setSpacing(gap)
        layout.addWidget(self.heading)
        layout.addWidget(self.scroll_area, 1)
        self.retranslate()

    def _make_card(self, event: Event) -> Card:
        ctx, sizes = self.ctx, self.ctx.theme.sizes
        frame = QFrame()
        frame.setObjectName("timelineCard")
        frame.setStyleSheet(f"#timelineCard {{ background: {ctx.theme.colours.surface}; "
                            f"border-radius: {ctx.mm(sizes.corner_radius)}px; }}")
        still = None
        if event.still is not None:
            still = ImageView(ctx, self.image_path(event.still), fit=Fit.COVER, focus=event.still.focus)
        card = Card(event, frame, make_label(ctx, sizes.small_pt, bold=True),
                    make_label(ctx, sizes.body_pt, bold=True), make_label(ctx, sizes.body_pt), still)
        card.date.setProperty("accent", True)
        padding = ctx.mm(sizes.gap)
        layout = QVBoxLayout(frame)
        layout.setContentsMargins(padding, padding, padding, padding)
        layout.setSpacing(padding // 2)
        for widget in (still, card.date, card.title, card.text):
            if widget is not None:
                layout.addWidget(widget)
        return card

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.scroll_area.viewport() and event.type() == QEvent.Type.Resize:
            self.canvas.lay_out(self.scroll_area.viewport().size())
        return False

    def retranslate(self) -> None:
        self.set_heading(self.heading, self.panel.heading)
        for card in self.cards:
            card.date.setText(locale.language(self.ctx.language).format_date(card.event.date))
            card.title.setText(no_widow(self.t(card.event.title), self.ctx.language))
            card.text.setText(no_widow(self.t(card.event.text), self.ctx.language))
            card.text.setVisible(card.event.text is not None)
            if card.still is not None and card.event.still is not None:
                card.still.set_alt_text(self.t(card.event.still.alt))
        self.canvas.lay_out(self.scroll_area.viewport().size())

    def reset(self) -> None:
        scroll_to_start(self.scroll_area)
