"""The full-screen still viewer: swipe between stills, pinch or double tap to
zoom down to the still's native pixels, drag to look around when zoomed.

Every gesture has a button beside it (previous/next, zoom out/in, close) in a
bar at the bottom, within reach. Pinch is computed from the touch points
(QPinchGesture's scale is unreliable); images are decoded off the GUI thread,
once fitted to the screen and, when zoomed in, once at native size, of which
only the visible part is drawn.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import (QAbstractAnimation, QEasingCurve, QElapsedTimer, QEvent, QObject, QPointF,
                            QRectF, QSize, Qt, QVariantAnimation, Signal)
from PySide6.QtGui import (QEventPoint, QGuiApplication, QKeyEvent,
                           QMouseEvent, QPainter, QPaintEvent, QPixmap, QResizeEvent, QShowEvent,
                           QTouchEvent)
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from kiosk.content.loader import LoadedExhibit
from kiosk.content.schema import Still
from kiosk.media.images import Fit, ImageKey, displayed_size
from kiosk.ui.context import Context
from kiosk.ui.panels.base import still_path
from kiosk.ui.layout import TAP_SLOP_MM, TapTracker, column_width, distance, text_height
from kiosk.ui.widgets import ImageView, LanguageSwitcher, TouchButton, make_label

MIN_MAX_ZOOM = 2.0
"""Zooming always reaches at least twice the fitted size, even for small stills."""
DOUBLE_TAP_ZOOM = 2.5
BUTTON_ZOOM_STEP = 1.5
SWIPE_FRACTION = 0.2
"""A drag over this fraction of the width moves to the next still..."""
FLICK_MM = 15.0
FLICK_MM_PER_S = 500.0
"""...and so does a quick flick over FLICK_MM."""
EDGE_RESISTANCE = 0.3
DOUBLE_TAP_MM = 10.0
SLIDE_MS = 220


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
        path = still_path(item, still)
        return cls(path, displayed_size(path))


class StillStage(QWidget):
    """Draws the current still (and its neighbours while swiping) and turns
    touches into swipes, pinches, pans and double taps."""

    zoom_changed = Signal(float)
    index_changed = Signal(int)
    state_changed = Signal()
    """Anything the controls depend on changed: zoom, index, or a still found broken."""

    def __init__(self, ctx: Context, item: LoadedExhibit, stills: list[Still], index: int,
                 parent: QWidget | None = None):
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
        self.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.placeholder = ImageView(ctx, None, parent=self)
        self.placeholder.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self._fit_pixmap: QPixmap | None = None
        """The last fitted decode of the current still, drawn until a newer one lands."""
        self._animation = QVariantAnimation(self)
        self._animation.setDuration(SLIDE_MS)
        self._animation.setEasingCurve(QEasingCurve.Type.OutCubic)
        self._animation.valueChanged.connect(self._set_slide)
        self._animation.finished.connect(self.update)
        self._tap = TapTracker(ctx.mm(TAP_SLOP_MM))
        self._mode: str | None = None
        """The gesture under way: None, pending (maybe a tap), swipe, pan, pinch, ignored."""
        self._press_pos = QPointF()
        self._press_slide = 0.0
        self._anchor = QPointF()         # image point held under the finger(s)
        self._pinch_distance = 1.0
        self._pinch_zoom = 1.0
        self._clock = QElapsedTimer()
        self._last_tap: tuple[int, QPointF] | None = None
        self._tap_clock = QElapsedTimer()
        self._tap_clock.start()
        ctx.images.ready.connect(self._on_image)
        ctx.images.failed.connect(self._on_image)
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
        self.index = index
        self.zoom, self.pan = 1.0, QPointF()
        self._show_still()
        self.index_changed.emit(index)
        if zoomed:
            self.zoom_changed.emit(1.0)
        self.state_changed.emit()

    def step(self, direction: int) -> None:
        """To the previous (-1) or next (+1) still, sliding in from that side."""
        target = self.index + direction
        if not 0 <= target < len(self.stills):
            self._settle()
            return
        offset = self.slide + direction * self._stride()
        self.set_index(target)
        self._animate_slide(offset)

    def zoom_by(self, factor: float) -> None:
        centre = QPointF(self.rect().center())
        self._place(self.zoom * factor, self._image_point(centre), centre)

    def reset(self) -> None:
        self._animation.stop()
        self._set_slide(0.0)
        self._place(1.0, QPointF(), QPointF(self.rect().center()))

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
            if 0 <= index < len(self.stills) and index not in self.broken:
                pixmap = self.ctx.images.request(self._fit_key(index))
                if index == self.index and pixmap is not None:
                    self._fit_pixmap = pixmap
        if self._needs_native():
            self.ctx.images.request(self._native_key())

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
            self.broken.update(indices)
            if self.index in indices:
                self.placeholder.show()
                self.state_changed.emit()
        if self.index in indices:
            self._request()
        self.update()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._request()

    # --- geometry -----------------------------------------------------------------

    def _stride(self) -> float:
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

    def _image_point(self, screen: QPointF) -> QPointF:
        """The image point (native pixels from the image centre) under `screen`."""
        return (screen - self._centre()) / self._scale()

    def _place(self, zoom: float, image_point: QPointF, screen: QPointF) -> None:
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
        self._place(self.zoom, QPointF(), QPointF(self.rect().center()) + self.pan)

    # --- painting -----------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), self.ctx.theme.colour("scrim"))
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, not self._moving)
        self._paint_still(painter, self.index, self._scale(), self._centre())
        if self.slide:
            side = -1 if self.slide > 0 else 1
            neighbour = self.index + side
            if 0 <= neighbour < len(self.stills):
                centre = QPointF(self.rect().center()) + QPointF(self.slide + side * self._stride(), 0)
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

    @property
    def _moving(self) -> bool:
        """While a finger moves the picture, frames skip smoothing to keep up
        with it (a 4K frame smoothed costs more than a frame's time); the
        picture is smoothed again the moment it comes to rest."""
        return self._mode in ("pan", "pinch", "swipe") or (
            self._animation.state() == QAbstractAnimation.State.Running)

    def _pixmap_for(self, index: int) -> QPixmap | None:
        if index != self.index:
            return self.ctx.images.request(self._fit_key(index))
        if self._needs_native():
            native = self.ctx.images.request(self._native_key())
            if native is not None:
                return native
        return self._fit_pixmap

    # --- input ----------------------------------------------------------------------

    def event(self, event: QEvent) -> bool:
        if isinstance(event, QTouchEvent):
            self._touch(event)
            event.accept()
            return True
        return super().event(event)

    def _touch(self, event: QTouchEvent) -> None:
        if event.type() in (QEvent.Type.TouchBegin, QEvent.Type.TouchCancel):
            self._mode = None  # a new touch never continues a gesture whose end was lost
        if event.type() == QEvent.Type.TouchCancel:
            self._settle()
            return
        down = [p for p in event.points() if p.state() != QEventPoint.State.Released]
        if len(down) >= 2:
            self._pinch(down[0].position(), down[1].position())
        elif len(down) == 1:
            position = down[0].position()
            if self._mode is None:
                self._press(position)
            elif self._mode == "pinch":  # one finger lifted: the other pans on
                self._mode = "pan"
                self._anchor = self._image_point(position)
            else:
                self._move(position)
        elif event.points():
            self._release(event.points()[0].position())

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._press(event.position())

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._mode is not None:
            self._move(event.position())

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self._mode is not None:
            self._release(event.position())

    def _press(self, position: QPointF) -> None:
        self._animation.stop()
        self._mode = "pending"
        self._press_pos = QPointF(position)
        self._press_slide = self.slide
        self._anchor = self._image_point(position)
        self._tap.press(position)
        self._clock.start()

    def _move(self, position: QPointF) -> None:
        delta = position - self._press_pos
        if self._mode == "pending" and not self._tap.move(position):
            if self.zoom > 1.0:
                self._mode = "pan"
            elif abs(delta.x()) > abs(delta.y()) or self._press_slide:
                self._mode = "swipe"
            else:
                self._mode = "ignored"
        if self._mode == "pan":
            self._place(self.zoom, self._anchor, position)
        elif self._mode == "swipe":
            dx = delta.x()
            at_edge = (dx > 0 and self.index == 0) or (dx < 0 and self.index == len(self.stills) - 1)
            self._set_slide(self._press_slide + dx * (EDGE_RESISTANCE if at_edge else 1.0))

    def _release(self, position: QPointF) -> None:
        mode, self._mode = self._mode, None
        self.update()
        if self._tap.release(position) and mode == "pending":
            self._tapped(position)
        elif mode == "swipe":
            self._finish_swipe()
        else:
            self._settle()

    def _pinch(self, a: QPointF, b: QPointF) -> None:
        middle = (a + b) / 2
        if self._mode != "pinch":
            self._mode = "pinch"
            self._tap.release(a)
            self._animation.stop()
            self._set_slide(0.0)
            self._pinch_distance = max(1.0, distance(a, b))
            self._pinch_zoom = self.zoom
            self._anchor = self._image_point(middle)
            return
        ratio = distance(a, b) / self._pinch_distance
        self._place(self._pinch_zoom * ratio, self._anchor, middle)

    def _tapped(self, position: QPointF) -> None:
        now = self._tap_clock.elapsed()
        last, self._last_tap = self._last_tap, (now, QPointF(position))
        interval = QGuiApplication.styleHints().mouseDoubleClickInterval()
        near = last is not None and distance(last[1], position) <= self.ctx.mm(DOUBLE_TAP_MM)
        if near and now - last[0] <= interval:
            self._last_tap = None
            self.toggle_zoom(position)

    def toggle_zoom(self, position: QPointF) -> None:
        """Fit <-> close-up, centred on `position`."""
        if self.zoom > 1.0:
            self._place(1.0, QPointF(), QPointF(self.rect().center()))
        else:
            self._place(min(DOUBLE_TAP_ZOOM, self.max_zoom), self._image_point(position),
                        QPointF(self.rect().center()))

    def _finish_swipe(self) -> None:
        seconds = max(self._clock.elapsed(), 1) / 1000
        travelled = self.slide - self._press_slide
        flick = (self.ctx.metrics.to_mm(abs(travelled)) > FLICK_MM
                 and self.ctx.metrics.to_mm(abs(travelled)) / seconds > FLICK_MM_PER_S)
        if abs(self.slide) > SWIPE_FRACTION * self.width() or flick:
            self.step(-1 if self.slide > 0 else 1)
        else:
            self._settle()

    def _settle(self) -> None:
        if self.slide:
            self._animate_slide(self.slide)

    def _animate_slide(self, start: float) -> None:
        self._animation.stop()
        self._set_slide(start)
        self._animation.setStartValue(float(start))
        self._animation.setEndValue(0.0)
        self._animation.start()

    def _set_slide(self, offset: float) -> None:
        self.slide = offset
        self.placeholder.move(round(offset), 0)
        self.update()


class StillViewer(QWidget):
    """Full-window overlay showing one gallery's stills; fills its parent."""

    closed = Signal()
    zoom_changed = Signal(float)
    index_changed = Signal(int)

    def __init__(self, ctx: Context, item: LoadedExhibit, stills: list[Still], index: int,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.item = item
        sizes = ctx.theme.sizes
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.stage = StillStage(ctx, item, stills, index)
        self.stage.zoom_changed.connect(self.zoom_changed)
        self.stage.index_changed.connect(self.index_changed)
        self.stage.index_changed.connect(self.retranslate)
        self.stage.state_changed.connect(self._sync_controls)

        self.previous = TouchButton(ctx, "previous", "previous", show_label=False)
        self.next = TouchButton(ctx, "next", "next", show_label=False)
        self.zoom_out = TouchButton(ctx, "zoom_out", "zoom_out")
        self.zoom_in = TouchButton(ctx, "zoom_in", "zoom_in")
        self.close_button = TouchButton(ctx, "close", "close")
        for button in (self.previous, self.next):
            button.setMinimumWidth(ctx.mm(sizes.touch_target * 1.6))
        self.previous.clicked.connect(lambda: self.stage.step(-1))
        self.next.clicked.connect(lambda: self.stage.step(1))
        self.zoom_out.clicked.connect(lambda: self.stage.zoom_by(1 / BUTTON_ZOOM_STEP))
        self.zoom_in.clicked.connect(lambda: self.stage.zoom_by(BUTTON_ZOOM_STEP))
        self.close_button.clicked.connect(self.close_viewer)
        self.counter = make_label(ctx, sizes.small_pt, muted=True, wrap=False)
        self.counter.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.counter.setMinimumHeight(self.next.minimumHeight())
        self.caption = make_label(ctx, sizes.body_pt)
        self.credit = make_label(ctx, sizes.small_pt, muted=True)
        self.caption.setFixedWidth(column_width(ctx, self.caption.font()))
        self.credit.setFixedWidth(self.caption.width())

        spacing = ctx.mm(sizes.target_spacing)
        self.texts = QWidget()
        text = QVBoxLayout(self.texts)
        text.setContentsMargins(0, 0, 0, 0)
        text.setSpacing(ctx.mm(sizes.gap) // 3)
        text.addWidget(self.caption)
        text.addWidget(self.credit)
        text.addStretch(1)
        bar = QHBoxLayout()
        margin = ctx.mm(sizes.gap)
        bar.setContentsMargins(margin, margin, margin, margin)
        bar.setSpacing(spacing)
        for widget in (self.previous, self.counter, self.next):
            bar.addWidget(widget, 0, Qt.AlignmentFlag.AlignTop)
        bar.addStretch(1)
        bar.addWidget(self.texts)
        bar.addStretch(1)
        self.languages = LanguageSwitcher(ctx)
        for widget in (self.zoom_out, self.zoom_in, self.close_button, self.languages):
            bar.addWidget(widget, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.stage, 1)
        layout.addLayout(bar)

        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.setAutoFillBackground(True)  # nothing of the screen beneath shows or looks tappable
        if parent is not None:
            parent.installEventFilter(self)
            self.setGeometry(parent.rect())
        ctx.signals.language_changed.connect(self.retranslate)
        self.retranslate()

    # --- what tests and the window use ------------------------------------------

    @property
    def zoom(self) -> float:
        return self.stage.zoom

    @property
    def index(self) -> int:
        return self.stage.index

    @property
    def pan_offset(self) -> QPointF:
        return QPointF(self.stage.pan)

    @property
    def max_zoom(self) -> float:
        return self.stage.max_zoom

    @property
    def is_placeholder(self) -> bool:
        return self.stage.is_placeholder

    def reset(self) -> None:
        self.stage.reset()

    def close_viewer(self) -> None:
        """Hides the viewer and tells its owner, which disposes of it."""
        self.hide()
        self.closed.emit()

    def retranslate(self) -> None:
        exhibit, still = self.item.exhibit, self.stage.stills[self.stage.index]
        stills = self.stage.stills
        self.caption.setText(self.ctx.text(exhibit, still.caption))
        self.credit.setText(self.ctx.text(exhibit, still.credit))
        self.credit.setVisible(bool(self.credit.text()))
        self.texts.setMinimumHeight(max(self._text_height(s) for s in stills))
        self.stage.set_alt_text(self.ctx.text(exhibit, still.alt) or self.ctx.tr("image_missing"))
        self.counter.setText(self.ctx.tr("still_count", n=self.index + 1, total=len(stills)))
        self._sync_controls()

    def _sync_controls(self) -> None:
        self.previous.setEnabled(self.index > 0)
        self.next.setEnabled(self.index < len(self.stage.stills) - 1)
        self.zoom_out.setEnabled(self.zoom > 1.0)
        self.zoom_in.setEnabled(self.zoom < self.max_zoom - 1e-6)

    def _text_height(self, still: Still) -> int:
        """Room for a still's caption and credit: the bar keeps the tallest
        still's, so the picture does not jump from one still to the next."""
        exhibit, spacing = self.item.exhibit, self.texts.layout().spacing()
        texts = ((self.caption, still.caption), (self.credit, still.credit))
        heights = [text_height(label.font(), label.width(), self.ctx.text(exhibit, value))
                   for label, value in texts if value]
        return sum(heights) + spacing * max(0, len(heights) - 1)

    # --- fitting the parent, keys ------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.parentWidget() and event.type() == QEvent.Type.Resize:
            self.setGeometry(watched.rect())
        return False

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Optional keys for presenters; visitors have only the screen."""
        actions = {Qt.Key.Key_Left: self.previous.click, Qt.Key.Key_Right: self.next.click,
                   Qt.Key.Key_Plus: self.zoom_in.click, Qt.Key.Key_Minus: self.zoom_out.click,
                   Qt.Key.Key_Escape: self.close_viewer}
        action = actions.get(event.key())
        if action:
            action()
        else:
            super().keyPressEvent(event)
