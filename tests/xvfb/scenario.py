"""A kiosk in a real X window, driven by real X input (xdotool), run by
tests/xvfb/test_real_window.py in a process of its own on an Xvfb display.

    python tests/xvfb/scenario.py SCENARIO EXHIBITS_DIR OUT.json

Prints nothing; writes what it observed (the visit model's place, scroll
positions, zoom and pan) to OUT.json.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QApplication, QWidget

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from kiosk.content.loader import load_catalog  # noqa: E402
from kiosk.operation.content import ContentSource  # noqa: E402
from kiosk.operation.controller import KioskController  # noqa: E402
from kiosk.settings.loading import load_settings  # noqa: E402
from kiosk.statistics.background import BackgroundStats  # noqa: E402
from kiosk.ui.app import build_context, create_application, display_metrics  # noqa: E402
from kiosk.ui.window import KioskWindow  # noqa: E402


def spin(seconds: float) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        QApplication.processEvents()
        time.sleep(0.005)


def xdotool(*args: object) -> None:
    """Real X input while the kiosk's event loop keeps running."""
    process = subprocess.Popen(["xdotool", *map(str, args)])
    while process.poll() is None:
        QApplication.processEvents()
        time.sleep(0.005)
    assert process.returncode == 0, args
    spin(0.4)


def drag(window: QWidget, widget: QWidget, start: tuple[float, float], end: tuple[float, float]) -> None:
    def at(fx: float, fy: float) -> QPoint:
        return widget.mapToGlobal(QPoint(round(widget.width() * fx), round(widget.height() * fy)))

    a, b = at(*start), at(*end)
    moves: list[object] = []
    for i in range(1, 13):
        x = round(a.x() + (b.x() - a.x()) * i / 12)
        y = round(a.y() + (b.y() - a.y()) * i / 12)
        moves += ["mousemove", x, y, "sleep", "0.02"]
    xdotool("mousemove", a.x(), a.y(), "sleep", "0.05", "mousedown", "1", "sleep", "0.05",
            *moves, "sleep", "0.05", "mouseup", "1")


def build(exhibits: Path, presenting: bool, tmp: Path) -> KioskController:
    app = create_application()
    screen = app.primaryScreen()
    size = screen.geometry().size()
    loaded = load_settings(tmp / "absent.yaml")
    ctx = build_context(load_catalog([exhibits]), display_metrics(size, 42.0, None))
    window = KioskWindow(ctx, size.width())
    window.setGeometry(screen.geometry())
    controller = KioskController(window, loaded, ContentSource.of(exhibits), BackgroundStats(tmp / "stats.sqlite3"),
                                 presenting=presenting, locked=True, cursor_hidden=False)
    window.showFullScreen()
    controller.start()
    spin(1.0)
    window_id = int(window.winId())
    xdotool("windowfocus", "--sync", window_id)  # no window manager: focus it directly
    return controller


def presenter_under_lockdown(controller: KioskController) -> dict[str, object]:
    visit = controller.visit
    observed: dict[str, object] = {"start": [visit.place.exhibit, visit.place.page]}
    xdotool("key", "Right")
    xdotool("key", "Right")
    observed["after_two_rights"] = [visit.place.exhibit, visit.place.page]
    for chord in ("Escape", "ctrl+q", "alt+F4", "ctrl+w"):
        xdotool("key", chord)
    observed["still_shown"] = controller.window.isVisible()
    xdotool("key", "Left")
    observed["after_left"] = [visit.place.exhibit, visit.place.page]
    return observed


def mouse_drags(controller: KioskController) -> dict[str, object]:
    window, visit = controller.window, controller.visit
    visit.reset("test")
    spin(0.3)
    xdotool("mousemove", 960, 540, "click", "1")  # wakes attract mode
    visit.show("long", 0)
    spin(0.6)
    observed: dict[str, object] = {}
    drag(window, window.exhibit.pager, (0.8, 0.5), (0.2, 0.5))
    observed["page_after_drag"] = visit.place.page
    spin(0.5)
    for name, page, axis, start, end in (("gallery", 2, "v", (0.5, 0.8), (0.5, 0.3)),
                                         ("facts", 3, "v", (0.5, 0.8), (0.5, 0.3)),
                                         ("timeline", 4, "h", (0.8, 0.5), (0.3, 0.5))):
        visit.show("long", page)
        spin(0.6)
        area = window.exhibit.pages[page].scroll_area
        bar = area.verticalScrollBar() if axis == "v" else area.horizontalScrollBar()
        drag(window, area, start, end)
        observed[name] = {"value": bar.value(), "maximum": bar.maximum(), "page": visit.place.page}
    visit.show("long", 2)
    spin(0.6)
    visit.open_still(0)
    spin(0.6)
    viewer = window.viewer
    viewer.zoom_in.click()
    viewer.zoom_in.click()
    spin(0.3)
    before = viewer.pan_offset.x()
    drag(window, viewer.stage, (0.6, 0.5), (0.4, 0.5))
    observed["pan"] = {"moved": viewer.pan_offset.x() - before, "stage_width": viewer.stage.width(),
                       "zoom": viewer.zoom, "still": visit.place.still}
    return observed


SCENARIOS = {"presenter-under-lockdown": (presenter_under_lockdown, True),
             "mouse-drags": (mouse_drags, False)}


def main() -> None:
    name, exhibits, out = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3])
    scenario, presenting = SCENARIOS[name]
    controller = build(exhibits, presenting, out.parent)
    observed = scenario(controller)
    out.write_text(json.dumps(observed))
    controller.lockdown.allow_quit()
    controller.window.close()
    controller.stats.close()


if __name__ == "__main__":
    main()
