"""The current still's native pixels from its tiles (kiosk.media.tiles), for
a still large enough to have them: only the tiles on screen are decoded, and
they are drawn over the fitted still, which shows wherever a tile is still
on its way."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QRect, QRectF, QSize
from PySide6.QtGui import QPainter

from kiosk.media.images import Fit, ImageKey
from kiosk.media.tiles import TileGrid, worth_tiling
from kiosk.ui.context import Context


class NativeTiles:
    def __init__(self, ctx: Context, changed: Callable[[], None]):
        self.ctx = ctx
        self.changed = changed
        """Called when a tile or a grid arrives: the stage repaints."""

    def tiled(self, native: QSize) -> bool:
        """Whether a still this large shows its native pixels from tiles (when
        the kiosk can keep tiles), never from a decode of the whole still."""
        return self.ctx.tiles.root is not None and worth_tiling(native.width(), native.height())

    def grid(self, path: Path, native: QSize) -> TileGrid | None:
        """The still's tiles, asked for (and cut, the first time) when it is worth it."""
        return self.ctx.tiles.grid(path, self._arrived) if self.tiled(native) else None

    def request(self, grid: TileGrid, target: QRectF, view: QRectF) -> None:
        """Decode the tiles that the part of the still inside `view` needs;
        `target` is where the whole still is drawn at the current zoom."""
        for key, _area in self._visible(grid, target, view):
            self.ctx.images.request(key, self._tile_ready)

    def paint(self, painter: QPainter, grid: TileGrid, target: QRectF, view: QRectF) -> None:
        scale = target.width() / grid.width
        for key, area in self._visible(grid, target, view):
            pixmap = self.ctx.images.request(key, self._tile_ready)
            if pixmap is not None:
                drawn = QRectF(target.x() + area.x() * scale, target.y() + area.y() * scale,
                               area.width() * scale, area.height() * scale)
                painter.drawPixmap(drawn, pixmap, QRectF(pixmap.rect()))

    def _visible(self, grid: TileGrid, target: QRectF, view: QRectF) -> list[tuple[ImageKey, QRect]]:
        scale = target.width() / grid.width
        shown = target.intersected(view)
        if shown.isEmpty() or scale <= 0:
            return []
        region = QRectF((shown.x() - target.x()) / scale, (shown.y() - target.y()) / scale,
                        shown.width() / scale, shown.height() / scale).toAlignedRect()
        return [(ImageKey(path, area.width(), area.height(), Fit.NATIVE), area)
                for path, area in grid.tiles_in(region)]

    def _tile_ready(self, _key: ImageKey) -> None:
        self.changed()

    def _arrived(self) -> None:
        self.changed()
