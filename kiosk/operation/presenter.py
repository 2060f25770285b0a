"""Presenter mode: a clicker drives the kiosk like a slide deck.

Every page of every exhibit (its title page, then its panels), in home-screen
order, is one slide. The keys
presentation clickers send (arrows, Page Up/Down, Space, Home/End, B and '.')
are the ``presenter`` stage of the window's input pipeline (kiosk.ui.input),
ahead of lockdown, so they work whatever has focus and in a locked kiosk. The
position is the visit model's, so a presenter who also swipes or taps the
screen is never out of step with the clicker.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QWidget

from kiosk.content.loader import Catalog
from kiosk.ui.clock import Clock
from kiosk.ui.layout import FillParent
from kiosk.ui.window import KioskWindow
from kiosk.visit.model import Screen, Visit
from kiosk.visit.pages import pages_of

Slide = tuple[str, int]
"""(exhibit id, page)"""

Key = Qt.Key
NEXT_KEYS = {Key.Key_Right, Key.Key_Down, Key.Key_PageDown, Key.Key_Space, Key.Key_Return,
             Key.Key_Enter}
PREVIOUS_KEYS = {Key.Key_Left, Key.Key_Up, Key.Key_PageUp, Key.Key_Backspace}
BLANK_KEYS = {Key.Key_B, Key.Key_Period}
_COMMAND_MODIFIERS = (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
                      | Qt.KeyboardModifier.MetaModifier)


class Deck:
    """The slides in order and where each step leads. A position that is not a
    slide (the home screen) counts as before the first one; a step past either
    end wraps round when looping and gives None (stay) otherwise."""

    def __init__(self, slides: list[Slide], loop: bool = False):
        self.slides = slides
        self.loop = loop
        self._index = {slide: i for i, slide in enumerate(slides)}

    @classmethod
    def from_catalog(cls, catalog: Catalog, loop: bool = False) -> Deck:
        return cls([(item.id, page) for item in catalog.exhibits
                    for page in range(len(pages_of(item)))], loop)

    @property
    def first(self) -> Slide | None:
        return self.slides[0] if self.slides else None

    @property
    def last(self) -> Slide | None:
        return self.slides[-1] if self.slides else None

    def next(self, slide: Slide | None) -> Slide | None:
        return self._step(slide, +1)

    def previous(self, slide: Slide | None) -> Slide | None:
        return self._step(slide, -1)

    def _step(self, slide: Slide | None, step: int) -> Slide | None:
        if slide not in self._index:
            return self.first
        i = self._index[slide] + step
        if 0 <= i < len(self.slides):
            return self.slides[i]
        return (self.first if step > 0 else self.last) if self.loop else None


_MOVES = {**dict.fromkeys(NEXT_KEYS, Deck.next), **dict.fromkeys(PREVIOUS_KEYS, Deck.previous),
          Key.Key_Home: lambda deck, _slide: deck.first,
          Key.Key_End: lambda deck, _slide: deck.last}


class Blank(QWidget):
    """Black over the whole window. It swallows touches and clicks, so nothing
    hidden under it can be pressed."""

    def __init__(self, parent: QWidget):
        super().__init__(parent)
        FillParent(self)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents)
        self.hide()

    def paintEvent(self, event: QPaintEvent) -> None:
        QPainter(self).fillRect(self.rect(), Qt.GlobalColor.black)

    def event(self, event: QEvent) -> bool:
        if event.isInputEvent():
            event.accept()
            return True
        return super().event(event)


class Presenter(QObject):
    """Moves the visit through the deck on clicker keys and, with
    `auto_advance_ms`, on a timer that stops at the end unless `loop`.
    While the screen is blank, auto-advance pauses and a navigation key only
    brings the picture back (as in slide software), so nothing moves unseen."""

    name = "presenter"
    events = frozenset({QEvent.Type.KeyPress})

    def __init__(self, window: KioskWindow, visit: Visit, clock: Clock,
                 auto_advance_ms: int | None, loop: bool):
        super().__init__(window)
        self.visit = visit
        self.loop = loop
        self.blank = Blank(window)
        self._timer = clock.timer(self._advance)
        self._auto_advance_ms = auto_advance_ms
        window.input.add(self)

    def start(self) -> None:
        """Show the first slide (and start auto-advance)."""
        self._go(self._deck().first)

    @property
    def blanked(self) -> bool:
        return self.blank.isVisible()

    def set_blank(self, blank: bool) -> None:
        if blank:
            self._timer.stop()
            self.blank.show()
            self.blank.raise_()
        elif self.blanked:
            self.blank.hide()
            self._arm()

    def current(self) -> Slide | None:
        place = self.visit.place
        if place.screen is not Screen.EXHIBIT or place.exhibit is None:
            return None
        return place.exhibit, place.page

    def _deck(self) -> Deck:
        # Built afresh at every step: the catalog may have been reloaded.
        return Deck.from_catalog(self.visit.catalog, self.loop)

    def _go(self, slide: Slide | None) -> None:
        """Show `slide`; None means stay, and auto-advance stops there."""
        if slide is None:
            return
        self.visit.close_still()
        self.visit.show(*slide)
        self._arm()

    def _advance(self) -> None:
        self._go(self._deck().next(self.current()))

    def _arm(self) -> None:
        if self._auto_advance_ms:
            self._timer.start(self._auto_advance_ms / 1000)

    def handle(self, watched: QObject, event: QEvent) -> bool:
        assert isinstance(event, QKeyEvent)
        modifiers = event.modifiers()
        if modifiers & _COMMAND_MODIFIERS:
            return False  # shortcuts belong to the window (and lockdown)
        key = Key(event.key())
        if key == Key.Key_Escape:
            return True  # a clicker's start/stop button: nothing to stop, nothing to go back to
        shift_space = key == Key.Key_Space and modifiers & Qt.KeyboardModifier.ShiftModifier
        move = Deck.previous if shift_space else _MOVES.get(key)
        if move is None and key not in BLANK_KEYS:
            return False
        if event.isAutoRepeat():
            return True  # a held key neither races through exhibits nor flickers the blank
        if move is None:
            self.set_blank(not self.blanked)
        elif self.blanked:
            self.set_blank(False)
        else:
            self._go(move(self._deck(), self.current()))
        return True
