"""A text panel: a heading and the curator's prose in a column short enough to
read standing, scrolling by touch when the text is longer than the screen.

A panel with a still shows it beside the text where the page grid has room
for both a reading column and a still of useful size (a large display), else
above the text; either way with its caption and credit beneath it. Where it
goes is decided once for the display, never by the language.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QBoxLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from kiosk.content.loader import LoadedExhibit
from kiosk.content.schema import Still, TextPanel
from kiosk.content.text import Block, BulletList, Span, Text, parse_markup
from kiosk.media.images import Fit, displayed_size
from kiosk.ui.context import Context
from kiosk.ui.fonts import language_font
from kiosk.ui.layout import ColumnLayout, column_width, text_height
from kiosk.ui.panels.base import PanelView
from kiosk.ui.scrolling import KineticScrollArea, over_edge_room, scroll_to_start
from kiosk.ui.typography import no_widow
from kiosk.ui.widgets import ImageView, make_label

LINE_HEIGHT_PERCENT = 140
"""Generous leading: long lines of large type are easier to follow standing."""


def _spans_html(spans: tuple[Span, ...]) -> str:
    parts = []
    for span in spans:
        text = html.escape(span.text)
        if span.strong:
            text = f"<b>{text}</b>"
        if span.emphasis:
            text = f"<i>{text}</i>"
        parts.append(text)
    return "".join(parts)


def markup_html(blocks: list[Block], paragraph_gap: int, bullet_indent: int) -> str:
    """Rich text for a QLabel; list items hang their text after the bullet."""
    def style(gap: int, indent: int = 0) -> str:
        return (f"margin-top:0; margin-bottom:{gap}px; margin-left:{indent}px; "
                f"text-indent:-{indent}px; line-height:{LINE_HEIGHT_PERCENT}%")

    out: list[str] = []
    for block in blocks:
        if isinstance(block, BulletList):
            last = len(block.items) - 1
            out.extend(f'<p style="{style(paragraph_gap if i == last else paragraph_gap // 3, bullet_indent)}">'
                       f"•&nbsp;&nbsp;{_spans_html(spans)}</p>"
                       for i, spans in enumerate(block.items))
        else:
            out.append(f'<p style="{style(paragraph_gap)}">{_spans_html(block.spans)}</p>')
    return "".join(out)


STILL_MIN_WIDTH_MM = 110.0
"""Beside the text a still is at least this wide, or it goes above the text."""
BESIDE_LINE_CHARS = 45
"""Beside a still the text may run this many characters a line, the shortest
comfortable measure, before the still goes above: on a 24-inch display that
keeps the still and the first lines of the text on one screen."""
STILL_SHARE_ABOVE = 0.5
"""Above the text a still takes at most this share of the page's height, so
that its caption and the start of the text show on the first screen."""
SIDE_CAPTION_CHARS = 30
"""A still narrower than its column leaves room for a caption this wide beside it."""
FILM_FRAME = 9 / 16
"""The shape assumed for a still whose size cannot be read."""


def columns_beside_still(ctx: Context, text_widths: tuple[int, ...]) -> int | None:
    """The grid columns for the text when a still goes beside it: the fewest
    that hold the first of `text_widths` (widest first) that leaves the
    remaining columns a still of useful size."""
    grid = ctx.grid
    for text_width in text_widths:
        columns = next((c for c in range(1, grid.columns) if grid.span(c) >= text_width), None)
        if columns is not None and grid.span(grid.columns - columns) >= ctx.mm(STILL_MIN_WIDTH_MM):
            return columns
    return None


class StillFigure(QWidget):
    """A still at its own shape, never enlarged past its pixels, with its
    caption and credit small and muted beneath it, or beside it where the
    still leaves room for a caption column."""

    def __init__(self, ctx: Context, item: LoadedExhibit, still: Still, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.item = item
        self.still = still
        path = item.path(still.file)
        self.native = displayed_size(path)
        self.image = ImageView(ctx, path, fit=Fit.COVER, focus=still.focus)
        self.caption = make_label(ctx, ctx.theme.sizes.small_pt, muted=True)
        self.credit = make_label(ctx, ctx.theme.sizes.small_pt, muted=True)
        self.caption_width = column_width(ctx, self.caption.font())
        self.labels: list[tuple[QLabel, Text | None]] = [
            (self.caption, still.caption), (self.credit, still.credit)]
        self.spacing = ctx.mm(ctx.theme.sizes.gap) // 3
        texts = QVBoxLayout()
        texts.setContentsMargins(0, 0, 0, 0)
        texts.setSpacing(self.spacing)
        for label, _value in self.labels:
            label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
            texts.addWidget(label)
        texts.addStretch(1)
        self.box = QBoxLayout(QBoxLayout.Direction.TopToBottom, self)
        self.box.setContentsMargins(0, 0, 0, 0)
        self.box.addWidget(self.image, 0, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.box.addLayout(texts, 1)
        for label, value in self.labels:  # in the figure now: showing a label without one opens a window
            label.setVisible(value is not None)

    @property
    def caption_beside(self) -> bool:
        return self.box.direction() == QBoxLayout.Direction.LeftToRight

    def texts_height(self, width: int) -> int:
        """Room for the caption and credit beneath the still: the most any language needs."""
        text_width, spacing = min(width, self.caption_width), self.spacing

        def needed(language: str) -> int:
            return sum(spacing + text_height(
                language_font(label.font(), language), text_width,
                no_widow(self.item.exhibit.text(value, language), language))
                for label, value in self.labels if value is not None)
        return max(needed(language) for language in self.ctx.visit.languages)

    def fit(self, width: int, image_height: int) -> None:
        """The largest still of its shape within `width` x `image_height`,
        never wider than its native pixels; its texts at most a reading
        column wide, beside it when the still leaves that much room."""
        readable = self.native.isValid() and not self.native.isEmpty()
        shape = self.native.height() / self.native.width() if readable else FILM_FRAME
        native_width = self.native.width() / self.devicePixelRatioF() if readable else width
        image_width = max(1, round(min(width, native_width, image_height / shape)))
        self.image.setFixedSize(image_width, max(1, round(image_width * shape)))
        gap = self.ctx.mm(self.ctx.theme.sizes.gap)
        room_beside = width - image_width - gap
        beside = room_beside >= column_width(self.ctx, self.caption.font(), SIDE_CAPTION_CHARS)
        self.box.setDirection(QBoxLayout.Direction.LeftToRight if beside
                              else QBoxLayout.Direction.TopToBottom)
        self.box.setSpacing(gap if beside else self.spacing)
        text_width = room_beside if beside else width
        for label, _value in self.labels:  # a margin, not a width: the layout then knows their height
            label.setContentsMargins(0, 0, max(0, text_width - self.caption_width), 0)
        self.setFixedWidth(width)

    def retranslate(self) -> None:
        language = self.ctx.language
        for label, value in self.labels:
            label.setText(no_widow(self.ctx.text(self.item.exhibit, value), language))
        self.image.set_alt_text(self.ctx.text(self.item.exhibit, self.still.alt)
                                or self.ctx.text(self.item.exhibit, self.still.caption))


class TextPanelView(PanelView):
    panel: TextPanel

    def __init__(self, ctx: Context, item: LoadedExhibit, index: int,
                 parent: QWidget | None = None):
        super().__init__(ctx, item, index, parent)
        sizes = ctx.theme.sizes
        self.heading = self.make_heading()
        self.body = make_label(ctx, sizes.body_pt)
        self.body.setTextFormat(Qt.TextFormat.RichText)
        self.body.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)

        content = QWidget()
        self.content_layout = QVBoxLayout(content)
        gap = ctx.mm(sizes.gap)
        self.content_layout.setContentsMargins(0, 0, over_edge_room(ctx), gap)
        self.content_layout.setSpacing(gap)
        self.scroll_area = KineticScrollArea(ctx, content)

        body_font = self.body.font()
        reading = column_width(ctx, body_font)
        still = self.panel.still
        self.figure = StillFigure(ctx, item, still) if still is not None else None
        shortest = column_width(ctx, body_font, BESIDE_LINE_CHARS)
        room = over_edge_room(ctx)
        self.text_columns = columns_beside_still(ctx, (reading + room, shortest + room)) if self.figure else None
        """Grid columns of the text with the still beside it; None: no still beside."""
        if self.text_columns is None:
            layout = ColumnLayout(self, ctx, reading + over_edge_room(ctx))
            layout.addWidget(self.heading)
            layout.addWidget(self.scroll_area, 1)
            if self.figure is not None:
                self.content_layout.addWidget(self.figure)
        else:
            layout = self._beside(self.text_columns)
        layout.setSpacing(gap)
        self.content_layout.addWidget(self.body)
        self.content_layout.addStretch(1)
        if self.figure is not None:
            self._fix_heading_height(min(reading, ctx.grid.content_width) if self.text_columns is None
                                     else ctx.grid.content_width)
            self.scroll_area.installEventFilter(self)
        self._paragraph_gap = QFontMetrics(body_font).lineSpacing()
        self._bullet_indent = QFontMetrics(body_font).horizontalAdvance("•\u00a0\u00a0")
        self.retranslate()

    def _beside(self, text_columns: int) -> ColumnLayout:
        """The heading across the page; beneath it the text on the first
        columns and the still on the rest, both from the same top line."""
        assert self.figure is not None
        grid = self.ctx.grid
        layout = ColumnLayout(self, self.ctx)
        layout.addWidget(self.heading)
        row = QHBoxLayout()
        row.setSpacing(grid.gutter)
        self.scroll_area.setFixedWidth(grid.span(text_columns))
        row.addWidget(self.scroll_area)
        figure_column = QVBoxLayout()
        figure_column.addWidget(self.figure)
        figure_column.addStretch(1)
        row.addLayout(figure_column, 1)
        layout.addLayout(row, 1)
        return layout

    def _fix_heading_height(self, width: int) -> None:
        """As tall as the longest language's heading, so the still does not
        change size when the visitor switches."""
        texts = {language: self.item.exhibit.text(self.panel.heading, language)
                 for language in self.ctx.visit.languages}
        font = self.heading.font()
        self.heading.setMinimumHeight(max(text_height(language_font(font, language), width, text)
                                          for language, text in texts.items()))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.scroll_area and event.type() == QEvent.Type.Resize:
            self._fit_figure()
        return False

    def _fit_figure(self) -> None:
        if self.figure is None:
            return
        grid, height = self.ctx.grid, self.scroll_area.height()
        if self.text_columns is not None:  # the texts' room kept for every language: nothing moves
            width = grid.span(grid.columns - self.text_columns)
            self.figure.fit(width, height - self.figure.texts_height(width))
        else:
            width = self.scroll_area.width() - self.content_layout.contentsMargins().right()
            self.figure.fit(width, round(height * STILL_SHARE_ABOVE))

    def retranslate(self) -> None:
        self.heading.setText(self.t(self.panel.heading))
        self.heading.setVisible(self.panel.heading is not None)
        self.body.setText(markup_html(parse_markup(self.t(self.panel.body)),
                                      self._paragraph_gap, self._bullet_indent))
        if self.figure is not None:
            self.figure.retranslate()

    def reset(self) -> None:
        scroll_to_start(self.scroll_area)
