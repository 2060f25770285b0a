"""The waking touch: attract mode takes the whole touch (or mouse press) and
acts only on its release, so nothing under the finger is ever activated."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QWidget

_TOUCH = {QEvent.Type.TouchBegin, QEvent.Type.TouchUpdate, QEvent.Type.TouchEnd,
          QEvent.Type.TouchCancel}


class TouchToWake(QWidget):
    """A widget that swallows every touch and mouse press, shows it as `pressed`
    and calls `woken` when the finger (or button) lifts."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents)
        self.pressed = False

    def woken(self) -> None:
        raise NotImplementedError

    def event(self, event: QEvent) -> bool:
        kind = event.type()
        if kind not in _TOUCH:
            return super().event(event)
        event.accept()  # every touch is attract mode's: no mouse events are made from it
        if kind == QEvent.Type.TouchBegin:
            self._press(True)
        elif kind == QEvent.Type.TouchEnd:
            self._release()
        elif kind == QEvent.Type.TouchCancel:
            self._press(False)
        return True

    def mousePressEvent(self, event: QMouseEvent) -> None:
        event.accept()
        self._press(True)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        event.accept()
        if self.pressed:
            self._release()

    def _press(self, pressed: bool) -> None:
        self.pressed = pressed
        self.update()

    def _release(self) -> None:
        self.pressed = False
        self.woken()
