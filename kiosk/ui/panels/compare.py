"""A compare panel: this film beside another, fact by fact.

Rows follow the curator's fact keys; the label comes from this exhibit's fact.
Nothing is marked by machine (wordings that differ are not a finding). The
curator's `highlight` rows get an accent rule and bold values, and say so in
their accessible name; `bars` rows draw both amounts as proportional bars.

The columns sit on the page grid, so the film headers, which stay put while
the rows scroll, stand over their values. On a narrow display, where a value
column beside the labels would be unreadably narrow, labels go above values.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import QBoxLayout, QHBoxLayout, QVBoxLayout, QWidget

from kiosk.content.loader import LoadedExhibit
from kiosk.content.schema import ComparePanel
from kiosk.media.images import Fit
from kiosk.ui.context import Context
from kiosk.ui.layout import ColumnLayout, column_width
from kiosk.ui.panels.base import PanelView
from kiosk.ui.scrolling import KineticScrollArea, scroll_to_start
from kiosk.ui.widgets import ImageView, make_label
from kiosk.visit.compare import Film, bar_shares, films_of

LABEL_COLUMNS, VALUE_COLUMNS = 3, 4
"""Of the page grid's 12 columns: label, this film, the other film (one column spare)."""
READABLE_VALUE_CHARS = 30
"""Below this many characters a line, a value column beside the labels is too
narrow to read, and the rows put their labels above the values."""
ACCENT_RULE_MM = 2.5
TILE_HEIGHT_MM = {False: 100.0, True: 28.0}
"""A film's tile in the header, by layout (narrow or not)."""
TILE_ASPECT = 16 / 9
TITLE_SHARE = 0.36
"""A tile without a picture sets its title at most this share of its height."""
TITLE_FLAGS = int(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap)
ROW_PADDING_MM = 8.0
"""Above and below a row's texts; up to twice this where the page has room."""
BAR_MM = 5.0
BAR_STUB_MM = 3.0
"""The shortest bar drawn for an amount above zero, so that it never vanishes."""


@dataclass(frozen=True)
class Columns:
    """The widths of a row's cells, from the page grid (kiosk.ui.grid)."""

    narrow: bool
    inset: int
    """Room at a row's left for the highlight rule."""
    label: int
    values: tuple[int, int]
    gutter: int

    @classmethod
    def of(cls, ctx: Context) -> Columns:
        grid = ctx.grid
        inset = ctx.mm(ACCENT_RULE_MM) + ctx.mm(4)
        readable = column_width(ctx, ctx.font(ctx.theme.sizes.body_pt), READABLE_VALUE_CHARS)
        if grid.span(VALUE_COLUMNS) >= readable:
            value = grid.span(VALUE_COLUMNS)
            return cls(False, inset, grid.span(LABEL_COLUMNS) - inset, (value, value), grid.gutter)
        half = grid.span(grid.columns // 2)  # the second value takes what is left: spans round
        return cls(True, inset, grid.content_width - inset, (half - inset, grid.content_width - half - grid.gutter),
                   grid.gutter)

    def arrange(self, owner: QWidget, label: QWidget | None, values: Sequence[QWidget],
                top: int = 0, bottom: int = 0, spacing: int = 0) -> QBoxLayout:
        """Lays `label` and the two `values` out in `owner`: beside each other,
        or the label above on a narrow display. A header passes no label."""
        beside = QHBoxLayout()
        beside.setSpacing(self.gutter)
        cells = list(zip(values, self.values))
        if not self.narrow:  # a header's empty label cell: a spacer item would drop the gutter
            cells.insert(0, (label or QWidget(), self.label))
        for cell, width in cells:
            cell.setFixedWidth(width)
            beside.addWidget(cell, 0, Qt.AlignmentFlag.AlignTop)
        beside.addStretch(1)
        layout = QVBoxLayout(owner)
        layout.setContentsMargins(self.inset, top, 0, bottom)
        layout.setSpacing(spacing)
        if label is not None and self.narrow:
            layout.addWidget(label)
        layout.addLayout(beside)
        return layout


def _stack(*widgets: QWidget, spacing: int) -> QWidget:
    cell = QWidget()
    layout = QVBoxLayout(cell)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(spacing)
    for widget in widgets:
        layout.addWidget(widget)
    return cell


class TitleTile(QWidget):
    """Stands in for a tile an inline item does not have: its title set large
    on a calm surface, a designed card rather than a missing picture."""

    def __init__(self, ctx: Context, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.title = ""
        self._font = QFont()

    def set_title(self, title: str) -> None:
        self.title = title
        self.setAccessibleName(title)
        self._fit()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def _text_box(self) -> QRect:
        pad = self.ctx.mm(4)
        return self.rect().adjusted(pad, pad, -pad, -pad)

    def _fit(self) -> None:
        """The largest type at which the title fits, like a poster's, up to
        a size at which a short title still has room around it."""
        box, floor = self._text_box(), self.ctx.metrics.min_font_px
        font = self.ctx.paint_font(self.ctx.theme.sizes.small_pt, bold=True)
        size = max(floor, round(self.height() * TITLE_SHARE))
        while True:
            font.setPixelSize(size)
            needed = QFontMetrics(font).boundingRect(box, TITLE_FLAGS, self.title)
            if size == floor or (needed.width() <= box.width() and needed.height() <= box.height()):
                break
            size = max(floor, round(size * 0.9))
        self._font = font
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        theme = self.ctx.theme
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(theme.colour("surface"))
        radius = self.ctx.mm(theme.sizes.corner_radius)
        painter.drawRoundedRect(QRectF(self.rect()), radius, radius)
        painter.setPen(theme.colour("text"))
        painter.setFont(self._font)
        painter.drawText(self._text_box(), TITLE_FLAGS, self.title)


class FilmHeader(QWidget):
    """A column's head: the film's tile (or its title set as one), then its
    title and year."""

    def __init__(self, ctx: Context, film: Film, narrow: bool, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.film = film
        sizes = ctx.theme.sizes
        height = ctx.mm(TILE_HEIGHT_MM[narrow])
        if film.tile is not None:
            self.tile: ImageView | TitleTile = ImageView(ctx, film.tile_path, fit=Fit.COVER,
                                                         focus=film.tile.focus)
        else:
            self.tile = TitleTile(ctx)
        self.tile.setFixedSize(QSize(round(height * TILE_ASPECT), height))
        self.title = make_label(ctx, sizes.body_pt, bold=True)
        self.details = make_label(ctx, sizes.small_pt, muted=True)
        texts = QVBoxLayout()
        texts.setSpacing(ctx.mm(1))
        texts.addStretch(1)
        texts.addWidget(self.title)
        texts.addWidget(self.details)
        texts.addStretch(1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(ctx.mm(4))
        layout.addWidget(self.tile, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(texts, 1)

    def retranslate(self) -> None:
        film, language = self.film, self.ctx.language
        self.title.setText(film.text(film.title, language))
        details = [str(film.year) if film.year else "", film.text(film.country, language)]
        self.details.setText(" · ".join(part for part in details if part))
        self.details.setVisible(bool(self.details.text()))
        if isinstance(self.tile, TitleTile):
            self.tile.set_title(self.title.text())
        elif film.tile is not None:
            self.tile.set_alt_text(film.text(film.tile.alt, language) or self.title.text())


class QuantityBar(QWidget):
    """An amount as a bar under its value: `share` is the amount over the
    larger of the two, so the larger bar fills its column. Zero is written as
    a clear 0, never as an empty space."""

    def __init__(self, ctx: Context, share: float, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.share = share
        self.setFixedHeight(max(ctx.mm(BAR_MM), QFontMetrics(self._zero_font()).height()))

    def _zero_font(self) -> QFont:
        return self.ctx.paint_font(self.ctx.theme.sizes.small_pt, bold=True)

    @property
    def filled_width(self) -> int:
        if self.share <= 0:
            return 0
        return min(self.width(), max(self.ctx.mm(BAR_STUB_MM), round(self.share * self.width())))

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        theme = self.ctx.theme
        if self.share <= 0:
            painter.setPen(theme.colour("text_muted"))
            painter.setFont(self._zero_font())
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, "0")
            return
        thickness = self.ctx.mm(BAR_MM)
        bar = QRectF(0, (self.height() - thickness) / 2, self.filled_width, thickness)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(theme.colour("accent"))
        painter.drawRoundedRect(bar, thickness / 4, thickness / 4)


class CompareRow(QWidget):
    """One fact key: its label, both values with their sources, the bars when
    the curator asked for them, and the accent rule on a highlighted row."""

    def __init__(self, ctx: Context, key: str, films: tuple[Film, Film], columns: Columns,
                 highlighted: bool = False, shares: Sequence[float] | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.key = key
        self.films = films
        self.highlighted = highlighted
        sizes = ctx.theme.sizes
        if columns.narrow:
            self.label = make_label(ctx, sizes.small_pt, bold=True, muted=True)
        else:
            self.label = make_label(ctx, sizes.body_pt, bold=True)
        self.values = [make_label(ctx, sizes.body_pt, bold=highlighted) for _ in films]
        self.sources = [make_label(ctx, sizes.small_pt, muted=True) for _ in films]
        self.bars = [QuantityBar(ctx, share) for share in shares] if shares is not None else []
        spacing = ctx.mm(1.5)
        cells = [_stack(value, *self.bars[i:i + 1], source, spacing=spacing)
                 for i, (value, source) in enumerate(zip(self.values, self.sources))]
        self.padding = ctx.mm(ROW_PADDING_MM)
        self._layout = columns.arrange(self, self.label, cells, top=self.padding, bottom=self.padding,
                                       spacing=ctx.mm(2))

    def set_padding(self, padding: int) -> None:
        """The room above and below the row's texts."""
        self.padding = padding
        margins = self._layout.contentsMargins()
        margins.setTop(padding)
        margins.setBottom(padding)
        self._layout.setContentsMargins(margins)

    def retranslate(self) -> None:
        ctx = self.ctx
        mine = self.films[0].facts[self.key]
        self.label.setText(self.films[0].text(mine.label, ctx.language))
        marked = f" ({ctx.tr('compare_highlight')})" if self.highlighted else ""
        self.setAccessibleName(self.label.text() + marked)
        for film, value, source in zip(self.films, self.values, self.sources):
            fact = film.facts.get(self.key)
            value.setText(film.text(fact.value, ctx.language) if fact else ctx.tr("no_value"))
            source_text = film.text(fact.source, ctx.language) if fact else ""
            source.setText(ctx.tr("source_line", source=source_text))
            source.setVisible(bool(source_text))

    def paintEvent(self, event: QPaintEvent) -> None:
        """A hairline under every row; the accent rule beside a highlighted one."""
        painter = QPainter(self)
        theme = self.ctx.theme
        line = max(1, self.ctx.mm(0.4))
        painter.fillRect(0, self.height() - line, self.width(), line, theme.colour("divider"))
        if self.highlighted:
            inset = self.ctx.mm(3)
            painter.fillRect(0, inset, self.ctx.mm(ACCENT_RULE_MM), self.height() - line - 2 * inset,
                             theme.colour("accent"))


class ComparePanelView(PanelView):
    """Heading, the two film headers, and the rows, which scroll by touch."""

    panel: ComparePanel

    def __init__(self, ctx: Context, item: LoadedExhibit, index: int,
                 parent: QWidget | None = None):
        super().__init__(ctx, item, index, parent)
        panel = self.panel
        gap = ctx.mm(ctx.theme.sizes.gap)
        films = films_of(item, index)
        self.columns = Columns.of(ctx)
        self.headers = [FilmHeader(ctx, film, self.columns.narrow) for film in films]
        self.header = QWidget()
        self.columns.arrange(self.header, None, self.headers, bottom=gap // 2)

        self.rows = [CompareRow(ctx, key, films, self.columns, key in panel.highlight,
                                bar_shares(key, films) if key in panel.bars else None)
                     for key in panel.rows]
        content = QWidget()
        rows_layout = QVBoxLayout(content)
        rows_layout.setContentsMargins(0, 0, 0, 0)
        rows_layout.setSpacing(0)
        for row in self.rows:
            rows_layout.addWidget(row)
        rows_layout.addStretch(1)
        self.scroll_area = KineticScrollArea(ctx, content)
        self.scroll_area.viewport().installEventFilter(self)

        layout = ColumnLayout(self, ctx)
        layout.setSpacing(gap)
        self.heading = self.make_heading()
        layout.addWidget(self.heading)
        layout.addWidget(self.header)
        layout.addWidget(self.scroll_area, 1)
        self.retranslate()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.scroll_area.viewport() and event.type() == QEvent.Type.Resize:
            self._spread_rows()
        return False

    def _spread_rows(self) -> None:
        """Rows that leave the page half empty take more air, up to double
        padding, so that the table fills the page instead of sitting on a void."""
        viewport = self.scroll_area.viewport()
        if not self.rows or viewport.height() <= 0:
            return
        least = self.ctx.mm(ROW_PADDING_MM)
        natural = sum(row.heightForWidth(viewport.width()) - 2 * (row.padding - least) for row in self.rows)
        spare = max(0, viewport.height() - natural)
        padding = least + min(least, spare // (2 * len(self.rows)))
        for row in self.rows:
            row.set_padding(padding)

    def retranslate(self) -> None:
        self.set_heading(self.heading, self.panel.heading)
        for header in self.headers:
            header.retranslate()
        for row in self.rows:
            row.retranslate()
        self._spread_rows()

    def reset(self) -> None:
        scroll_to_start(self.scroll_area)
