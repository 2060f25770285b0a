"""Child processes for bench/targets.py: each measures one thing in a fresh
process (start-up time and peak memory only mean something there) and prints
one JSON line.

    python bench/probes.py first-frame bare WIDTHxHEIGHT
    python bench/probes.py first-frame kiosk [--sample]
    python bench/probes.py tour WIDTHxHEIGHT
    python bench/probes.py home EXHIBITS_DIR
"""

from __future__ import annotations

import json
import os
import sys
import threading
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


class PeakSampler:
    """This process's PSS every 5 ms on a thread of its own: the kernel keeps a
    peak of the resident size (VmHWM), which counts shared libraries whole, but none of PSS."""

    def __init__(self) -> None:
        self.peak = pss_mb()
        self._running = True
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while self._running:
            self.peak = max(self.peak, pss_mb())
            time.sleep(0.005)

    def stop(self) -> float:
        self._running = False
        self._thread.join()
        return max(self.peak, pss_mb())


def first_frame_kiosk(sample: bool = False) -> None:
    """`kiosk run` itself (kiosk.cli), until its first frame: the frame an earlier
    start kept, or else attract mode's first still drawn sharp. The screen is the
    platform's (bench/targets.py gives the offscreen platform one of the size wanted).
    `sample`: with the peak PSS until then (the sampling slows the start a little)."""
    sampler = PeakSampler() if sample else None

    def report(kept: bool) -> None:
        _report(kept=kept, **({"peak_pss_mb": sampler.stop()} if sampler is not None else {}))

    from kiosk import cli
    from kiosk.operation import first_frame

    keeper_sharp = first_frame.FrameKeeper._sharp

    def sharp(keeper: first_frame.FrameKeeper) -> None:  # attract mode's first sharp frame
        keeper.window.repaint()
        report(kept=False)
        keeper_sharp(keeper)  # kept for the next start, as `kiosk run` does
        from PySide6.QtWidgets import QApplication
        QApplication.exit(0)

    first_frame.FrameKeeper._sharp = sharp  # type: ignore[method-assign]
    shown = first_frame.show_kept_frame

    def show_kept_frame(*args: object) -> object:
        frame = shown(*args)  # type: ignore[arg-type]
        if frame is not None:
            report(kept=True)
            sys.exit(0)
        return frame

    first_frame.show_kept_frame = show_kept_frame  # type: ignore[assignment]
    cli.main(["run", "--exhibits", str(ROOT / "exhibits")])


def tour(width: int, height: int) -> None:
    """Every page and every still of every exhibit, then the memory it leaves."""
    from PySide6.QtCore import QSize
    from PySide6.QtWidgets import QApplication

    from kiosk.content.loader import load_catalog
    from kiosk.media.images import RELEASE_AFTER_MS
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
    at_rest = time.perf_counter() + RELEASE_AFTER_MS / 1000 + 0.5  # the kiosk with no visitor, a moment on
    while time.perf_counter() < at_rest:
        QApplication.processEvents()
        time.sleep(0.01)
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
    if what == "first-frame" and args[0] == "kiosk":
        first_frame_kiosk(sample="--sample" in args)
    elif what == "first-frame":
        first_frame_bare(*_size(args[1]))
    elif what == "tour":
        tour(*_size(args[0]))
    elif what == "home":
        home(Path(args[0]))
    else:
        raise SystemExit(f"unknown probe {what}")


if __name__ == "__main__":
    main()
