"""The still's caption and credit beneath it in the viewer, in a strip of one
fixed height: two caption lines and one credit line, for every still and
every language, so that the still and the bar never move.

A caption (or credit) too long for that ends in "…" and the strip becomes a
touch target with a "More" button: a tap opens the whole text in a sheet
(kiosk.ui.screens.viewer.sheet).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from kiosk.ui.context import Context
from kiosk.ui.fonts import language_font
from kiosk.ui.layout import TapTracker, column_width
from kiosk.ui.lines import elide_lines
from kiosk.ui.screens.viewer.measure import fix_button_width, lines_height
from kiosk.ui.typography import no_widow
from kiosk.ui.widgets import TouchButton, make_label

CAPTION_LINES = 2
CAPTION_LINE_CHARS = 70
"""Longer lines than body text's, within the 45-75 characters readers manage,
so that two lines hold most captions whole."""
class CaptionStrip(QWidget):
    """Two caption lines and a credit line, then "More" when anything is cut.
    Its size is fixed at construction from the display, never the language."""

    opened = Signal()
    """The visitor asked for the whole caption."""

    def __init__(self, ctx: Context, compact: bool, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        sizes = ctx.theme.sizes
        self.caption = make_label(ctx, sizes.body_pt)  # the lines are ours; each fits, so none wraps again
        self.credit = make_label(ctx, sizes.small_pt, muted=True)
        self.more = TouchButton(ctx, "more_up", "more")
        self.more.set_compact(compact)
        fix_button_width(ctx, self.more)
        self.more.clicked.connect(self.opened.emit)
        policy = self.more.sizePolicy()
        policy.setRetainSizeWhenHidden(True)  # the strip keeps its width with or without it
        self.more.setSizePolicy(policy)
        self.elided = False
        self.tap = TapTracker(ctx.mm(ctx.theme.motion.tap_slop_mm))
        spacing = ctx.mm(sizes.target_spacing)
        self.text_width = min(column_width(ctx, self.caption.font(), CAPTION_LINE_CHARS),
                              ctx.grid.content_width - self.more.width() - spacing)
        texts = QVBoxLayout()
        texts.setContentsMargins(0, 0, 0, 0)
        texts.setSpacing(ctx.mm(sizes.gap) // 4)
        for label, lines in ((self.caption, CAPTION_LINES), (self.credit, 1)):
            label.setFixedSize(self.text_width, lines_height(ctx, label.font(), lines))
            label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
            texts.addWidget(label)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(spacing)
        layout.addLayout(texts)
        layout.addWidget(self.more, 0, Qt.AlignmentFlag.AlignVCenter)
        self.setFixedSize(layout.sizeHint())

    def set_texts(self, caption: str, credit: str) -> None:
        """Show `caption` and `credit` in the visitor's language, cut to the strip."""
        language = self.ctx.language
        caption_lines, caption_cut = elide_lines(
            no_widow(caption, language), language_font(self.caption.font(), language),
            self.text_width, CAPTION_LINES)
        credit_lines, credit_cut = elide_lines(
            credit, language_font(self.credit.font(), language), self.text_width, 1)
        self.caption.setText("\n".join(caption_lines))
        self.credit.setText("\n".join(credit_lines))
        self.elided = caption_cut or credit_cut
        self.more.setVisible(self.elided)
        self.setProperty("touch_target", self.elided)
        self.setAccessibleName(caption)

    # --- a tap anywhere on a cut caption opens it whole --------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if self.elided and event.button() == Qt.MouseButton.LeftButton:
            self.tap.press(event.position())
            self.more.setDown(True)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self.tap.active and not self.tap.move(event.position()):
            self.more.setDown(False)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if not self.tap.active or event.button() != Qt.MouseButton.LeftButton:
            return
        self.more.setDown(False)
        if self.tap.release(event.position()) and self.rect().contains(event.position().toPoint()):
            self.opened.emit()
