"""Running the kiosk: settings, logging and content in, then the operation
around the window: attract and idle reset, lockdown and admin, presenter mode,
content reloads, the fault barrier and visitor statistics.

The window only shows content; this module decides when the content changes,
when the visitor's session ends and what a fault does.
"""

from __future__ import annotations

import argparse
import logging
import sys
from datetime import date
from pathlib import Path

from PySide6.QtCore import QObject, QSize
from PySide6.QtWidgets import QApplication, QWidget

from kiosk.content.loader import Catalog, load_exhibits_folder
from kiosk.operation.admin import AdminCorner, PinGate
from kiosk.operation.faults import FaultBarrier
from kiosk.operation.idle import IdleReset, IdleWatcher
from kiosk.operation.lockdown import Lockdown
from kiosk.operation.logs import configure_logging
from kiosk.operation.presenter import Presenter
from kiosk.operation.settings import LoadedSettings, load_settings
from kiosk.operation.stats import StatsStore, default_stats_path, format_report
from kiosk.operation.watcher import ContentWatcher
from kiosk.paths import bundled_exhibits_dir
from kiosk.ui.app import build_context, create_application, display_metrics
from kiosk.ui.context import Context
from kiosk.ui.screens.admin import AdminInfo, AdminScreen
from kiosk.ui.screens.attract import AttractScreen, attract_slides
from kiosk.ui.screens.pinpad import PinPad
from kiosk.ui.screens.still_there import StillThereOverlay
from kiosk.ui.window import KioskWindow

log = logging.getLogger(__name__)

FADE_MS = 1500
WINDOWED_SIZE = QSize(1600, 900)


class KioskController(QObject):
    """Wires the operation layer around one window; owns no layout."""

    def __init__(self, window: KioskWindow, loaded: LoadedSettings, exhibits_root: Path,
                 stats: StatsStore, barrier: FaultBarrier | None = None, presenting: bool = False,
                 locked: bool = False, cursor_hidden: bool = False):
        super().__init__(window)
        self.window = window
        self.ctx: Context = window.ctx
        self.loaded = loaded
        self.stats = stats
        self.good_catalog: Catalog = self.ctx.catalog
        self._staged: Catalog | None = None
        settings = loaded.settings

        self.lockdown = Lockdown(window, enabled=locked, cursor_hidden=cursor_hidden)
        self.gate = PinGate(settings.admin.pin_hash)
        self.corner = AdminCorner(window, self.ctx, settings.admin.corner,
                                  round(settings.admin.hold_seconds * 1000))
        self.corner.requested.connect(self.open_pin_pad)
        self._overlay: QWidget | None = None

        self.watcher = ContentWatcher(exhibits_root, self.ctx.catalog)
        self.watcher.staged.connect(self._stage)
        self.watcher.rejected.connect(self._refresh_admin)

        self.presenter: Presenter | None = None
        self.idle_reset: IdleReset | None = None
        if presenting:
            window.quit_on_escape = False  # clickers send Esc from their start/stop button
            seconds = settings.presenter.auto_advance_seconds
            self.presenter = Presenter(window, seconds * 1000 if seconds else None,
                                       settings.presenter.loop)
        else:
            attract = AttractScreen(self.ctx, self._slides(), round(settings.attract.slide_seconds * 1000),
                                    FADE_MS, window, settings.attract.call_to_action)
            attract.woken.connect(self._visit_started)  # before the exhibit opens
            self.idle_reset = IdleReset(
                IdleWatcher(round(settings.idle.timeout_seconds * 1000), parent=self),
                StillThereOverlay(self.ctx, round(settings.idle.countdown_seconds * 1000), window),
                attract, self.reset_session, window.open_exhibit, self)
            self.idle_reset.attract_started.connect(self._apply_staged)
            self.idle_reset.session_reset.connect(self._visit_ended)

        if barrier is not None:
            barrier.recover.connect(self.recover)
            barrier.escalate.connect(self.fall_back)
        self._record_statistics()

    # --- start, reset, faults -----------------------------------------------------

    def start(self) -> None:
        if self.presenter is not None:
            self._visit_started()
            self.presenter.start()
        else:
            self.idle_reset.show_attract()

    def reset_session(self) -> None:
        """The next visitor finds the kiosk fresh: overlays closed, home, default language."""
        self._close_overlay()
        self.window.reset_session()

    def recover(self) -> None:
        """After a fault: back to the home screen, the process keeps running."""
        log.warning("recovering from a fault: returning to the home screen")
        self._close_overlay()
        self.window.go_home()

    def fall_back(self) -> None:
        """Faults keep coming: last good content, attract mode, and keep logging."""
        log.error("repeated faults: falling back to attract mode with the last good content")
        self._staged = self.good_catalog
        self.reset_session()
        if self.idle_reset is not None:
            self.idle_reset.show_attract()
        else:
            self._apply_staged()

    # --- content changes ----------------------------------------------------------------

    def _slides(self):
        attract = self.loaded.settings.attract
        return attract_slides(self.ctx.catalog, attract.exhibits, attract.include_stills)

    def _stage(self, catalog: Catalog) -> None:
        log.info("content change staged: %d exhibits", len(catalog.exhibits))
        self._staged = catalog
        self.good_catalog = catalog
        if self.idle_reset is not None and self.idle_reset.attract.isVisible():
            self._apply_staged()  # nobody is here: show it now

    def _apply_staged(self) -> None:
        """Only ever called with nobody at the kiosk (attract mode showing)."""
        if self._staged is None:
            return
        catalog, self._staged = self._staged, None
        self.ctx.images.clear()  # a still replaced under the same name must not show stale
        self.window.set_catalog(catalog)
        if self.idle_reset is not None:
            self.idle_reset.attract.slides = self._slides()
        log.info("content change applied: %d exhibits", len(catalog.exhibits))

    def reload(self) -> None:
        self.watcher.reload()

    # --- admin ------------------------------------------------------------------------

    def open_pin_pad(self) -> None:
        if self._overlay is not None:
            return
        pad = PinPad(self.ctx, self.gate, self.window)
        pad.cancelled.connect(self._close_overlay)
        pad.unlocked.connect(self.open_admin)
        self._show_overlay(pad)

    def open_admin(self) -> None:
        self._close_overlay()
        screen = AdminScreen(self.ctx, self._admin_info(), self.window)
        screen.reload_requested.connect(self.reload)
        screen.restart_attract_requested.connect(self._restart_attract)
        screen.quit_requested.connect(self.quit)
        screen.closed.connect(self._close_overlay)
        self._show_overlay(screen)

    def _admin_info(self) -> AdminInfo:
        today = date.today()
        report = self.stats.report(today, today)
        catalog = self.ctx.catalog
        info = AdminInfo.collect(catalog, self.loaded.problems, format_report(report))
        pending = [p for p in self.watcher.problems if p not in catalog.problems]
        info.content_problems.extend(pending)
        return info

    def _refresh_admin(self, _problems=None) -> None:
        if isinstance(self._overlay, AdminScreen):
            self._overlay.set_info(self._admin_info())

    def _restart_attract(self) -> None:
        self.reset_session()
        if self.idle_reset is not None:
            self.idle_reset.show_attract()

    def quit(self) -> None:
        log.info("quit from the admin screen")
        self.lockdown.allow_quit()
        self.window.close()

    def _show_overlay(self, overlay: QWidget) -> None:
        """The PIN pad or admin screen: no idle countdown over them while staff work."""
        self._overlay = overlay
        if self.idle_reset is not None:
            self.idle_reset.overlay.cancel()
            self.idle_reset.watcher.pause()
        overlay.show()
        overlay.raise_()

    def _close_overlay(self) -> None:
        if self._overlay is not None:
            overlay, self._overlay = self._overlay, None
            overlay.hide()
            overlay.deleteLater()
            if self.idle_reset is not None and not self.idle_reset.attract.isVisible():
                self.idle_reset.watcher.resume()

    # --- statistics ------------------------------------------------------------------

    def _visit_started(self, _exhibit_id: str = "") -> None:
        self._visiting = True
        self.stats.start_session(self.ctx.language)

    def _visit_ended(self) -> None:
        self._visiting = False
        self.stats.idle_reset()

    def _record_statistics(self) -> None:
        """Only what visitors do: the resets and attract loop record nothing."""
        self._visiting = False
        stats, window = self.stats, self.window

        def during_visit(record):
            return lambda *args: record(*args) if self._visiting else None

        window.screen_changed.connect(during_visit(
            lambda screen: stats.screen_viewed(None, None, None) if screen == "home" else None))
        window.panel_shown.connect(during_visit(stats.screen_viewed))
        window.panel_used.connect(during_visit(stats.wipe_used))
        window.still_zoomed.connect(during_visit(stats.still_zoomed))
        self.ctx.signals.language_changed.connect(during_visit(stats.language_chosen))


def _screen_for(app: QApplication, index: int):
    screens = app.screens()
    if 0 <= index < len(screens):
        return screens[index]
    log.warning("there is no screen %d (found %d); using the primary screen", index, len(screens))
    return app.primaryScreen()


def run(args: argparse.Namespace) -> int:
    """`kiosk run` and `kiosk present`: never stops on bad settings or content."""
    loaded = load_settings(args.config)
    settings = loaded.settings
    log_file = configure_logging(args.log_level or settings.log_level)
    log.info("logging to %s", log_file or "stderr only")
    for problem in loaded.problems:
        log.warning("settings: %s", problem.format())
    root = args.exhibits or loaded.exhibits_dir or bundled_exhibits_dir()
    catalog = load_exhibits_folder(root, log)
    if catalog is None:
        print(f"kiosk: no such exhibits folder: {root}", file=sys.stderr)
        return 2

    app = create_application()
    barrier = FaultBarrier()
    barrier.install()
    screen = _screen_for(app, args.screen if args.screen is not None else settings.display.screen)
    locked = bool(getattr(args, "kiosk", False)) or settings.lockdown
    windowed = args.windowed and not locked
    diagonal = args.diagonal or settings.display.diagonal_inches
    if windowed:
        size = QSize(*args.size[-1]) if args.size else WINDOWED_SIZE
        metrics = display_metrics(size, diagonal or 55.0, None)
    else:
        size = screen.geometry().size()
        metrics = display_metrics(size, diagonal, screen.physicalDotsPerInch())
    languages = settings.languages
    ctx = build_context(catalog, metrics, args.lang, languages.enabled, languages.default)
    window = KioskWindow(ctx, size.width())
    window.setGeometry(screen.geometry())
    if windowed:
        window.resize(size)
    stats = StatsStore(default_stats_path(), enabled=settings.statistics.enabled)
    cursor = settings.cursor
    controller = KioskController(
        window, loaded, root, stats, barrier, presenting=args.present or settings.presenter.enabled,
        locked=locked, cursor_hidden=cursor == "hidden" or (cursor == "auto" and locked))
    if windowed:
        window.show()
    else:
        window.showFullScreen()
    controller.start()
    log.info("kiosk started: %d exhibits, %d content problems, %d settings problems",
             len(catalog.exhibits), len(catalog.problems), len(loaded.problems))
    try:
        return app.exec()
    finally:
        stats.close("quit")
        barrier.uninstall()
