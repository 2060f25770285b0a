"""One view module per panel type; this table is the only place that knows them all."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from kiosk.content.loader import LoadedExhibit
from kiosk.ui.context import Context
from kiosk.ui.panels.base import PanelView
from kiosk.ui.panels.compare import ComparePanelView
from kiosk.ui.panels.facts import FactsPanelView
from kiosk.ui.panels.gallery import GalleryPanelView
from kiosk.ui.panels.quote import QuotePanelView
from kiosk.ui.panels.text import TextPanelView
from kiosk.ui.panels.timeline import TimelinePanelView
from kiosk.ui.panels.video import VideoPanelView
from kiosk.ui.panels.wipe import WipePanelView

PANEL_VIEWS: dict[str, type[PanelView]] = {
    "text": TextPanelView,
    "gallery": GalleryPanelView,
    "facts": FactsPanelView,
    "compare": ComparePanelView,
    "wipe": WipePanelView,
    "timeline": TimelinePanelView,
    "quote": QuotePanelView,
    "video": VideoPanelView,
}


def create_panel_view(ctx: Context, item: LoadedExhibit, index: int, parent: QWidget | None = None) -> PanelView:
    return PANEL_VIEWS[item.exhibit.panels[index].type](ctx, item, index, parent)
