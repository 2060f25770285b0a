"""A quote panel: the words large and centred, in the quotation marks of the
visitor's language (kiosk.locale), then who said them and where."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QVBoxLayout, QWidget

from kiosk import locale
from kiosk.content.loader import LoadedExhibit
from kiosk.content.schema import QuotePanel
from kiosk.ui.context import Context
from kiosk.ui.layout import ColumnLayout, column_width
from kiosk.ui.panels.base import PanelView
from kiosk.ui.scrolling import KineticScrollArea, scroll_to_start
from kiosk.ui.widgets import make_label


class QuotePanelView(PanelView):
    panel: QuotePanel

    def __init__(self, ctx: Context, item: LoadedExhibit, index: int,
                 parent: QWidget | None = None):
        super().__init__(ctx, item, index, parent)
        sizes = ctx.theme.sizes
        gap = ctx.mm(sizes.gap)
        self.quote = make_label(ctx, sizes.quote_pt)
        self.by = make_label(ctx, sizes.body_pt, bold=True)
        self.source = make_label(ctx, sizes.small_pt, muted=True)
        for label in (self.quote, self.by, self.source):
            label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        credits = QWidget()  # a readable line length, not the quote's wide one
        credits_layout = ColumnLayout(credits, ctx, column_width(ctx, ctx.font(sizes.body_pt)),
                                      centred=True, margins=False)
        credits_layout.setSpacing(gap // 2)
        credits_layout.addWidget(self.by)
        credits_layout.addWidget(self.source)

        content = QWidget()
        content_layout = QVBoxLayout(content)
        content_layout.setContentsMargins(gap, 0, gap, 0)  # centred whether or not it scrolls
        content_layout.setSpacing(gap)
        content_layout.addStretch(1)
        content_layout.addWidget(self.quote)
        content_layout.addWidget(credits)
        content_layout.addStretch(1)
        # Only a very long quote on a small screen scrolls; otherwise it sits centred.
        self.scroll_area = KineticScrollArea(ctx, content)

        layout = ColumnLayout(self, ctx, column_width(ctx, self.quote.font()) + 2 * gap, centred=True)
        layout.addWidget(self.scroll_area)
        self.retranslate()

    def retranslate(self) -> None:
        language = locale.language(self.ctx.language)
        self.quote.setText(language.quoted(self.t(self.panel.text)))
        self.by.setText(language.attributed(self.t(self.panel.by)))
        self.source.setText(self.t(self.panel.source))
        self.source.setVisible(self.panel.source is not None)

    def reset(self) -> None:
        scroll_to_start(self.scroll_area)
