"""Audio mode: the kiosk speaks for itself, as an accessible cash machine does,
because no screen reader runs inside a locked kiosk session.

In audio mode the `Narrator` reads each screen when it appears (what
kiosk.visit.spoken says of it), names each control the keys or a first touch
reach, reads the countdown, and stops the moment the visitor does anything.
Its input stage (`speech`, before the keypad's) stops speech on any press
or key and, in audio mode, makes touch explore: a first tap on a control
names it, a second tap on the same control presses it. Speech volume returns
to its default at every reset, and audio mode ends with the visit.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, QTimer
from PySide6.QtGui import QMouseEvent, QPointerEvent
from PySide6.QtWidgets import QAbstractButton, QWidget

from kiosk.media.speech import Voice
from kiosk.ui.context import Context
from kiosk.ui.keypad import FocusRing
from kiosk.visit.model import Overlay, Place
from kiosk.visit.modes import DisplayModes
from kiosk.visit.spoken import narration_of, spoken_place

VOLUME_STEPS = (0.25, 0.4, 0.55, 0.7, 0.85, 1.0)
"""Speech volumes a visitor steps through (1.0: the loudest the output gives; set the
amplifier so that it is no more than 65 dBA at the listener, EN 301 549 5.1.3.12)."""
SECOND_TAP_MS = 2500
"""A second tap on the control just named presses it within this time."""

Type = QEvent.Type


class Narrator(QObject):
    def __init__(self, ctx: Context, window: QWidget, voice: Voice, volume: float, ring: FocusRing):
        super().__init__(window)
        self.ring = ring
        self.ctx = ctx
        self.window_ = window
        self.voice = voice
        self.default_volume = volume
        self.volume = volume
        voice.set_volume(volume)
        self.last: list[str] = []
        """What was said last: the repeat key says it again..."""
        self.recording: Path | None = None
        """...or plays the recording that was played last."""
        self._named: QAbstractButton | None = None
        self._named_at = QTimer(self)
        self._named_at.setSingleShot(True)
        self._named_at.setInterval(SECOND_TAP_MS)
        self._ending = False
        signals = ctx.signals
        signals.place_changed.connect(self._place_changed)
        signals.language_changed.connect(self._language_changed)
        signals.modes_changed.connect(self._modes_changed)
        signals.overlay_changed.connect(self._overlay_changed)
        signals.visit_reset.connect(self._reset)
        ring.reached.connect(self._reached)

    @property
    def on(self) -> bool:
        return self.ctx.visit.modes.audio

    def say(self, sentences: list[str]) -> None:
        self.last = [sentence for sentence in sentences if sentence]
        self.recording = None
        self.voice.say(self.last, self.ctx.language)

    # --- what is said ---------------------------------------------------------------

    def read_place(self) -> None:
        """The page's recording where the exhibit has one in this language, else its text."""
        if not self.on:
            return
        sentences, recording = spoken_place(self.ctx.visit), narration_of(self.ctx.visit)
        if recording is None:
            self.say(sentences)
        else:
            self.last, self.recording = sentences, recording
            self.voice.play(recording, sentences, self.ctx.language)

    def _language_changed(self, _language: str) -> None:
        self.read_place()

    def _place_changed(self, _old: Place, _new: Place) -> None:
        # once the screens have followed: the ones a reset builds are read by their own signal
        QTimer.singleShot(0, self, self.read_place)

    def _modes_changed(self, old: DisplayModes, new: DisplayModes) -> None:
        if self._ending:  # the visitor has gone: nothing to announce
            return
        if new.audio and not old.audio:
            self.say([self.ctx.tr("audio_on"), *spoken_place(self.ctx.visit)])
        elif old.audio and not new.audio:
            self.voice.say([self.ctx.tr("audio_off")], self.ctx.language)

    def _overlay_changed(self, overlay: Overlay | None) -> None:
        if self.on and overlay is Overlay.STILL_THERE:
            self.say([self.ctx.tr("still_there"), self.ctx.tr("still_there_spoken")])

    def _reached(self, control: QWidget) -> None:
        if self.on and isinstance(control, QAbstractButton):
            self.say([describe(self.ctx, control)])

    def _ended(self) -> None:
        self._ending = False

    def repeat(self) -> None:
        if self.recording is not None:
            self.voice.play(self.recording, self.last, self.ctx.language)
        elif self.last:
            self.voice.say(self.last, self.ctx.language)

    # --- the visitor's controls ---------------------------------------------------------

    def toggle_audio(self) -> None:
        visit = self.ctx.visit
        visit.set_modes(replace(visit.modes, audio=not visit.modes.audio))

    def change_volume(self, step: int) -> None:
        levels = VOLUME_STEPS
        nearest = min(range(len(levels)), key=lambda i: abs(levels[i] - self.volume))
        self.volume = levels[max(0, min(len(levels) - 1, nearest + step))]
        self.voice.set_volume(self.volume)
        if self.on:
            self.say([self.ctx.tr("louder" if step > 0 else "quieter")])

    def _reset(self, _reason: str) -> None:
        self._ending = True  # until the reset has gone round (it turns audio mode off)
        QTimer.singleShot(0, self, self._ended)
        self.voice.stop()
        self.volume = self.default_volume
        self.voice.set_volume(self.volume)
        self.last, self.recording = [], None

    # --- the input stage ------------------------------------------------------------------

    name = "speech"
    events = frozenset({Type.MouseButtonPress, Type.MouseButtonRelease, Type.TouchBegin, Type.TouchEnd,
                        Type.KeyPress})

    def handle(self, watched: QObject, event: QEvent) -> bool:
        """Any press or key silences speech; in audio mode a tap on a control explores it."""
        if event.type() in (Type.MouseButtonPress, Type.TouchBegin, Type.KeyPress) and self.voice.speaking:
            self.voice.stop()
        if not self.on or not isinstance(event, QPointerEvent) or not event.points():
            return False
        if isinstance(event, QMouseEvent) and event.source() != Qt.MouseEventSource.MouseEventNotSynthesized:
            return False  # Qt's mouse copy of a touch: the touch was judged already
        button = self._control_at(event.points()[0].position().toPoint())
        if button is None:
            return False
        if event.type() in (Type.MouseButtonRelease, Type.TouchEnd):
            self._tapped(button)
        return True  # the control itself never sees a first touch in audio mode

    def _control_at(self, point: QPoint) -> QAbstractButton | None:
        widget = self.window_.childAt(point)
        while widget is not None and not isinstance(widget, QAbstractButton):
            widget = widget.parentWidget()
        return widget if isinstance(widget, QAbstractButton) and widget.isEnabled() else None

    def _tapped(self, button: QAbstractButton) -> None:
        if button is self._named and self._named_at.isActive():
            self._named = None
            self._named_at.stop()
            button.click()
            return
        self._named = button
        self._named_at.start()
        self.ring.point_at(button)  # which names it


def describe(ctx: Context, button: QAbstractButton) -> str:
    """A control as speech names it: its name, whether it is on, and that it is a button."""
    name = button.accessibleName() or button.text()
    state = ""
    if button.isCheckable():
        state = ctx.tr("state_on" if button.isChecked() else "state_off")
    return ", ".join(part for part in (name, state, ctx.tr("button")) if part)
