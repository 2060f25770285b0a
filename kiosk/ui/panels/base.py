"""What every page of an exhibit shares (the title page and the panels): its
context, its exhibit, and the duty to re-read its texts when the visitor
changes language."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QLabel, QWidget

from kiosk.content.loader import LoadedExhibit
from kiosk.content.schema import Image
from kiosk.content.text import Text
from kiosk.ui.context import Context
from kiosk.ui.typography import no_widow
from kiosk.ui.widgets import make_label
from kiosk.visit.pages import page_of_panel


class PageView(QWidget):
    """Base of the pages in an exhibit's pager.

    Subclasses build their layout in `__init__`, then call `self.retranslate()`;
    `retranslate` sets every visible string from the current language. What the
    visitor does on a page goes to the visit model (`ctx.visit`).
    """

    def __init__(self, ctx: Context, item: LoadedExhibit, page: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.item = item
        self.page = page
        """The page's position in its exhibit (0: the title page)."""
        ctx.signals.language_changed.connect(self.retranslate)

    def t(self, value: Text | None) -> str:
        """A content text in the visitor's language."""
        return self.ctx.text(self.item.exhibit, value)

    def image_path(self, image: Image) -> Path:
        return self.item.path(image.file)

    def make_heading(self) -> QLabel:
        label = make_label(self.ctx, self.ctx.theme.sizes.heading_pt, bold=True)
        label.setAccessibleName("heading")
        return label

    def set_heading(self, label: QLabel, value: Text | None) -> None:
        """A heading's text without a lone last word, hidden when there is none."""
        text = self.t(value)
        label.setText(no_widow(text, self.ctx.language))
        label.setVisible(bool(text))

    def retranslate(self) -> None:
        raise NotImplementedError

    def reset(self) -> None:
        """Back to how a new visitor first sees it (scroll, zoom, divider)."""

    def shown(self) -> None:
        """Called each time the page becomes the current one."""


class PanelView(PageView):
    """Base of the one-module-per-type panel views."""

    def __init__(self, ctx: Context, item: LoadedExhibit, index: int, parent: QWidget | None = None):
        super().__init__(ctx, item, page_of_panel(index), parent)
        self.index = index
        """The panel's position in the exhibit's `panels`."""
        self.panel = item.exhibit.panels[index]
