"""A text panel: a heading and the curator's prose in a column short enough to
read standing, scrolling by touch when the text is longer than the screen."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QVBoxLayout, QWidget

from kiosk.content.loader import LoadedExhibit
from kiosk.content.schema import TextPanel
from kiosk.content.text import Block, BulletList, Span, parse_markup
from kiosk.ui.context import Context
from kiosk.ui.layout import ColumnLayout, column_width
from kiosk.ui.panels.base import PanelView
from kiosk.ui.scrolling import KineticScrollArea, scroll_to_start
from kiosk.ui.widgets import make_label

LINE_HEIGHT_PERCENT = 140
"""Generous leading: long lines of large type are easier to follow standing."""


def _spans_html(spans: tuple[Span, ...]) -> str:
    parts = []
    for span in spans:
        text = html.escape(span.text)
        if span.strong:
            text = f"<b>{text}</b>"
        if span.emphasis:
            text = f"<i>{text}</i>"
        parts.append(text)
    return "".join(parts)


def markup_html(blocks: list[Block], paragraph_gap: int, bullet_indent: int) -> str:
    """Rich text for a QLabel; list items hang their text after the bullet."""
    def style(gap: int, indent: int = 0) -> str:
        return (f"margin-top:0; margin-bottom:{gap}px; margin-left:{indent}px; "
                f"text-indent:-{indent}px; line-height:{LINE_HEIGHT_PERCENT}%")

    out: list[str] = []
    for block in blocks:
        if isinstance(block, BulletList):
            last = len(block.items) - 1
            out.extend(f'<p style="{style(paragraph_gap if i == last else paragraph_gap // 3, bullet_indent)}">'
                       f"•&nbsp;&nbsp;{_spans_html(spans)}</p>"
                       for i, spans in enumerate(block.items))
        else:
            out.append(f'<p style="{style(paragraph_gap)}">{_spans_html(block.spans)}</p>')
    return "".join(out)


class TextPanelView(PanelView):
    panel: TextPanel

    def __init__(self, ctx: Context, item: LoadedExhibit, index: int,
                 parent: QWidget | None = None):
        super().__init__(ctx, item, index, parent)
        sizes = ctx.theme.sizes
        self.heading = self.make_heading()
        self.body = make_label(ctx, sizes.body_pt)
        self.body.setTextFormat(Qt.TextFormat.RichText)
        self.body.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)

        content = QWidget()
        content_layout = QVBoxLayout(content)
        content_layout.setContentsMargins(0, 0, ctx.mm(sizes.gap), ctx.mm(sizes.gap))
        content_layout.addWidget(self.body)
        content_layout.addStretch(1)
        self.scroll_area = KineticScrollArea(ctx, content)

        body_font = self.body.font()
        layout = ColumnLayout(self, ctx, column_width(ctx, body_font))
        layout.setSpacing(ctx.mm(sizes.gap))
        layout.addWidget(self.heading)
        layout.addWidget(self.scroll_area, 1)
        self._paragraph_gap = QFontMetrics(body_font).lineSpacing()
        self._bullet_indent = QFontMetrics(body_font).horizontalAdvance("•\u00a0\u00a0")
        self.retranslate()

    def retranslate(self) -> None:
        self.heading.setText(self.t(self.panel.heading))
        self.heading.setVisible(self.panel.heading is not None)
        self.body.setText(markup_html(parse_markup(self.t(self.panel.body)),
                                      self._paragraph_gap, self._bullet_indent))

    def reset(self) -> None:
        scroll_to_start(self.scroll_area)
