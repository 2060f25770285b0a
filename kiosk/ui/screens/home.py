"""Home: one tile per exhibit and the language switcher, nothing else to learn.

As many tiles a row as fit at their smallest physical width (fewer on a small
display, never smaller ones); more rows than fit scroll by touch.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QGridLayout, QPushButton, QVBoxLayout, QWidget

from kiosk.content.loader import LoadedExhibit
from kiosk.media.images import Fit
from kiosk.ui.bar import BottomBar
from kiosk.ui.context import Context
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
                               focus=exhibit.tile.focus)
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
        ctx.signals.language_changed.connect(self.retranslate)
        self.retranslate()

    def sizeHint(self) -> QSize:  # QPushButton sizes for its own text; ours is the layout
        return self._layout.sizeHint()

    def minimumSizeHint(self) -> QSize:
        return self._layout.minimumSize()

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


def tile_columns(ctx: Context, count: int) -> tuple[int, int]:
    """(tiles a row, tile width in pixels): as many as fit at the smallest
    tile width, each as wide as the row allows up to the largest."""
    sizes, grid = ctx.theme.sizes, ctx.grid
    gap = ctx.mm(sizes.target_spacing * 2)
    fit = max(1, (grid.content_width + gap) // (ctx.mm(sizes.tile_min_width) + gap))
    columns = max(1, min(count, fit))
    width = min(ctx.mm(sizes.tile_width), (grid.content_width - (columns - 1) * gap) // columns)
    return columns, width


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

        columns, tile_px = tile_columns(ctx, len(ctx.catalog.exhibits))
        tiles = QWidget()
        self.grid = QGridLayout(tiles)
        self.grid.setContentsMargins(grid.margin, 0, grid.margin, grid.bottom)
        self.grid.setSpacing(ctx.mm(sizes.target_spacing * 2))
        self.grid.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignVCenter)
        self.tiles: list[ExhibitTile] = []
        for i, item in enumerate(ctx.catalog.exhibits):
            tile = ExhibitTile(ctx, item, tile_px)
            tile.clicked.connect(lambda _=False, exhibit_id=item.id: ctx.visit.show(exhibit_id))
            self.grid.addWidget(tile, i // columns, i % columns, Qt.AlignmentFlag.AlignTop)
            self.tiles.append(tile)
        self.scroll_area = KineticScrollArea(ctx, tiles)
        layout.addWidget(self.scroll_area, 1)
        self.bar = BottomBar(ctx)
        self.bar.fit([])
        layout.addWidget(self.bar)
        self.languages = self.bar.languages
        ctx.signals.language_changed.connect(self.retranslate)
        self.retranslate()

    def retranslate(self) -> None:
        self.heading.setText(self.ctx.tr("choose_film"))
