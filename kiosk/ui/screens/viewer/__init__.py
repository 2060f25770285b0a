"""The full-screen still viewer: swipe between stills, pinch or double tap to
zoom down to the still's native pixels, drag to look around when zoomed.

Every gesture has a button beside it (previous/next, zoom out/in, close) in
the bottom bar every screen has, within reach, with the language switcher
at its right. Above the bar a strip of fixed height holds the caption and
credit (.caption), whose whole text opens in a sheet (.sheet) when cut.
Nothing there changes size with the still or the language: the still and
every button stay where the visitor's finger expects them. The viewer shows
the visit model's still; its buttons and swipes ask the model to move
(.stage draws, .gestures recognises).
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QKeyEvent, QResizeEvent
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from kiosk.content.loader import LoadedExhibit
from kiosk.content.schema import Still
from kiosk.ui.bar import BottomBar
from kiosk.ui.context import Context
from kiosk.ui.layout import FillParent
from kiosk.ui.screens.viewer.caption import CaptionStrip
from kiosk.ui.screens.viewer.measure import fix_button_width, widest_text
from kiosk.ui.screens.viewer.sheet import CaptionSheet
from kiosk.ui.screens.viewer.stage import StillStage
from kiosk.ui.widgets import TouchButton, make_label

BUTTON_ZOOM_STEP = 1.5


class StillViewer(QWidget):
    """Full-window overlay showing one gallery's stills; fills its parent."""

    def __init__(self, ctx: Context, item: LoadedExhibit, stills: list[Still], index: int,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.item = item
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        visit = ctx.visit
        self.stage = StillStage(ctx, item, stills, index, visit.open_still)
        self.stage.zoom_changed.connect(lambda zoom: visit.set_zoom(zoom))
        self.stage.index_changed.connect(self.retranslate)
        self.stage.state_changed.connect(self._sync_controls)
        self.bar = self._bar()
        self.languages = self.bar.languages
        self.strip = CaptionStrip(ctx, compact=not self.close_button.show_label)
        self.caption, self.credit = self.strip.caption, self.strip.credit
        strip_row = QHBoxLayout()
        grid, sizes = ctx.grid, ctx.theme.sizes
        # With the bar's own padding, the strip stands a target spacing off the buttons.
        padding_below = ctx.mm(sizes.target_spacing - ctx.theme.grid.bar_padding)
        strip_row.setContentsMargins(grid.margin, ctx.mm(sizes.gap) // 2, grid.margin, padding_below)
        strip_row.addWidget(self.strip)
        strip_row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.stage, 1)
        layout.addLayout(strip_row)
        layout.addWidget(self.bar)
        self.sheet = CaptionSheet(ctx, self.strip.text_width, padding_below, self)
        self.strip.opened.connect(self.sheet.open)
        self.stage.zoom_changed.connect(lambda _zoom: self.sheet.hide())  # the sheet is one still's, unzoomed
        self.stage.index_changed.connect(lambda _index: self.sheet.hide())

        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.setAutoFillBackground(True)  # nothing of the screen beneath shows or looks tappable
        FillParent(self, ctx.reach_rect)
        ctx.signals.language_changed.connect(self.retranslate)
        self.retranslate()

    def _bar(self) -> BottomBar:
        """Close and zoom at the left (close where home is on other screens),
        stepping in the centre, as on an exhibit's pages; every width fixed."""
        ctx, visit = self.ctx, self.ctx.visit
        self.close_button = TouchButton(ctx, "close", "close")
        self.zoom_out = TouchButton(ctx, "zoom_out", "zoom_out")
        self.zoom_in = TouchButton(ctx, "zoom_in", "zoom_in")
        self.previous = TouchButton(ctx, "previous", "previous", show_label=False)
        self.next = TouchButton(ctx, "next", "next", show_label=False)
        for button in (self.previous, self.next):
            button.setMinimumWidth(ctx.mm(ctx.theme.sizes.touch_target * 1.6))
        self.close_button.clicked.connect(lambda: visit.close_still())
        self.zoom_out.clicked.connect(lambda: self.stage.zoom_by(1 / BUTTON_ZOOM_STEP))
        self.zoom_in.clicked.connect(lambda: self.stage.zoom_by(BUTTON_ZOOM_STEP))
        self.previous.clicked.connect(lambda: visit.open_still(self.index - 1))
        self.next.clicked.connect(lambda: visit.open_still(self.index + 1))
        self.counter = make_label(ctx, ctx.theme.sizes.small_pt, muted=True, wrap=False, scaled=False)
        self.counter.setAlignment(Qt.AlignmentFlag.AlignCenter)
        total = len(self.stage.stills)
        self.counter.setFixedWidth(ctx.mm(4) + widest_text(
            ctx, self.counter.font(), "still_count", n=total, total=total))
        bar = BottomBar(ctx)
        labelled = [self.close_button, self.zoom_out, self.zoom_in]
        for button in labelled:
            bar.left.addWidget(button)
        for widget in (self.previous, self.counter, self.next):
            bar.centre.addWidget(widget)
        bar.fit(labelled, centre=self.previous.minimumWidth() + self.next.minimumWidth()
                + self.counter.width() + 2 * bar.spacing)
        for button in labelled:
            fix_button_width(ctx, button)
        return bar

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.sheet.setGeometry(0, 0, self.width(), self.height() - self.bar.height())

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

    def show_still(self, index: int) -> None:
        """The visit model moved to still `index`: slide it in."""
        self.stage.step_to(index)

    def reset(self) -> None:
        self.sheet.hide()
        self.stage.reset()

    def retranslate(self) -> None:
        exhibit, still = self.item.exhibit, self.stage.stills[self.stage.index]
        caption, credit = self.ctx.text(exhibit, still.caption), self.ctx.text(exhibit, still.credit)
        self.strip.set_texts(caption, credit)
        self.sheet.set_texts(caption, credit)
        self.stage.set_alt_text(self.ctx.text(exhibit, still.alt) or self.ctx.tr("image_missing"))
        self.counter.setText(self.ctx.tr("still_count", n=self.index + 1, total=len(self.stage.stills)))
        self._sync_controls()

    def _sync_controls(self) -> None:
        self.previous.setEnabled(self.index > 0)
        self.next.setEnabled(self.index < len(self.stage.stills) - 1)
        self.zoom_out.setEnabled(self.zoom > 1.0)
        self.zoom_in.setEnabled(self.zoom < self.max_zoom - 1e-6)

    # --- keys ---------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Optional keys for presenters; visitors have only the screen."""
        actions = {Qt.Key.Key_Left: self.previous.click, Qt.Key.Key_Right: self.next.click,
                   Qt.Key.Key_Plus: self.zoom_in.click, Qt.Key.Key_Minus: self.zoom_out.click,
                   Qt.Key.Key_Escape: self.sheet.hide if self.sheet.is_open else self.ctx.visit.close_still}
        action = actions.get(Qt.Key(event.key()))
        if action:
            action()
        else:
            super().keyPressEvent(event)
