"""Home: one tile per exhibit and the language switcher, nothing else to learn."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from kiosk.content.loader import LoadedExhibit
from kiosk.media.images import Fit
from kiosk.ui.context import Context
from kiosk.ui.widgets import ImageView, LanguageSwitcher, make_label

TILE_ASPECT = 9 / 16


class ExhibitTile(QPushButton):
    """The tile image cropped around its focus point, title, year and country."""

    def __init__(self, ctx: Context, item: LoadedExhibit, width_px: int):
        super().__init__()
        self.ctx = ctx
        self.item = item
        exhibit = item.exhibit
        self.setObjectName("tile")
        self._layout = layout = QVBoxLayout(self)
        pad = ctx.mm(3)
        layout.setContentsMargins(pad, pad, pad, pad)
        layout.setSpacing(ctx.mm(3))
        self.image = ImageView(ctx, item.path(exhibit.tile.file), fit=Fit.COVER,
                               focus=exhibit.tile.focus)
        self.image.setFixedSize(width_px - 2 * pad, round((width_px - 2 * pad) * TILE_ASPECT))
        self.title = make_label(ctx, ctx.theme.sizes.heading_pt * 0.8, bold=True)
        self.details = make_label(ctx, ctx.theme.sizes.small_pt, muted=True)
        for child in (self.image, self.title, self.details):
            child.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
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
        exhibit = self.item.exhibit
        title = self.ctx.text(exhibit, exhibit.title)
        self.title.setText(title)
        self.details.setText(" · ".join(str(part) for part in (
            exhibit.year, self.ctx.text(exhibit, exhibit.country)) if part))
        self.image.set_alt_text(self.ctx.text(exhibit, exhibit.tile.alt) or title)
        self.setAccessibleName(title)


class HomeScreen(QWidget):
    """A tile per exhibit; a tap asks the visit model to open it."""

    def __init__(self, ctx: Context, width_px: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        sizes = ctx.theme.sizes
        margin = ctx.mm(sizes.margin)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(margin, margin, margin, margin)
        layout.setSpacing(ctx.mm(sizes.gap))
        self.heading = make_label(ctx, sizes.title_pt, bold=True)
        self.heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.heading)
        layout.addStretch(1)

        gap = ctx.mm(sizes.target_spacing * 2)
        tile_px = min(ctx.mm(sizes.tile_width), (width_px - 2 * margin - gap) // 2)
        columns = max(1, (width_px - 2 * margin + gap) // (tile_px + gap))
        grid = QGridLayout()
        grid.setSpacing(gap)
        self.tiles: list[ExhibitTile] = []
        for i, item in enumerate(ctx.catalog.exhibits):
            tile = ExhibitTile(ctx, item, tile_px)
            tile.clicked.connect(lambda _=False, exhibit_id=item.id: ctx.visit.show(exhibit_id))
            grid.addWidget(tile, i // columns, i % columns)
            self.tiles.append(tile)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addLayout(grid)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(1)

        bottom = QHBoxLayout()
        bottom.addStretch(1)
        self.languages = LanguageSwitcher(ctx)
        bottom.addWidget(self.languages)
        bottom.addStretch(1)
        layout.addLayout(bottom)
        ctx.signals.language_changed.connect(self.retranslate)
        self.retranslate()

    def retranslate(self) -> None:
        self.heading.setText(self.ctx.tr("choose_film"))
