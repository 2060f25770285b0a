"""Layout helpers shared by panels and screens: reading columns, text heights,
telling a tap from a drag, full-window overlays."""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable

from PySide6.QtCore import QEvent, QObject, QPointF, QRect, Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from kiosk.ui.context import Context
from kiosk.ui.theme import FONT_FAMILIES
from kiosk.ui.typography import unbreakable_words


def column_width(ctx: Context, font: QFont, chars: float | None = None) -> int:
    """Pixels for about `chars` Latin characters a line (theme.sizes.line_chars
    by default). Measured in the Latin face whatever the language, so a column
    keeps its width when the visitor switches: about 25 Chinese characters,
    which carry as much as 50 Latin ones."""
    latin = QFont(font)
    latin.setFamilies(FONT_FAMILIES)
    return round(QFontMetrics(latin).averageCharWidth() * (chars or ctx.theme.sizes.line_chars))


class ColumnLayout(QVBoxLayout):
    """A page's vertical layout on the grid (kiosk.ui.grid): its side margins,
    and content never wider than `max_width` so that a reading column keeps its
    line length on any screen. The content starts at the grid's left edge, so
    headings line up from page to page; `centred` is for display pages (a quote)."""

    def __init__(self, parent: QWidget | None, ctx: Context, max_width: int | None = None,
                 centred: bool = False, margins: bool = True):
        super().__init__()
        if parent is not None:
            parent.setLayout(self)
        self.max_width = max_width if max_width is not None else 1 << 24
        self.centred = centred
        if margins:
            ctx.grid.apply(self, top=False)
        else:
            self.setContentsMargins(0, 0, 0, 0)

    def _extra(self, width: int) -> int:
        """Space beyond the margins that the cap leaves empty."""
        margins = self.contentsMargins()
        return max(0, width - margins.left() - margins.right() - self.max_width)

    def setGeometry(self, rect: QRect) -> None:
        extra = self._extra(rect.width())
        left = extra // 2 if self.centred else 0
        super().setGeometry(rect.adjusted(left, 0, left - extra, 0))

    def heightForWidth(self, width: int) -> int:
        """Wrapped text is as tall as the narrower column makes it, not the full width."""
        return super().heightForWidth(width - self._extra(width))


class TapTracker:
    """Tells a tap from a drag: a press, little travel, then a release."""

    def __init__(self, slop_px: float):
        self.slop_px = slop_px
        self.start: QPointF | None = None

    @property
    def active(self) -> bool:
        return self.start is not None

    def press(self, pos: QPointF) -> None:
        self.start = QPointF(pos)

    def move(self, pos: QPointF) -> bool:
        """False once the finger has travelled too far for a tap."""
        if self.start is not None and distance(self.start, pos) > self.slop_px:
            self.start = None
        return self.start is not None

    def release(self, pos: QPointF) -> bool:
        """True when the press and this release make a tap."""
        is_tap = self.move(pos)
        self.start = None
        return is_tap


def distance(a: QPointF, b: QPointF) -> float:
    return math.hypot(a.x() - b.x(), a.y() - b.y())


def text_height(font: QFont, width: int, text: str) -> int:
    """Height of `text` word-wrapped at `width`, as a plain-text QLabel lays it out."""
    box = QRect(0, 0, width, 1 << 20)
    return QFontMetrics(font).boundingRect(box, Qt.TextFlag.TextWordWrap, text).height()


class FillParent(QObject):
    """Keeps a full-window overlay exactly over its parent widget, or over the
    part of it `area` gives (the reach band of the low-reach layout)."""

    def __init__(self, widget: QWidget, area: Callable[[QRect], QRect] | None = None):
        super().__init__(widget)
        self.widget = widget
        self.area = area or (lambda rect: rect)
        parent = widget.parentWidget()
        if parent is not None:
            parent.installEventFilter(self)
            self.fit()

    def fit(self) -> None:
        parent = self.widget.parentWidget()
        if parent is not None:
            self.widget.setGeometry(self.area(parent.rect()))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and watched is self.widget.parentWidget():
            self.fit()
        return False


def widest_word(font: QFont, texts: Iterable[str]) -> int:
    """The width of the widest unbreakable word of any of `texts` in `font`."""
    metrics = QFontMetrics(font)
    return max((metrics.horizontalAdvance(word) for text in texts for word in unbreakable_words(text)), default=0)


def fit_words(label: QLabel, texts: Iterable[str], width: int) -> None:
    """Make `label`'s font small enough that its widest word, in any of `texts`
    (each language's), fits `width`: a long title in the visitor's larger text
    on a narrow tile shrinks instead of being cut."""
    font = label.font()
    widest = widest_word(font, texts)
    if widest > width > 0:
        font.setPixelSize(max(1, font.pixelSize() * width // widest))
        label.setFont(font)
