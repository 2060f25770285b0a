"""The only way out of a locked-down kiosk: a long press in a corner, then a PIN.

`AdminCorner` is the window's own gesture handler (kiosk.ui.gestures): a
single finger (or the mouse) held still for `hold_ms` inside the configured
corner square of the window asks for the PIN pad. Being the outermost
handler, it sees a press on every screen and overlay, and it never takes a
press from the screen beneath (a 3-second hold on the very corner is no
visitor gesture). A second finger, lifting early or moving away cancels it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtWidgets import QWidget

from kiosk.ui.context import Context
from kiosk.ui.gestures import GestureHandler, attach

log = logging.getLogger(__name__)

CORNER_MM = 30.0
"""The side of the square, in the configured corner, that must be held."""


class AdminCorner(GestureHandler):
    """Calls `requested` when the `corner` ("top-left", "top-right",
    "bottom-left", "bottom-right") of `window` is held for `hold_ms`."""

    def __init__(self, window: QWidget, ctx: Context, requested: Callable[[], object],
                 corner: str = "top-left", hold_ms: int = 3000, size_mm: float = CORNER_MM):
        self.window = window
        self.corner = corner
        self.hold_seconds = hold_ms / 1000
        self.side = ctx.mm(size_mm)
        self.requested = requested
        attach(window, self)

    def area(self) -> QRectF:
        """The corner square in window coordinates."""
        rect = QRectF(self.window.rect())
        x = rect.right() - self.side if self.corner.endswith("right") else rect.left()
        y = rect.bottom() - self.side if self.corner.startswith("bottom") else rect.top()
        return QRectF(x, y, self.side, self.side)

    def long_press_seconds(self, pos: QPointF) -> float | None:
        return self.hold_seconds if self.area().contains(pos) else None

    def long_pressed(self, pos: QPointF) -> None:
        if self.area().contains(pos):
            log.info("admin corner held: asking for the PIN")
            self.requested()
