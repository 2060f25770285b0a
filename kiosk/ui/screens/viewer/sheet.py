"""The whole caption and credit of a still, in a sheet over it: what the
caption strip (kiosk.ui.screens.viewer.caption) had to cut."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QMouseEvent, QPainter, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from kiosk.ui.context import Context
from kiosk.ui.fonts import language_font
from kiosk.ui.layout import TapTracker, text_height
from kiosk.ui.panels.gallery import paint_card
from kiosk.ui.scrolling import KineticScrollArea, scroll_to_start
from kiosk.ui.typography import no_widow
from kiosk.ui.widgets import TouchButton, make_label

SCRIM_OPACITY = 0.6


class CaptionSheet(QWidget):
    """Dims the still and the caption strip, never the bar: the languages and
    the viewer's own controls stay in reach. The card rises from where the
    strip is, as tall as its text needs up to the top line, then scrolls. A
    tap on its close button or anywhere outside it closes it."""

    def __init__(self, ctx: Context, text_width: int, bottom_gap: int, parent: QWidget):
        super().__init__(parent)
        self.ctx = ctx
        sizes = ctx.theme.sizes
        self.bottom_gap = bottom_gap
        """Between the card's bottom and the sheet's: the strip's padding."""
        self.padding = ctx.mm(sizes.gap)
        self.close_button = TouchButton(ctx, "close", "close", show_label=False)
        self.close_button.setFixedSize(self.close_button.minimumSize())
        self.close_button.clicked.connect(self.hide)
        self.spacing = spacing = ctx.mm(sizes.target_spacing)
        self.text_width = min(text_width, ctx.grid.content_width - self.padding - spacing
                              - self.close_button.width())
        """The strip's, unless the close button beside it needs some of that."""
        self.tap = TapTracker(ctx.mm(ctx.theme.motion.tap_slop_mm))
        self.caption = make_label(ctx, sizes.body_pt)
        self.credit = make_label(ctx, sizes.small_pt, muted=True)
        content = QWidget()
        texts = QVBoxLayout(content)
        texts.setContentsMargins(0, 0, self.padding, 0)
        texts.setSpacing(ctx.mm(sizes.gap) // 2)
        for label in (self.caption, self.credit):
            label.setFixedWidth(self.text_width)
            label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
            texts.addWidget(label)
        texts.addStretch(1)
        self.scroll_area = KineticScrollArea(ctx, content)
        self.scroll_area.setFixedWidth(self.text_width + self.padding)
        self.card = _Card(ctx, self)
        row = QHBoxLayout(self.card)
        row.setContentsMargins(self.padding, self.padding, self.padding, self.padding)
        row.setSpacing(spacing)
        row.addWidget(self.scroll_area)
        row.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignTop)
        self.hide()

    @property
    def is_open(self) -> bool:
        return self.isVisible()

    def open(self) -> None:
        scroll_to_start(self.scroll_area)
        self.show()
        self.raise_()
        self._fit()

    def set_texts(self, caption: str, credit: str) -> None:
        language = self.ctx.language
        self.caption.setText(no_widow(caption, language))
        self.credit.setText(no_widow(credit, language))
        self.credit.setVisible(bool(credit))
        self.card.setAccessibleName(caption)
        self._fit()

    def _content_height(self) -> int:
        language, spacing = self.ctx.language, self.ctx.mm(self.ctx.theme.sizes.gap) // 2
        labels = [label for label in (self.caption, self.credit) if label.text()]
        heights = [text_height(language_font(label.font(), language), self.text_width, label.text())
                   for label in labels]
        return sum(heights) + spacing * max(0, len(heights) - 1)

    def _fit(self) -> None:
        """The card as tall as its text, up to the page's top line."""
        grid = self.ctx.grid
        room = self.height() - grid.top - self.bottom_gap - 2 * self.padding
        visible = max(self.close_button.minimumHeight(), min(self._content_height(), room))
        self.scroll_area.setFixedHeight(visible)
        width = self.scroll_area.width() + self.spacing + self.close_button.width() + 2 * self.padding
        height = visible + 2 * self.padding
        self.card.setGeometry(QRect(grid.margin - self.padding,
                                    self.height() - self.bottom_gap - height, width, height))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def paintEvent(self, event: QPaintEvent) -> None:
        scrim = self.ctx.theme.colour("scrim")
        scrim.setAlphaF(SCRIM_OPACITY)
        QPainter(self).fillRect(self.rect(), scrim)

    # --- a tap outside the card closes it ----------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.tap.press(event.position())

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        self.tap.move(event.position())

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton or not self.tap.active:
            return
        outside = not self.card.geometry().contains(event.position().toPoint())
        if self.tap.release(event.position()) and outside:
            self.hide()


class _Card(QWidget):
    def __init__(self, ctx: Context, parent: QWidget):
        super().__init__(parent)
        self.ctx = ctx

    def paintEvent(self, event: QPaintEvent) -> None:
        theme = self.ctx.theme
        paint_card(self, theme.colour("surface"), theme.colour("divider"),
                   max(1, self.ctx.mm(0.6)), self.ctx.mm(theme.sizes.corner_radius))
