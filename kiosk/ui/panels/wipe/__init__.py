"""A wipe panel: a before and an after image laid over each other and split by
a divider the visitor moves with a finger anywhere on the image, a tap, or the
arrow keys (kiosk.ui.panels.wipe.divider), with a reading column holding the
caption, how to use it and the credits.

The image comes first: it is as large as the page allows, and the column
stands beside it only where it can still be a readable column; otherwise the
texts go beneath the image. Either way they scroll by touch when they are
longer than their room."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from kiosk.content.loader import LoadedExhibit
from kiosk.content.schema import WipePanel
from kiosk.ui.context import Context
from kiosk.ui.icons import icon
from kiosk.ui.layout import column_width
from kiosk.ui.panels.base import PanelView
from kiosk.ui.panels.wipe.area import WipeArea
from kiosk.ui.scrolling import KineticScrollArea, scroll_to_start
from kiosk.ui.widgets import make_label

READABLE_CHARS = 30
"""The narrowest caption column beside the image, in characters a line."""
BELOW_SHARE = 0.4
"""At most this share of the page's height for the texts under the image."""


class WipePanelView(PanelView):
    """Heading, the wipe, and the reading column beside or beneath it.

    Laid out by hand so that the wipe is exactly as large as its images and the
    column stands right beside (or under) them whatever their shape."""

    panel: WipePanel

    def __init__(self, ctx: Context, item: LoadedExhibit, index: int,
                 parent: QWidget | None = None):
        super().__init__(ctx, item, index, parent)
        sizes = ctx.theme.sizes
        self.heading = self.make_heading()
        self.heading.setParent(self)
        self.area = WipeArea(ctx, item, self.panel, self)
        self.setFocusProxy(self.area)
        self._hint_armed = True

        self.caption = make_label(ctx, sizes.body_pt)
        instruction_icon = QLabel()
        side = ctx.metrics.font_px(sizes.small_pt)
        glyph = "drag_horizontal" if self.area.horizontal else "drag_vertical"
        instruction_icon.setPixmap(icon(glyph, ctx.theme.colours.text_muted).pixmap(side, side))
        self.instruction = make_label(ctx, sizes.small_pt, muted=True)
        instruction = QHBoxLayout()
        instruction.setSpacing(ctx.mm(2))
        instruction.addWidget(instruction_icon, 0, Qt.AlignmentFlag.AlignVCenter)
        instruction.addWidget(self.instruction, 1)
        self.credits = [make_label(ctx, sizes.small_pt, muted=True) for _ in range(2)]

        self.texts = QWidget()
        column = QVBoxLayout(self.texts)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(ctx.mm(sizes.gap))
        column.addLayout(instruction)  # first: on a short display the caption scrolls, this stays in view
        column.addWidget(self.caption)
        column.addStretch(1)
        credits = QVBoxLayout()
        credits.setSpacing(ctx.mm(1.5))
        for credit in self.credits:
            credits.addWidget(credit)
        column.addLayout(credits)
        self.column = KineticScrollArea(ctx, self.texts, parent=self)
        self.column_width = column_width(ctx, self.caption.font())
        self.beside = True
        """Whether the column stands beside the image (else beneath it)."""
        self.retranslate()

    @property
    def position(self) -> float:
        return self.area.divider.position

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._lay_out()

    def _options(self, width: int, height: int) -> tuple[tuple[QSize, int], tuple[QSize, int, int]]:
        """The image's size with the column beside it (and the column's width),
        and with the texts beneath it (and their width and height)."""
        gap = self.ctx.mm(self.ctx.theme.sizes.gap)
        narrowest = column_width(self.ctx, self.caption.font(), READABLE_CHARS)
        beside = self.area.frame_size(QSize(max(1, width - narrowest - gap), height))
        column = min(self.column_width, width - beside.width() - gap)
        below_width = min(width, self.column_width)
        below_height = min(self.texts.heightForWidth(below_width), round(height * BELOW_SHARE))
        below = self.area.frame_size(QSize(width, max(1, height - below_height - gap)))
        return (beside, column), (below, below_width, below_height)

    def _lay_out(self) -> None:
        grid, gap = self.ctx.grid, self.ctx.mm(self.ctx.theme.sizes.gap)
        inner = self.rect().adjusted(grid.margin, 0, -grid.margin, -grid.bottom)
        heading_height = self.heading.heightForWidth(inner.width()) if self.heading.text() else 0
        self.heading.setGeometry(inner.left(), inner.top(), inner.width(), heading_height)
        top = inner.top() + (heading_height + gap if heading_height else 0)
        height = inner.bottom() + 1 - top
        (beside, column), (below, below_width, below_height) = self._options(inner.width(), height)
        self.beside = beside.width() * beside.height() >= below.width() * below.height()
        left = inner.left()
        if self.beside:
            self.area.setGeometry(left, top, beside.width(), beside.height())
            needed = self.texts.heightForWidth(column)
            self.column.setGeometry(left + beside.width() + gap, top, column,
                                    beside.height() if needed <= beside.height() else height)
        else:
            self.area.setGeometry(left, top, below.width(), below.height())
            self.column.setGeometry(QRect(left, top + below.height() + gap, below_width, below_height))

    def retranslate(self) -> None:
        panel, tr = self.panel, self.ctx.tr
        self.set_heading(self.heading, panel.heading)
        images = (panel.before, panel.after)
        self.area.set_texts([self.t(image.label) for image in images],
                            [self.t(image.alt) for image in images])
        self._set_credits()
        self.instruction.setText(tr("drag_to_compare"))
        self.caption.setText(self.t(panel.caption))
        self.caption.setVisible(panel.caption is not None)
        self._lay_out()

    def _set_credits(self) -> None:
        """One line per credit, named by its side of the divider; a credit
        that both images share is given once, without a side."""
        tr = self.ctx.tr
        texts = [self.t(image.credit) for image in (self.panel.before, self.panel.after)]
        sides = ("left_image", "right_image") if self.area.horizontal else ("top_image", "bottom_image")
        shared = texts[0] == texts[1]
        for index, (credit, text, side) in enumerate(zip(self.credits, texts, sides)):
            credit.setText(text if shared else tr("credit_line", side=tr(side), credit=text))
            credit.setVisible(bool(text) and not (shared and index == 1))

    def reset(self) -> None:
        self.area.divider.reset(self.panel.start)
        scroll_to_start(self.column)
        self._hint_armed = True

    def shown(self) -> None:
        if self._hint_armed and not self.ctx.theme.motion.reduced:
            self._hint_armed = False
            self.area.divider.play_hint()
