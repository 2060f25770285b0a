"""Text broken into lines as Qt breaks it, and cut to a number of lines with
"…": for texts whose room is fixed (a viewer caption, a gallery card)."""

from __future__ import annotations

import re

from PySide6.QtGui import QFont, QFontMetrics, QTextLayout, QTextOption

ELLIPSIS = "…"


def _utf16_slice(text: str, start: int, length: int) -> str:
    """Qt counts text positions in UTF-16 units; Python in code points."""
    units = text.encode("utf-16-le")
    return units[2 * start:2 * (start + length)].decode("utf-16-le", errors="ignore")


def wrap_lines(text: str, font: QFont, width: int) -> list[str]:
    """The lines `text` wraps into at `width`, broken as Qt breaks them (at
    spaces, and between any two Chinese characters)."""
    layout = QTextLayout(text, font)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    layout.setTextOption(option)
    spans = []
    layout.beginLayout()
    while (line := layout.createLine()).isValid():
        line.setLineWidth(width)
        spans.append((line.textStart(), line.textLength()))
    layout.endLayout()
    return [_utf16_slice(text, start, length).strip() for start, length in spans]


def elide_lines(text: str, font: QFont, width: int, max_lines: int) -> tuple[list[str], bool]:
    """`text` in at most `max_lines` lines of `width`; when it needs more, the
    last line ends in "…" after its last whole word. Returns (lines, cut)."""
    text = re.sub(r"[ \t\r\n]+", " ", text).strip()  # not str.split(): it breaks no-break spaces
    lines = wrap_lines(text, font, width) if text else []
    if len(lines) <= max_lines:
        return lines, False
    kept = lines[:max_lines - 1]
    room = width - QFontMetrics(font).horizontalAdvance(ELLIPSIS)
    last = wrap_lines(_after(text, kept), font, room)[0]
    return [*kept, last.rstrip(" ,;:—-") + ELLIPSIS], True


def _after(text: str, kept: list[str]) -> str:
    """What follows the `kept` lines in `text` (whose spaces wrapping dropped)."""
    position = 0
    for line in kept:
        position = text.index(line, position) + len(line)
    return text[position:].strip()
