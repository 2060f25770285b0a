"""A wipe panel: a before and an after image laid over each other and split by
a divider the visitor moves with a finger anywhere on the image, a tap, or the
arrow keys (kiosk.ui.panels.wipe.divider), beside a reading column with the
caption, how to use it and both credits."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from kiosk.content.loader import LoadedExhibit
from kiosk.content.schema import WipePanel
from kiosk.ui.context import Context
from kiosk.ui.icons import icon
from kiosk.ui.layout import column_width
from kiosk.ui.panels.base import PanelView
from kiosk.ui.panels.wipe.area import WipeArea
from kiosk.ui.widgets import make_label


class WipePanelView(PanelView):
    """Heading over the wipe, with a reading column beside it: the caption, how
    to use the wipe, and both credits (named by their side of the divider).

    Laid out by hand so that the wipe is exactly as large as its images and the
    column stands right beside them whatever their shape."""

    panel: WipePanel
    def __init__(self, ctx: Context, item: LoadedExhibit, index: int,
                 parent: QWidget | None = None):
        super().__init__(ctx, item, index, parent)
        panel = self.panel
        sizes = ctx.theme.sizes
        self.heading = self.make_heading()
        self.heading.setParent(self)
        self.area = WipeArea(ctx, item, panel, self)
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

        self.column = QWidget(self)
        column = QVBoxLayout(self.column)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(ctx.mm(sizes.gap))
        column.addWidget(self.caption)
        column.addLayout(instruction)
        column.addStretch(1)
        credits = QVBoxLayout()
        credits.setSpacing(ctx.mm(1.5))
        for credit in self.credits:
            credits.addWidget(credit)
        column.addLayout(credits)
        self.column_width = column_width(ctx, self.caption.font())
        self.retranslate()

    @property
    def position(self) -> float:
        return self.area.divider.position

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._lay_out()

    def _lay_out(self) -> None:
        ctx = self.ctx
        grid, gap = ctx.grid, ctx.mm(ctx.theme.sizes.gap)
        inner = self.rect().adjusted(grid.margin, 0, -grid.margin, -grid.bottom)
        heading_height = self.heading.heightForWidth(inner.width()) if self.panel.heading else 0
        top = inner.top() + (heading_height + gap if heading_height else 0)
        box = QSize(inner.width() - self.column_width - gap, inner.bottom() + 1 - top)
        frame = self.area.frame_size(box)
        left = inner.left()
        self.heading.setGeometry(inner.left(), inner.top(), inner.width(), heading_height)
        self.area.setGeometry(left, top, frame.width(), frame.height())
        column_height = min(box.height(), max(frame.height(), self.column.heightForWidth(self.column_width)))
        self.column.setGeometry(left + frame.width() + gap, top, self.column_width, column_height)

    def retranslate(self) -> None:
        panel, tr = self.panel, self.ctx.tr
        self.heading.setText(self.t(panel.heading))
        self.heading.setVisible(panel.heading is not None)
        images = (panel.before, panel.after)
        self.area.set_texts([self.t(image.label) for image in images],
                            [self.t(image.alt) for image in images])
        sides = ("left_image", "right_image") if self.area.horizontal else ("top_image", "bottom_image")
        for credit, image, side in zip(self.credits, images, sides):
            credit.setText(tr("credit_line", side=tr(side), credit=self.t(image.credit)))
            credit.setVisible(image.credit is not None)
        self.instruction.setText(tr("drag_to_compare"))
        self.caption.setText(self.t(panel.caption))
        self.caption.setVisible(panel.caption is not None)
        self._lay_out()

    def reset(self) -> None:
        self.area.divider.reset(self.panel.start)
        self._hint_armed = True

    def shown(self) -> None:
        if self._hint_armed and not self.ctx.theme.motion.reduced:
            self._hint_armed = False
            self.area.divider.play_hint()
