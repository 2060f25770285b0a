"""A video panel: the clip (its poster until it plays), its captions over it,
and one row of large controls at the same level (EN 301 549 7.3): play or
pause, position, captions on or off and their language, audio description,
quieter and louder, transcript. Captions are on by default, in the visitor's
language when there are captions in it. Nothing plays by itself; leaving the
panel stops the clip, and a new visitor starts at the default volume.

Frames come from the kiosk's one ClipPlayer (kiosk.media.clips), decoded off
the GUI thread; this view paints the latest one and the caption of the moment.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QIcon, QResizeEvent
from PySide6.QtWidgets import QHBoxLayout, QSizePolicy, QSlider, QStackedLayout, QVBoxLayout, QWidget

from kiosk import locale
from kiosk.content.captions import read_cues
from kiosk.content.loader import LoadedExhibit
from kiosk.content.schema import VideoPanel
from kiosk.media import multimedia
from kiosk.ui.context import Context
from kiosk.ui.icons import icon
from kiosk.ui.panels.base import PanelView
from kiosk.ui.panels.video.surface import ClipSurface, caption_at, clock_text, slider_style
from kiosk.ui.scrolling import KineticScrollArea, scroll_to_start
from kiosk.ui.widgets import TouchButton, make_label
from kiosk.visit.model import Place, Screen

if TYPE_CHECKING:
    from PySide6.QtMultimedia import QVideoFrame  # imported with the first clip, not at start-up

    from kiosk.media.clips import ClipPlayer

VOLUME_STEP = 0.15
COMPACT_BELOW_MM = 700
"""Narrower pages (a 24- or 32-inch landscape display) show the option buttons as icons."""


MIN_CLIP_HEIGHT_MM = 40.0
"""Below this the clip is too small to watch: the page scrolls instead."""


class VideoPanelView(PanelView):
    panel: VideoPanel

    def __init__(self, ctx: Context, item: LoadedExhibit, index: int, parent: QWidget | None = None):
        super().__init__(ctx, item, index, parent)
        panel, sizes = self.panel, ctx.theme.sizes
        self.poster = item.path(panel.poster.file)
        self.cues = {language: read_cues(item.path(name)) for language, name in panel.captions.items()}
        self.captions_on = True
        self.caption_language = self._default_caption_language()
        self.described = False
        self.failed = False
        self.played = False
        """Played in this view of the panel (the statistics count a play once)."""
        self.heading = self.make_heading()
        self.surface = ClipSurface(ctx, self.poster)
        self.surface.tapped.connect(self.toggle_play)
        self.transcript = make_label(ctx, sizes.body_pt)
        self.transcript_area = KineticScrollArea(ctx, self.transcript)
        screen = QWidget(self)  # the stack's own widget, so that nothing it shows is ever a window of its own
        self.stack = QStackedLayout(screen)
        self.stack.addWidget(self.surface)
        self.stack.addWidget(self.transcript_area)
        self.credit = make_label(ctx, sizes.small_pt, muted=True)
        self.time = make_label(ctx, sizes.small_pt, wrap=False)

        self._make_controls()
        self._lay_out(screen)

        self._player: ClipPlayer | None = None
        """The kiosk's player, once this panel first plays (building a page loads no Qt Multimedia)."""
        ctx.signals.place_changed.connect(self._place_changed)
        self.retranslate()

    def _make_controls(self) -> None:
        """Every control a touch target, each with its name in the visitor's language."""
        ctx, sizes = self.ctx, self.ctx.theme.sizes
        self.play = TouchButton(ctx, "play", "play")
        self.play.clicked.connect(self.toggle_play)
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setMinimumHeight(ctx.mm(sizes.touch_target))
        self.slider.setStyleSheet(slider_style(ctx))
        self.slider.sliderMoved.connect(self._seek)
        self.captions = TouchButton(ctx, "captions", "captions")
        self.captions.setCheckable(True)
        self.captions.clicked.connect(self.toggle_captions)
        self.caption_choice = TouchButton(ctx)
        self.caption_choice.clicked.connect(self.next_caption_language)
        self.describe = TouchButton(ctx, "audio_description", "audio_description")
        self.describe.setCheckable(True)
        self.describe.clicked.connect(self.toggle_description)
        self.quieter = TouchButton(ctx, "quieter", "quieter", show_label=False)
        self.quieter.clicked.connect(lambda: self.change_volume(-VOLUME_STEP))
        self.louder = TouchButton(ctx, "louder", "louder", show_label=False)
        self.louder.clicked.connect(lambda: self.change_volume(VOLUME_STEP))
        self.show_transcript = TouchButton(ctx, "source", "transcript")
        self.show_transcript.setCheckable(True)
        self.show_transcript.clicked.connect(self.toggle_transcript)

    def _lay_out(self, screen: QWidget) -> None:
        """Heading, the clip (or its transcript), then two rows of controls and the credit."""
        ctx, panel = self.ctx, self.panel
        gap, spacing = ctx.mm(ctx.theme.sizes.gap), ctx.mm(ctx.theme.sizes.target_spacing)  # a finger with a tremor
        timing = QHBoxLayout()  # two rows, both always on screen: no control hides behind another
        timing.setSpacing(spacing)
        timing.addWidget(self.play)
        timing.addWidget(self.slider, 1)
        timing.addWidget(self.time)
        options = QHBoxLayout()
        options.setSpacing(spacing)
        self.options = (self.captions, self.caption_choice, self.describe, self.quieter, self.louder,
                        self.show_transcript)
        for button in self.options:
            options.addWidget(button)
        options.addStretch(1)
        content = QWidget()  # scrolls when the visitor's larger text leaves the clip too little room
        layout = QVBoxLayout(content)
        ctx.grid.apply(layout)
        layout.setSpacing(gap // 2)
        screen.setMinimumHeight(ctx.mm(MIN_CLIP_HEIGHT_MM))  # as tall as the page leaves it, never less:
        for shown in (self.surface, self.transcript_area):  # the stack asks no height of its own for them
            shown.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Ignored)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(KineticScrollArea(ctx, content))
        layout.addWidget(self.heading)
        layout.addWidget(screen, 1)
        layout.addLayout(timing)
        layout.addSpacing(spacing - layout.spacing())
        layout.addLayout(options)
        layout.addWidget(self.credit)
        # only now, inside this page: shown while parentless, a button would be a window of its own
        self.describe.setVisible(bool(panel.audio_description))
        self.caption_choice.setVisible(len(self.cues) > 1)
        self.captions.setVisible(bool(self.cues))
        self.show_transcript.setVisible(panel.transcript is not None)

    # --- what the visitor does --------------------------------------------------

    def toggle_play(self) -> None:
        if self.failed:
            return
        if multimedia.multimedia_missing():
            self._cannot_play()
            return
        player = self._connected_player()
        if not player.owned_by(self):
            player.take(self, self._source(), self.ctx.clip_volume.level)
        if player.is_playing:
            player.player.pause()
            return
        player.player.play()
        if not self.played:
            self.played = True
            for what, used in (("played", True), ("captions", self.captions_on and bool(self.cues)),
                               ("described", self.described)):
                if used:
                    self.ctx.visit.clip_used(what)

    def toggle_captions(self) -> None:
        self.captions_on = not self.captions_on
        self._show_state()

    def next_caption_language(self) -> None:
        languages = list(self.cues)
        self.caption_language = languages[(languages.index(self.caption_language) + 1) % len(languages)]
        self.captions_on = True
        self._show_state()

    def toggle_description(self) -> None:
        self.described = not self.described
        if self._owns():
            described = self.panel.audio_description.get(self._described_language())
            if isinstance(described, str) or not self.described:
                self._connected_player().switch_source(self._source())
            self._apply_audio_track()
        self._show_state()

    def change_volume(self, step: float) -> None:
        volume = self.ctx.clip_volume
        volume.level = min(1.0, max(0.0, volume.level + step))
        if self._owns():
            self._connected_player().audio.setVolume(volume.level)
            self._connected_player().audio.setMuted(volume.level <= 0)
        self._show_state()

    def toggle_transcript(self) -> None:
        self.stack.setCurrentWidget(self.transcript_area if self.show_transcript.isChecked() else self.surface)

    # --- the player -----------------------------------------------------------------

    def _connected_player(self) -> ClipPlayer:
        if self._player is None:
            self._player = player = self.ctx.player
            player.frame.connect(self._frame)
            player.position.connect(self._position)
            player.playing.connect(self._playing)
            player.ended.connect(self._ended)
            player.failed.connect(self._failed)
            player.tracks.connect(self._tracks_known)
            player.released.connect(self._released)
        return self._player

    def _owns(self) -> bool:
        return self._player is not None and self._player.owned_by(self)

    def _described_language(self) -> str:
        described = self.panel.audio_description
        return self.ctx.language if self.ctx.language in described else next(iter(described), "")

    def _source(self) -> Path:
        described = self.panel.audio_description.get(self._described_language())
        if self.described and isinstance(described, str):
            return self.item.path(described)
        return self.item.path(self.panel.clip)

    def _apply_audio_track(self) -> None:
        """The described track, or the main one; once the clip's tracks are known."""
        described = self.panel.audio_description.get(self._described_language())
        track = described if self.described and isinstance(described, int) else 0
        player = self._connected_player().player
        if track < len(player.audioTracks()):
            player.setActiveAudioTrack(track)

    def _tracks_known(self) -> None:
        if self._owns():
            self._apply_audio_track()

    def _frame(self, frame: QVideoFrame) -> None:
        if self._owns():
            self.surface.image = frame.toImage()
            self.surface.update()

    def _position(self, position: int) -> None:
        if not self._owns():
            return
        if not self.slider.isSliderDown():
            self.slider.setValue(position)
        self.slider.setMaximum(max(self._connected_player().player.duration(), 1))
        self._show_caption(position)
        self.time.setText(f"{clock_text(position)} / {clock_text(self._connected_player().player.duration())}")

    def _playing(self, playing: bool) -> None:
        if self._owns():
            self.ctx.visit.set_playing(playing)
            self._show_state()

    def _ended(self) -> None:
        if self._owns():
            self.ctx.visit.set_playing(False)
            self.ctx.visit.clip_used("completed")
            self._show_state()

    def _failed(self, _text: str) -> None:
        if self._owns():
            self._connected_player().release(self)
            self._cannot_play()

    def _cannot_play(self) -> None:
        """The poster with a notice, and the transcript when there is one."""
        self.failed = True
        self.surface.notice = self.ctx.tr("clip_unavailable")
        self.show_transcript.setChecked(self.panel.transcript is not None)
        self.toggle_transcript()
        self._show_state()

    def _released(self, owner: object) -> None:
        if owner is self:
            self.ctx.visit.set_playing(False)
            self._show_state()

    def _seek(self, position: int) -> None:
        if self._owns():
            self._connected_player().player.setPosition(position)

    def _place_changed(self, _old: Place, new: Place) -> None:
        here = new.screen is Screen.EXHIBIT and new.exhibit == self.item.id and new.page == self.page
        if not here and self._owns():
            self.stop()

    def stop(self) -> None:
        self.played = False
        if self._player is not None:
            self._player.release(self)
        self.ctx.visit.set_playing(False)
        self.surface.image = None
        self.surface.caption = ""
        self.surface.update()
        self._show_state()

    # --- what it shows ---------------------------------------------------------------

    def _default_caption_language(self) -> str:
        return self.ctx.language if self.ctx.language in self.cues else next(iter(self.cues), "")

    def _show_caption(self, position: int) -> None:
        cues = self.cues.get(self.caption_language, [])
        text = caption_at(cues, position) if self.captions_on else ""
        if text != self.surface.caption:
            self.surface.caption = text
            self.surface.update()

    def _show_state(self) -> None:
        playing = self._owns() and self._connected_player().is_playing
        self.play.label_key = "pause" if playing else "play"
        self.play.setIcon(self._icon("pause" if playing else "play"))
        self.play.retranslate()
        self.play.setEnabled(not self.failed)
        self.captions.setChecked(self.captions_on)
        self.captions.setIcon(self._icon("captions" if self.captions_on else "captions_off"))
        name = locale.language(self.caption_language).name if self.caption_language else ""
        self.caption_choice.setText(name)
        self.caption_choice.setAccessibleName(f"{self.ctx.tr('captions')}: {name}")
        self.describe.setChecked(self.described)
        level = self.ctx.clip_volume.level
        self.quieter.setEnabled(level > 0)
        self.louder.setEnabled(level < 1)
        self._show_caption(self._connected_player().player.position() if self._owns() else 0)

    def _icon(self, meaning: str) -> QIcon:
        return icon(meaning, self.ctx.theme.colours.text, self.ctx.theme.colours.divider)

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Icons alone (their names kept for screen readers) on a display too narrow for
        the labels in every language; decided by the display's size, not the language,
        so that no button changes size when the visitor changes language."""
        super().resizeEvent(event)
        compact = self.ctx.metrics.to_mm(self.width()) < COMPACT_BELOW_MM
        for button in (self.captions, self.describe, self.show_transcript):
            button.set_compact(compact)

    def retranslate(self) -> None:
        self.set_heading(self.heading, self.panel.heading)
        self.credit.setText(self.t(self.panel.credit))
        self.credit.setVisible(self.panel.credit is not None)
        self.transcript.setText(self.t(self.panel.transcript))
        if self.failed:
            self.surface.notice = self.ctx.tr("clip_unavailable")
        self.caption_language = self._default_caption_language()
        self.slider.setAccessibleName(self.ctx.tr("position"))
        self._show_state()

    def reset(self) -> None:
        self.stop()
        self.captions_on, self.described = True, False
        self.ctx.clip_volume.reset()
        self.show_transcript.setChecked(False)
        self.toggle_transcript()
        scroll_to_start(self.transcript_area)
        self.slider.setValue(0)
        self.time.setText("")
        self._show_state()
