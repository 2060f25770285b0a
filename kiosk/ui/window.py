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
    screen_changed = Signal(str)

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
        ctx.signals.language_changed.connect(lambda language: refresh_fonts(self, language))

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
        self.stack.addWidget(self.exhibit)
        self.stack.setCurrentWidget(self.exhibit)
        self.exhibit.setFocus()
        self.screen_changed.emit(f"exhibit:{exhibit_id}")

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
        if event.key() == Qt.Key.Key_Escape:
            self.close()
        else:
            super().keyPressEvent(event)
