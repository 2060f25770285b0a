"""The kiosk window: it shows the visit model's place.

Home and the exhibit screen sit in a stack inside `screens`; the still
viewer, attract mode and the operation layer's overlays are children of the
window above that stack, so nothing the stack raises can ever cover them. The
window follows the model's place: it never decides where the visitor goes.
"""

from __future__ import annotations

import logging
import time
from collections import OrderedDict

from PySide6.QtCore import QEvent, QRect, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QStackedLayout, QWidget

from kiosk.content.loader import Catalog
from kiosk.ui.context import Context
from kiosk.ui.fonts import follow_language
from kiosk.ui.gestures import GestureRecogniser
from kiosk.ui.input import InputPipeline
from kiosk.ui.keypad import FocusRing, KeypadStage
from kiosk.ui.layout import FillParent
from kiosk.ui.screens.access import AccessSheet
from kiosk.ui.screens.closed import ClosedScreen
from kiosk.ui.screens.exhibit import ExhibitScreen
from kiosk.ui.screens.home import HomeScreen
from kiosk.ui.screens.viewer import StillViewer
from kiosk.ui.speech import Narrator
from kiosk.ui.style import apply_style
from kiosk.ui.transition import ScreenTransition
from kiosk.visit.model import Place, Screen
from kiosk.visit.modes import DisplayModes

log = logging.getLogger(__name__)

KEPT_SCREENS = 3
"""Exhibit screens kept built while not shown: the last few films visited."""


def _changes_screen(old: Place, new: Place) -> bool:
    """Whether the visitor goes to another screen (not another page of the
    same exhibit, which the pager slides, nor into attract mode, which fades
    itself in)."""
    if new.screen is Screen.ATTRACT or old == new:
        return False
    if (old.screen, old.exhibit) != (new.screen, new.exhibit):
        return True
    return (old.still is None) != (new.still is None)


class KioskWindow(QWidget):
    """Shows content; what happens around it (idle, attract, lockdown) is the
    operation layer's business, which adds its stages to `input`."""

    def __init__(self, ctx: Context, width_px: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.width_px = width_px
        self.setWindowTitle("Exhibit Kiosk")
        self.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents)
        self.input = InputPipeline(self)
        self.gestures = GestureRecogniser(self, ctx.metrics, ctx.theme.motion)
        self.input.add(self.gestures)
        self.focus_ring = FocusRing(ctx, self)
        self.speech = Narrator(ctx, self, ctx.voice, ctx.speech_volume, self.focus_ring)
        self.input.add(self.speech)
        self.input.add(KeypadStage(ctx, self, self.speech, self.focus_ring))
        self.screens = QWidget(self)
        self._fill = FillParent(self.screens, ctx.reach_rect)
        self.stack = QStackedLayout(self.screens)
        self._home: HomeScreen | None = None
        self._closed: ClosedScreen | None = None
        self.exhibit: ExhibitScreen | None = None
        self._built: OrderedDict[str, ExhibitScreen] = OrderedDict()
        """Exhibit screens built and not on screen, by exhibit id, least recently shown first."""
        self.viewer: StillViewer | None = None
        self.quit_on_escape = True
        self.last_frame = 0.0
        """When the window last drew a frame (time.time()): what health reports as proof of pixels."""
        ctx.signals.place_changed.connect(self._follow)
        ctx.signals.catalog_changed.connect(self._new_catalog)
        ctx.signals.modes_changed.connect(self._new_modes)
        self.access: AccessSheet | None = None
        """The display and audio options, built when a visitor first asks for them."""
        ctx.signals.access_requested.connect(self.open_access)
        ctx.signals.visit_reset.connect(self._visit_reset)
        follow_language(self, ctx.language)
        ctx.signals.language_changed.connect(lambda language: follow_language(self, language))
        self.transition = ScreenTransition(ctx, self)
        # The first screen once the event loop runs: by then the operation layer
        # has started, and under attract mode nothing needs building yet.
        QTimer.singleShot(0, self, self._show_place)

    def _show_place(self) -> None:
        self._switch(self.ctx.visit.place, self.ctx.visit.place)

    @property
    def home(self) -> HomeScreen:
        """Built when first needed: at start attract mode covers the window,
        and its first frame need not wait for every tile and icon of home."""
        return self._home if self._home is not None else self._build_home()

    @property
    def closed(self) -> ClosedScreen:
        """Built the first time the kiosk closes."""
        if self._closed is None:
            self._closed = ClosedScreen(self.ctx, parent=self.screens)
            self.stack.addWidget(self._closed)
        return self._closed

    def _build_home(self) -> HomeScreen:
        self._home = HomeScreen(self.ctx, self.width_px, parent=self.screens)
        self.stack.addWidget(self._home)
        return self._home

    # --- following the model ------------------------------------------------------------

    def _follow(self, old: Place, new: Place) -> None:
        moves = _changes_screen(old, new)
        grow_from = self._grow_from(old, new) if moves else None
        captured = moves and self.transition.capture()
        self._switch(old, new)
        if captured:
            self.transition.play(grow_from)

    def _grow_from(self, old: Place, new: Place) -> QRect | None:
        """Where the new screen grows from: the tile or thumbnail tapped."""
        widget: QWidget | None = None
        if old.screen is Screen.HOME and new.screen is Screen.EXHIBIT:
            widget = next((tile for tile in self.home.tiles if tile.item.id == new.exhibit), None)
        elif old.still is None and new.still is not None and self.exhibit is not None:
            thumbnails = getattr(self.exhibit.pager.page(new.page), "thumbnails", [])
            widget = thumbnails[new.still] if new.still < len(thumbnails) else None
        if widget is None or not widget.isVisible():
            return None
        return QRect(widget.mapTo(self, widget.rect().topLeft()), widget.size())

    def _switch(self, old: Place, new: Place) -> None:
        if new.screen is Screen.CLOSED:
            self.stack.setCurrentWidget(self.closed)
            self._drop_exhibit()
        elif new.screen is Screen.EXHIBIT and new.exhibit is not None:
            self._show_exhibit(new, animate=old.screen is Screen.EXHIBIT and old.exhibit == new.exhibit)
        else:
            if new.screen is not Screen.ATTRACT or self._home is not None:
                self.stack.setCurrentWidget(self.home)
            self._drop_exhibit()
        self._follow_viewer(old, new)

    def _show_exhibit(self, place: Place, animate: bool) -> None:
        if self.exhibit is None or self.exhibit.item.id != place.exhibit:
            screen = self._built.pop(str(place.exhibit), None)
            if screen is None:
                item = self.ctx.catalog.get(place.exhibit)
                if item is None:
                    return
                screen = ExhibitScreen(self.ctx, item, parent=self.screens)  # styled once, in place
                self.stack.addWidget(screen)
            else:
                screen.reset()
            self._drop_exhibit()
            self.exhibit = screen
            animate = False
        self.stack.setCurrentWidget(self.exhibit)
        self.exhibit.show_page(place.page, animate)
        if self.viewer is None:
            self.exhibit.setFocus()

    def _follow_viewer(self, old: Place, new: Place) -> None:
        if new.still is None:
            self._close_viewer()
        elif self.viewer is not None and (old.exhibit, old.page) == (new.exhibit, new.page):
            self.viewer.show_still(new.still)
        else:
            self._close_viewer()
            item = self.ctx.catalog.get(new.exhibit)
            if item is not None:
                self.viewer = StillViewer(self.ctx, item, self.ctx.visit.stills, new.still, self)
                self.viewer.show()
                self.viewer.raise_()
                self.viewer.setFocus()

    def _close_viewer(self) -> None:
        if self.viewer is not None:
            viewer, self.viewer = self.viewer, None
            viewer.hide()
            viewer.deleteLater()
            if self.exhibit is not None:
                self.exhibit.setFocus()

    def _new_catalog(self, catalog: Catalog) -> None:
        """New content: home and any exhibit screen are built again from it."""
        old, self._home = self._home, None
        self._forget_exhibits()
        self._close_viewer()
        self._switch(self.ctx.visit.place, self.ctx.visit.place)
        if old is not None:
            self.stack.removeWidget(old)
            old.deleteLater()

    def _new_modes(self, old: DisplayModes, new: DisplayModes) -> None:
        """The visitor's display modes: the screens are built again for them,
        on the same place (speech alone changes nothing on screen)."""
        self.ctx.apply_modes(new)
        if not old.looks_different(new):
            return
        apply_style(self.ctx)
        self._fill.fit()
        self._new_catalog(self.ctx.catalog)
        if self.access is not None:  # built again in the new modes, still open if it was
            was_open = self.access.isVisible()
            self._close_access()
            if was_open:
                self.open_access()

    def _visit_reset(self, _reason: str) -> None:
        self._close_access()

    def open_access(self) -> None:
        if self.access is None:
            self.access = AccessSheet(self.ctx, self)
        self.access.open_sheet()

    def _close_access(self) -> None:
        if self.access is not None:
            access, self.access = self.access, None
            access.hide()
            access.deleteLater()

    def _drop_exhibit(self) -> None:
        """The exhibit screen leaves the screen but is kept, built, for the
        next visitor; the least recently shown go when more are kept."""
        if self.exhibit is not None:
            self._built[self.exhibit.item.id] = self.exhibit
            self.exhibit = None
        while len(self._built) > KEPT_SCREENS:
            _, oldest = self._built.popitem(last=False)
            self.stack.removeWidget(oldest)
            oldest.deleteLater()

    def prepare_screens(self) -> None:
        """Build home and the screens of the first exhibits ahead of the first
        tap, one per pass of the event loop, so the first visitor's tap is as
        quick as the next one's; the other exhibits are built when first opened."""
        if self._home is None:
            self._build_home()
            QTimer.singleShot(0, self, self.prepare_screens)  # never after the window has gone
            return
        waiting = [item for item in self.ctx.catalog.exhibits[:KEPT_SCREENS]
                   if item.id not in self._built and (self.exhibit is None or self.exhibit.item.id != item.id)]
        if not waiting or len(self._built) >= KEPT_SCREENS:
            return
        screen = ExhibitScreen(self.ctx, waiting[0], parent=self.screens)
        screen.pager.build_neighbours()  # the page a first swipe brings in
        self.stack.addWidget(screen)
        self._built[waiting[0].id] = screen
        self._built.move_to_end(waiting[0].id, last=False)  # kept for visitors, not more recent than what they saw
        QTimer.singleShot(0, self, self.prepare_screens)  # never after the window has gone

    def _forget_exhibits(self) -> None:
        """New content: no screen built from the old one is shown again."""
        self._drop_exhibit()
        for screen in self._built.values():
            self.stack.removeWidget(screen)
            screen.deleteLater()
        self._built.clear()

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.UpdateRequest:  # the widgets' frame is being drawn
            self.last_frame = time.time()
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        quit_keys = event.key() == Qt.Key.Key_Escape and self.quit_on_escape or (
            event.key() == Qt.Key.Key_Q and event.modifiers() & Qt.KeyboardModifier.ControlModifier)
        if quit_keys:  # lockdown swallows both before they get here
            self.close()
        else:
            super().keyPressEvent(event)
