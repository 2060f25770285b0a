"""What every panel view shares: its context, its exhibit, its panel, and the
duty to re-read its texts when the visitor changes language."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QWidget

from kiosk.content.loader import LoadedExhibit
from kiosk.content.schema import Still
from kiosk.content.text import Text
from kiosk.ui.context import Context
from kiosk.ui.widgets import make_label


class PanelView(QWidget):
    """Base of the one-module-per-type panel views.

    Subclasses build their layout in `__init__`, then call `self.retranslate()`;
    `retranslate` sets every visible string from the current language.
    """

    claims_horizontal_drag = False
    """True when horizontal drags belong to the panel (the wipe), not the pager."""

    still_requested = Signal(list, int)
    """A gallery asks the screen to open the still viewer: (stills, index)."""

    used = Signal()
    """The visitor worked the panel's own control (the wipe's divider), for statistics."""

    def __init__(self, ctx: Context, item: LoadedExhibit, panel, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.item = item
        self.panel = panel
        ctx.signals.language_changed.connect(self.retranslate)

    def claims_horizontal_drag_at(self, pos) -> bool:
        """Whether a horizontal drag starting at `pos` belongs to this panel."""
        return self.claims_horizontal_drag

    def t(self, value: Text | None) -> str:
        """A content text in the visitor's language."""
        return self.ctx.text(self.item.exhibit, value)

    def make_heading(self) -> QLabel:
        label = make_label(self.ctx, self.ctx.theme.sizes.heading_pt, bold=True)
        label.setAccessibleName("heading")
        return label

    def retranslate(self) -> None:
        raise NotImplementedError

    def reset(self) -> None:
        """Back to how a new visitor first sees it (scroll, zoom, divider)."""

    def shown(self) -> None:
        """Called each time the panel becomes the current page."""


def still_path(item: LoadedExhibit, still: Still):
    return item.path(still.file)
