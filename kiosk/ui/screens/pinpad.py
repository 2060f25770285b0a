"""The staff PIN pad, opened by the long press in the admin corner.

Digits show as dots only. The keypad sits in the lower half of the screen,
within reach, with keys well above the 20 mm kiosk minimum: staff use it
standing, sometimes in a hurry, often at the end of a long day. After too many
wrong PINs the keys are disabled and a countdown says when to try again.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QGridLayout, QSizePolicy, QVBoxLayout, QWidget

from kiosk.settings.pin import PIN_PATTERN, PinGate, PinResult
from kiosk.ui.context import Context
from kiosk.ui.icons import icon
from kiosk.ui.widgets import OpaqueOverlay, TouchButton, make_label

KEY_WIDTH_MM = 40.0
KEY_HEIGHT_MM = 30.0
MIN_DIGITS, MAX_DIGITS = 4, 8
"""As `kiosk set-pin` accepts (kiosk.settings.pin.PIN_PATTERN)."""
DOT_MM = 7.0
TICK_MS = 250
"""How often the lockout countdown is refreshed."""


class PinDots(QWidget):
    """One filled dot per digit entered; never the digits themselves."""

    def __init__(self, ctx: Context, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.count = 0
        self.setFixedHeight(ctx.mm(DOT_MM) + 2 * max(1, ctx.mm(0.6)))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_count(self, count: int) -> None:
        self.count = count
        self.setAccessibleName(self.ctx.tr("pin_digits_entered", n=count))
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        slots = max(MIN_DIGITS, self.count)
        side, pen = self.ctx.mm(DOT_MM), max(1, self.ctx.mm(0.6))
        gap = side
        left = (self.width() - slots * side - (slots - 1) * gap) / 2
        outline = QPen(self.ctx.theme.colour("text_muted"), pen)
        accent = self.ctx.theme.colour("accent")
        for i in range(slots):
            if i < self.count:
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(accent)
            else:
                painter.setPen(outline)
                painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawEllipse(QRectF(left + i * (side + gap), pen, side, side))


class PinPad(OpaqueOverlay):
    """Emits `unlocked` for the right PIN and `cancelled` for Cancel; whoever
    opened it closes it. `gate` outlives the pad, so closing and reopening the
    pad does not end a lockout."""

    unlocked = Signal()
    cancelled = Signal()

    def __init__(self, ctx: Context, gate: PinGate, parent: QWidget, tick_ms: int = TICK_MS):
        super().__init__(ctx, parent)
        self.gate = gate
        self.entry = ""
        self._message_key: str | None = None
        self._message_values: dict[str, object] = {}
        s = ctx.theme.sizes
        layout = QVBoxLayout(self)
        margin = ctx.grid.margin
        layout.setContentsMargins(margin, margin, margin, margin)
        layout.setSpacing(ctx.mm(s.gap))
        layout.addStretch(1)
        self.title = make_label(ctx, s.heading_pt, bold=True)
        self.dots = PinDots(ctx)
        self.message = make_label(ctx, s.body_pt)
        self.message.setStyleSheet(f"color: {ctx.theme.colours.accent};")
        self.message.setMinimumHeight(2 * self.message.fontMetrics().lineSpacing())
        for label in (self.title, self.message):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.title)
        layout.addWidget(self.dots)
        layout.addWidget(self.message)
        layout.addSpacing(ctx.mm(s.gap))
        layout.addLayout(self._keypad(), 0)
        self._timer = QTimer(self)
        self._timer.setInterval(tick_ms)
        self._timer.timeout.connect(self._refresh)
        ctx.signals.language_changed.connect(self._retranslate)
        self._retranslate()
        self._refresh()

    def _keypad(self) -> QGridLayout:
        ctx = self.ctx
        grid = QGridLayout()
        grid.setSpacing(ctx.mm(ctx.theme.sizes.target_spacing))
        grid.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.digit_keys: dict[str, TouchButton] = {}
        for i, digit in enumerate("1234567890"):
            key = self._key(TouchButton(ctx))
            key.setText(digit)
            key.setAccessibleName(digit)
            key.setFont(ctx.font(ctx.theme.sizes.heading_pt, bold=True))
            key.clicked.connect(lambda _=False, d=digit: self.press_digit(d))
            self.digit_keys[digit] = key
            row, column = (3, 1) if digit == "0" else divmod(i, 3)
            grid.addWidget(key, row, column)
        self.delete_key = self._key(TouchButton(ctx, "backspace", "pin_delete", show_label=False))
        self.delete_key.clicked.connect(self.delete)
        colours = ctx.theme.colours  # disabled keys' glyphs dim like their text
        self.delete_key.setIcon(icon("backspace", colours.text, colours.divider))
        self.ok_key = self._key(TouchButton(ctx, label_key="pin_ok"))
        self.ok_key.clicked.connect(self.submit)
        self.cancel_key = TouchButton(ctx, label_key="pin_cancel")
        self.cancel_key.setFixedHeight(ctx.mm(KEY_HEIGHT_MM))
        self.cancel_key.clicked.connect(self.cancel)
        grid.addWidget(self.delete_key, 3, 0)
        grid.addWidget(self.ok_key, 3, 2)
        grid.addWidget(self.cancel_key, 4, 0, 1, 3)
        return grid

    def _key(self, button: TouchButton) -> TouchButton:
        button.setFixedSize(self.ctx.mm(KEY_WIDTH_MM), self.ctx.mm(KEY_HEIGHT_MM))
        return button

    @property
    def locked(self) -> bool:
        return not self.gate.configured or self.gate.locked_for() > 0

    # --- keys -----------------------------------------------------------------

    def press_digit(self, digit: str) -> None:
        if len(self.entry) < MAX_DIGITS and not self.locked:
            self.entry += digit
            self._show_message(None)
            self._refresh()

    def delete(self) -> None:
        self.entry = self.entry[:-1]
        self._refresh()

    def submit(self) -> None:
        if not PIN_PATTERN.fullmatch(self.entry):
            return
        entry, self.entry = self.entry, ""
        result = self.gate.check(entry)
        if result is PinResult.WRONG:
            self._show_message("pin_wrong", n=self.gate.attempts_left)
        self._refresh()
        if result is PinResult.OK:
            self.unlocked.emit()

    def cancel(self) -> None:
        self.entry = ""
        self._refresh()
        self.cancelled.emit()

    # --- showing ----------------------------------------------------------------

    def _show_message(self, key: str | None, **values: object) -> None:
        self._message_key, self._message_values = key, values
        self.message.setText(self.ctx.tr(key, **values) if key else "")

    def _refresh(self) -> None:
        """Keys, dots and the lockout message from the gate's state; the
        countdown timer runs only while the pad is locked."""
        locked = self.locked
        if not self.gate.configured:
            self._show_message("pin_not_set")
        elif locked:
            self._show_message("pin_locked", s=self.gate.locked_seconds())
        elif self._message_key == "pin_locked":
            self._show_message(None)
        if locked:
            self.entry = ""
        for key in self.digit_keys.values():
            key.setEnabled(not locked and len(self.entry) < MAX_DIGITS)
        self.delete_key.setEnabled(not locked and bool(self.entry))
        self.ok_key.setEnabled(not locked and len(self.entry) >= MIN_DIGITS)
        self.dots.set_count(len(self.entry))
        if locked and self.gate.configured and not self._timer.isActive():
            self._timer.start()
        elif not locked and self._timer.isActive():
            self._timer.stop()

    def _retranslate(self) -> None:
        self.title.setText(self.ctx.tr("pin_title"))
        self._show_message(self._message_key, **self._message_values)
        self.dots.set_count(len(self.entry))
