"""Building blocks shared by every screen: big touch buttons, labels,
asynchronously decoded images with a placeholder, the language switcher."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRect, QSize, Qt, Signal
from PySide6.QtGui import QMouseEvent, QPainter, QPaintEvent, QPixmap, QResizeEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QWidget,
)

from kiosk import locale
from kiosk.locale.strings import tr
from kiosk.media.images import Fit, ImageKey
from kiosk.ui.context import Context
from kiosk.ui.icons import icon
from kiosk.ui.layout import FillParent


class TouchButton(QPushButton):
    """A button at least one touch target in size, with pressed feedback from the
    style sheet and an accessible name that follows the language. A compact
    button (on a small display) shows its icon alone; its name stays."""

    def __init__(self, ctx: Context, meaning: str | None = None, label_key: str | None = None,
                 show_label: bool = True, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.label_key = label_key
        self.show_label = show_label
        side = ctx.mm(ctx.theme.sizes.touch_target)
        self.setMinimumSize(side, side)
        self.setFont(ctx.font(ctx.theme.sizes.small_pt, bold=True, scaled=False))
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        if meaning:
            self.setIcon(icon(meaning, ctx.theme.colours.text, ctx.theme.colours.divider))
            self.setIconSize(QSize(ctx.mm(ctx.theme.sizes.icon), ctx.mm(ctx.theme.sizes.icon)))
        if label_key:
            ctx.signals.language_changed.connect(self.retranslate)
            self.retranslate()

    def set_compact(self, compact: bool) -> None:
        self.show_label = not compact and self.label_key is not None
        self.retranslate()

    def label_widths(self) -> list[int]:
        """The button's width with its label in each of the visitor's languages."""
        if self.label_key is None or not self.show_label:
            return [self.sizeHint().width()]
        metrics, plain = self.fontMetrics(), self.sizeHint().width() - self.fontMetrics().horizontalAdvance(self.text())
        return [plain + metrics.horizontalAdvance(tr(self.label_key, language))
                for language in self.ctx.visit.languages]

    def retranslate(self) -> None:
        if self.label_key is None:
            return
        text = self.ctx.tr(self.label_key)
        self.setAccessibleName(text)
        self.setText(text if self.show_label else "")


def make_label(ctx: Context, points: float, bold: bool = False, muted: bool = False,
               wrap: bool = True, scaled: bool = True) -> QLabel:
    """`scaled`: False for a label among controls (kiosk.ui.context.Context.font)."""
    label = QLabel()
    label.setFont(ctx.font(points, bold, scaled))
    label.setWordWrap(wrap)
    label.setTextFormat(Qt.TextFormat.PlainText)
    if muted:
        label.setProperty("muted", True)
    return label


class ImageView(QWidget):
    """Shows one still decoded off the GUI thread at exactly this widget's size.

    Paints only a pixmap already scaled to fit, so painting never scales; a
    still that is missing or cannot be decoded shows a placeholder with its
    alternative text instead of a blank or a crash.
    """

    clicked = Signal()

    def __init__(self, ctx: Context, path: Path | None, alt_text: str = "",
                 fit: Fit = Fit.COVER, focus: tuple[float, float] = (0.5, 0.5),
                 parent: QWidget | None = None, lazy: bool = False):
        super().__init__(parent)
        self.ctx = ctx
        self.path = path
        self.fit = fit
        self.focus = focus
        self.alt_text = alt_text
        self.lazy = lazy
        """Decode only once painted or asked to (`prefetch`): one of many in a
        long list, most of them far off screen."""
        self._key: ImageKey | None = None
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, False)

    def set_alt_text(self, text: str) -> None:
        self.alt_text = text
        self.setAccessibleName(text)
        self.update()

    @property
    def is_placeholder(self) -> bool:
        return self.path is None or (self._key is not None and self.ctx.images.is_broken(self._key))

    def pixmap(self) -> QPixmap | None:
        return self.ctx.images.request(self._key, self._on_ready) if self._key else None

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if not self.lazy or self._key is not None:
            self.prefetch()

    def prefetch(self) -> None:
        """Ask for the decode at the current size, if it is not cached yet."""
        size = self.size() * self.devicePixelRatioF()
        if self.path is None or size.isEmpty():
            return
        self._key = ImageKey(self.path, size.width(), size.height(), self.fit, self.focus)
        self.ctx.images.request(self._key, self._on_ready)

    def _on_ready(self, key: ImageKey) -> None:
        if key == self._key:
            self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        if self._key is None:
            self.prefetch()
        painter = QPainter(self)
        pixmap = None if self.is_placeholder else self.pixmap()
        if pixmap is None:
            painter.fillRect(self.rect(), self.ctx.theme.colour("placeholder"))
            if self.is_placeholder:
                self._paint_placeholder(painter)
            return
        pixmap.setDevicePixelRatio(self.devicePixelRatioF())
        logical = pixmap.deviceIndependentSize().toSize()
        target = QRect(0, 0, logical.width(), logical.height())
        target.moveCenter(self.rect().center())
        painter.drawPixmap(target.topLeft(), pixmap)

    def _paint_placeholder(self, painter: QPainter) -> None:
        side = min(self.ctx.mm(16), self.height() // 3)
        glyph = icon("missing_image", self.ctx.theme.colours.text_muted).pixmap(side, side)
        top = self.rect().center().y() - side
        painter.drawPixmap(self.rect().center().x() - side // 2, top, glyph)
        painter.setPen(self.ctx.theme.colour("text_muted"))
        painter.setFont(self.ctx.paint_font(self.ctx.theme.sizes.small_pt))
        margin = self.ctx.mm(4)
        text_rect = QRect(margin, top + side + margin, self.width() - 2 * margin,
                          self.height() - top - side - 2 * margin)
        painter.drawText(text_rect, Qt.AlignmentFlag.AlignHCenter | Qt.TextFlag.TextWordWrap,
                         self.alt_text or self.ctx.tr("image_missing"))


class LanguageSwitcher(QWidget):
    """English / 中文 / Русский, each name in its own language, in the same
    place on every screen; one tap changes every visible string at once. The
    buttons share one width, so the group never moves; compact (on a small
    display) they show EN / 中文 / РУ."""

    def __init__(self, ctx: Context, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(ctx.mm(ctx.theme.sizes.target_spacing))
        self.group = QButtonGroup(self)
        self.buttons: dict[str, QPushButton] = {}
        for language in ctx.visit.languages:
            button = TouchButton(ctx)
            button.setAccessibleName(locale.language(language).name)
            button.setCheckable(True)
            button.clicked.connect(lambda _=False, lang=language: ctx.visit.set_language(lang))
            self.group.addButton(button)
            layout.addWidget(button)
            self.buttons[language] = button
        self.set_compact(False)
        ctx.signals.language_changed.connect(self._sync)
        self._sync(ctx.language)

    def set_compact(self, compact: bool) -> None:
        for code, button in self.buttons.items():
            record = locale.language(code)
            button.setText(record.short if compact else record.name)
        width = max(button.sizeHint().width() for button in self.buttons.values())
        for button in self.buttons.values():
            button.setFixedWidth(width)

    def _sync(self, language: str) -> None:
        for code, button in self.buttons.items():
            button.setChecked(code == language)


class OpaqueOverlay(QWidget):
    """An opaque layer over the whole window that keeps its size in step with
    the window and lets no press through to the screen beneath."""

    def __init__(self, ctx: Context, parent: QWidget):
        super().__init__(parent)
        self.ctx = ctx
        FillParent(self)

    def paintEvent(self, event: QPaintEvent) -> None:
        QPainter(self).fillRect(self.rect(), self.ctx.theme.colour("background"))

    def mousePressEvent(self, event: QMouseEvent) -> None:
        event.accept()
