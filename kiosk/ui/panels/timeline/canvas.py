"""The timeline's drawing surface: the axis with its year ticks, a dot for
each event at its place in time (kiosk.ui.panels.timeline.placement), and the
cards, alternately above and below the axis, each joined to its dot by a short
connector. Where the screen is too low for cards on both sides, they all hang
below it, wider, so that they stay short."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRect, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QFrame, QLabel, QWidget

from kiosk import locale
from kiosk.content.schema import Event, PartialDate
from kiosk.ui.context import Context
from kiosk.ui.layout import column_width
from kiosk.ui.panels.timeline import placement
from kiosk.ui.panels.timeline.placement import Spacing
from kiosk.ui.widgets import ImageView

CARD_CHARS = (30, 40, 50)
"""Card widths to try, in characters a line: the narrowest first, so that
several fit side by side; wider ones when cards must be shorter."""
STILL_SHARE = 0.4
"""A still's height as a share of its card's inner width: a wide strip."""
DOT_MM = 3.5
CONNECTOR_MM = 8.0
TICK_STEPS = (1, 2, 5, 10, 20, 50, 100)


@dataclass
class Card:
    event: Event
    frame: QFrame
    date: QLabel
    title: QLabel
    text: QLabel
    still: ImageView | None


@dataclass(frozen=True)
class _Plan:
    """One way of laying the cards out: their width, whether they alternate,
    and the heights above and below the axis that this takes."""

    width: int
    alternate: bool
    above: int
    below: int

    @property
    def height(self) -> int:
        return self.above + self.below


class TimelineCanvas(QWidget):
    """Lays the cards out for the viewport it is shown in (`lay_out`) and
    paints what joins them; as wide as its events need, so that a timeline
    that does not fit scrolls sideways."""

    def __init__(self, ctx: Context, cards: Sequence[Card], parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.cards = list(cards)
        for card in self.cards:
            card.frame.setParent(self)
        self.moments = [placement.moment(card.event.date) for card in self.cards]
        self.positions: list[float] = []
        """Each event's dot, in this widget's x coordinates."""
        self.axis_y = 0
        self.alternate = True
        self.dot_radius = ctx.mm(DOT_MM)
        self.connector = ctx.mm(CONNECTOR_MM)

    def above(self, index: int) -> bool:
        return self.alternate and index % 2 == 0

    # --- layout -----------------------------------------------------------------

    def _card_width(self, chars: int) -> int:
        padding = self.ctx.mm(self.ctx.theme.sizes.gap)
        return column_width(self.ctx, self.cards[0].text.font(), chars) + 2 * padding

    def _card_heights(self, width: int) -> list[int]:
        padding = self.ctx.mm(self.ctx.theme.sizes.gap)
        heights = []
        for card in self.cards:
            if card.still is not None:
                card.still.setFixedHeight(round((width - 2 * padding) * STILL_SHARE))
            card.frame.setFixedWidth(width)
            heights.append(card.frame.heightForWidth(width))
        return heights

    def _plan(self, chars: int, alternate: bool) -> _Plan:
        width = self._card_width(chars)
        heights = self._card_heights(width)
        reach = self.dot_radius + self.connector
        above = [h + reach for i, h in enumerate(heights) if alternate and i % 2 == 0]
        below = [h + reach for i, h in enumerate(heights) if not (alternate and i % 2 == 0)]
        return _Plan(width, alternate, max(above, default=self.dot_radius), max(below, default=reach))

    def _choose(self, height: int) -> _Plan:
        """Cards on both sides of the axis when the screen is tall enough,
        otherwise all below it, as narrow as lets them fit."""
        tried = [self._plan(CARD_CHARS[0], True)] + [self._plan(chars, False) for chars in CARD_CHARS]
        return next((plan for plan in tried if plan.height <= height), tried[-1])

    def lay_out(self, viewport: QSize) -> bool:
        """Whether the cards fit the viewport's height (if not, they are laid out as short as they go)."""
        if not self.cards:
            return True
        plan = self._choose(viewport.height())
        if plan.width != self.cards[0].frame.width():
            self._card_heights(plan.width)  # the chosen plan's widths, if a later one was tried
        self.alternate = plan.alternate
        gap = self.ctx.mm(self.ctx.theme.sizes.gap)
        margin = self.ctx.grid.margin
        step = plan.width + gap
        spacing = Spacing(neighbours=step / 3, same_side=step, alternate=plan.alternate)
        start = margin + plan.width / 2
        end = max(start, viewport.width() - margin - plan.width / 2)
        end = min(end, start + (len(self.cards) - 1) * step)  # a few events stay together
        positions = placement.place(self.moments, spacing, start, end)
        natural_width = positions[-1] + plan.width / 2 + margin
        shift = max(0.0, (viewport.width() - natural_width) / 2)
        self.positions = [x + shift for x in positions]
        self.setMinimumSize(round(natural_width), plan.height)
        self.axis_y = max(0, (viewport.height() - plan.height) // 2) + plan.above
        self._place_cards(plan)
        self.update()
        return plan.height <= viewport.height()

    def _place_cards(self, plan: _Plan) -> None:
        reach = self.dot_radius + self.connector
        for index, (card, x) in enumerate(zip(self.cards, self.positions)):
            height = card.frame.heightForWidth(plan.width)
            top = self.axis_y - reach - height if self.above(index) else self.axis_y + reach
            card.frame.setGeometry(round(x - plan.width / 2), top, plan.width, height)

    # --- painting ---------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        if not self.positions:
            return
        theme, ctx = self.ctx.theme, self.ctx
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        line = max(2, ctx.mm(0.8))
        left = self.cards[0].frame.geometry().left()
        right = self.cards[-1].frame.geometry().right()
        painter.setPen(QPen(theme.colour("divider"), line))
        painter.drawLine(left, self.axis_y, right, self.axis_y)
        for index, (card, x) in enumerate(zip(self.cards, self.positions)):
            edge = card.frame.geometry().bottom() if self.above(index) else card.frame.geometry().top()
            painter.drawLine(QPointF(x, self.axis_y), QPointF(x, edge))
        self._paint_ticks(painter)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(theme.colour("accent"))
        for x in self.positions:
            painter.drawEllipse(QPointF(x, self.axis_y), self.dot_radius, self.dot_radius)

    def year_ticks(self) -> list[tuple[int, float]]:
        """The years marked on the axis and where: as often as their labels
        leave room for, and only between the first and last event."""
        first, last = min(self.moments), max(self.moments)
        if last <= first:
            return []
        width = QFontMetrics(self._tick_font()).horizontalAdvance("0000") * 2
        per_year = abs(self.positions[-1] - self.positions[0]) / (last - first)
        step = next((s for s in TICK_STEPS if s * per_year >= width), TICK_STEPS[-1])
        ticks = []
        for year in placement.years_between(first, last, step):
            x = placement.position_of(placement.year_start(year), self.moments, self.positions)
            if x is not None:
                ticks.append((year, x))
        return ticks

    def _tick_font(self) -> QFont:
        return self.ctx.paint_font(self.ctx.theme.sizes.small_pt, bold=True)

    def _paint_ticks(self, painter: QPainter) -> None:
        """Each year's label sits on the axis, unless a dot is too close; then
        a short tick mark stands for it."""
        theme, language = self.ctx.theme, locale.language(self.ctx.language)
        font = self._tick_font()
        metrics = QFontMetrics(font)
        pad = self.ctx.mm(2)
        painter.setFont(font)
        for year, x in self.year_ticks():
            text = language.format_date(PartialDate(year))
            box = QRect(0, 0, metrics.horizontalAdvance(text) + 2 * pad, metrics.height())
            box.moveCenter(QPointF(x, self.axis_y).toPoint())
            if any(abs(dot - x) < box.width() / 2 + self.dot_radius + pad for dot in self.positions):
                half = self.ctx.mm(2.5)
                painter.drawLine(QPointF(x, self.axis_y - half), QPointF(x, self.axis_y + half))
                continue
            painter.fillRect(box, theme.colour("background"))
            painter.setPen(theme.colour("text_muted"))
            painter.drawText(box, Qt.AlignmentFlag.AlignCenter, text)
            painter.setPen(QPen(theme.colour("divider"), max(2, self.ctx.mm(0.8))))
