"""`kiosk render`: every screen of every exhibit to PNG, for review without a
touchscreen. Names are predictable so renders can be compared run to run:

    OUT/1920x1080/en/home.png
    OUT/1920x1080/en/<exhibit>/00-title.png
    OUT/1920x1080/en/<exhibit>/02-gallery.png
    OUT/1920x1080/en/<exhibit>/02-gallery-still-2.png

The render drives the visit model, as a visitor's taps would, with motion
reduced so that every screen is caught at rest.
"""

from __future__ import annotations

import dataclasses
import logging
from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QApplication, QWidget

from kiosk.content.loader import Catalog, LoadedExhibit
from kiosk.ui.app import build_context, display_metrics
from kiosk.ui.theme import Theme
from kiosk.ui.window import KioskWindow
from kiosk.visit.model import Visit, stills_of
from kiosk.visit.pages import pages_of

log = logging.getLogger(__name__)

AT_REST = Theme(motion=dataclasses.replace(Theme().motion, reduced=True))


def _settle(window: KioskWindow) -> None:
    for _ in range(3):
        QApplication.processEvents()
        window.ctx.images.wait()


def _save(widget: QWidget, path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if not widget.grab().save(str(path)):
        raise OSError(f"cannot write {path}")
    return path


def render_all(catalog: Catalog, out: Path, sizes: list[QSize], languages: list[str],
               diagonal: float) -> list[Path]:
    written: list[Path] = []
    for size in sizes:
        ctx = build_context(catalog, display_metrics(size, diagonal, None), languages[0],
                            theme=AT_REST)
        window = KioskWindow(ctx, size.width())
        window.resize(size)
        window.show()
        visit = ctx.visit
        for language in languages:
            visit.set_language(language)
            folder = out / f"{size.width()}x{size.height()}" / language
            visit.go_home()
            _settle(window)
            written.append(_save(window, folder / "home.png"))
            for item in catalog.exhibits:
                written += _render_exhibit(window, visit, item, folder / item.id)
            log.info("rendered %s", folder)
        window.close()
        window.deleteLater()
        QApplication.processEvents()
    return written


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
