"""Visits and attract slides on a fake clock, as fast as the kiosk can go:
shared by the suite's short soak and bench/soak.py's long one."""

from __future__ import annotations

import gc
import resource

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication

from kiosk.visit.model import stills_of
from kiosk.visit.pages import pages_of
from tests.helpers.clock import FakeClock
from tests.helpers.exhibits import make_context

TIMEOUT, COUNTDOWN, SLIDE = 90.0, 20.0, 8.0


def rss_bytes() -> int:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * resource.getpagesize()


class Soak:
    """A visitor kiosk (attract, idle reset, statistics) driven through its model."""

    def __init__(self, tmp_path, size=(1920, 1080)):
        from kiosk.operation.content import ContentSource
        from kiosk.operation.controller import KioskController
        from kiosk.settings.loading import load_settings
        from kiosk.statistics.background import BackgroundStats
        from kiosk.ui.window import KioskWindow

        self.clock = FakeClock()
        self.ctx = make_context(size=size, clock=self.clock)
        self.window = KioskWindow(self.ctx, size[0])
        self.window.resize(*size)
        self.stats = BackgroundStats(tmp_path / "stats.sqlite3")
        self.controller = KioskController(self.window, load_settings(tmp_path / "absent.yaml"),
                                          ContentSource.of(tmp_path), self.stats)
        self.window.show()
        self.controller.start()
        # What attract mode does 1.5 s after start, done now: the soak measures
        # visits, not the one-off cutting of the 8K still's tiles.
        self.controller.prepare_ahead()
        self.ctx.tiles.wait()
        self.visits = 0

    def settle(self) -> None:
        for _ in range(2):
            QApplication.processEvents()
            # deleteLater() waits for an event loop; the running kiosk has one, this loop not.
            QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
            self.ctx.images.wait()

    def visit(self) -> None:
        """Wake, read every page, zoom a still, leave; attract loops a few slides."""
        visit = self.ctx.visit
        item = self.ctx.catalog.exhibits[self.visits % len(self.ctx.catalog.exhibits)]
        visit.wake(item.id)
        for page, panel in enumerate(pages_of(item)):
            visit.show(item.id, page)
            if stills_of(panel):
                visit.open_still(0)
                visit.set_zoom(2.0)
                visit.close_still()
            if panel.type == "wipe":
                visit.move_wipe(0.3)
        visit.set_language("ru" if self.visits % 2 else "zh")
        self.settle()
        self.clock.advance(TIMEOUT)
        self.clock.advance(COUNTDOWN)
        for _ in range(3):
            self.clock.advance(SLIDE)
            self.controller.mode.attract.grab()
        self.settle()
        self.visits += 1

    def measure(self) -> tuple[int, int]:
        """(live objects of the kiosk's and Qt's classes, resident bytes) after a
        full collection: builtins come and go with caches (sqlite's statement
        cache, Python's own), the kiosk's and Qt's must not."""
        gc.collect()
        QApplication.processEvents()
        ours = sum(1 for o in gc.get_objects()
                   if str(getattr(type(o), "__module__", "")).startswith(("kiosk", "PySide6", "shiboken6")))
        return ours, rss_bytes()

    def close(self) -> None:
        """Stop everything now: a window left to the garbage collector may be
        destroyed in the middle of another test's layout."""
        self.stats.close()
        self.controller.lockdown.allow_quit()
        self.window.close()
        self.window.deleteLater()
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
