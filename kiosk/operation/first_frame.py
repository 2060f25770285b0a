"""The kiosk's first frame, kept for the next start.

Starting takes most of a second (Python, Qt, the content schema, the screens),
and what it first draws, attract mode's first still under its words, is the
same at every start while nothing it depends on has changed. So that frame is
kept in the per-user cache with what it depends on (the kiosk's version, the
command line, the settings file, every file of the content, the screen), and
the next start shows it before importing anything else. Attract mode then
takes over with exactly those pixels (`AttractScreen.stand_in`). When anything
differs, nothing is shown early and the start is as before.

Kept only where the first screen depends on nothing else: not in a window or
presenter mode, not with opening hours (the kiosk may start closed), content
bundles (a new version is not a change of the files kept), or exhibits with
dates, unless on the same day.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import sys
from argparse import Namespace
from collections.abc import Callable
from dataclasses import asdict, dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QElapsedTimer, QObject, QRect, Qt, QTimer
from PySide6.QtGui import QGuiApplication, QImage, QPainter, QPaintEvent
from PySide6.QtWidgets import QApplication, QWidget

from kiosk import __version__
from kiosk.media.memory import use_one_arena

if TYPE_CHECKING:
    from kiosk.ui.screens.attract import AttractScreen

log = logging.getLogger(__name__)

RECORD = "frame.json"
PIXELS = "frame.rgb32"
PAINT_WAIT_MS = 1000
"""How long the start waits for the kept frame to be drawn before it goes on anyway."""
SHOWN_AT_MOST_MS = 15_000
"""The kept frame goes after this even if attract mode's first still never comes in."""


def _settings_digest(path: Path) -> str:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return "none"


def content_signature(root: Path) -> str:
    """Every file under `root`: its name, size and modification time (no reading)."""
    digest = hashlib.sha256(str(root).encode())
    for folder, folders, files in os.walk(root):
        folders.sort()
        for name in sorted(files):
            path = os.path.join(folder, name)
            try:
                status = os.stat(path)
            except OSError:
                continue
            digest.update(f"{os.path.relpath(path, root)}\0{status.st_size}\0{status.st_mtime_ns}\n".encode())
    return digest.hexdigest()


@dataclass(frozen=True)
class Conditions:
    """What the first frame depends on."""

    version: str
    options: tuple[str, ...]
    settings: str
    content_root: str
    content: str
    screen: tuple[int, int, int, int, float]
    day: str | None
    cursor_hidden: bool

    @classmethod
    def at_start(cls, options: tuple[str, ...], settings_file: Path) -> tuple[str, tuple[str, ...], str]:
        """The part known before anything is loaded."""
        return __version__, tuple(options), _settings_digest(settings_file)


def _screen_key(screen_geometry: QRect, ratio: float) -> tuple[int, int, int, int, float]:
    return screen_geometry.x(), screen_geometry.y(), screen_geometry.width(), screen_geometry.height(), ratio


def keep_frame(folder: Path, conditions: Conditions, frame: QImage) -> bool:
    """Keep `frame` for the next start; the record goes last, so a half-written
    frame is never taken for a whole one. Never raises: a kiosk runs on without it."""
    image = frame.convertToFormat(QImage.Format.Format_RGB32)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        (folder / RECORD).unlink(missing_ok=True)
        scratch = folder / (PIXELS + ".part")
        scratch.write_bytes(bytes(image.constBits()))
        os.replace(scratch, folder / PIXELS)
        record = {**asdict(conditions), "width": image.width(), "height": image.height(),
                  "bytes_per_line": image.bytesPerLine()}
        (folder / (RECORD + ".part")).write_text(json.dumps(record), encoding="utf-8")
        os.replace(folder / (RECORD + ".part"), folder / RECORD)
    except OSError as error:
        log.warning("cannot keep the first frame for the next start: %s", error)
        return False
    return True


class KeptFrame(QWidget):
    """The kept frame, full-screen, until the kiosk's window covers it."""

    def __init__(self, image: QImage, pixels: bytes, conditions: Conditions):
        super().__init__()
        self.image = image
        self._pixels = pixels  # the image's memory
        self.conditions = conditions
        self.painted = False
        self.setWindowTitle("Exhibit Kiosk")
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        if conditions.cursor_hidden:
            self.setCursor(Qt.CursorShape.BlankCursor)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.drawImage(0, 0, self.image)
        painter.end()
        self.painted = True


def _record(folder: Path) -> dict[str, Any] | None:
    try:
        record = json.loads((folder / RECORD).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return record if isinstance(record, dict) else None


def _conditions(record: dict[str, Any]) -> Conditions | None:
    """The record's conditions, or None when it is not one (damaged, or from another version)."""
    try:
        fields = {name: record[name] for name in Conditions.__dataclass_fields__}
        conditions = Conditions(**{**fields, "options": tuple(fields["options"]), "screen": tuple(fields["screen"])})
    except (KeyError, TypeError):
        return None
    texts = (conditions.version, conditions.settings, conditions.content_root, conditions.content)
    if not all(isinstance(text, str) for text in texts) or not isinstance(conditions.day, str | None):
        return None
    return conditions


def _image(record: dict[str, Any], folder: Path) -> tuple[QImage, bytes] | None:
    """The kept pixels (read only once everything else holds) and the bytes they live in."""
    try:
        width, height, line = int(record["width"]), int(record["height"]), int(record["bytes_per_line"])
        pixels = (folder / PIXELS).read_bytes()
    except (KeyError, TypeError, ValueError, OSError):
        return None
    if width <= 0 or height <= 0 or line < 4 * width or len(pixels) != line * height:
        return None
    return QImage(pixels, width, height, line, QImage.Format.Format_RGB32), pixels


def show_kept_frame(folder: Path, options: tuple[str, ...], settings_file: Path, today: date) -> KeptFrame | None:
    """Show the frame kept by the last start if nothing it depends on has changed;
    None otherwise (and whatever is wrong with what was kept: it is only a head start)."""
    record = _record(folder)
    if record is None:
        return None
    conditions = _conditions(record)
    if conditions is None or (conditions.version, conditions.options, conditions.settings) != \
            Conditions.at_start(options, settings_file):
        return None
    if conditions.day is not None and conditions.day != today.isoformat():
        return None
    if content_signature(Path(conditions.content_root)) != conditions.content:
        return None
    kept = _image(record, folder)
    if kept is None:
        return None
    image, pixels = kept
    use_one_arena()
    app = QApplication.instance() or QApplication([sys.argv[0]])
    screen = next((screen for screen in QGuiApplication.screens()
                   if _screen_key(screen.geometry(), screen.devicePixelRatio()) == conditions.screen), None)
    if screen is None:
        return None
    image.setDevicePixelRatio(screen.devicePixelRatio())
    frame = KeptFrame(image, pixels, conditions)
    frame.setGeometry(screen.geometry())
    frame.showFullScreen()
    waited = QElapsedTimer()
    waited.start()
    while not frame.painted and waited.elapsed() < PAINT_WAIT_MS:
        app.processEvents()
    return frame


def command_options(args: Namespace) -> tuple[str, ...]:
    """The command line as it matters to the first frame, the same at both ends."""
    return tuple(sorted(f"{name}={value}" for name, value in vars(args).items() if name != "handler"))


class FrameKeeper(QObject):
    """At attract mode's first sharp frame: closes the kept frame this start
    showed (the window drew the same pixels over it) and keeps the new one for
    the next start, when `conditions` allows keeping and they changed."""

    def __init__(self, window: QWidget, attract: AttractScreen, shown: KeptFrame | None,
                 conditions: Callable[[], Conditions] | None, folder: Path):
        super().__init__(window)
        self.window = window
        self.shown = shown
        self.conditions = conditions
        self.folder = folder
        self.attract = attract
        self._shown_conditions = shown.conditions if shown is not None else None
        if shown is not None:
            attract.stand_in(shown.image)
            QTimer.singleShot(SHOWN_AT_MOST_MS, self, self._close_shown)  # a still that never comes in
        attract.first_sharp.connect(self._sharp)

    def _close_shown(self) -> None:
        if self.shown is not None:
            self.attract.stand_in(None)
            self.shown.close()
            self.shown.deleteLater()
            self.shown = None

    def _sharp(self) -> None:
        self._close_shown()
        if self.conditions is None:
            return
        now = self.conditions()
        if now != self._shown_conditions and keep_frame(self.folder, now, self.window.grab().toImage()):
            log.info("kept the first frame for the next start")


def conditions_now(options: tuple[str, ...], settings_file: Path, content_root: Path, screen_geometry: QRect,
                   ratio: float, dated: date | None, cursor_hidden: bool) -> Conditions:
    """The conditions of the frame being drawn now (`dated`: the day, when exhibits have dates)."""
    version, kept_options, settings = Conditions.at_start(options, settings_file)
    return Conditions(version, kept_options, settings, str(content_root), content_signature(content_root),
                      _screen_key(screen_geometry, ratio), dated.isoformat() if dated else None, cursor_hidden)
