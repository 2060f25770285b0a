"""A timeline panel: dated events along a horizontal axis, placed by their
dates (kiosk.ui.panels.timeline.canvas). A timeline that fits the screen
stands still, and a sideways drag on it turns the page; a longer one scrolls
sideways by drag, with the edge fade and "more" button of kiosk.ui.scrolling."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSize
from PySide6.QtWidgets import QFrame, QStackedLayout, QVBoxLayout, QWidget

from kiosk import locale
from kiosk.content.loader import LoadedExhibit
from kiosk.content.schema import Event, TimelinePanel
from kiosk.media.images import Fit
from kiosk.ui.context import Context
from kiosk.ui.layout import ColumnLayout, column_width
from kiosk.ui.panels.base import PanelView
from kiosk.ui.panels.timeline.canvas import Card, TimelineCanvas
from kiosk.ui.scrolling import KineticScrollArea, scroll_to_start
from kiosk.ui.typography import no_widow
from kiosk.ui.widgets import ImageView, make_label

LIST_STILL_MM = 45.0
"""A still's height in a card of the list form."""


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
        self.list_cards = [self._make_card(event) for event in self.panel.events]
        self.list_area = KineticScrollArea(ctx, self._list_of(self.list_cards))
        views = QWidget(self)  # the stack's own widget: nothing it shows is ever a window of its own
        self.views = QStackedLayout(views)
        self.views.addWidget(self.scroll_area)
        self.views.addWidget(self.list_area)
        self.listed = False
        """Shown as a list: the page is too short for the axis."""
        self._laying_out = False
        self.viewports = (self.scroll_area.viewport(), self.list_area.viewport())
        for viewport in self.viewports:
            viewport.installEventFilter(self)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, grid.bottom)
        layout.setSpacing(gap)
        layout.addWidget(self.heading)
        layout.addWidget(views, 1)
        self.retranslate()

    def _list_of(self, cards: list[Card]) -> QWidget:
        """The events one under another, for a page too short for the axis
        (the visitor's larger text on a small screen): they scroll down."""
        host = QWidget()
        column = ColumnLayout(host, self.ctx, column_width(self.ctx, cards[0].text.font()) if cards else None)
        column.setSpacing(self.ctx.mm(self.ctx.theme.sizes.gap))
        for card in cards:
            if card.still is not None:
                card.still.setFixedHeight(self.ctx.mm(LIST_STILL_MM))
            column.addWidget(card.frame)
        column.addStretch(1)
        return host

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
        if event.type() == QEvent.Type.Resize and watched in self.viewports and not self._laying_out:
            self._lay_out(event.size())  # type: ignore[attr-defined]  # the shown view's (the other is not
        return False                     # resized while hidden)

    def _lay_out(self, size: QSize) -> None:
        """Along the axis where its cards fit the page's height, else as a list."""
        self._laying_out = True  # showing the other view resizes it: that decides nothing again
        try:
            self.listed = not self.canvas.lay_out(size)
            self.views.setCurrentWidget(self.list_area if self.listed else self.scroll_area)
        finally:
            self._laying_out = False

    def retranslate(self) -> None:
        self.set_heading(self.heading, self.panel.heading)
        for card in self.cards + self.list_cards:
            card.date.setText(locale.language(self.ctx.language).format_date(card.event.date))
            card.title.setText(no_widow(self.t(card.event.title), self.ctx.language))
            card.text.setText(no_widow(self.t(card.event.text), self.ctx.language))
            card.text.setVisible(card.event.text is not None)
            if card.still is not None and card.event.still is not None:
                card.still.set_alt_text(self.t(card.event.still.alt))
        self._lay_out(self.viewports[self.listed].size())

    def reset(self) -> None:
        scroll_to_start(self.scroll_area)
        scroll_to_start(self.list_area)
