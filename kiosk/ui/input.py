"""The one input pipeline: every raw touch, click, pen stroke and key press of
the kiosk window passes through here, and only here, before any widget.

Stages see input in the order declared by `ORDER`, whatever order they were
added in; a stage that handles an event consumes it and the later stages and
the widgets never see it:

1. ``idle``: the idle watcher notes every sign of life; it never consumes.
2. ``presenter``: in presenter mode, the clicker's keys move through the
   slides; it consumes those keys only.
3. ``speech``: any press or key silences audio mode's speech; in audio
   mode a first touch on a control names it and a second presses it
   (kiosk.ui.speech); it consumes those touches only.
4. ``keypad``: the keys that move between controls, press them, go back,
   and work audio mode (kiosk.ui.keypad); it consumes those keys, before
   lockdown would swallow them.
5. ``lockdown``: in lockdown, every remaining key and shortcut is swallowed,
   and closing or leaving full screen is refused.
6. ``gestures``: the gesture recogniser (kiosk.ui.gestures) turns touches,
   mouse drags and pen strokes into swipes, scrolls, pans, pinches, double
   taps and long presses (the admin corner's hold among them); it consumes a
   pointer's events once a drag belongs to a gesture, so a swipe that began on
   a button never presses it.

Pointer events are taken where they first arrive, at the window's QWindow,
so each is seen exactly once, in window coordinates; key events are taken
wherever they are first delivered (a real key at the QWindow, a synthetic one
at the focus widget). A stage's decision depends only on the event, so a key
that no stage consumed and that arrives again at the focus widget is judged
the same way again.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QWidget

ORDER = ("idle", "presenter", "speech", "keypad", "lockdown", "gestures")

Type = QEvent.Type
POINTER_EVENTS = frozenset({
    Type.TouchBegin, Type.TouchUpdate, Type.TouchEnd, Type.TouchCancel,
    Type.MouseButtonPress, Type.MouseButtonRelease, Type.MouseButtonDblClick, Type.MouseMove,
    Type.TabletPress, Type.TabletMove, Type.TabletRelease, Type.Wheel,
})
KEY_EVENTS = frozenset({Type.KeyPress, Type.KeyRelease, Type.ShortcutOverride, Type.Shortcut})
WINDOW_EVENTS = frozenset({Type.Close, Type.WindowStateChange})


class InputStage(Protocol):
    name: str
    """One of ORDER."""
    events: frozenset[QEvent.Type]
    """The event types it wants."""

    def handle(self, watched: QObject, event: QEvent) -> bool:
        """True when the event is consumed."""


class InputPipeline(QObject):
    """Installed once, application-wide, for one window."""

    def __init__(self, window: QWidget):
        super().__init__(window)
        self.window = window
        self._stages: dict[str, InputStage] = {}
        self._routes: dict[QEvent.Type, list[InputStage]] = {}
        app = QApplication.instance()
        assert app is not None, "create the QApplication first"
        app.installEventFilter(self)

    def add(self, stage: InputStage) -> None:
        if stage.name not in ORDER:
            raise ValueError(f"unknown input stage {stage.name!r}; the order is {ORDER}")
        self._stages[stage.name] = stage
        self._route()

    def remove(self, stage: InputStage) -> None:
        if self._stages.get(stage.name) is stage:
            del self._stages[stage.name]
            self._route()

    def stage(self, name: str) -> InputStage | None:
        return self._stages.get(name)

    @property
    def order(self) -> list[str]:
        """The stages present, in the order they see input."""
        return [name for name in ORDER if name in self._stages]

    def _route(self) -> None:
        self._routes = {}
        for name in self.order:
            stage = self._stages[name]
            for kind in stage.events:
                self._routes.setdefault(kind, []).append(stage)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        try:
            routes = self._routes
        except AttributeError:  # the window is being destroyed and this pipeline with it
            return False
        stages = routes.get(event.type())
        if not stages or not self._ours(watched, event.type()):
            return False
        return any(stage.handle(watched, event) for stage in stages)

    def _ours(self, watched: QObject, kind: QEvent.Type) -> bool:
        if kind in POINTER_EVENTS:
            return watched is self.window.windowHandle()
        if kind in WINDOW_EVENTS:
            return watched is self.window
        return watched is self.window.windowHandle() or (
            isinstance(watched, QWidget) and watched.window() is self.window)
