"""A widget shown before it has a parent becomes a window of its own. Under
cage (the kiosk session's compositor) the newest window fills the screen, so
one stray label blanked the kiosk when exhibit screens were built in the
background. Every screen, built ahead or on the way, opens no window."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject

from kiosk.content.schema import GalleryPanel
from kiosk.visit.model import Overlay
from kiosk.visit.pages import pages_of
from tests.ui.test_design import _kiosk_window


class WindowsShown(QObject):
    def __init__(self, kiosk):
        super().__init__()
        self.kiosk = kiosk
        self.seen: list[str] = []

    def eventFilter(self, watched, event):
        if (event.type() == QEvent.Type.Show and watched.isWidgetType() and watched.isWindow()
                and watched is not self.kiosk):
            self.seen.append(f"{type(watched).__name__} {watched.objectName()!r} {watched.size().toTuple()}")
        return False


def test_no_screen_opens_a_window_of_its_own(qapp, qtbot):
    window = _kiosk_window(qtbot, (1920, 1080), 55.0)
    spy = WindowsShown(window)
    qapp.installEventFilter(spy)
    try:
        ctx = window.ctx
        window.prepare_screens()  # as attract mode does, ahead of the first visitor
        for item in ctx.catalog.exhibits:
            for index, panel in enumerate(pages_of(item)):
                ctx.visit.show(item.id, index)
                qtbot.waitUntil(lambda: not window.exhibit.pager.sliding)
                if isinstance(panel, GalleryPanel):
                    ctx.visit.open_still(0)
                    ctx.visit.close_still()
        for overlay in (Overlay.STILL_THERE, Overlay.PIN, Overlay.ADMIN):
            ctx.visit.open_overlay(overlay)
            ctx.visit.close_overlay()
        ctx.visit.reset("test")
    finally:
        qapp.removeEventFilter(spy)
    assert spy.seen == []
