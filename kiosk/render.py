"""`kiosk render`: every screen to PNG, for review without a touchscreen,
laid out for the display given (its size in pixels and its diagonal) exactly
as on that display. Names are predictable so renders can be compared run to run:

    OUT/1920x1080/en/attract.png
    OUT/1920x1080/en/home.png
    OUT/1920x1080/en/<exhibit>/00-title.png
    OUT/1920x1080/en/<exhibit>/02-gallery.png
    OUT/1920x1080/en/<exhibit>/02-gallery-still-2.png
    OUT/1920x1080/en/still-there.png, pin.png, admin.png, closed.png

The render runs the kiosk as it runs on the floor (the controller, attract
mode, the idle countdown, staff access) and drives the visit model as a
visitor's taps would, with motion reduced so that every screen is caught at rest.
"""

from __future__ import annotations

import dataclasses
import logging
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime, time, timedelta
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QApplication, QWidget

from kiosk.content.loader import Catalog, LoadedExhibit, on_show
from kiosk.operation.content import ContentSource
from kiosk.operation.controller import KioskController
from kiosk.settings.hours import OpeningHours
from kiosk.settings.loading import LoadedSettings
from kiosk.settings.pin import hash_pin
from kiosk.settings.schema import AdminSettings, KioskSettings
from kiosk.statistics.background import BackgroundStats
from kiosk.ui.app import build_context, display_metrics
from kiosk.ui.theme import Theme
from kiosk.ui.window import KioskWindow
from kiosk.visit.model import Overlay, Visit, stills_of
from kiosk.visit.modes import DisplayModes, modes_label
from kiosk.visit.pages import pages_of

log = logging.getLogger(__name__)

AT_REST = Theme(motion=dataclasses.replace(Theme().motion, reduced=True))
RENDER_PIN = "2468"
"""Any PIN: the pad is rendered waiting for one."""


def _settle(window: KioskWindow) -> None:
    for _ in range(3):
        QApplication.processEvents()
        window.ctx.images.wait()


def _save(widget: QWidget, path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if not widget.grab().save(str(path)):
        raise OSError(f"cannot write {path}")
    return path


class RenderFailed(Exception):
    """A screen raised while being built or shown: its PNG would show something else."""


@contextmanager
def _failures() -> Iterator[list[str]]:
    """Exceptions raised in Qt callbacks while rendering (Qt prints them and carries on)."""
    failures: list[str] = []
    previous = sys.excepthook

    def hook(kind: type[BaseException], value: BaseException, traceback: TracebackType | None) -> None:
        failures.append(f"{kind.__name__}: {value}")
        previous(kind, value, traceback)

    sys.excepthook = hook
    try:
        yield failures
    finally:
        sys.excepthook = previous


def render_all(catalog: Catalog, out: Path, sizes: list[QSize], languages: list[str],
               diagonal: float, exhibits_root: Path | None = None, at: datetime | None = None,
               hours: OpeningHours | None = None, closed_still: Path | None = None,
               modes: DisplayModes | None = None) -> list[Path]:
    """Every screen; `at` a moment, what the kiosk would show then (the
    exhibits of that day, or its closed screen outside `hours`, with `closed_still`);
    `modes` the display modes every screen is in (kiosk.visit.modes)."""
    modes = modes or DisplayModes()
    hours = hours or OpeningHours()
    when = at or datetime.combine(date.today(), time(12))
    closed = at is not None and not hours.is_open(at)
    if at is not None:
        catalog = on_show(catalog, at.date())
    written: list[Path] = []
    settings = LoadedSettings(KioskSettings(admin=AdminSettings(pin_hash=hash_pin(RENDER_PIN))))
    with tempfile.TemporaryDirectory(prefix="kiosk-render-") as scratch, _failures() as failures:
        for size in sizes:
            ctx = build_context(catalog, display_metrics(size, diagonal, None), languages[0],
                                theme=AT_REST, modes=modes)
            window = KioskWindow(ctx, size.width())
            window.resize(size)
            stats = BackgroundStats(Path(scratch) / "stats.sqlite3", enabled=False)
            controller = KioskController(window, settings, ContentSource.of(exhibits_root or Path(scratch)), stats)
            controller.collector.start()  # decoders never free a screen left behind
            window.show()
            window.closed.set_still(closed_still)
            window.closed.set_opening(hours.next_opening(when)
                                      or datetime.combine(when.date() + timedelta(days=1), time(10)))
            for language in languages:
                suffix = f"-{modes_label(modes)}" if modes_label(modes) else ""
                folder = out / f"{size.width()}x{size.height()}{suffix}" / language
                if closed:
                    written.append(_render_closed(window, ctx.visit, folder))
                else:
                    written += _render_language(window, ctx.visit, language, folder)
                log.info("rendered %s", folder)
            stats.close()
            controller.deleteLater()
            window.close()
            window.deleteLater()
            QApplication.processEvents()
    if failures:
        raise RenderFailed(f"{len(failures)} screens failed while rendering (first: {failures[0]}); "
                           "their images show another screen")
    return written


def _render_language(window: KioskWindow, visit: Visit, language: str, folder: Path) -> list[Path]:
    visit.reset("render")
    visit.set_language(language)
    _settle(window)
    written = [_save(window, folder / "attract.png")]
    visit.go_home()
    _settle(window)
    written.append(_save(window, folder / "home.png"))
    window.open_access()
    _settle(window)
    written.append(_save(window, folder / "access.png"))
    visit.go_home()  # closes nothing by itself: the sheet is the window's
    if window.access is not None:
        window.access.close_sheet()
    for item in visit.catalog.exhibits:
        written += _render_exhibit(window, visit, item, folder / item.id)
    for overlay, name in ((Overlay.STILL_THERE, "still-there"), (Overlay.PIN, "pin"),
                          (Overlay.ADMIN, "admin")):
        visit.open_overlay(overlay)
        _settle(window)
        written.append(_save(window, folder / f"{name}.png"))
        visit.close_overlay()
    written.append(_render_closed(window, visit, folder))
    return written


def _render_closed(window: KioskWindow, visit: Visit, folder: Path) -> Path:
    """The closed screen (in every language at once)."""
    visit.close_for_the_day()
    _settle(window)
    return _save(window, folder / "closed.png")


def _render_exhibit(window: KioskWindow, visit: Visit, item: LoadedExhibit,
                    folder: Path) -> list[Path]:
    written = []
    for page, shown in enumerate(pages_of(item)):
        visit.show(item.id, page)
        _settle(window)
        name = f"{page:02d}-{shown.type}"
        written.append(_save(window, folder / f"{name}.png"))
        for still in range(len(stills_of(shown))):
            visit.open_still(still)
            _settle(window)
            written.append(_save(window, folder / f"{name}-still-{still + 1}.png"))
        visit.close_still()
    return written
