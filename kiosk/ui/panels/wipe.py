"""A wipe panel: a before and an after image laid over each other and split by
a divider the visitor moves with a finger anywhere on the image, a tap, or the
arrow keys.

Both images are decoded off the GUI thread at exactly the size they are shown
and centred in one shared frame, so that they line up; painting only clips
those ready-made pixmaps at the divider.
"""

from __future__ import annotations

import math

from PySide6.QtCore import (QEasingCurve, QEvent, QPauseAnimation, QPoint, QPointF, QRect, QRectF,
                            QSequentialAnimationGroup, QSize, Qt, QVariantAnimation, Signal)
from PySide6.QtGui import (QColor, QFontMetrics, QImageReader, QKeyEvent, QMouseEvent, QPainter,
                           QPaintEvent, QPen, QResizeEvent)
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from kiosk.content.loader import LoadedExhibit
from kiosk.content.schema import WipeImage, WipePanel
from kiosk.media.images import Fit, ImageKey
from kiosk.ui.context import Context
from kiosk.ui.icons import icon
from kiosk.ui.panels.base import PanelView
from kiosk.ui.layout import column_width
from kiosk.ui.widgets import make_label

KEY_STEP = 0.05
GLIDE_MS = 180
"""A tap moves the divider there quickly, but visibly."""
HINT_DELAY_MS = 400
"""Lets the page finish sliding in before the hint starts."""
HINT_MS = 1500
HINT_TRAVEL = 0.08
LINE_MM = 0.8
LABEL_INSET_MM = 4.0
LABEL_SCRIM_ALPHA = 170


class WipeImageSide:
    """One of the two images: its file, its shape (read from the file header,
    which is cheap), and where and at what size it is drawn."""

    def __init__(self, item: LoadedExhibit, image: WipeImage):
        self.path = item.path(image.file)
        self.source_size = QImageReader(str(self.path)).size()
        self.rect = QRect()
        self.key: ImageKey | None = None

    @property
    def readable(self) -> bool:
        return self.source_size.isValid() and not self.source_size.isEmpty()

    def fitted(self, box: QSize) -> QSize:
        return self.source_size.scaled(box, Qt.AspectRatioMode.KeepAspectRatio)


class WipeArea(QWidget):
    """The two images, the divider and its handle; owns the divider position."""

    position_changed = Signal(float)
    used = Signal()

    def __init__(self, ctx: Context, item: LoadedExhibit, panel: WipePanel,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.horizontal = panel.orientation == "horizontal"
        self.sides = (WipeImageSide(item, panel.before), WipeImageSide(item, panel.after))
        self.frame = QRect()
        self._position = panel.start
        self._pressed = False
        self.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        ctx.images.ready.connect(self._on_image)
        ctx.images.failed.connect(self._on_image)

        self.labels = [self._make_label() for _ in self.sides]
        self.alt_texts = ["", ""]
        glyph = "drag_horizontal" if self.horizontal else "drag_vertical"
        side = round(ctx.mm(ctx.theme.sizes.touch_target) * 0.6)
        self._glyph = icon(glyph, ctx.theme.colours.accent_text).pixmap(side, side)

        self._glide = QVariantAnimation(self)
        self._glide.setDuration(GLIDE_MS)
        self._glide.setEasingCurve(QEasingCurve.Type.OutCubic)
        self._glide.valueChanged.connect(self.set_position)
        self._hint_base = panel.start
        hint_motion = QVariantAnimation(self)
        hint_motion.setDuration(HINT_MS)
        hint_motion.setStartValue(0.0)
        hint_motion.setEndValue(1.0)
        hint_motion.valueChanged.connect(self._hint_step)
        self._hint = QSequentialAnimationGroup(self)
        self._hint.addAnimation(QPauseAnimation(HINT_DELAY_MS, self._hint))
        self._hint.addAnimation(hint_motion)

    def _make_label(self) -> QLabel:
        ctx = self.ctx
        label = make_label(ctx, ctx.theme.sizes.small_pt, bold=True)
        scrim = QColor(ctx.theme.colours.scrim)
        label.setStyleSheet(
            f"background: rgba({scrim.red()}, {scrim.green()}, {scrim.blue()}, {LABEL_SCRIM_ALPHA});"
            f" color: {ctx.theme.colours.text}; border-radius: {ctx.mm(ctx.theme.sizes.corner_radius) // 2}px;")
        label.setContentsMargins(ctx.mm(3), ctx.mm(1.5), ctx.mm(3), ctx.mm(1.5))
        label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        label.setParent(self)
        return label

    def set_texts(self, labels: list[str], alt_texts: list[str]) -> None:
        for label, text in zip(self.labels, labels):
            label.setText(text)
        self.alt_texts = alt_texts
        self.setAccessibleName(f"{self.ctx.tr('drag_to_compare')}: {labels[0]} / {labels[1]}")
        self.setAccessibleDescription(" / ".join(alt_texts))
        self.place_labels()
        self.update()

    # --- position ---------------------------------------------------------------

    @property
    def position(self) -> float:
        return self._position

    def set_position(self, value: float) -> None:
        value = min(1.0, max(0.0, float(value)))
        if value != self._position:
            self._position = value
            self.update()
            self.position_changed.emit(value)

    def glide_to(self, value: float) -> None:
        self._glide.stop()
        self._glide.setStartValue(self._position)
        self._glide.setEndValue(min(1.0, max(0.0, value)))
        self._glide.start()

    def play_hint(self) -> None:
        """Eases the divider a little toward the roomier side and back."""
        self._hint_base = self._position
        self._hint.start()

    def stop_motion(self) -> None:
        self._hint.stop()
        self._glide.stop()

    def _hint_step(self, progress: float) -> None:
        travel = HINT_TRAVEL if self._hint_base <= 0.5 else -HINT_TRAVEL
        self.set_position(self._hint_base + travel * (1 - math.cos(2 * math.pi * progress)) / 2)

    def fraction_at(self, point: QPointF) -> float:
        if self.frame.isEmpty():
            return self._position
        if self.horizontal:
            return (point.x() - self.frame.left()) / self.frame.width()
        return (point.y() - self.frame.top()) / self.frame.height()

    def split(self) -> float:
        """The divider's coordinate along its axis, in widget pixels."""
        if self.horizontal:
            return self.frame.left() + self._position * self.frame.width()
        return self.frame.top() + self._position * self.frame.height()

    # --- input ------------------------------------------------------------------

    def event(self, event: QEvent) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.TouchBegin, QEvent.Type.TouchUpdate):
            point = event.points()[0].position()
            self._press(point) if kind == QEvent.Type.TouchBegin else self._drag(point)
            event.accept()
            return True
        if kind in (QEvent.Type.TouchEnd, QEvent.Type.TouchCancel):
            self._release()
            event.accept()
            return True
        return super().event(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._press(event.position())

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._pressed:
            self._drag(event.position())

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        self._release()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        back, forward = ((Qt.Key.Key_Left, Qt.Key.Key_Right) if self.horizontal
                         else (Qt.Key.Key_Up, Qt.Key.Key_Down))
        if event.key() in (back, forward):
            self.used.emit()
            self.stop_motion()
            self.set_position(self._position + (KEY_STEP if event.key() == forward else -KEY_STEP))
        else:
            super().keyPressEvent(event)

    def _press(self, point: QPointF) -> None:
        """A finger anywhere on the image takes the divider, gliding to it."""
        self._hint.stop()
        self.used.emit()
        self._pressed = True
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        self.glide_to(self.fraction_at(point))

    def _drag(self, point: QPointF) -> None:
        if self._pressed:
            self._glide.stop()
            self.set_position(self.fraction_at(point))

    def _release(self) -> None:
        self._pressed = False
        self.update()

    def reset(self, start: float) -> None:
        self.stop_motion()
        self._pressed = False
        self.set_position(start)
        self.update()

    # --- geometry and images ----------------------------------------------------

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._lay_out()

    def frame_size(self, box: QSize) -> QSize:
        """What both images need inside `box`: the larger of their fitted sizes
        (the whole box when neither can be read)."""
        fitted = [side.fitted(box) for side in self.sides if side.readable]
        if not fitted:
            return box
        return QSize(max(size.width() for size in fitted), max(size.height() for size in fitted))

    def _lay_out(self) -> None:
        """One frame holds both images centred; images of another shape are
        letterboxed inside it the same way, so that their centres line up."""
        box = self.size()
        if box.isEmpty():
            return
        self.frame = QRect(QPoint(0, 0), self.frame_size(box))
        self.frame.moveCenter(self.rect().center())
        ratio = self.devicePixelRatioF()
        for side in self.sides:
            if not side.readable:
                continue
            side.rect = QRect(QPoint(0, 0), side.fitted(box))
            side.rect.moveCenter(self.frame.center())
            # COVER at the image's own shape is an exact scale, done by the decoder
            # thread; unlike CONTAIN it also enlarges a source smaller than the screen.
            side.key = ImageKey(side.path, round(side.rect.width() * ratio),
                                round(side.rect.height() * ratio), Fit.COVER)
            self.ctx.images.request(side.key)
        self.place_labels()

    def place_labels(self) -> None:
        """Each label in a corner of its own side of the frame."""
        inset = self.ctx.mm(LABEL_INSET_MM)
        room = (self.frame.width() // 2 if self.horizontal else self.frame.width()) - 2 * inset
        for index, label in enumerate(self.labels):
            margins = label.contentsMargins()
            natural = (QFontMetrics(label.font()).horizontalAdvance(label.text())
                       + margins.left() + margins.right() + 2)
            width = max(1, min(natural, room))
            label.resize(width, label.heightForWidth(width))
            if index == 0:
                corner = self.frame.topLeft() + QPoint(inset, inset)
            elif self.horizontal:
                corner = QPoint(self.frame.right() - inset - width, self.frame.top() + inset)
            else:
                corner = QPoint(self.frame.left() + inset, self.frame.bottom() - inset - label.height())
            label.move(corner)

    def _on_image(self, key: ImageKey) -> None:
        if any(key == side.key for side in self.sides):
            self.update()

    def is_missing(self, side: WipeImageSide) -> bool:
        return not side.readable or (side.key is not None and self.ctx.images.is_broken(side.key))

    # --- painting ---------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        theme = self.ctx.theme
        painter = QPainter(self)
        painter.fillRect(self.rect(), theme.colour("background"))
        painter.fillRect(self.frame, theme.colour("scrim"))
        split = self.split()
        frame = QRectF(self.frame)
        if self.horizontal:
            parts = (QRectF(frame.left(), frame.top(), split - frame.left(), frame.height()),
                     QRectF(split, frame.top(), frame.right() + 1 - split, frame.height()))
            halves = (frame.adjusted(0, 0, -frame.width() / 2, 0), frame.adjusted(frame.width() / 2, 0, 0, 0))
        else:
            parts = (QRectF(frame.left(), frame.top(), frame.width(), split - frame.top()),
                     QRectF(frame.left(), split, frame.width(), frame.bottom() + 1 - split))
            halves = (frame.adjusted(0, 0, 0, -frame.height() / 2), frame.adjusted(0, frame.height() / 2, 0, 0))
        for side, part, half in zip(self.sides, parts, halves):
            painter.save()
            painter.setClipRect(part)
            if self.is_missing(side):
                self._paint_missing(painter, side, half.toRect())
            else:
                pixmap = self.ctx.images.request(side.key) if side.key else None
                if pixmap is not None:
                    pixmap.setDevicePixelRatio(self.devicePixelRatioF())
                    painter.drawPixmap(side.rect.topLeft(), pixmap)
            painter.restore()
        self._paint_divider(painter, split)

    def _paint_missing(self, painter: QPainter, side: WipeImageSide, region: QRect) -> None:
        ctx = self.ctx
        painter.fillRect(region, ctx.theme.colour("placeholder"))
        glyph_side = min(ctx.mm(16), region.height() // 3)
        glyph = icon("missing_image", ctx.theme.colours.text_muted).pixmap(glyph_side, glyph_side)
        top = region.center().y() - glyph_side
        painter.drawPixmap(region.center().x() - glyph_side // 2, top, glyph)
        margin = ctx.mm(LABEL_INSET_MM) * 2
        painter.setPen(ctx.theme.colour("text_muted"))
        painter.setFont(ctx.font(ctx.theme.sizes.small_pt))
        painter.drawText(QRect(region.left() + margin, top + glyph_side + margin // 2,
                               region.width() - 2 * margin, region.bottom() - top - glyph_side - margin),
                         Qt.AlignmentFlag.AlignHCenter | Qt.TextFlag.TextWordWrap,
                         self.alt_texts[self.sides.index(side)] or ctx.tr("image_missing"))

    def _paint_divider(self, painter: QPainter, split: float) -> None:
        ctx, colours = self.ctx, self.ctx.theme.colours
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        line = ctx.mm(LINE_MM)
        frame = QRectF(self.frame)
        if self.horizontal:
            ends = (QPointF(split, frame.top()), QPointF(split, frame.bottom()))
            centre = QPointF(split, frame.center().y())
        else:
            ends = (QPointF(frame.left(), split), QPointF(frame.right(), split))
            centre = QPointF(frame.center().x(), split)
        shadow = QColor(colours.scrim)
        shadow.setAlpha(120)
        painter.setPen(QPen(shadow, line + 2 * max(1, line // 2)))
        painter.drawLine(*ends)
        painter.setPen(QPen(QColor(colours.text), line))
        painter.drawLine(*ends)
        radius = ctx.mm(ctx.theme.sizes.touch_target) / 2 + (ctx.mm(2) if self._pressed else 0)
        painter.setPen(QPen(QColor(colours.text), line))
        painter.setBrush(QColor(colours.accent))
        painter.drawEllipse(centre, radius, radius)
        glyph = self._glyph.deviceIndependentSize()
        painter.drawPixmap(QPointF(centre.x() - glyph.width() / 2, centre.y() - glyph.height() / 2),
                           self._glyph)


class WipePanelView(PanelView):
    """Heading over the wipe, with a reading column beside it: the caption, how
    to use the wipe, and both credits (named by their side of the divider).

    Laid out by hand so that the wipe is exactly as large as its images and the
    column stands right beside them whatever their shape."""

    panel: WipePanel
    claims_horizontal_drag = True

    position_changed = Signal(float)

    def __init__(self, ctx: Context, item: LoadedExhibit, panel: WipePanel,
                 parent: QWidget | None = None):
        super().__init__(ctx, item, panel, parent)
        sizes = ctx.theme.sizes
        self.heading = self.make_heading()
        self.heading.setParent(self)
        self.area = WipeArea(ctx, item, panel, self)
        self.area.position_changed.connect(self.position_changed)
        self.area.used.connect(self.used)
        self.setFocusProxy(self.area)
        self._hint_armed = True

        self.caption = make_label(ctx, sizes.body_pt)
        instruction_icon = QLabel()
        side = ctx.metrics.font_px(sizes.small_pt)
        glyph = "drag_horizontal" if self.area.horizontal else "drag_vertical"
        instruction_icon.setPixmap(icon(glyph, ctx.theme.colours.text_muted).pixmap(side, side))
        self.instruction = make_label(ctx, sizes.small_pt, muted=True)
        instruction = QHBoxLayout()
        instruction.setSpacing(ctx.mm(2))
        instruction.addWidget(instruction_icon, 0, Qt.AlignmentFlag.AlignVCenter)
        instruction.addWidget(self.instruction, 1)
        self.credits = [make_label(ctx, sizes.small_pt, muted=True) for _ in range(2)]

        self.column = QWidget(self)
        column = QVBoxLayout(self.column)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(ctx.mm(sizes.gap))
        column.addWidget(self.caption)
        column.addLayout(instruction)
        column.addStretch(1)
        credits = QVBoxLayout()
        credits.setSpacing(ctx.mm(1.5))
        for credit in self.credits:
            credits.addWidget(credit)
        column.addLayout(credits)
        self.column_width = column_width(ctx, self.caption.font())
        self.retranslate()

    @property
    def position(self) -> float:
        return self.area.position

    def claims_horizontal_drag_at(self, pos) -> bool:
        """Only drags on the image move the divider; elsewhere the pager may swipe."""
        return self.area.geometry().contains(pos)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._lay_out()

    def _lay_out(self) -> None:
        ctx = self.ctx
        margin, gap = ctx.mm(ctx.theme.sizes.margin), ctx.mm(ctx.theme.sizes.gap)
        inner = self.rect().adjusted(margin, margin, -margin, -margin)
        heading_height = self.heading.heightForWidth(inner.width()) if self.panel.heading else 0
        top = inner.top() + (heading_height + gap if heading_height else 0)
        box = QSize(inner.width() - self.column_width - gap, inner.bottom() + 1 - top)
        frame = self.area.frame_size(box)
        left = inner.left() + (inner.width() - frame.width() - gap - self.column_width) // 2
        self.heading.setGeometry(inner.left(), inner.top(), inner.width(), heading_height)
        self.area.setGeometry(left, top, frame.width(), frame.height())
        column_height = min(box.height(), max(frame.height(), self.column.heightForWidth(self.column_width)))
        self.column.setGeometry(left + frame.width() + gap, top, self.column_width, column_height)

    def retranslate(self) -> None:
        panel, tr = self.panel, self.ctx.tr
        self.heading.setText(self.t(panel.heading))
        self.heading.setVisible(panel.heading is not None)
        images = (panel.before, panel.after)
        self.area.set_texts([self.t(image.label) for image in images],
                            [self.t(image.alt) for image in images])
        sides = ("left_image", "right_image") if self.area.horizontal else ("top_image", "bottom_image")
        for credit, image, side in zip(self.credits, images, sides):
            credit.setText(tr("credit_line", side=tr(side), credit=self.t(image.credit)))
            credit.setVisible(image.credit is not None)
        self.instruction.setText(tr("drag_to_compare"))
        self.caption.setText(self.t(panel.caption))
        self.caption.setVisible(panel.caption is not None)
        self._lay_out()

    def reset(self) -> None:
        self.area.reset(self.panel.start)
        self._hint_armed = True

    def shown(self) -> None:
        if self._hint_armed:
            self._hint_armed = False
            self.area.play_hint()
