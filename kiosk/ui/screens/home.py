"""Home: one tile per exhibit and the language switcher, nothing else to learn.

As many tiles a row as fit at their smallest physical width (fewer on a small
display, never smaller ones); more rows than fit scroll by touch.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, QSize, Qt, QTimer
from PySide6.QtWidgets import QGridLayout, QPushButton, QVBoxLayout, QWidget

from kiosk.content.loader import LoadedExhibit
from kiosk.media.images import Fit
from kiosk.ui.bar import BottomBar
from kiosk.ui.context import Context
from kiosk.ui.layout import fit_words
from kiosk.ui.scrolling import KineticScrollArea
from kiosk.ui.typography import no_widow
from kiosk.ui.widgets import ImageView, make_label

TILE_ASPECT = 9 / 16
TILE_PADDING_MM = 5.0


class ExhibitTile(QPushButton):
    """The tile image cropped around its focus point, title, subtitle, year and country."""

    def __init__(self, ctx: Context, item: LoadedExhibit, width_px: int):
        super().__init__()
        self.ctx = ctx
        self.item = item
        exhibit = item.exhibit
        sizes = ctx.theme.sizes
        self.setObjectName("tile")
        self._layout = layout = QVBoxLayout(self)
        pad = ctx.mm(TILE_PADDING_MM)
        layout.setContentsMargins(pad, pad, pad, pad)
        layout.setSpacing(ctx.mm(2))
        self.image = ImageView(ctx, item.path(exhibit.tile.file), fit=Fit.COVER,
                               focus=exhibit.tile.focus, lazy=True)
        self.image.setFixedSize(width_px - 2 * pad, round((width_px - 2 * pad) * TILE_ASPECT))
        self.title = make_label(ctx, sizes.heading_pt * 0.8, bold=True)
        self.subtitle = make_label(ctx, sizes.small_pt)
        self.details = make_label(ctx, sizes.small_pt, muted=True)
        layout.addWidget(self.image)
        layout.addSpacing(ctx.mm(2))
        for child in (self.image, self.title, self.subtitle, self.details):
            child.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
            if child is not self.image:
                layout.addWidget(child)
        layout.addStretch(1)
        self.setFixedWidth(width_px)
        for label, text in ((self.title, exhibit.title), (self.subtitle, exhibit.subtitle)):
            fit_words(label, [exhibit.text(text, language) for language in ctx.visit.languages],
                      width_px - 2 * pad)
        ctx.signals.language_changed.connect(self.retranslate)
        self.retranslate()

    def sizeHint(self) -> QSize:  # QPushButton sizes for its own text; ours is the layout,
        return self.minimumSizeHint()  # with its wrapped lines at the tile's fixed width

    def minimumSizeHint(self) -> QSize:
        width = self.maximumWidth()
        return QSize(width, max(self._layout.minimumSize().height(), self._layout.heightForWidth(width)))

    def retranslate(self) -> None:
        exhibit, language = self.item.exhibit, self.ctx.language
        title = self.ctx.text(exhibit, exhibit.title)
        self.title.setText(no_widow(title, language))
        self.subtitle.setText(no_widow(self.ctx.text(exhibit, exhibit.subtitle), language))
        self.subtitle.setVisible(exhibit.subtitle is not None)
        self.details.setText(" · ".join(str(part) for part in (
            exhibit.year, self.ctx.text(exhibit, exhibit.country)) if part))
        self.image.set_alt_text(self.ctx.text(exhibit, exhibit.tile.alt) or title)
        self.setAccessibleName(title)


def tile_columns(ctx: Context, count: int, height: int) -> tuple[int, int]:
    """(tiles a row, tile width in pixels): as many as fit at the smallest
    tile width, each as wide as the row allows up to the largest, and no
    taller than `height` so that one row shows whole."""
    sizes, grid = ctx.theme.sizes, ctx.grid
    gap = ctx.mm(sizes.target_spacing * 2)
    fit = max(1, (grid.content_width + gap) // (ctx.mm(sizes.tile_min_width) + gap))
    columns = max(1, min(count, fit))
    width = min(ctx.mm(sizes.tile_width), (grid.content_width - (columns - 1) * gap) // columns)
    texts = _tile_text_height(ctx) + 2 * ctx.mm(TILE_PADDING_MM)
    by_height = round((height - texts) / TILE_ASPECT) + 2 * ctx.mm(TILE_PADDING_MM)
    return columns, max(ctx.mm(sizes.tile_min_width), min(width, by_height))


def _tile_text_height(ctx: Context) -> int:
    """The title, two lines of subtitle and the details, with their spacing."""
    sizes = ctx.theme.sizes
    lines = [make_label(ctx, sizes.heading_pt * 0.8, bold=True), *(make_label(ctx, sizes.small_pt) for _ in range(3))]
    return sum(line.fontMetrics().lineSpacing() for line in lines) + 6 * ctx.mm(2)


class HomeScreen(QWidget):
    """A tile per exhibit; a tap asks the visit model to open it."""

    def __init__(self, ctx: Context, width_px: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        sizes, grid = ctx.theme.sizes, ctx.grid
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.heading = make_label(ctx, sizes.title_pt, bold=True)
        self.heading.setContentsMargins(grid.margin, grid.top, grid.margin, ctx.mm(sizes.gap))
        layout.addWidget(self.heading)

        self.bar = BottomBar(ctx)
        self.bar.fit([])
        heading_height = grid.top + ctx.mm(sizes.gap) + self.heading.fontMetrics().lineSpacing()
        rows_height = (ctx.metrics.screen_px[1] - self.bar.height() - heading_height - grid.bottom
                       - ctx.mm(sizes.gap))
        columns, tile_px = tile_columns(ctx, len(ctx.catalog.exhibits), rows_height)
        tiles = QWidget()
        self.grid = QGridLayout(tiles)
        self.grid.setContentsMargins(grid.margin, 0, grid.margin, 0)
        self.grid.setSpacing(ctx.mm(sizes.target_spacing * 2))
        self.grid.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignVCenter)
        self.tiles: list[ExhibitTile] = []
        for i, item in enumerate(ctx.catalog.exhibits):
            tile = ExhibitTile(ctx, item, tile_px)
            tile.clicked.connect(lambda _=False, exhibit_id=item.id: ctx.visit.show(exhibit_id))
            self.grid.addWidget(tile, i // columns, i % columns, Qt.AlignmentFlag.AlignTop)
            self.tiles.append(tile)
        self.scroll_area = KineticScrollArea(ctx, tiles, beside=True)
        self._prefetch = QTimer(self)
        """Once the tiles are laid out, after a scroll or a resize: never on positions not yet set."""
        self._prefetch.setSingleShot(True)
        self._prefetch.setInterval(0)
        self._prefetch.timeout.connect(self.prefetch_near_view)
        self.scroll_area.verticalScrollBar().valueChanged.connect(lambda _value: self._prefetch.start())
        self.scroll_area.viewport().installEventFilter(self)
        layout.addWidget(self.scroll_area, 1)
        layout.addSpacing(grid.bottom)  # what scrolls stays clear of the bar
        layout.addWidget(self.bar)
        self.languages = self.bar.languages
        ctx.signals.language_changed.connect(self.retranslate)
        self.retranslate()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.Resize, QEvent.Type.Show):
            self._prefetch.start()
        return False

    def prefetch_near_view(self) -> None:
        """Decode the tiles on screen and a screenful either side, so a scroll
        shows pictures, not placeholders; the rest wait until they come near."""
        viewport = self.scroll_area.viewport()
        reach = viewport.rect().adjusted(0, -viewport.height(), 0, viewport.height())
        for tile in self.tiles:
            if reach.intersects(QRect(tile.mapTo(viewport, QPoint(0, 0)), tile.size())):
                tile.image.prefetch()

    def retranslate(self) -> None:
        self.heading.setText(self.ctx.tr("choose_film"))
