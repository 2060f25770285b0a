"""Running the kiosk: settings, logging and content in, then the operation
around the window: the mode (attract and idle reset, or presenter), lockdown
and staff access, content reloads, the fault barrier and visitor statistics.

The window only shows the visit model's place; this module decides when the
content changes, when a visit ends and what a fault does.
"""

from __future__ import annotations

import argparse
import logging
import sys
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSize, QTimer
from PySide6.QtGui import QScreen
from PySide6.QtWidgets import QApplication

from kiosk.content.cache import CheckedCache
from kiosk.media.speech import QtVoice
from kiosk.media.tiles import large_stills
from kiosk.operation.collector import MainThreadCollector
from kiosk.operation.content import ContentSource, choose_content
from kiosk.operation.faults import FaultBarrier
from kiosk.operation.first_frame import Conditions, FrameKeeper, KeptFrame, command_options, conditions_now
from kiosk.operation.health import HealthReporter
from kiosk.operation.hours import HoursKeeper
from kiosk.operation.lockdown import Lockdown
from kiosk.operation.logs import configure_logging
from kiosk.operation.modes import Mode, PresenterMode, VisitorMode
from kiosk.operation.service import ServiceHeartbeat, SystemdNotifier
from kiosk.operation.staff import StaffAccess
from kiosk.operation.staging import ContentStaging
from kiosk.operation.stopping import StopOnSignals
from kiosk.operation.watcher import ContentWatcher
from kiosk.paths import checked_cache_dir, default_settings_file, first_frame_dir
from kiosk.settings.loading import LoadedSettings, load_settings
from kiosk.settings.schema import ScheduleSettings
from kiosk.statistics.background import BackgroundStats
from kiosk.statistics.database import default_stats_path
from kiosk.statistics.recorder import VisitRecorder
from kiosk.ui.app import build_context, create_application, display_metrics, modes_for, theme_for
from kiosk.ui.window import KioskWindow

if TYPE_CHECKING:
    from kiosk.operation.inbox import BundleInbox

log = logging.getLogger(__name__)

WINDOWED_SIZE = QSize(1600, 900)
PREPARE_AFTER_MS = 1500
"""Exhibit screens are built this long after start, when attract mode is on screen."""


class KioskController(QObject):
    """Wires the operation layer around one window; owns no layout."""

    def __init__(self, window: KioskWindow, loaded: LoadedSettings, content: ContentSource,
                 stats: BackgroundStats, barrier: FaultBarrier | None = None,
                 presenting: bool = False, locked: bool = False, cursor_hidden: bool = False,
                 cache: CheckedCache | None = None):
        super().__init__(window)
        self.window = window
        self.ctx = window.ctx
        self.visit = self.ctx.visit
        self.loaded = loaded
        self.stats = stats
        self.recorder = VisitRecorder(self.visit, stats)
        settings = loaded.settings
        self.mode: Mode = (PresenterMode(window, settings) if presenting
                           else VisitorMode(window, settings))
        self.lockdown = Lockdown(window, enabled=locked, cursor_hidden=cursor_hidden)
        self.watcher = ContentWatcher(content.root, self.ctx.catalog, cache=cache, parent=self)
        self.staging = ContentStaging(self.visit, self.ctx.images, self.mode)
        self.watcher.staged.connect(self.staging.stage)
        self.health = HealthReporter(self.visit, loaded.health_file, settings.health.interval_seconds,
                                     lambda: window.last_frame, len(loaded.problems))
        self.staff = StaffAccess(window, loaded, self.mode, self.watcher, stats, self.quit, self.health.summary)
        self.collector = MainThreadCollector(self.ctx, parent=self)
        schedule = ScheduleSettings() if presenting else settings.schedule  # a presenter keeps their own hours
        self.hours = HoursKeeper(self.visit, schedule, lambda: window.closed, self.health.power_failed,
                                 lambda day: self.staging.follow_the_calendar(self.watcher.last_good, day),
                                 closed_still=loaded.closed_still, parent=self)
        self.heartbeat = ServiceHeartbeat(window, SystemdNotifier(), parent=self)
        self.watcher.rejected.connect(self.health.refused)
        self.health.bundle_shown(content.version)
        self.bundles: BundleInbox | None = None
        if content.inbox is not None:
            from kiosk.operation.inbox import BundleInbox  # zip and signatures: only for kiosks taking bundles

            self.bundles = BundleInbox(loaded.bundle_library(), content.inbox, content.folder, content.version,
                                       self.staging, self.watcher, parent=self)
            self.bundles.refused.connect(self.health.refused)
            self.bundles.applied.connect(self.health.bundle_shown)
        if barrier is not None:
            barrier.recover.connect(self.recover)
            barrier.escalate.connect(self.fall_back)
            for signal in (barrier.recover, barrier.escalate):
                signal.connect(self.health.fault)

    def start(self) -> None:
        self.collector.start()
        self.mode.start()
        self.staging.follow_the_calendar(self.watcher.last_good, self.hours.now().date())  # out of dates: hidden
        self.hours.start()
        self.heartbeat.start()
        self.health.start()
        if self.bundles is not None:
            self.bundles.start()
        # once attract mode shows its first frame: the first tap then finds its screen
        # built, the first zoom into a very large still its tiles cut
        QTimer.singleShot(PREPARE_AFTER_MS, self, self.prepare_ahead)

    def prepare_ahead(self) -> None:
        """Exhibit screens built and the largest stills tiled, before a visitor asks."""
        self.window.prepare_screens()
        self.ctx.tiles.prepare(large_stills(self.ctx.catalog))

    def recover(self) -> None:
        """After a fault: back to the home screen (attract mode stays), the process runs on."""
        log.warning("recovering from a fault: returning to the home screen")
        self.visit.close_overlay()
        if not self.visit.unvisited:
            self.visit.go_home()

    def fall_back(self) -> None:
        """Faults keep coming: the last good content again, from the safest screen."""
        log.error("repeated faults: falling back with the last good content")
        self.staging.stage(self.watcher.last_good)
        self.mode.fall_back()

    def quit(self, why: str = "the admin screen") -> None:
        log.info("quitting: %s", why)
        self.heartbeat.stopping()
        self.health.stop()
        self.collector.stop()
        self.lockdown.allow_quit()
        self.window.close()
        QApplication.quit()


def _screen_for(app: QApplication, index: int) -> QScreen:
    screens = app.screens()
    if 0 <= index < len(screens):
        return screens[index]
    log.warning("there is no screen %d (found %d); using the primary screen", index, len(screens))
    return app.primaryScreen()


def _keep_first_frame(args: argparse.Namespace, loaded: LoadedSettings, content: ContentSource,
                      controller: KioskController, screen: QScreen, kept: KeptFrame | None, keeps: bool,
                      cursor_hidden: bool) -> None:
    """The kept frame stays until attract mode draws its own, which is kept in turn
    where the first screen depends on nothing but the files (kiosk.operation.first_frame)."""
    attract = getattr(controller.mode, "attract", None)
    schedule = loaded.settings.schedule
    if attract is None or (kept is None and not keeps):
        return
    keeps = keeps and content.inbox is None and schedule.weekly is None and not schedule.closed_dates \
        and not schedule.open_dates
    catalog = controller.watcher.last_good
    dated = any(item.exhibit.show_from or item.exhibit.show_until for item in catalog.exhibits)
    settings_file = args.config or default_settings_file()

    def conditions() -> Conditions:
        return conditions_now(command_options(args), settings_file, content.root, screen.geometry(),
                              screen.devicePixelRatio(), date.today() if dated else None,
                              cursor_hidden)
    FrameKeeper(controller.window, attract, kept, conditions if keeps else None, first_frame_dir())


def run(args: argparse.Namespace, kept: KeptFrame | None = None) -> int:
    """`kiosk run` and `kiosk present`: never stops on bad settings or content.
    `kept`: the first frame of an earlier start, on screen until this one draws it."""
    loaded = load_settings(args.config)
    settings = loaded.settings
    log_file = configure_logging(args.log_level or settings.log_level)
    log.info("logging to %s", log_file or "stderr only")
    if kept is not None:
        log.info("showing the first frame kept by the last start while starting")
    for problem in loaded.problems:
        log.warning("settings: %s", problem.format())
    languages = settings.languages
    if args.lang is not None and args.lang not in languages.enabled:
        print(f"kiosk: --lang {args.lang} is not an enabled language ({', '.join(languages.enabled)}); "
              "enable it under languages: in kiosk.yaml", file=sys.stderr)
        return 2
    cache = CheckedCache(checked_cache_dir())
    content, catalog = choose_content(loaded, args.exhibits, cache)
    if catalog is None:
        print(f"kiosk: no such exhibits folder: {content.root}", file=sys.stderr)
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
    access = settings.accessibility
    ctx = build_context(catalog, metrics, args.lang, languages.enabled, languages.default,
                        theme_for(settings.display), settings.clips.volume, modes_for(settings),
                        settings.display.mounting_height_mm, QtVoice(access.speech_engine, access.speech_rate),
                        access.speech_volume)
    window = KioskWindow(ctx, size.width())
    window.setGeometry(screen.geometry())
    if windowed:
        window.resize(size)
    stats = BackgroundStats(default_stats_path(), enabled=settings.statistics.enabled)
    presenting = args.present or settings.presenter.enabled
    cursor_hidden = loaded.cursor_hidden or (settings.cursor == "auto" and locked)
    controller = KioskController(window, loaded, content, stats, barrier, presenting=presenting, locked=locked,
                                 cursor_hidden=cursor_hidden, cache=cache)
    stopper = StopOnSignals(lambda name: controller.quit(name))
    if windowed:
        window.show()
    else:
        window.showFullScreen()
    _keep_first_frame(args, loaded, content, controller, screen, kept,
                      keeps=not windowed and not presenting, cursor_hidden=cursor_hidden)
    controller.start()
    log.info("kiosk started: %d exhibits, %d content problems, %d settings problems",
             len(catalog.exhibits), len(catalog.problems), len(loaded.problems))
    try:
        return app.exec()
    finally:
        stats.close("quit")
        stopper.uninstall()
        barrier.uninstall()
