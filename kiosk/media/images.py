"""Decoding stills off the GUI thread, at the size they are shown.

QImageReader with a scaled size lets the JPEG decoder skip most of the work
(an 8K still decodes to 1080p in about a fifth of a full decode). Workers make
QImages; QPixmaps are made only in the GUI thread, and kept in a byte-bounded
LRU cache so that moving back and forth between panels does not decode again.
"""

from __future__ import annotations

import logging
from collections import OrderedDict
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QSize, QThreadPool, Signal
from PySide6.QtGui import QImage, QImageIOHandler, QImageReader, QPixmap

from kiosk.media.crop import contain_size, cover_size, crop_around

log = logging.getLogger(__name__)


class Fit(str, Enum):
    CONTAIN = "contain"   # whole image inside the box
    COVER = "cover"       # box filled, cropped around the focus point
    NATIVE = "native"     # full resolution, for zooming in


@dataclass(frozen=True)
class ImageKey:
    path: Path
    width: int
    height: int
    fit: Fit
    focus: tuple[float, float] = (0.5, 0.5)


def displayed_size(path: Path) -> QSize:
    """A still's size as shown (EXIF rotation applied), from its header only;
    invalid when the file cannot be read."""
    reader = QImageReader(str(path))
    reader.setAutoTransform(True)
    size = reader.size()
    quarter_turn = QImageIOHandler.Transformation.TransformationRotate90
    if size.isValid() and reader.transformation() & quarter_turn:
        size = size.transposed()
    return size


def decode(key: ImageKey) -> QImage:
    """Decode `key.path` scaled for `key`; returns a null QImage on failure."""
    reader = QImageReader(str(key.path))
    reader.setAutoTransform(True)
    source = reader.size()
    if not source.isValid():
        log.warning("cannot read image %s: %s", key.path, reader.errorString())
        return QImage()
    box = (key.width, key.height)
    native = (source.width(), source.height())
    if key.fit is Fit.NATIVE:
        target = native
    elif key.fit is Fit.CONTAIN:
        target = contain_size(native, box)
    else:
        target = cover_size(native, box)
    if target != native:
        reader.setScaledSize(QSize(*target))
    image = reader.read()
    if image.isNull():
        log.warning("cannot decode image %s: %s", key.path, reader.errorString())
        return image
    if key.fit is Fit.COVER:
        image = image.copy(*crop_around((image.width(), image.height()), box, key.focus))
    return image


class _Relay(QObject):
    """Carries a worker's result back to the GUI thread (QRunnable cannot signal)."""

    done = Signal(object, QImage)


class _DecodeJob(QRunnable):
    def __init__(self, key: ImageKey, relay: _Relay):
        super().__init__()
        self.key = key
        self.relay = relay

    def run(self) -> None:
        try:
            image = decode(self.key)
        except Exception:  # a decoder bug must never take the kiosk down
            log.exception("decoding %s failed", self.key.path)
            image = QImage()
        self.relay.done.emit(self.key, image)


class ImageLoader(QObject):
    """Asynchronous, cached image source shared by every screen."""

    ready = Signal(object)     # ImageKey, pixmap now available
    failed = Signal(object)    # ImageKey, cannot be shown: show a placeholder

    def __init__(self, budget_bytes: int = 512 * 1024 * 1024, threads: int = 2,
                 parent: QObject | None = None):
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(threads)
        self._relay = _Relay(self)
        self._relay.done.connect(self._finished)
        self._cache: OrderedDict[ImageKey, QPixmap] = OrderedDict()
        self._cache_bytes = 0
        self._budget = budget_bytes
        self._pending: set[ImageKey] = set()
        self._broken: set[ImageKey] = set()

    def request(self, key: ImageKey) -> QPixmap | None:
        """The pixmap if cached; otherwise start decoding and signal later."""
        if key in self._cache:
            self._cache.move_to_end(key)
            return self._cache[key]
        if key in self._broken:
            return None
        if key not in self._pending:
            self._pending.add(key)
            self._pool.start(_DecodeJob(key, self._relay))
        return None

    def is_broken(self, key: ImageKey) -> bool:
        return key in self._broken

    def wait(self, timeout_ms: int = 30_000) -> None:
        """Block until every decode is done and delivered (render command, tests)."""
        self._pool.waitForDone(timeout_ms)
        QCoreApplication.sendPostedEvents(self._relay)
        QCoreApplication.processEvents()

    def clear(self) -> None:
        self._cache.clear()
        self._cache_bytes = 0
        self._broken.clear()

    def _finished(self, key: ImageKey, image: QImage) -> None:
        self._pending.discard(key)
        if image.isNull():
            self._broken.add(key)
            self.failed.emit(key)
            return
        pixmap = QPixmap.fromImage(image)
        self._cache[key] = pixmap
        self._cache_bytes += _bytes(pixmap)
        while self._cache_bytes > self._budget and len(self._cache) > 1:
            _, evicted = self._cache.popitem(last=False)
            self._cache_bytes -= _bytes(evicted)
        self.ready.emit(key)


def _bytes(pixmap: QPixmap) -> int:
    return pixmap.width() * pixmap.height() * max(1, pixmap.depth() // 8)
