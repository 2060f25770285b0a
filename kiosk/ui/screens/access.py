"""The display and audio options: one place where a visitor turns on speech,
larger text, high contrast, less motion and controls within reach.

Opened from the button beside the languages on every screen's bar (and by the
keypad's audio key, which turns speech on by itself). It rises from the bottom
of the screen, so every option is in the lower part of the display; each tap
applies at once, so the visitor sees what it does behind the sheet. What it
changes lives in the visit (kiosk.visit.modes) and every reset undoes it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QMouseEvent, QPainter, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QVBoxLayout, QWidget

from kiosk.ui.context import Context
from kiosk.ui.layout import FillParent
from kiosk.ui.scrolling import KineticScrollArea
from kiosk.ui.widgets import TouchButton, make_label
from kiosk.visit.modes import TEXT_SCALES

SWITCHES = (("read_aloud", "audio"), ("high_contrast", "high_contrast"),
            ("calm_motion", "reduced_motion"), ("low_reach", "low_reach"))
"""(label and icon, mode) of the on/off options, in reading order."""
TEXT_SIZES = dict(zip(TEXT_SCALES, ("text_normal", "text_larger", "text_largest"), strict=True))


class AccessSheet(QWidget):
    """A card at the bottom of the screen over a dimmed screen; a tap on the
    dimmed part closes it, as Done does."""

    def __init__(self, ctx: Context, parent: QWidget):
        super().__init__(parent)
        self.ctx = ctx
        sizes = ctx.theme.sizes
        FillParent(self, ctx.reach_rect)
        self.card = QFrame(self)
        self.card.setObjectName("accessCard")
        self.card.setStyleSheet(
            f"#accessCard {{ background: {ctx.theme.colours.surface}; "
            f"border: {max(1, ctx.mm(0.6))}px solid {ctx.theme.colours.divider}; "
            f"border-radius: {ctx.mm(sizes.corner_radius * 2)}px; }}")
        self.title = make_label(ctx, sizes.body_pt, bold=True)
        self.size_label = make_label(ctx, sizes.small_pt, muted=True)
        self.switches = {mode: self._button(key, key) for key, mode in SWITCHES}
        self.sizes = {scale: self._button(None, key) for scale, key in TEXT_SIZES.items()}
        self.done = self._button("done", "done")
        self.done.clicked.connect(self.close_sheet)
        for mode, button in self.switches.items():
            button.clicked.connect(lambda _=False, name=mode: ctx.visit.set_modes(ctx.visit.modes.toggled(name)))
        for scale, button in self.sizes.items():
            button.clicked.connect(lambda _=False, value=scale: self._set_text_scale(value))
        self._lay_out()
        ctx.signals.modes_changed.connect(self._modes_changed)
        self.sync()
        self.hide()

    def _button(self, meaning: str | None, label_key: str) -> TouchButton:
        """Unlike the bar's, these labels grow with the text size the visitor chose here."""
        ctx = self.ctx
        button = TouchButton(ctx, meaning, label_key)
        button.setCheckable(label_key != "done")
        button.setFont(ctx.font(ctx.theme.sizes.small_pt, bold=True))
        button.setMinimumHeight(max(ctx.mm(ctx.theme.sizes.touch_target),
                                    button.fontMetrics().height() + ctx.mm(6)))
        return button

    def _lay_out(self) -> None:
        ctx = self.ctx
        spacing, pad = ctx.mm(ctx.theme.sizes.target_spacing), ctx.mm(ctx.theme.sizes.gap)
        grid = QGridLayout()
        grid.setHorizontalSpacing(spacing)
        grid.setVerticalSpacing(spacing)
        for index, button in enumerate(self.switches.values()):
            grid.addWidget(button, index // 2, index % 2)
        sizes = QGridLayout()
        sizes.setHorizontalSpacing(spacing)
        for index, button in enumerate(self.sizes.values()):
            sizes.addWidget(button, 0, index)
        inner = QVBoxLayout(self.card)
        inner.setContentsMargins(pad, pad, pad, pad)
        inner.setSpacing(pad // 2)
        heading = QHBoxLayout()  # Done beside the title: on screen however far the card scrolls
        heading.setSpacing(spacing)
        heading.addWidget(self.title, 1)
        heading.addWidget(self.done, 0, Qt.AlignmentFlag.AlignTop)
        inner.addLayout(heading)
        inner.addSpacing(spacing - pad // 2)  # between rows of buttons, the targets' spacing
        inner.addLayout(grid)
        inner.addSpacing(spacing - pad // 2)
        inner.addWidget(self.size_label)
        inner.addLayout(sizes)
        self.area = KineticScrollArea(ctx, self.card)  # the largest text on a small display: it scrolls
        outer = QVBoxLayout(self)
        margin = ctx.grid.margin
        outer.setContentsMargins(margin, margin, margin, ctx.mm(ctx.theme.grid.bar_padding))
        outer.addStretch(1)
        outer.addWidget(self.area)
        ctx.signals.language_changed.connect(self.retranslate)
        self.retranslate()

    def _set_text_scale(self, scale: float) -> None:
        from dataclasses import replace

        self.ctx.visit.set_modes(replace(self.ctx.visit.modes, text_scale=scale))

    def retranslate(self) -> None:
        self.title.setText(self.ctx.tr("access_title"))
        self.size_label.setText(self.ctx.tr("text_size"))
        self._fit()

    def _modes_changed(self, _old: object, _new: object) -> None:
        self.sync()

    def sync(self) -> None:
        """Each button shows whether its option is on."""
        modes = self.ctx.visit.modes
        for mode, button in self.switches.items():
            button.setChecked(bool(getattr(modes, mode)))
        for scale, button in self.sizes.items():
            button.setChecked(scale == modes.text_scale)

    def open_sheet(self) -> None:
        self.sync()
        self.show()
        self.raise_()
        if self.ctx.visit.modes.audio:  # speech reads the sheet from its first option
            next(iter(self.switches.values())).setFocus(Qt.FocusReason.OtherFocusReason)

    def close_sheet(self) -> None:
        self.hide()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        scrim = self.ctx.theme.colour("scrim")
        scrim.setAlphaF(0.6)
        painter.fillRect(self.rect(), scrim)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        event.accept()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        """The card as tall as its texts need, from the bottom up; if the screen is not, it scrolls."""
        layout = self.card.layout()
        if layout is not None:
            layout.activate()
            self.area.setMaximumHeight(layout.totalHeightForWidth(self.area.viewport().width()))

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if not self.area.geometry().contains(event.position().toPoint()):
            self.close_sheet()
        event.accept()
