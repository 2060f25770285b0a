"""Opening the kiosk on a real display."""

from __future__ import annotations

import logging

from PySide6.QtCore import QSize

from kiosk.content.loader import Catalog
from kiosk.ui.app import build_context, create_application, display_metrics
from kiosk.ui.window import KioskWindow

log = logging.getLogger(__name__)


def run_kiosk(catalog: Catalog, windowed: bool, size: tuple[int, int] | None,
              screen_index: int | None, diagonal: float | None, language: str) -> int:
    app = create_application()
    screens = app.screens()
    screen = app.primaryScreen()
    if screen_index is not None:
        if 0 <= screen_index < len(screens):
            screen = screens[screen_index]
        else:
            log.warning("there is no screen %d (found %d); using the primary screen",
                        screen_index, len(screens))
    if windowed:
        window_size = QSize(*size) if size else QSize(1600, 900)
        metrics = display_metrics(window_size, diagonal or 55.0, None)
    else:
        window_size = screen.geometry().size()
        metrics = display_metrics(window_size, diagonal, screen.physicalDotsPerInch())
    ctx = build_context(catalog, metrics, language)
    window = KioskWindow(ctx, window_size.width())
    window.setGeometry(screen.geometry())
    if windowed:
        window.resize(window_size)
        window.show()
    else:
        window.showFullScreen()
    log.info("kiosk started with %d exhibits, %d problems", len(catalog.exhibits), len(catalog.problems))
    return app.exec()
