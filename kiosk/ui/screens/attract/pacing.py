"""How often attract mode draws a frame: smooth where painting is cheap, never
hogging a slow machine."""

from __future__ import annotations

from PySide6.QtCore import QTimer

MIN_FRAME_MS = 16
"""60 frames a second (the timer rounds 16.7 ms down)."""
MAX_FRAME_MS = 100
FRAME_BUDGET = 3
"""A frame comes at most every FRAME_BUDGET times what painting one costs."""


class FramePacer:
    """Sets `timer`'s interval from what painting costs, smoothed over frames."""

    def __init__(self, timer: QTimer):
        self._timer = timer
        self._paint_ms = 0.0
        self._frame_ms = MIN_FRAME_MS
        timer.setInterval(MIN_FRAME_MS)

    def painted(self, paint_ms: float) -> None:
        self._paint_ms = 0.8 * self._paint_ms + 0.2 * paint_ms
        frame_ms = round(min(MAX_FRAME_MS, max(MIN_FRAME_MS, FRAME_BUDGET * self._paint_ms)))
        if abs(frame_ms - self._frame_ms) >= 5:
            self._frame_ms = frame_ms
            self._timer.setInterval(frame_ms)
