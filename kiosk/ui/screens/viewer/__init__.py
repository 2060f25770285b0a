"""The full-screen still viewer: swipe between stills, pinch or double tap to
zoom down to the still's native pixels, drag to look around when zoomed.

Every gesture has a button beside it (previous/next, zoom out/in, close) in a
bar at the bottom, within reach. The viewer shows the visit model's still;
its buttons and swipes ask the model to move (kiosk.ui.screens.viewer.stage
draws, .gestures recognises).
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from kiosk.content.loader import LoadedExhibit
from kiosk.content.schema import Still
from kiosk.ui.context import Context
from kiosk.ui.layout import FillParent, column_width, text_height
from kiosk.ui.screens.viewer.stage import StillStage
from kiosk.ui.widgets import LanguageSwitcher, TouchButton, make_label

BUTTON_ZOOM_STEP = 1.5


class StillViewer(QWidget):
    """Full-window overlay showing one gallery's stills; fills its parent."""

    def __init__(self, ctx: Context, item: LoadedExhibit, stills: list[Still], index: int,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.item = item
        sizes = ctx.theme.sizes
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        visit = ctx.visit
        self.stage = StillStage(ctx, item, stills, index, visit.open_still)
        self.stage.zoom_changed.connect(lambda zoom: visit.set_zoom(zoom))
        self.stage.index_changed.connect(self.retranslate)
        self.stage.state_changed.connect(self._sync_controls)

        self.previous = TouchButton(ctx, "previous", "previous", show_label=False)
        self.next = TouchButton(ctx, "next", "next", show_label=False)
        self.zoom_out = TouchButton(ctx, "zoom_out", "zoom_out")
        self.zoom_in = TouchButton(ctx, "zoom_in", "zoom_in")
        self.close_button = TouchButton(ctx, "close", "close")
        for button in (self.previous, self.next):
            button.setMinimumWidth(ctx.mm(sizes.touch_target * 1.6))
        self.previous.clicked.connect(lambda: visit.open_still(self.index - 1))
        self.next.clicked.connect(lambda: visit.open_still(self.index + 1))
        self.zoom_out.clicked.connect(lambda: self.stage.zoom_by(1 / BUTTON_ZOOM_STEP))
        self.zoom_in.clicked.connect(lambda: self.stage.zoom_by(BUTTON_ZOOM_STEP))
        self.close_button.clicked.connect(lambda: visit.close_still())
        self.counter = make_label(ctx, sizes.small_pt, muted=True, wrap=False)
        self.counter.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.counter.setMinimumHeight(self.next.minimumHeight())
        self.caption = make_label(ctx, sizes.body_pt)
        self.credit = make_label(ctx, sizes.small_pt, muted=True)
        self.caption.setFixedWidth(column_width(ctx, self.caption.font()))
        self.credit.setFixedWidth(self.caption.width())

        self.languages = LanguageSwitcher(ctx)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.stage, 1)
        layout.addLayout(self._bar())

        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.setAutoFillBackground(True)  # nothing of the screen beneath shows or looks tappable
        FillParent(self)
        ctx.signals.language_changed.connect(self.retranslate)
        self.retranslate()

    def _bar(self) -> QHBoxLayout:
        """The controls beneath the still: stepping, the caption, zoom, close, language."""
        sizes = self.ctx.theme.sizes
        self.texts = QWidget()
        self._texts_layout = text = QVBoxLayout(self.texts)
        text.setContentsMargins(0, 0, 0, 0)
        text.setSpacing(self.ctx.mm(sizes.gap) // 3)
        text.addWidget(self.caption)
        text.addWidget(self.credit)
        text.addStretch(1)
        bar = QHBoxLayout()
        margin = self.ctx.mm(sizes.gap)
        bar.setContentsMargins(margin, margin, margin, margin)
        bar.setSpacing(self.ctx.mm(sizes.target_spacing))
        for widget in (self.previous, self.counter, self.next):
            bar.addWidget(widget, 0, Qt.AlignmentFlag.AlignTop)
        bar.addStretch(1)
        bar.addWidget(self.texts)
        bar.addStretch(1)
        for control in (self.zoom_out, self.zoom_in, self.close_button, self.languages):
            bar.addWidget(control, 0, Qt.AlignmentFlag.AlignTop)
        return bar

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

    def show_still(self, index: int) -> None:
        """The visit model moved to still `index`: slide it in."""
        self.stage.step_to(index)

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
        exhibit, spacing = self.item.exhibit, self._texts_layout.spacing()
        texts = ((self.caption, still.caption), (self.credit, still.credit))
        heights = [text_height(label.font(), label.width(), self.ctx.text(exhibit, value))
                   for label, value in texts if value]
        return sum(heights) + spacing * max(0, len(heights) - 1)

    # --- keys ---------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Optional keys for presenters; visitors have only the screen."""
        actions = {Qt.Key.Key_Left: self.previous.click, Qt.Key.Key_Right: self.next.click,
                   Qt.Key.Key_Plus: self.zoom_in.click, Qt.Key.Key_Minus: self.zoom_out.click,
                   Qt.Key.Key_Escape: self.ctx.visit.close_still}
        action = actions.get(Qt.Key(event.key()))
        if action:
            action()
        else:
            super().keyPressEvent(event)
