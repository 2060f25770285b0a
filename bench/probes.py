"""Child processes for bench/targets.py: each measures one thing in a fresh
process (start-up time and peak memory only mean something there) and prints
one JSON line.

    python bench/probes.py first-frame kiosk|bare WIDTHxHEIGHT
    python bench/probes.py tour WIDTHxHEIGHT
    python bench/probes.py home EXHIBITS_DIR
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

STARTED = time.perf_counter()
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

TILE = ROOT / "exhibits" / "shenzhou-13" / "stills" / "tile.jpg"


def pss_mb() -> float:
    """This process's proportional set size (what it costs the machine)."""
    for line in Path("/proc/self/smaps_rollup").read_text().splitlines():
        if line.startswith("Pss:"):
            return int(line.split()[1]) / 1024
    return 0.0


def peak_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0


def _size(text: str) -> tuple[int, int]:
    width, height = text.split("x")
    return int(width), int(height)


def _report(**figures: object) -> None:
    print(json.dumps({"seconds": time.perf_counter() - STARTED, "pss_mb": pss_mb(), "peak_mb": peak_mb(),
                      **figures}), flush=True)


def first_frame_bare(width: int, height: int) -> None:
    """The reference: a plain PySide6 window showing the same still, scaled to
    the screen, with the same call to action drawn over it."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QPainter, QPixmap
    from PySide6.QtWidgets import QApplication, QWidget

    app = QApplication([])
    painted = []

    class Still(QWidget):
        def __init__(self) -> None:
            super().__init__()
            self.pixmap = QPixmap(str(TILE)).scaled(width, height, Qt.AspectRatioMode.KeepAspectRatioByExpanding,
                                                    Qt.TransformationMode.SmoothTransformation)

        def paintEvent(self, event) -> None:  # noqa: N802 - Qt's name
            painter = QPainter(self)
            painter.drawPixmap(0, 0, self.pixmap)
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, "Touch to explore")
            painter.end()
            painted.append(True)

    window = Still()
    window.resize(width, height)
    window.show()
    while not painted:
        app.processEvents()
    _report()


def kiosk_on_screen(catalog, width: int, height: int):
    """A kiosk as `kiosk run` builds it (statistics off), shown and started."""
    from PySide6.QtCore import QSize

    from kiosk.operation.content import ContentSource
    from kiosk.operation.controller import KioskController
    from kiosk.paths import bundled_exhibits_dir
    from kiosk.settings.loading import LoadedSettings
    from kiosk.settings.schema import KioskSettings
    from kiosk.statistics.background import BackgroundStats
    from kiosk.ui.app import build_context, create_application, display_metrics
    from kiosk.ui.window import KioskWindow

    create_application()
    size = QSize(width, height)
    ctx = build_context(catalog, display_metrics(size, 55.0, None))
    window = KioskWindow(ctx, width)
    window.resize(size)
    stats = BackgroundStats(Path("/nonexistent/stats.sqlite3"), enabled=False)
    controller = KioskController(window, LoadedSettings(KioskSettings()), ContentSource.of(bundled_exhibits_dir()),
                                 stats)
    window.show()
    controller.start()
    return controller


def first_frame_kiosk(width: int, height: int) -> None:
    """The kiosk as `kiosk run` starts it, until attract mode has drawn its first still sharp."""
    from PySide6.QtCore import QEventLoop
    from PySide6.QtWidgets import QApplication

    from kiosk.content.cache import CheckedCache
    from kiosk.content.loader import load_catalog
    from kiosk.paths import bundled_exhibits_dir, checked_cache_dir

    catalog = load_catalog([bundled_exhibits_dir()], CheckedCache(checked_cache_dir()))
    attract = kiosk_on_screen(catalog, width, height).mode.attract
    while attract.is_placeholder(attract.index):
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)
    attract.repaint()
    _report()


def tour(width: int, height: int) -> None:
    """Every page and every still of every exhibit, then the memory it leaves."""
    from PySide6.QtCore import QSize
    from PySide6.QtWidgets import QApplication

    from kiosk.content.loader import load_catalog
    from kiosk.paths import bundled_exhibits_dir
    from kiosk.ui.app import build_context, create_application, display_metrics
    from kiosk.ui.window import KioskWindow
    from kiosk.visit.model import stills_of
    from kiosk.visit.pages import pages_of

    catalog = load_catalog([bundled_exhibits_dir()])
    create_application()
    size = QSize(width, height)
    ctx = build_context(catalog, display_metrics(size, 55.0, None))
    window = KioskWindow(ctx, width)
    window.resize(size)
    window.show()

    def settle() -> None:
        for _ in range(3):
            QApplication.processEvents()
            ctx.images.wait()

    ctx.visit.go_home()
    settle()
    for item in catalog.exhibits:
        for page, shown in enumerate(pages_of(item)):
            ctx.visit.show(item.id, page)
            settle()
            for still in range(len(stills_of(shown))):
                ctx.visit.open_still(still)
                settle()
                window.viewer.stage.zoom_by(100.0)  # to native pixels
                settle()
            ctx.visit.close_still()
    ctx.visit.go_home()
    settle()
    _report(cached_mb=ctx.images.cached_bytes / 2**20)


def home(exhibits: Path) -> None:
    """The home screen of a collection, shown with its tiles decoded."""
    from PySide6.QtCore import QSize
    from PySide6.QtWidgets import QApplication

    from kiosk.content.cache import CheckedCache
    from kiosk.content.loader import load_catalog
    from kiosk.paths import checked_cache_dir
    from kiosk.ui.app import build_context, create_application, display_metrics
    from kiosk.ui.window import KioskWindow

    catalog = load_catalog([exhibits], CheckedCache(checked_cache_dir()))
    create_application()
    size = QSize(1920, 1080)
    ctx = build_context(catalog, display_metrics(size, 55.0, None))
    window = KioskWindow(ctx, 1920)
    window.resize(size)
    window.show()
    ctx.visit.go_home()
    for _ in range(5):
        QApplication.processEvents()
        ctx.images.wait()
    window.grab()
    _report(exhibits=len(catalog.exhibits))


def main() -> None:
    what, *args = sys.argv[1:]
    if what == "first-frame":
        (first_frame_kiosk if args[0] == "kiosk" else first_frame_bare)(*_size(args[1]))
    elif what == "tour":
        tour(*_size(args[0]))
    elif what == "home":
        home(Path(args[0]))
    else:
        raise SystemExit(f"unknown probe {what}")


if __name__ == "__main__":
    main()
