"""`kiosk render`: every screen of every exhibit to PNG, for review without a
touchscreen. Names are predictable so renders can be compared run to run:

    OUT/1920x1080/en/home.png
    OUT/1920x1080/en/<exhibit>/03-gallery.png
    OUT/1920x1080/en/<exhibit>/03-gallery-still-2.png
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QApplication, QWidget

from kiosk.content.loader import Catalog
from kiosk.content.schema import GalleryPanel
from kiosk.ui.app import build_context, display_metrics
from kiosk.ui.window import KioskWindow

log = logging.getLogger(__name__)


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
        ctx = build_context(catalog, display_metrics(size, diagonal, None), languages[0])
        window = KioskWindow(ctx, size.width())
        window.resize(size)
        window.show()
        for language in languages:
            ctx.session.set_language(language)
            folder = out / f"{size.width()}x{size.height()}" / language
            window.go_home()
            _settle(window)
            written.append(_save(window, folder / "home.png"))
            for item in catalog.exhibits:
                written += _render_exhibit(window, item, folder / item.id)
            log.info("rendered %s", folder)
        window.close()
        window.deleteLater()
        QApplication.processEvents()
    return written


def _render_exhibit(window: KioskWindow, item, folder: Path) -> list[Path]:
    written = []
    window.open_exhibit(item.id)
    for index, panel in enumerate(item.exhibit.panels):
        window.exhibit.pager.go_to(index, animate=False)
        window.exhibit.panels[index].reset()  # the wipe at its start, without its hint
        _settle(window)
        name = f"{index + 1:02d}-{panel.type}"
        written.append(_save(window, folder / f"{name}.png"))
        if isinstance(panel, GalleryPanel):
            for still in range(len(panel.stills)):
                window.open_viewer(item, panel.stills, still)
                _settle(window)
                written.append(_save(window, folder / f"{name}-still-{still + 1}.png"))
            window.close_viewer()
    return written
