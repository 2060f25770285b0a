"""Film clips through Qt Multimedia (its FFmpeg backend decodes on threads of its own).

`ClipPlayer` is the one player of the kiosk: a panel or the attract slide
takes it, and whoever had it is told to let go, so one clip plays at a time.
`probe_clip` asks the same decoder whether a clip would show frames: `kiosk
validate` reports one that would not (AV1 without a hardware decoder loads,
reports no error and shows nothing) or whose codec is not one the kiosk plays.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEventLoop, QLoggingCategory, QObject, QTimer, QUrl, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtMultimedia import QAudioOutput, QMediaMetaData, QMediaPlayer, QVideoFrame, QVideoSink

log = logging.getLogger(__name__)

VIDEO_CODECS = {"H264", "H265", "HEVC", "VP9", "VP8"}
AUDIO_CODECS = {"AAC", "MP3", "Opus", "Vorbis", "FLAC"}
"""What the bundled FFmpeg decodes in software on every kiosk PC."""
NO_SOFTWARE_DECODER = {"AV1": "AV1 plays no frames without a hardware decoder"}
PROBE_TIMEOUT_MS = 5000
Status = QMediaPlayer.MediaStatus


class ClipPlayer(QObject):
    """The shared player: frames to the view that holds it, sound to the speakers."""

    frame = Signal(QVideoFrame)
    position = Signal(int)         # ms
    playing = Signal(bool)
    ended = Signal()
    failed = Signal(str)
    tracks = Signal()              # the clip's audio tracks are known
    released = Signal(object)      # the owner that lost the player

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.player = QMediaPlayer(self)
        self.sink = QVideoSink(self)
        self.audio = QAudioOutput(self)
        self.player.setVideoSink(self.sink)
        self.player.setAudioOutput(self.audio)
        self.owner: object | None = None
        self.path: Path | None = None
        self.sink.videoFrameChanged.connect(self._frame)
        self.player.positionChanged.connect(self._position)
        self.player.playbackStateChanged.connect(self._state)
        self.player.mediaStatusChanged.connect(self._status)
        self.player.errorOccurred.connect(self._error)
        self.player.tracksChanged.connect(self.tracks)

    def take(self, owner: object, path: Path, volume: float, loops: int = 1) -> None:
        """`owner` plays `path` from now on (whoever had the player lets go)."""
        if self.owner is not None and self.owner is not owner:
            previous, self.owner = self.owner, None
            self._halt()
            self.released.emit(previous)
        self.owner = owner
        self.audio.setVolume(volume)
        self.audio.setMuted(volume <= 0)
        self.player.setLoops(loops)
        if self.path != path:
            self.path = path
            self.player.setSource(QUrl.fromLocalFile(str(path)))

    def owned_by(self, owner: object) -> bool:
        return self.owner is owner

    def release(self, owner: object) -> None:
        """`owner` is done (its panel left): the clip stops."""
        if self.owner is owner:
            self._halt()
            self.owner = None

    def _halt(self) -> None:
        """Paused at the start rather than stopped: QMediaPlayer.stop() joins the
        decoding threads while holding Python's lock, and hung the tests that way."""
        self.player.pause()
        self.player.setPosition(0)

    def switch_source(self, path: Path) -> None:
        """Another version of the same clip (the described one), at the same moment."""
        if path == self.path:
            return
        at, was_playing = self.player.position(), self.is_playing
        self.path = path
        self.player.setSource(QUrl.fromLocalFile(str(path)))
        self.player.setPosition(at)
        if was_playing:
            self.player.play()

    @property
    def is_playing(self) -> bool:
        return self.player.playbackState() == QMediaPlayer.PlaybackState.PlayingState

    def audio_tracks(self) -> int:
        return len(self.player.audioTracks())

    def _frame(self, frame: QVideoFrame) -> None:
        if frame.isValid():
            self.frame.emit(frame)

    def _position(self, ms: int) -> None:
        self.position.emit(int(ms))

    def _state(self, state: QMediaPlayer.PlaybackState) -> None:
        self.playing.emit(state == QMediaPlayer.PlaybackState.PlayingState)

    def _status(self, status: QMediaPlayer.MediaStatus) -> None:
        if status == Status.EndOfMedia and self.owner is not None:
            self.ended.emit()

    def _error(self, _error: QMediaPlayer.Error, text: str) -> None:
        log.error("clip %s cannot be played: %s", self.path, text)
        self.failed.emit(text)


_PLAYER: list[ClipPlayer] = []


def shared_player() -> ClipPlayer:
    """The process's one player, whatever window or context asks: one clip plays at a time."""
    if not _PLAYER:
        _PLAYER.append(ClipPlayer(QCoreApplication.instance()))
    return _PLAYER[0]


class _Probe(QObject):
    """One clip's probe. Its slots are methods of a QObject of the GUI thread, so
    the decoder's threads reach them queued, and never once the probe is gone
    (a lambda here was called from a decoder thread after it was freed)."""

    def __init__(self, path: Path, timeout_ms: int):
        super().__init__()
        self.player, self.sink, self.loop = QMediaPlayer(self), QVideoSink(self), QEventLoop(self)
        self.player.setVideoSink(self.sink)
        self.problem: str | None = f"no frame decoded within {timeout_ms / 1000:.0f} s: the kiosk would show nothing"
        self.near_end_us: int | None = None
        self.sink.videoFrameChanged.connect(self._frame)
        self.player.mediaStatusChanged.connect(self._status)
        self.player.errorOccurred.connect(self._error)
        QTimer.singleShot(timeout_ms, self.loop.quit)
        self.player.setSource(QUrl.fromLocalFile(str(path)))

    def run(self) -> tuple[str | None, int]:
        self.player.play()
        self.loop.exec()
        tracks = len(self.player.audioTracks())
        self.player.pause()
        self.player.setSource(QUrl())
        return self.problem, tracks

    def _finish(self, problem: str | None) -> None:
        self.problem = problem
        self.loop.quit()

    def _frame(self, frame: QVideoFrame) -> None:
        if not frame.isValid():
            return
        if self.near_end_us is None:  # the first frame: now one near the end, which a truncated file lacks
            duration = self.player.duration()
            self.near_end_us = max(0, duration - 1500) * 1000
            self.problem = "its last part does not decode: the file is incomplete (truncated?)"
            self.player.setPosition(max(0, duration - 1000))
        elif frame.startTime() >= self.near_end_us:
            self._finish(None)

    def _status(self, status: QMediaPlayer.MediaStatus) -> None:
        if status == Status.InvalidMedia:
            self._finish(f"cannot be opened as a clip ({self.player.errorString() or 'not a media file'}); "
                         "is it damaged or incomplete?")
        elif status == Status.LoadedMedia:
            codec_problem = _codec_problem(self.player.metaData())
            if codec_problem:
                self._finish(codec_problem)
        elif status == Status.EndOfMedia and self.near_end_us is not None:
            self.loop.quit()

    def _error(self, _error: QMediaPlayer.Error, text: str) -> None:
        self._finish(f"cannot be played ({text}): is it damaged or incomplete?")


def probe_clip(path: Path, timeout_ms: int = PROBE_TIMEOUT_MS) -> tuple[str | None, int]:
    """Why `path` would not play to its end (None: its first frame and one near its
    end decoded), and its number of audio tracks. Needs a Qt application (not its loop)."""
    QLoggingCategory.setFilterRules("qt.multimedia*=false")  # FFmpeg's banner, stream dumps, and what it meets
    probe = _Probe(path, timeout_ms)
    try:
        return probe.run()
    finally:
        probe.deleteLater()


def _codec_problem(meta: QMediaMetaData) -> str | None:
    video = meta.stringValue(QMediaMetaData.Key.VideoCodec)
    audio = meta.stringValue(QMediaMetaData.Key.AudioCodec)
    reencode = "re-encode it as H.264 with AAC sound (ffmpeg -i IN -c:v libx264 -c:a aac OUT.mp4)"
    if video in NO_SOFTWARE_DECODER:
        return f"{video} video: {NO_SOFTWARE_DECODER[video]} (it loads, shows nothing and reports no error); {reencode}"
    if not video:
        return f"has no video the kiosk can decode; {reencode}"
    if video not in VIDEO_CODECS:
        return f"{video} video is not one the kiosk plays (H.264, HEVC, VP9); {reencode}"
    if audio and audio not in AUDIO_CODECS:
        return f"{audio} sound is not one the kiosk plays (AAC, MP3, Opus); {reencode}"
    return None


def validation_probe(path: Path) -> tuple[str | None, int]:
    """`probe_clip` for the command line, which has no Qt application of its own yet
    (one is made off screen: validating needs no display)."""
    if QCoreApplication.instance() is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        _APPLICATION.append(QGuiApplication([]))
    return probe_clip(path)


_APPLICATION: list[QGuiApplication] = []
