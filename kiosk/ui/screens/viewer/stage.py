"""What the still viewer shows: the current still (and its neighbours while
swiping), fitted or zoomed down to its native pixels, and panned.

Images are decoded off the GUI thread, once fitted to the stage and, when
zoomed in, once at native size, of which only the visible part is drawn.
Gestures arrive from the recogniser through `StageGestures` (.gestures).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import (
    QAbstractAnimation,
    QEasingCurve,
    QPointF,
    QRectF,
    QSize,
    Qt,
    QVariantAnimation,
    Signal,
)
from PySide6.QtGui import QPainter, QPaintEvent, QPixmap, QResizeEvent, QShowEvent
from PySide6.QtWidgets import QWidget

from kiosk.content.loader import LoadedExhibit
from kiosk.content.schema import Still
from kiosk.media.images import Fit, ImageKey, displayed_size
from kiosk.media.tiles import TileGrid
from kiosk.ui.context import Context
from kiosk.ui.gestures import attach
from kiosk.ui.screens.viewer.gestures import StageGestures
from kiosk.ui.screens.viewer.tiled import NativeTiles
from kiosk.ui.widgets import ImageView

MIN_MAX_ZOOM = 2.0
"""Zooming always reaches at least twice the fitted size, even for small stills."""
DOUBLE_TAP_ZOOM = 2.5


@dataclass(frozen=True)
class StillSource:
    """A still's file and its size in pixels, read from the header only."""

    path: Path
    native: QSize

    @property
    def readable(self) -> bool:
        return self.native.isValid() and not self.native.isEmpty()

    @classmethod
    def read(cls, item: LoadedExhibit, still: Still) -> "StillSource":
        path = item.path(still.file)
        return cls(path, displayed_size(path))


class StillStage(QWidget):
    """Draws the current still and its neighbours while swiping; zoom, pan and
    the swipe offset are set by its gestures and buttons."""

    zoom_changed = Signal(float)
    index_changed = Signal(int)
    state_changed = Signal()
    """Anything the controls depend on changed: zoom, index, or a still found broken."""

    def __init__(self, ctx: Context, item: LoadedExhibit, stills: list[Still], index: int,
                 show_still: Callable[[int], None], parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.item = item
        self.stills = stills
        self.sources = [StillSource.read(item, still) for still in stills]
        self.broken = {i for i, source in enumerate(self.sources) if not source.readable}
        """Stills that cannot be shown: unreadable, or their decode failed."""
        self.index = max(0, min(index, len(stills) - 1))
        self.zoom = 1.0
        self.pan = QPointF()
        self.slide = 0.0
        """Horizontal offset of the current still while a swipe follows the finger."""
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.placeholder = ImageView(ctx, None, parent=self)
        self.placeholder.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self._fit_pixmap: QPixmap | None = None
        """The last fitted decode of the current still, drawn until a newer one lands."""
        self._animation = QVariantAnimation(self)
        self._animation.setDuration(ctx.theme.motion.slide_ms)
        self._animation.setEasingCurve(QEasingCurve.Type.OutCubic)
        self._animation.valueChanged.connect(self.set_slide)
        self._animation.finished.connect(self.update)
        self._zoom_animation = QVariantAnimation(self)
        self._zoom_animation.setDuration(ctx.theme.motion.zoom_ms)
        self._zoom_animation.setEasingCurve(QEasingCurve.Type.OutCubic)
        self._zoom_animation.setStartValue(0.0)
        self._zoom_animation.setEndValue(1.0)
        self._zoom_animation.valueChanged.connect(self._zoom_step)
        self._zoom_animation.finished.connect(self.update)
        self._zoom_path: tuple[float, float, QPointF, QPointF, QPointF] | None = None
        """An animated zoom: from and to zoom, the image point held, and where on screen it starts and ends."""
        self.tiles = NativeTiles(ctx, self.update)
        self.gestures = StageGestures(self, show_still)
        attach(self, self.gestures)
        self._show_still()

    # --- what is shown --------------------------------------------------------

    @property
    def source(self) -> StillSource:
        return self.sources[self.index]

    @property
    def is_placeholder(self) -> bool:
        return self.index in self.broken

    @property
    def fit_scale(self) -> float:
        """Display pixels per image pixel when the still just fits the stage."""
        return self._fit_scale_of(self.index)

    @property
    def max_zoom(self) -> float:
        if self.is_placeholder:
            return 1.0
        return max(1.0 / self.fit_scale, MIN_MAX_ZOOM)

    def _fit_scale_of(self, index: int) -> float:
        native = self.sources[index].native
        if index in self.broken or self.width() <= 0 or self.height() <= 0:
            return 1.0
        return min(self.width() / native.width(), self.height() / native.height())

    def set_index(self, index: int) -> None:
        index = max(0, min(index, len(self.stills) - 1))
        if index == self.index:
            return
        zoomed = self.zoom != 1.0
        self._zoom_animation.stop()
        self._zoom_path = None
        self.index = index
        self.zoom, self.pan = 1.0, QPointF()
        self._show_still()
        self.index_changed.emit(index)
        if zoomed:
            self.zoom_changed.emit(1.0)
        self.state_changed.emit()

    def step_to(self, index: int) -> None:
        """To still `index`, sliding in from its side (from where a swipe left it)."""
        index = max(0, min(index, len(self.stills) - 1))
        if index == self.index:
            self.settle()
            return
        direction = 1 if index > self.index else -1
        offset = self.slide + direction * self.stride()
        self.set_index(index)
        self.animate_slide(offset)

    def zoom_by(self, factor: float) -> None:
        """A step from where the zoom is going, so quick presses add up."""
        centre = QPointF(self.rect().center())
        heading_for = self._zoom_path[1] if self._zoom_path is not None else self.zoom
        self.zoom_to(heading_for * factor, self.image_point(centre), centre, centre)

    def zoom_to(self, zoom: float, image_point: QPointF, start: QPointF, end: QPointF) -> None:
        """Zoom to `zoom` over the motion's zoom time, `image_point` travelling
        from `start` to `end` on screen, so the visitor sees where the close-up
        comes from; at once under reduced motion."""
        self.stop_motion()
        zoom = max(1.0, min(zoom, self.max_zoom))
        if self.ctx.theme.motion.reduced:
            self.place(zoom, image_point, end)
            return
        self._zoom_path = (self.zoom, zoom, image_point, start, end)
        self._zoom_animation.start()

    def _zoom_step(self, progress: float) -> None:
        if self._zoom_path is None:
            return
        first, last, image_point, start, end = self._zoom_path
        zoom = first * (last / first) ** progress  # even steps to the eye, which sees zoom as ratios
        self.place(zoom, image_point, start + (end - start) * progress)

    def reset(self) -> None:
        self.stop_motion()
        self.set_slide(0.0)
        self.place(1.0, QPointF(), QPointF(self.rect().center()))

    def set_alt_text(self, text: str) -> None:
        self.setAccessibleName(text)
        self.placeholder.set_alt_text(text)

    def _show_still(self) -> None:
        self._fit_pixmap = None
        self.placeholder.setVisible(self.is_placeholder)
        self._request()
        self.update()

    # --- decoding ---------------------------------------------------------------

    def _fit_key(self, index: int) -> ImageKey:
        size = self.size() * self.devicePixelRatioF()
        return ImageKey(self.sources[index].path, max(1, size.width()), max(1, size.height()),
                        Fit.CONTAIN)

    def _native_key(self) -> ImageKey:
        native = self.source.native
        return ImageKey(self.source.path, native.width(), native.height(), Fit.NATIVE)

    def _request(self) -> None:
        """Ask for what the view needs: the fitted current still, its neighbours
        for swiping, and the native decode once zoomed past the fitted one."""
        if not self.isVisible() or self.width() <= 0 or self.height() <= 0:
            return  # not yet at its real size: decoding now would be wasted
        for index in (self.index, self.index - 1, self.index + 1):
            if not 0 <= index < len(self.stills) or index in self.broken:
                continue
            key = self._fit_key(index)
            if self.ctx.images.is_broken(key):  # found broken before, maybe by another viewer
                self._mark_broken([index])
                continue
            pixmap = self.ctx.images.request(key, self._on_image)
            if index == self.index and pixmap is not None:
                self._fit_pixmap = pixmap
        if self._needs_native():
            grid = self.tiles.grid(self.source.path, self.source.native)
            if grid is not None:
                self.tiles.request(grid, self._display_rect(self.index, self._scale(), self._centre()),
                                   QRectF(self.rect()))
            elif not self.tiles.tiled(self.source.native):  # a tiled one waits for its tiles
                self.ctx.images.request(self._native_key(), self._on_image)

    def _needs_native(self) -> bool:
        if self.zoom <= 1.0 or self.is_placeholder:
            return False
        shown_width = self.source.native.width() * self.fit_scale * self.zoom * self.devicePixelRatioF()
        return self._fit_pixmap is None or shown_width > self._fit_pixmap.width() + 1

    def _on_image(self, key: ImageKey) -> None:
        indices = [i for i, source in enumerate(self.sources) if source.path == key.path]
        if not indices:
            return
        if key.fit is Fit.CONTAIN and self.ctx.images.is_broken(key):
            self._mark_broken(indices)
        if self.index in indices:
            self._request()
        self.update()

    def _mark_broken(self, indices: list[int]) -> None:
        self.broken.update(indices)
        if self.index in indices:
            self.placeholder.show()
            self.state_changed.emit()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._request()

    # --- geometry -----------------------------------------------------------------

    def stride(self) -> float:
        """Distance between neighbouring stills while swiping."""
        return self.width() + self.ctx.mm(self.ctx.theme.sizes.gap)

    def _scale(self) -> float:
        return self.fit_scale * self.zoom

    def _display_rect(self, index: int, scale: float, centre: QPointF) -> QRectF:
        native = self.sources[index].native
        rect = QRectF(0, 0, native.width() * scale, native.height() * scale)
        rect.moveCenter(centre)
        return rect

    def _centre(self) -> QPointF:
        return QPointF(self.rect().center()) + self.pan + QPointF(self.slide, 0)

    def image_point(self, screen: QPointF) -> QPointF:
        """The image point (native pixels from the image centre) under `screen`."""
        return (screen - self._centre()) / self._scale()

    def place(self, zoom: float, image_point: QPointF, screen: QPointF) -> None:
        """Zoom to `zoom` with `image_point` under `screen`, as far as the edges allow."""
        zoom = max(1.0, min(zoom, self.max_zoom))
        scale = self.fit_scale * zoom
        centre = screen - image_point * scale - QPointF(self.rect().center()) - QPointF(self.slide, 0)
        native = self.source.native
        slack_x = max(0.0, (native.width() * scale - self.width()) / 2)
        slack_y = max(0.0, (native.height() * scale - self.height()) / 2)
        self.pan = QPointF(max(-slack_x, min(centre.x(), slack_x)),
                           max(-slack_y, min(centre.y(), slack_y)))
        changed = abs(zoom - self.zoom) > 1e-9
        self.zoom = zoom
        self._request()
        self.update()
        if changed:
            self.zoom_changed.emit(zoom)
            self.state_changed.emit()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.placeholder.setGeometry(self.rect().translated(round(self.slide), 0))
        previous = self._fit_pixmap
        self._request()
        self._fit_pixmap = self._fit_pixmap or previous
        self.place(self.zoom, QPointF(), QPointF(self.rect().center()) + self.pan)

    # --- painting -----------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), self.ctx.theme.colour("scrim"))
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, not self.moving)
        self._paint_still(painter, self.index, self._scale(), self._centre())
        if self.slide:
            side = -1 if self.slide > 0 else 1
            neighbour = self.index + side
            if 0 <= neighbour < len(self.stills):
                centre = QPointF(self.rect().center()) + QPointF(self.slide + side * self.stride(), 0)
                self._paint_still(painter, neighbour, self._fit_scale_of(neighbour), centre)

    def _paint_still(self, painter: QPainter, index: int, scale: float, centre: QPointF) -> None:
        """Draws only the visible part of the best pixmap at hand, so a frame
        costs about one screenful of pixels whatever the still's size."""
        placeholder = self.ctx.theme.colour("placeholder")
        if index in self.broken:
            if index != self.index:  # the current one has its placeholder widget, with alt text
                shift = round(centre.x() - self.rect().center().x())
                painter.fillRect(self.rect().translated(shift, 0), placeholder)
            return
        target = self._display_rect(index, scale, centre)
        pixmap = self._pixmap_for(index)
        if pixmap is None:
            painter.fillRect(target.intersected(QRectF(self.rect())), placeholder)
            return
        visible = target.intersected(QRectF(self.rect()))
        if visible.isEmpty():
            return
        if abs(pixmap.width() - target.width() * self.devicePixelRatioF()) < 1.5:
            pixmap.setDevicePixelRatio(self.devicePixelRatioF())
            painter.drawPixmap(target.topLeft().toPoint(), pixmap)  # 1:1, the fast path
            return
        ratio = pixmap.width() / target.width()
        cut = QRectF((visible.x() - target.x()) * ratio, (visible.y() - target.y()) * ratio,
                     visible.width() * ratio, visible.height() * ratio)
        painter.drawPixmap(visible, pixmap, cut)
        grid = self._grid() if index == self.index else None
        if grid is not None:
            self.tiles.paint(painter, grid, target, QRectF(self.rect()))

    def _grid(self) -> TileGrid | None:
        """The current still's tiles, when it is zoomed past its fitted decode and has them."""
        return self.tiles.grid(self.source.path, self.source.native) if self._needs_native() else None

    def _pixmap_for(self, index: int) -> QPixmap | None:
        if index != self.index:
            return self.ctx.images.request(self._fit_key(index), self._on_image)
        if self._needs_native() and not self.tiles.tiled(self.source.native):
            native = self.ctx.images.request(self._native_key(), self._on_image)
            if native is not None:
                return native
        return self._fit_pixmap

    @property
    def moving(self) -> bool:
        """While a finger moves the picture, frames skip smoothing to keep up
        with it (a 4K frame smoothed costs more than a frame's time); the
        picture is smoothed again the moment it comes to rest."""
        running = QAbstractAnimation.State.Running
        return self.gestures.moving or running in (self._animation.state(), self._zoom_animation.state())

    def toggle_zoom(self, position: QPointF) -> None:
        """Fit <-> close-up, centred on `position`."""
        centre = QPointF(self.rect().center())
        if self.zoom > 1.0:
            self.zoom_to(1.0, self.image_point(centre), centre, centre)
        else:
            self.zoom_to(DOUBLE_TAP_ZOOM, self.image_point(position), position, centre)

    def stop_motion(self) -> None:
        """A finger on the picture takes it from any slide or zoom in progress."""
        self._animation.stop()
        self._zoom_animation.stop()
        self._zoom_path = None

    def settle(self) -> None:
        if self.slide:
            self.animate_slide(self.slide)

    def animate_slide(self, start: float) -> None:
        self._animation.stop()
        if self.ctx.theme.motion.reduced:
            self.set_slide(0.0)
            return
        self.set_slide(start)
        self._animation.setStartValue(float(start))
        self._animation.setEndValue(0.0)
        self._animation.start()

    def set_slide(self, offset: float) -> None:
        self.slide = offset
        self.placeholder.move(round(offset), 0)
        self.update()


