"""The staff's way in: the admin corner, the PIN pad, the admin screen.

The corner's long press opens the PIN overlay in the visit model; the right
PIN moves it to the admin overlay. This module builds the widget for the
overlay the model shows and acts on the admin screen's buttons.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from kiosk.operation.admin import AdminCorner
from kiosk.operation.modes import Mode
from kiosk.operation.watcher import ContentWatcher
from kiosk.settings.loading import LoadedSettings
from kiosk.settings.pin import PinGate
from kiosk.statistics.background import BackgroundStats
from kiosk.statistics.report import format_report
from kiosk.ui.screens.admin import AdminInfo, AdminScreen
from kiosk.ui.screens.pinpad import PinPad
from kiosk.ui.window import KioskWindow
from kiosk.visit.model import Overlay

log = logging.getLogger(__name__)


class StaffAccess(QObject):
    def __init__(self, window: KioskWindow, loaded: LoadedSettings, mode: Mode,
                 watcher: ContentWatcher, stats: BackgroundStats, quit_kiosk: Callable[[], None],
                 health: Callable[[], list[str]] | None = None):
        super().__init__(window)
        self.window = window
        self.visit = window.ctx.visit
        self.loaded = loaded
        self.mode = mode
        self.watcher = watcher
        self.stats = stats
        self.quit_kiosk = quit_kiosk
        self.health = health
        """What the kiosk's health reports, line by line (kiosk.operation.health)."""
        admin = loaded.settings.admin
        self.gate = PinGate(admin.pin_hash)
        self.corner = AdminCorner(window, window.ctx, self.ask_for_pin, admin.corner,
                                  round(admin.hold_seconds * 1000))
        self.overlay: QWidget | None = None
        window.ctx.signals.overlay_changed.connect(self._follow)
        watcher.rejected.connect(self._refresh)

    def ask_for_pin(self) -> None:
        if self.visit.overlay in (None, Overlay.STILL_THERE):
            self.visit.open_overlay(Overlay.PIN)

    def _follow(self, overlay: Overlay | None) -> None:
        self._close()
        if overlay is Overlay.PIN:
            pad = PinPad(self.window.ctx, self.gate, self.window)
            pad.cancelled.connect(lambda: self.visit.close_overlay())
            pad.unlocked.connect(lambda: self.visit.open_overlay(Overlay.ADMIN))
            self._show(pad)
        elif overlay is Overlay.ADMIN:
            screen = AdminScreen(self.window.ctx, self.info(), self.window)
            screen.reload_requested.connect(self.watcher.reload)
            screen.restart_attract_requested.connect(self._restart)
            screen.quit_requested.connect(self.quit_kiosk)
            screen.closed.connect(lambda: self.visit.close_overlay())
            self._show(screen)

    def info(self) -> AdminInfo:
        today = date.today()
        catalog = self.visit.catalog
        info = AdminInfo.collect(catalog, self.loaded.problems,
                                 format_report(self.stats.report(today, today)))
        info.content_problems.extend(p for p in self.watcher.problems if p not in catalog.problems)
        info.health = self.health() if self.health is not None else []
        return info

    def _restart(self) -> None:
        self.visit.close_overlay()
        self.mode.restart()

    def _refresh(self, _problems: object = None) -> None:
        if isinstance(self.overlay, AdminScreen):
            self.overlay.set_info(self.info())

    def _show(self, overlay: QWidget) -> None:
        self.overlay = overlay
        overlay.show()
        overlay.raise_()

    def _close(self) -> None:
        if self.overlay is not None:
            overlay, self.overlay = self.overlay, None
            overlay.hide()
            overlay.deleteLater()
