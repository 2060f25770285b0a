"""Speech output for audio mode: Qt's text to speech (speech-dispatcher with
espeak-ng on Linux, the platform's own voices on Windows), offline, and the
curators' own recordings of a page where an exhibit has them.

`Voice` is what the kiosk needs of an engine: say a list of sentences in a
language, stop at once, and a volume. The Qt engine is made on first use, so a
kiosk whose visitors never turn speech on loads no speech library; tests give
a recording voice instead.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QLocale, QObject, QUrl

from kiosk.media import multimedia

if TYPE_CHECKING:
    from PySide6.QtTextToSpeech import QTextToSpeech

log = logging.getLogger(__name__)

LOCALES = {"en": "en_GB", "zh": "zh_CN", "ru": "ru_RU"}
"""The voice's locale for each interface language..."""
VOICE_NAMES = {"zh": ("Chinese (Mandarin",)}
"""...or, where the engine names no locale for it (espeak-ng's Mandarin), its voice's name."""


class Voice(Protocol):
    def say(self, sentences: Sequence[str], language: str) -> None:
        """Speak `sentences` in turn, after stopping whatever is being said."""

    def play(self, recording: Path, instead: Sequence[str], language: str) -> None:
        """Play a curator's recording, after stopping whatever is being said; if it
        cannot be played, say `instead`."""

    def stop(self) -> None: ...

    def set_volume(self, volume: float) -> None:
        """0 (silent) to 1."""

    @property
    def speaking(self) -> bool: ...


class QtVoice(QObject):
    """QTextToSpeech, queued sentence by sentence so that `stop` silences at once."""

    def __init__(self, engine: str | None = None, rate: float = 0.0, parent: QObject | None = None):
        super().__init__(parent)
        self._engine_name = engine
        self._rate = rate
        self._speech: QTextToSpeech | None = None
        self._queue: list[str] = []
        self._volume = 1.0
        self._language = ""
        self._player: Recordings | None = None
        self.failed: str | None = None
        """Why no speech can be made (no engine, no voice), for `kiosk doctor` and the log."""

    def _engine(self) -> QTextToSpeech | None:
        if self._speech is None and self.failed is None:
            from PySide6.QtTextToSpeech import QTextToSpeech

            engines = QTextToSpeech.availableEngines()
            name = self._engine_name or next((e for e in engines if e != "mock"), None)
            if name is None:
                self.failed = "no text-to-speech engine is installed (on Debian: speech-dispatcher)"
                log.error("audio mode cannot speak: %s", self.failed)
                return None
            speech = self._speech = QTextToSpeech(name, self)
            speech.setRate(self._rate)
            speech.setVolume(self._volume)
            speech.stateChanged.connect(self._state_changed)
            speech.errorOccurred.connect(lambda _reason, text: log.warning("speech: %s", text))
        return self._speech

    def say(self, sentences: Sequence[str], language: str) -> None:
        speech = self._engine()
        if speech is None:
            return
        self._queue = [sentence for sentence in sentences if sentence.strip()]
        speech.stop()
        if language != self._language:
            self._speak_in(speech, language)
        self._next()

    def _speak_in(self, speech: QTextToSpeech, language: str) -> None:
        self._language = language
        wanted = QLocale(LOCALES.get(language, language))
        if wanted in speech.availableLocales():
            speech.setLocale(wanted)
            return
        speech.setLocale(QLocale.c())  # where espeak-ng's voices without a locale are
        prefixes = VOICE_NAMES.get(language, ())
        voice = next((voice for voice in speech.availableVoices()
                      if prefixes and voice.name().startswith(prefixes) and "+" not in voice.name()), None)
        if voice is None:
            log.warning("no voice for %s: speaking with the engine's default", language)
        else:
            speech.setVoice(voice)

    def _next(self) -> None:
        if self._queue and self._speech is not None:
            self._speech.say(self._queue.pop(0))

    def _state_changed(self, state: QTextToSpeech.State) -> None:
        from PySide6.QtTextToSpeech import QTextToSpeech

        if state == QTextToSpeech.State.Ready:
            self._next()

    def play(self, recording: Path, instead: Sequence[str], language: str) -> None:
        self.stop()
        if multimedia.multimedia_missing():
            self.say(instead, language)
            return
        self._recordings().play(recording, lambda: self.say(instead, language))

    def _recordings(self) -> Recordings:
        if self._player is None:
            self._player = Recordings(self._volume, self)
        return self._player

    def stop(self) -> None:
        self._queue = []
        if self._speech is not None:
            self._speech.stop()
        if self._player is not None:
            self._player.stop()

    def set_volume(self, volume: float) -> None:
        self._volume = volume
        if self._speech is not None:
            self._speech.setVolume(volume)
        if self._player is not None:
            self._player.set_volume(volume)

    @property
    def speaking(self) -> bool:
        """Asked at every touch and key: it loads nothing until the voice has spoken."""
        if self._speech is None and self._player is None:
            return False
        from PySide6.QtTextToSpeech import QTextToSpeech

        return bool(self._queue) or (self._speech is not None and
                                     self._speech.state() == QTextToSpeech.State.Speaking) or (
            self._player is not None and self._player.playing)


class Recordings(QObject):
    """Curators' recordings, through Qt Multimedia (made with the first one)."""

    def __init__(self, volume: float, parent: QObject | None = None):
        super().__init__(parent)
        from PySide6.QtMultimedia import QAudioOutput, QMediaPlayer

        self._output = QAudioOutput(self)
        self._output.setVolume(volume)
        self._player = QMediaPlayer(self)
        self._player.setAudioOutput(self._output)
        self._player.errorOccurred.connect(self._failed)
        self._instead: Callable[[], None] | None = None

    def play(self, recording: Path, instead: Callable[[], None]) -> None:
        self._instead = instead
        self._player.setSource(QUrl.fromLocalFile(str(recording)))
        self._player.play()

    def _failed(self, _error: object, message: str) -> None:
        log.warning("cannot play a recording (%s): speaking its page instead", message)
        instead, self._instead = self._instead, None
        if instead is not None:
            instead()

    def stop(self) -> None:
        self._instead = None
        self._player.stop()

    def set_volume(self, volume: float) -> None:
        self._output.setVolume(volume)

    @property
    def playing(self) -> bool:
        from PySide6.QtMultimedia import QMediaPlayer

        return self._player.playbackState() == QMediaPlayer.PlaybackState.PlayingState


class RecordingVoice:
    """Says nothing and keeps everything: what tests and `kiosk render` use."""

    def __init__(self) -> None:
        self.said: list[tuple[str, str]] = []
        """(language, sentence), in order."""
        self.played: list[tuple[str, Path]] = []
        """(language, recording), in order."""
        self.volume = 1.0
        self.stops = 0
        self._speaking = False

    def say(self, sentences: Sequence[str], language: str) -> None:
        self.stop()
        self.said += [(language, sentence) for sentence in sentences if sentence.strip()]
        self._speaking = bool(sentences)

    def play(self, recording: Path, instead: Sequence[str], language: str) -> None:
        self.stop()
        self.played.append((language, recording))
        self._speaking = True

    def stop(self) -> None:
        self.stops += 1
        self._speaking = False

    def set_volume(self, volume: float) -> None:
        self.volume = volume

    @property
    def speaking(self) -> bool:
        return self._speaking

    def sentences(self) -> list[str]:
        return [sentence for _, sentence in self.said]
