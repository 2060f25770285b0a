"""The names of the wipe's two images, each over its own side of the divider.

A label travels with its image: it stays centred over the part of its side
that is visible, never crosses the divider, and fades out as that part becomes
too narrow to hold it. It is set on a translucent scrim with room around the
words, so that it reads on a light image and a dark one alike.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPaintEvent
from PySide6.QtWidgets import QWidget

from kiosk.ui.context import Context

SCRIM_ALPHA = 190
PADDING_MM = (4.0, 3.0)
"""Around the words, across and down: never less than 3 mm."""
INSET_MM = 4.0
"""Between a label and the edges of its side (the frame's and the divider)."""
FADE_MM = 12.0
"""A label fades over this much narrowing of its side before it goes."""


class SideLabel(QWidget):
    """One image's label on its scrim; `opacity` 0 hides it."""

    def __init__(self, ctx: Context, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self._text = ""
        self.opacity = 1.0
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)

    def text(self) -> str:
        return self._text

    def setText(self, text: str) -> None:
        self._text = text
        self.update()

    def paint_font(self) -> QFont:
        return self.ctx.paint_font(self.ctx.theme.sizes.small_pt, bold=True)

    def padding(self) -> tuple[int, int]:
        return self.ctx.mm(PADDING_MM[0]), self.ctx.mm(PADDING_MM[1])

    def size_within(self, max_width: int) -> QSize:
        """The label's size when its words wrap at `max_width` at most."""
        across, down = self.padding()
        room = max(1, max_width - 2 * across)
        flags = int(Qt.TextFlag.TextWordWrap)
        text = QFontMetrics(self.paint_font()).boundingRect(QRect(0, 0, room, 1 << 16), flags, self._text)
        return QSize(text.width() + 2 * across + 1, text.height() + 2 * down)

    def set_opacity(self, opacity: float) -> None:
        self.opacity = opacity
        self.setVisible(opacity > 0 and bool(self._text))
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setOpacity(self.opacity)
        theme = self.ctx.theme
        scrim = QColor(theme.colours.scrim)
        scrim.setAlpha(SCRIM_ALPHA)
        radius = self.ctx.mm(theme.sizes.corner_radius) / 2
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(scrim)
        painter.drawRoundedRect(QRectF(self.rect()), radius, radius)
        across, down = self.padding()
        painter.setPen(theme.colour("text"))
        painter.setFont(self.paint_font())
        painter.drawText(self.rect().adjusted(across, down, -across, -down),
                         int(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap), self._text)


def place_on_side(label: SideLabel, side: QRect, frame: QRect, horizontal: bool, ctx: Context) -> None:
    """Puts `label` centred over `side` (the visible part of its image), along
    the frame's bottom edge (a horizontal wipe) or its left edge (a vertical
    one), and fades it as `side` grows too narrow to hold it with its insets.
    A label is never wider than lets both show in full at the middle."""
    inset, fade = ctx.mm(INSET_MM), ctx.mm(FADE_MM)
    half = (frame.width() if horizontal else frame.height()) // 2 - 2 * inset - fade
    size = label.size_within(max(1, half if horizontal else frame.width() - 2 * inset))
    label.resize(size)
    along_room = side.width() if horizontal else side.height()
    along_size = size.width() if horizontal else size.height()
    label.set_opacity(max(0.0, min(1.0, (along_room - along_size - 2 * inset) / fade)))
    if horizontal:
        x = side.center().x() - size.width() // 2
        x = max(side.left() + inset, min(x, side.right() + 1 - inset - size.width()))
        label.move(x, frame.bottom() + 1 - inset - size.height())
    else:
        y = side.center().y() - size.height() // 2
        y = max(side.top() + inset, min(y, side.bottom() + 1 - inset - size.height()))
        label.move(frame.left() + inset, y)
