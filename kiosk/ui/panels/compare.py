"""A compare panel: this film beside another, fact by fact.

Rows follow the curator's fact keys; the label comes from this exhibit's fact.
A row whose two values differ is marked with an accent bar, an icon and a
word, so that the difference never depends on colour alone. The two film
headers stay put while the rows scroll, so the columns never lose their names.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QRect, QSize, Qt
from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from kiosk.content.loader import LoadedExhibit
from kiosk.content.schema import ComparePanel, Exhibit, Fact, Image, InlineItem
from kiosk.content.text import Text
from kiosk.media.images import Fit
from kiosk.ui.context import Context
from kiosk.ui.icons import icon
from kiosk.ui.layout import ColumnLayout, column_width
from kiosk.ui.panels.base import PanelView
from kiosk.ui.scrolling import KineticScrollArea, scroll_to_start
from kiosk.ui.widgets import ImageView, make_label

COLUMN_STRETCH = (2, 3, 3)
"""Label column, this film, the other film; a value column is one reading
column (theme line_chars) wide, so that the two values sit close together."""
MARK_BAR_MM = 2.0
TILE_HEIGHT_MM = 42.0
TILE_ASPECT = 16 / 9


@dataclass(frozen=True)
class Film:
    """One side of the comparison. `texts_of` is the exhibit whose languages
    its texts follow; `folder` resolves its tile's file."""

    texts_of: Exhibit
    folder: LoadedExhibit
    title: Text
    year: int | None
    country: Text | None
    tile: Image | None
    facts: dict[str, Fact]

    @classmethod
    def of_exhibit(cls, item: LoadedExhibit) -> Film:
        e = item.exhibit
        return cls(e, item, e.title, e.year, e.country, e.tile, e.facts_by_key())

    @classmethod
    def inline(cls, other: InlineItem, owner: LoadedExhibit) -> Film:
        facts = {fact.key: fact for fact in other.facts if fact.key}
        return cls(owner.exhibit, owner, other.title, other.year, other.country, other.tile, facts)

    def text(self, value: Text | None, language: str) -> str:
        return self.texts_of.text(value, language)

    @property
    def tile_path(self) -> Path | None:
        return self.folder.path(self.tile.file) if self.tile else None


def _normalised(text: str) -> str:
    return " ".join(text.split()).casefold()


def values_differ(key: str, left: Film, right: Film, language: str) -> bool:
    """Both sides have the fact and its texts differ in `language` (the
    exhibit's default); a missing value is shown as a dash, not as a difference."""
    mine, theirs = left.facts.get(key), right.facts.get(key)
    if mine is None or theirs is None:
        return False
    return _normalised(left.text(mine.value, language)) != _normalised(right.text(theirs.value, language))


def _cell(*widgets: QWidget, spacing: int = 0) -> QWidget:
    """A column cell whose width comes only from its column's stretch, so that
    cells in separate rows (and the fixed header) line up exactly."""
    cell = QWidget()
    cell.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
    layout = QVBoxLayout(cell)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(spacing)
    for widget in widgets:
        layout.addWidget(widget)
    layout.addStretch(1)
    return cell


def _row_inset(ctx: Context) -> int:
    """Room at a row's left for the difference bar."""
    return ctx.mm(MARK_BAR_MM) + ctx.mm(4)


def _columns(owner: QWidget, ctx: Context, cells: Sequence[QWidget],
             top: int = 0, bottom: int = 0) -> QHBoxLayout:
    layout = QHBoxLayout(owner)
    layout.setContentsMargins(_row_inset(ctx), top, 0, bottom)
    layout.setSpacing(ctx.mm(ctx.theme.sizes.gap))
    for cell, stretch in zip(cells, COLUMN_STRETCH):
        layout.addWidget(cell, stretch)
    return layout


class FilmHeader(QWidget):
    """A column's head: the film's tile, then its title and year."""

    def __init__(self, ctx: Context, film: Film, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.film = film
        sizes = ctx.theme.sizes
        height = ctx.mm(TILE_HEIGHT_MM)
        if film.tile is not None:
            self.tile: QWidget = ImageView(ctx, film.tile_path, fit=Fit.COVER, focus=film.tile.focus)
        else:
            self.tile = NeutralTile(ctx)
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
        layout.setSpacing(ctx.mm(sizes.gap) // 2 + ctx.mm(2))
        layout.addWidget(self.tile, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(texts, 1)

    def retranslate(self) -> None:
        film, language = self.film, self.ctx.language
        self.title.setText(film.text(film.title, language))
        details = [str(film.year) if film.year else "", film.text(film.country, language)]
        self.details.setText(" · ".join(part for part in details if part))
        self.details.setVisible(bool(self.details.text()))
        if isinstance(self.tile, ImageView) and film.tile is not None:
            self.tile.set_alt_text(film.text(film.tile.alt, language) or self.title.text())


class NeutralTile(QWidget):
    """Stands in for a tile an inline item does not have: a calm block with a
    film glyph, so it reads as "no picture given", not as a broken image."""

    def __init__(self, ctx: Context, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), self.ctx.theme.colour("surface"))
        side = min(self.ctx.mm(self.ctx.theme.sizes.icon), self.height() * 2 // 3)
        glyph = icon("film", self.ctx.theme.colours.text_muted).pixmap(side, side)
        area = QRect(0, 0, side, side)
        area.moveCenter(self.rect().center())
        painter.drawPixmap(area.topLeft(), glyph)


class CompareRow(QWidget):
    """One fact key: its label, both values with their sources, and the
    difference mark when the values differ."""

    def __init__(self, ctx: Context, key: str, films: tuple[Film, Film], differs: bool,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.key = key
        self.films = films
        self.differs = differs
        sizes = ctx.theme.sizes
        self.label = make_label(ctx, sizes.body_pt, bold=True)
        self.mark = QWidget()
        mark_layout = QHBoxLayout(self.mark)
        mark_layout.setContentsMargins(0, 0, 0, 0)
        mark_layout.setSpacing(ctx.mm(1.5))
        mark_icon = QLabel()
        side = ctx.metrics.font_px(sizes.small_pt)
        mark_icon.setPixmap(icon("different", ctx.theme.colours.difference).pixmap(side, side))
        self.mark_text = make_label(ctx, sizes.small_pt, bold=True)
        self.mark_text.setStyleSheet(f"color: {ctx.theme.colours.difference};")
        mark_layout.addWidget(mark_icon, 0, Qt.AlignmentFlag.AlignVCenter)
        mark_layout.addWidget(self.mark_text, 1)
        self.mark.setVisible(differs)
        self.values = [make_label(ctx, sizes.body_pt) for _ in films]
        self.sources = [make_label(ctx, sizes.small_pt, muted=True) for _ in films]
        spacing = ctx.mm(1.5)
        pad = ctx.mm(sizes.gap) // 2 + ctx.mm(3)
        _columns(self, ctx, (_cell(self.label, self.mark, spacing=spacing),
                             *[_cell(value, source, spacing=spacing)
                               for value, source in zip(self.values, self.sources)]),
                 top=pad, bottom=pad)

    def retranslate(self) -> None:
        ctx = self.ctx
        mine = self.films[0].facts[self.key]
        self.label.setText(self.films[0].text(mine.label, ctx.language))
        self.mark_text.setText(ctx.tr("different"))
        self.setAccessibleName(self.label.text() + (f" ({ctx.tr('different')})" if self.differs else ""))
        for film, value, source in zip(self.films, self.values, self.sources):
            fact = film.facts.get(self.key)
            value.setText(film.text(fact.value, ctx.language) if fact else ctx.tr("no_value"))
            source_text = film.text(fact.source, ctx.language) if fact else ""
            source.setText(ctx.tr("source_line", source=source_text))
            source.setVisible(bool(source_text))

    def paintEvent(self, event: QPaintEvent) -> None:
        """A hairline under every row; an accent bar beside a row that differs."""
        painter = QPainter(self)
        theme = self.ctx.theme
        line = max(1, self.ctx.mm(0.4))
        painter.fillRect(0, self.height() - line, self.width(), line, theme.colour("divider"))
        if self.differs:
            painter.fillRect(0, 0, self.ctx.mm(MARK_BAR_MM), self.height() - line,
                             theme.colour("difference"))


class ComparePanelView(PanelView):
    """Heading, the two film headers, and the rows, which scroll by touch."""

    panel: ComparePanel

    def __init__(self, ctx: Context, item: LoadedExhibit, index: int,
                 parent: QWidget | None = None):
        super().__init__(ctx, item, index, parent)
        panel = self.panel
        sizes = ctx.theme.sizes
        other = panel.other
        films = (Film.of_exhibit(item),
                 Film.inline(other, item) if not isinstance(other, str)
                 else Film.of_exhibit(item.compared[index]))
        self.headers = [FilmHeader(ctx, film) for film in films]
        self.header = QWidget()
        self._header_layout = _columns(self.header, ctx, (_cell(), *map(_cell, self.headers)),
                                       bottom=ctx.mm(sizes.gap) // 2)

        language = item.exhibit.default_language
        self.rows = [CompareRow(ctx, key, films, values_differ(key, *films, language))
                     for key in panel.rows]
        content = QWidget()
        rows_layout = QVBoxLayout(content)
        rows_layout.setContentsMargins(0, 0, ctx.mm(sizes.gap), 0)
        rows_layout.setSpacing(0)
        for row in self.rows:
            rows_layout.addWidget(row)
        rows_layout.addStretch(1)
        self.scroll_area = KineticScrollArea(ctx, content)
        self.scroll_area.viewport().installEventFilter(self)

        value_width = column_width(ctx, ctx.font(sizes.body_pt))
        table_width = (_row_inset(ctx) + value_width * sum(COLUMN_STRETCH) // COLUMN_STRETCH[-1]
                       + 2 * ctx.mm(sizes.gap))
        layout = ColumnLayout(self, ctx, table_width)
        layout.setSpacing(ctx.mm(sizes.gap))
        self.heading = self.make_heading()
        layout.addWidget(self.heading)
        layout.addWidget(self.header)
        layout.addWidget(self.scroll_area, 1)
        self.retranslate()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Keep the headers over their columns when the scroll indicator
        appears and narrows the rows."""
        if watched is self.scroll_area.viewport() and event.type() == QEvent.Type.Resize:
            margins = self._header_layout.contentsMargins()
            beside = self.scroll_area.width() - self.scroll_area.viewport().width()
            margins.setRight(beside + self.ctx.mm(self.ctx.theme.sizes.gap))
            self._header_layout.setContentsMargins(margins)
        return False

    def retranslate(self) -> None:
        heading = self.t(self.panel.heading)
        self.heading.setText(heading)
        self.heading.setVisible(bool(heading))
        for header in self.headers:
            header.retranslate()
        for row in self.rows:
            row.retranslate()

    def reset(self) -> None:
        scroll_to_start(self.scroll_area)
