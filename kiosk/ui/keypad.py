"""Operating the kiosk without touch: a keyboard, a tactile audio keypad, or two switches.

Every control of the layer on top (the display options, a countdown, the
still viewer, else the screen) is reachable in reading order, rows from the
top and left to right in each; the one reached wears a focus ring
(`FocusRing`), and speech names it in audio mode (kiosk.ui.speech).

| key | does |
|---|---|
| Tab, Down, Space (switch 1) | the next control (in audio mode Right too) |
| Shift+Tab, Up | the previous control (in audio mode Left too) |
| Enter, Return, Select (switch 2) | presses it |
| Back, Backspace | back: closes what is open, else the previous page, else home |
| Help, F1 | audio mode on or off |
| Pause, Play/Pause | in attract mode, stops its loop or goes on |
| any other of these in attract mode | home (Help: home in audio mode) |
| F2, R | says it again |
| Volume up/down, + and - | speech louder or quieter |

Left and Right otherwise turn pages, as a presenter's clicker does.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRect, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QKeyEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QAbstractButton, QApplication, QWidget

from kiosk.ui.context import Context

Key = Qt.Key
NEXT_KEYS = {Key.Key_Tab, Key.Key_Down, Key.Key_Space}
PREVIOUS_KEYS = {Key.Key_Backtab, Key.Key_Up}
PRESS_KEYS = {Key.Key_Return, Key.Key_Enter, Key.Key_Select}
BACK_KEYS = {Key.Key_Back, Key.Key_Backspace}
AUDIO_KEYS = {Key.Key_Help, Key.Key_F1}
REPEAT_KEYS = {Key.Key_F2, Key.Key_R}
LOUDER_KEYS = {Key.Key_VolumeUp, Key.Key_Plus}
QUIETER_KEYS = {Key.Key_VolumeDown, Key.Key_Minus}
PAUSE_KEYS = {Key.Key_Pause, Key.Key_MediaPause, Key.Key_MediaTogglePlayPause, Key.Key_MediaPlay}
HANDLED = (NEXT_KEYS | PREVIOUS_KEYS | PRESS_KEYS | BACK_KEYS | AUDIO_KEYS | REPEAT_KEYS | LOUDER_KEYS
           | QUIETER_KEYS | PAUSE_KEYS | {Key.Key_Left, Key.Key_Right})


def top_layer(window: QWidget) -> QWidget:
    """The layer a visitor is dealing with: the topmost child of the window
    that is shown over all of it or its screens (later children are on top)."""
    for child in reversed(window.children()):
        if isinstance(child, QWidget) and child.isVisible() and child.objectName() != "focusRing" \
                and child.width() >= window.width() and not child.testAttribute(
                    Qt.WidgetAttribute.WA_TransparentForMouseEvents):
            return child
    return window


def reading_order(window: QWidget) -> list[QAbstractButton]:
    """The controls of the top layer that are on screen and can be pressed,
    in reading order: by rows (a control starting below the middle of the
    previous one starts a row), left to right within a row."""
    layer, frame = top_layer(window), window.rect()
    placed = []
    for button in layer.findChildren(QAbstractButton):
        if not (button.isVisibleTo(window) and button.isEnabled() and button.width() > 0):
            continue
        box = QRect(button.mapTo(window, button.rect().topLeft()), button.size())
        if frame.contains(box.center()):
            placed.append((box, button))
    placed.sort(key=lambda entry: (entry[0].top(), entry[0].left()))
    rows: list[list[tuple[QRect, QAbstractButton]]] = []
    for box, button in placed:
        if rows and box.top() < rows[-1][0][0].center().y():
            rows[-1].append((box, button))
        else:
            rows.append([(box, button)])
    return [button for row in rows for _, button in sorted(row, key=lambda entry: entry[0].left())]


class KeypadStage:
    """The input pipeline's `keypad` stage: the keys of the table above."""

    name = "keypad"
    events = frozenset({QEvent.Type.KeyPress})

    def __init__(self, ctx: Context, window: QWidget, speech: object, ring: FocusRing):
        self.ctx = ctx
        self.window = window
        self.speech = speech
        """kiosk.ui.speech.Narrator: repeat, volume and audio on or off."""
        self.ring = ring

    def handle(self, watched: QObject, event: QEvent) -> bool:
        assert isinstance(event, QKeyEvent)
        key, visit = event.key(), self.ctx.visit
        if key == Key.Key_Escape and not getattr(self.window, "quit_on_escape", False):
            key = Key.Key_Back  # a kiosk's Esc goes back (where it does not quit a developer's window)
        if key not in HANDLED or visit.closed:
            return False
        layer = top_layer(self.window)
        if visit.attracting and key in PAUSE_KEYS and hasattr(layer, "toggle_pause"):
            layer.toggle_pause()  # attract mode's loop stops where it is, or goes on
            return True
        if visit.attracting:  # any of these keys wakes it, to the start: a keypad's visitor may not see the slide
            visit.wake(None)
            if key in AUDIO_KEYS:
                self._speech_key(key)
            return True
        audio = visit.modes.audio
        if key in NEXT_KEYS or (audio and key == Key.Key_Right):
            self.move(+1)
        elif key in PREVIOUS_KEYS or (audio and key == Key.Key_Left):
            self.move(-1)
        elif key in (Key.Key_Left, Key.Key_Right):
            return False  # pages turn (the exhibit screen's own keys)
        elif key in PRESS_KEYS or key in PAUSE_KEYS:
            self.press()
        elif key in BACK_KEYS:
            self.back()
        else:
            self._speech_key(key)
        return True

    def _speech_key(self, key: int) -> None:
        speech = self.speech
        if key in AUDIO_KEYS:
            speech.toggle_audio()  # type: ignore[attr-defined]
        elif key in REPEAT_KEYS:
            speech.repeat()  # type: ignore[attr-defined]
        else:
            speech.change_volume(+1 if key in LOUDER_KEYS else -1)  # type: ignore[attr-defined]

    def move(self, step: int) -> None:
        controls = reading_order(self.window)
        if not controls:
            return
        focused = QApplication.focusWidget()
        index = controls.index(focused) + step if focused in controls else (0 if step > 0 else -1)
        self.ring.point_at(controls[index % len(controls)])

    def press(self) -> None:
        focused = QApplication.focusWidget()
        if isinstance(focused, QAbstractButton) and focused in reading_order(self.window):
            focused.click()
        else:
            self.move(+1)

    def back(self) -> None:
        visit, window = self.ctx.visit, self.window
        access = getattr(window, "access", None)
        if access is not None and access.isVisible():
            access.close_sheet()
        elif visit.place.still is not None:
            visit.close_still()
        elif visit.place.page > 0:
            visit.previous_page()
        else:
            visit.go_home()


class FocusRing(QWidget):
    """A thick ring in the accent colour, edged in the background's, around
    the control the keys have reached: visible on any background (WCAG 2.4.13).
    One ring for every kind of control, drawn above everything. It goes when
    the control loses focus (a tap elsewhere, a screen that takes focus)."""

    reached = Signal(object)
    """A control the keys or audio mode's first touch reached (speech names it)."""

    def __init__(self, ctx: Context, window: QWidget):
        super().__init__(window)
        self.ctx = ctx
        self.window_ = window
        self.setObjectName("focusRing")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.target: QWidget | None = None
        self._tracking = QTimer(self)  # a page slides, a list scrolls: the ring goes with its control
        self._tracking.setInterval(TRACK_MS)
        self._tracking.timeout.connect(self.follow)
        self.hide()
        ctx.signals.place_changed.connect(self._place_changed)

    def _place_changed(self, _old: object, _new: object) -> None:
        QTimer.singleShot(0, self, self.follow)  # once the screens have followed

    def point_at(self, target: QWidget) -> None:
        """Focus `target` and ring it: the keys (or audio mode's first touch) reached it."""
        if self.target is not None and self.target is not target:
            self.target.removeEventFilter(self)
        self.target = target
        target.installEventFilter(self)
        target.setFocus(Qt.FocusReason.TabFocusReason)
        self.follow()
        self.reached.emit(target)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.target and event.type() in (QEvent.Type.FocusOut, QEvent.Type.Hide):
            watched.removeEventFilter(self)
            self.target = None
            self.follow()
        return False

    def follow(self) -> None:
        """Around the target, wherever it is now; hidden when there is none."""
        target = self.target
        if target is None or not target.isVisible():
            self.hide()
            self._tracking.stop()
            return
        width = self.ctx.mm(FOCUS_RING_MM)
        box = QRect(target.mapTo(self.window_, target.rect().topLeft()), target.size())
        ring = box.adjusted(-2 * width, -2 * width, 2 * width, 2 * width)
        if ring != self.geometry() or not self.isVisible():
            self.setGeometry(ring)
            self.show()
            self.raise_()
        self._tracking.start()

    def paintEvent(self, event: QPaintEvent) -> None:
        width = self.ctx.mm(FOCUS_RING_MM)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        radius = self.ctx.mm(self.ctx.theme.sizes.corner_radius) + width
        for colour, pen_width, inset in ((self.ctx.theme.colours.background, width * 2, width),
                                         (self.ctx.theme.colours.accent, width, width)):
            painter.setPen(QPen(QColor(colour), pen_width))
            painter.drawRoundedRect(self.rect().adjusted(inset, inset, -inset, -inset), radius, radius)


FOCUS_RING_MM = 1.5
"""The ring's width; edged in the background colour as wide again."""
TRACK_MS = 50
