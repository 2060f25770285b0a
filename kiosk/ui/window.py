"""The kiosk window: home and exhibit screens, with the still viewer on top."""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QResizeEvent
from PySide6.QtWidgets import QStackedLayout, QWidget

from kiosk.content.loader import LoadedExhibit
from kiosk.ui.context import Context
from kiosk.ui.fonts import refresh_fonts
from kiosk.ui.screens.exhibit import ExhibitScreen
from kiosk.ui.screens.home import HomeScreen
from kiosk.ui.screens.viewer import StillViewer

log = logging.getLogger(__name__)


class KioskWindow(QWidget):
    """Shows content; what happens around it (idle, attract, lockdown) is the
    operation layer's business, told through these signals."""

    screen_changed = Signal(str)
    panel_shown = Signal(str, int, str)      # exhibit id, panel index, panel type
    panel_used = Signal(str, int)            # exhibit id, panel index (the wipe)
    still_zoomed = Signal(str, str)          # exhibit id, still file

    def __init__(self, ctx: Context, width_px: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle("Exhibit Kiosk")
        self.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents)
        self.stack = QStackedLayout(self)
        self.home = HomeScreen(ctx, width_px)
        self.home.exhibit_requested.connect(self.open_exhibit)
        self.stack.addWidget(self.home)
        self.exhibit: ExhibitScreen | None = None
        self.viewer: StillViewer | None = None
        self.quit_on_escape = True
        ctx.signals.language_changed.connect(lambda language: refresh_fonts(self, language))

    def set_catalog(self, catalog) -> None:
        """New content: home is rebuilt; call only when nobody is using the kiosk."""
        self.go_home()
        self.ctx.catalog = catalog
        old = self.home
        self.home = HomeScreen(self.ctx, self.width())
        self.home.exhibit_requested.connect(self.open_exhibit)
        self.stack.insertWidget(0, self.home)
        self.stack.setCurrentWidget(self.home)
        self.stack.removeWidget(old)
        old.deleteLater()

    def open_exhibit(self, exhibit_id: str) -> None:
        item = self.ctx.catalog.get(exhibit_id)
        if item is None:
            log.warning("no exhibit %r to open", exhibit_id)
            return
        self.close_viewer()
        self._drop_exhibit()
        self.exhibit = ExhibitScreen(self.ctx, item)
        self.exhibit.home_requested.connect(self.go_home)
        self.exhibit.still_requested.connect(self.open_viewer)
        self.exhibit.pager.page_changed.connect(lambda index: self._panel_shown(item, index))
        for index, panel in enumerate(self.exhibit.panels):
            panel.used.connect(lambda index=index: self.panel_used.emit(item.id, index))
        self.stack.addWidget(self.exhibit)
        self.stack.setCurrentWidget(self.exhibit)
        self.exhibit.setFocus()
        self.screen_changed.emit(f"exhibit:{exhibit_id}")
        self._panel_shown(item, 0)

    def _panel_shown(self, item: LoadedExhibit, index: int) -> None:
        self.panel_shown.emit(item.id, index, item.exhibit.panels[index].type)

    def go_home(self) -> None:
        self.close_viewer()
        self.stack.setCurrentWidget(self.home)
        self._drop_exhibit()
        self.screen_changed.emit("home")

    def open_viewer(self, item: LoadedExhibit, stills: list, index: int) -> None:
        self.close_viewer()
        self.viewer = StillViewer(self.ctx, item, stills, index, self)
        self.viewer.setGeometry(self.rect())
        self.viewer.closed.connect(self.close_viewer)
        zoomed: set[int] = set()

        def record_zoom(zoom: float, viewer: StillViewer = self.viewer) -> None:
            index = viewer.stage.index
            if zoom > 1.0 and index not in zoomed:
                zoomed.add(index)
                self.still_zoomed.emit(item.id, stills[index].file)

        self.viewer.zoom_changed.connect(record_zoom)
        self.viewer.show()
        self.viewer.raise_()
        self.viewer.setFocus()
        self.screen_changed.emit("viewer")

    def close_viewer(self) -> None:
        if self.viewer is not None:
            viewer, self.viewer = self.viewer, None
            viewer.hide()
            viewer.deleteLater()
            if self.exhibit is not None:
                self.exhibit.setFocus()

    def reset_session(self) -> None:
        """Everything back to how the next visitor should find it: home, the
        default language, no viewer; exhibit screens (zoom, scroll, panel
        positions) are rebuilt fresh when next opened."""
        self.go_home()
        self.ctx.session.set_language(self.ctx.session.default_language)

    def _drop_exhibit(self) -> None:
        if self.exhibit is not None:
            self.stack.removeWidget(self.exhibit)
            self.exhibit.deleteLater()
            self.exhibit = None

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.viewer is not None:
            self.viewer.setGeometry(self.rect())

    def keyPressEvent(self, event: QKeyEvent) -> None:
        quit_keys = event.key() == Qt.Key.Key_Escape and self.quit_on_escape or (
            event.key() == Qt.Key.Key_Q and event.modifiers() & Qt.KeyboardModifier.ControlModifier)
        if quit_keys:  # lockdown swallows both before they get here
            self.close()
        else:
            super().keyPressEvent(event)
