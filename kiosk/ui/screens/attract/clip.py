"""A clip on an attract slide: muted, looped by the player itself (no gap, no
black frame between loops), drawn over the slide's still while frames come;
the still shows before the first frame and whenever the clip cannot play."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QRectF
from PySide6.QtGui import QImage, QPainter

from kiosk.ui.context import Context

if TYPE_CHECKING:
    from PySide6.QtMultimedia import QVideoFrame  # loaded with the first clip, not with attract mode

LOOP_FOREVER = -1
"""QMediaPlayer.Loops.Infinite, which the player repeats without a gap."""


class AttractClip(QObject):
    def __init__(self, ctx: Context, parent: QObject | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.path: Path | None = None
        self.image: QImage | None = None
        self.broken: set[Path] = set()
        player = ctx.player
        player.frame.connect(self._frame)
        player.failed.connect(self._failed)
        player.released.connect(self._released)

    def play(self, path: Path | None) -> None:
        """The clip of the slide now on screen (None: the slide has none)."""
        if path in self.broken:
            path = None
        if path == self.path:
            return
        self.stop()
        if path is not None:
            self.path = path
            self.ctx.player.take(self, path, 0.0, LOOP_FOREVER)
            self.ctx.player.player.play()

    def stop(self) -> None:
        self.ctx.player.release(self)
        self.path, self.image = None, None

    @property
    def has_frame(self) -> bool:
        return self.image is not None and not self.image.isNull()

    def paint(self, painter: QPainter, width: int, height: int) -> None:
        """Draw the latest frame over the whole screen, cropped to fill it (when `has_frame`)."""
        if self.image is None or not self.has_frame:
            return
        source = QRectF(self.image.rect())
        scale = max(width / source.width(), height / source.height())
        shown = QRectF(0, 0, width / scale, height / scale)
        shown.moveCenter(source.center())
        painter.drawImage(QRectF(0, 0, width, height), self.image, shown)

    def _frame(self, frame: QVideoFrame) -> None:
        if self.ctx.player.owned_by(self):
            self.image = frame.toImage()
            parent = self.parent()
            if parent is not None:
                parent.update()  # type: ignore[attr-defined]

    def _failed(self, _text: str) -> None:
        if self.ctx.player.owned_by(self) and self.path is not None:
            self.broken.add(self.path)
            self.stop()

    def _released(self, owner: object) -> None:
        if owner is self:
            self.path, self.image = None, None

