"""Decoding stills off the GUI thread, at the size they are shown.

QImageReader with a scaled size lets the JPEG decoder skip most of the work
(an 8K still decodes to 1080p in about a fifth of a full decode). Workers make
QImages; QPixmaps are made only in the GUI thread, and kept in a byte-bounded
LRU cache so that moving back and forth between panels does not decode again.
"""

from __future__ import annotations

import functools
import logging
import math
import weakref
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QSize, Qt, QThreadPool, QTimer, Signal
from PySide6.QtGui import QImage, QImageIOHandler, QImageReader, QPixmap, QTransform

from kiosk.content.images import MAX_DECODE_BYTES
from kiosk.media.crop import Size, contain_size, cover_size, crop_around
from kiosk.media.memory import release_free_memory

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
    return size.transposed() if size.isValid() and _quarter_turned(reader) else size


def _quarter_turned(reader: QImageReader) -> bool:
    return bool(reader.transformation() & QImageIOHandler.Transformation.TransformationRotate90)


def _bytes_per_pixel(reader: QImageReader) -> int:
    bits = QImage.toPixelFormat(reader.imageFormat()).bitsPerPixel()
    return max(4, (bits + 7) // 8)


class _Plan:
    """How one key is decoded: at what size (as shown), then what part of it is kept."""

    def __init__(self, key: ImageKey, shown: Size):
        box = (key.width, key.height)
        self.crop: tuple[int, int, int, int] | None = None
        self.final: Size | None = None
        if key.fit is Fit.CONTAIN:
            self.size = contain_size(shown, box)
        elif key.fit is Fit.NATIVE:
            self.size = shown
        else:
            self._cover(key, shown, box)

    def _cover(self, key: ImageKey, shown: Size, box: Size) -> None:
        """Never enlarge before cropping: a 60000x1 strip covering a tile would be
        a 13-million-pixel-wide image first. Shrink (if at all), crop, then
        enlarge only the crop, which is at most the box."""
        scale = max(box[0] / shown[0], box[1] / shown[1])
        if scale <= 1:
            self.size = cover_size(shown, box)
            self.crop = crop_around(self.size, box, key.focus)
            return
        self.size = shown
        wanted = (max(1, min(shown[0], round(box[0] / scale))), max(1, min(shown[1], round(box[1] / scale))))
        self.crop = crop_around(shown, wanted, key.focus)
        self.final = box

    def fit_budget(self, shown: Size, bytes_per_pixel: int, scales_in_decoder: bool,
                   budget: int) -> bool:
        """Whether decoding stays within `budget` bytes: the decoder's own image
        (the whole still, for a format that cannot decode scaled) plus the
        result. A native decode that would not fit is shrunk until it does,
        when the decoder can scale (zoom then stops a little short)."""
        def need() -> int:
            own = 0 if scales_in_decoder or self.size == shown else shown[0] * shown[1]
            kept = self.crop[2] * self.crop[3] if self.crop else 0
            final = self.final[0] * self.final[1] if self.final else 0
            return bytes_per_pixel * (own + self.size[0] * self.size[1] + kept + final)

        if need() <= budget:
            return True
        if self.crop is None and scales_in_decoder:
            shrink = math.sqrt(budget / need())
            self.size = (max(1, int(self.size[0] * shrink)), max(1, int(self.size[1] * shrink)))
            return need() <= budget
        return False


def decode(key: ImageKey, budget: int = MAX_DECODE_BYTES) -> QImage:
    """Decode `key.path` for `key` within `budget` bytes; a null QImage on failure."""
    reader = QImageReader(str(key.path))
    reader.setAutoTransform(True)
    reader.setAllocationLimit(budget // 2**20)
    stored = reader.size()
    if not stored.isValid() or stored.isEmpty():
        log.warning("cannot read image %s: %s", key.path, reader.errorString())
        return QImage()
    turned = _quarter_turned(reader)
    shown = (stored.height(), stored.width()) if turned else (stored.width(), stored.height())
    plan = _Plan(key, shown)
    scales = reader.supportsOption(QImageIOHandler.ImageOption.ScaledSize)
    if not plan.fit_budget(shown, _bytes_per_pixel(reader), scales, budget):
        log.warning("not decoding %s: a %dx%d still takes more than the %d MB one decode may use",
                    key.path, shown[0], shown[1], budget // 2**20)
        return QImage()
    jpeg = reader.format().data() == b"jpeg"
    image = _decode_jpeg(key.path, plan.size, reader.transformation()) if jpeg else None
    if image is None:
        if plan.size != shown:
            reader.setScaledSize(QSize(plan.size[1], plan.size[0]) if turned else QSize(*plan.size))
        image = reader.read()
    if image.isNull():
        log.warning("cannot decode image %s: %s", key.path, reader.errorString())
        return image
    if plan.crop is not None:
        image = image.copy(*plan.crop)
    if plan.final is not None:
        image = image.scaled(QSize(*plan.final), Qt.AspectRatioMode.IgnoreAspectRatio,
                             Qt.TransformationMode.SmoothTransformation)
    return image


@functools.cache
def jpeg_decoder_missing() -> str | None:
    """Why JPEGs decode through Qt's slower decoder here, or None when simplejpeg loads."""
    try:
        import simplejpeg  # noqa: F401 - loading it is the question
    except ImportError as error:
        log.warning("JPEG stills decode through Qt, about half as fast: simplejpeg does not load (%s)", error)
        return f"simplejpeg does not load ({error})"
    return None


def _decode_jpeg(path: Path, size: Size, transformation: QImageIOHandler.Transformation) -> QImage | None:
    """A JPEG through simplejpeg's libjpeg-turbo, whose SIMD code decodes about
    twice as fast as Qt's bundled copy: scaled in eighths (1/8 to 7/8) inside the
    decoder to just above `size` (as shown, after `transformation`, the EXIF
    orientation), straight into the QImage's own pixels in Qt's native layout,
    then turned and resampled. None, to fall back to Qt, when simplejpeg is
    missing or refuses the file (CMYK, damaged data)."""
    if jpeg_decoder_missing() is not None:
        return None
    import simplejpeg

    turned = bool(transformation & QImageIOHandler.Transformation.TransformationRotate90)
    least = {"min_width": size[1] if turned else size[0], "min_height": size[0] if turned else size[1]}
    try:
        data = path.read_bytes()
        height, width, _, _ = simplejpeg.decode_jpeg_header(data, **least)
        image = QImage(width, height, QImage.Format.Format_RGB32)  # B, G, R, 255 in memory
        if image.isNull():
            return None
        simplejpeg.decode_jpeg(data, colorspace="BGRX", buffer=image.bits(), **least)
    except (OSError, ValueError) as error:
        log.debug("simplejpeg could not decode %s: %s", path, error)
        return None
    image = _oriented(image, transformation)
    if (image.width(), image.height()) != size:
        image = image.scaled(QSize(*size), Qt.AspectRatioMode.IgnoreAspectRatio,
                             Qt.TransformationMode.SmoothTransformation)
    return image


def _oriented(image: QImage, transformation: QImageIOHandler.Transformation) -> QImage:
    """`image` as EXIF says it is shown, in the order Qt's own reader applies
    it: mirrored and flipped first, then turned a quarter clockwise."""
    flags = QImageIOHandler.Transformation
    mirror = QTransform().scale(-1 if transformation & flags.TransformationMirror else 1,
                                -1 if transformation & flags.TransformationFlip else 1)
    if not mirror.isIdentity():
        image = image.transformed(mirror)
    if transformation & flags.TransformationRotate90:
        image = image.transformed(QTransform().rotate(90))
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


SCREENFULS = 6
"""The decoded-image cache holds this many screen-sized images: the pages
either side, their stills and a zoomed still, at any display size."""


def budget_for_screen(width: int, height: int) -> int:
    """The cache budget in bytes for a `width` x `height` display (4 bytes a pixel)."""
    return SCREENFULS * width * height * 4


RELEASE_AFTER_MS = 1000
"""Memory of evicted stills goes back to the system once no still has come in for this long."""

Notify = Callable[[ImageKey], None]
"""Told that a key's decode finished: its pixmap is cached now, or it is broken."""


class ImageLoader(QObject):
    """Asynchronous, cached image source shared by every screen. A finished
    decode is told only to those that asked for that key (not broadcast to
    every image on every screen), through a weak reference so that asking
    never keeps a closed screen alive."""

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
        self._waiting: dict[ImageKey, list[weakref.WeakMethod[Notify]]] = {}
        self._release = QTimer(self)
        self._release.setSingleShot(True)
        self._release.setInterval(RELEASE_AFTER_MS)
        self._release.timeout.connect(release_free_memory)

    def request(self, key: ImageKey, notify: Notify | None = None) -> QPixmap | None:
        """The pixmap if cached; otherwise start decoding and tell `notify`
        (a bound method) when it is done."""
        if key in self._cache:
            self._cache.move_to_end(key)
            return self._cache[key]
        if key in self._broken:
            return None
        if notify is not None:
            waiting = self._waiting.setdefault(key, [])
            ref = weakref.WeakMethod(notify)
            if ref not in waiting:
                waiting.append(ref)
        if key not in self._pending:
            self._pending.add(key)
            self._pool.start(_DecodeJob(key, self._relay))
        return None

    @property
    def budget(self) -> int:
        return self._budget

    @property
    def cached_bytes(self) -> int:
        return self._cache_bytes

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
        self._release.start()

    def _finished(self, key: ImageKey, image: QImage) -> None:
        self._pending.discard(key)
        if image.isNull():
            self._broken.add(key)
        else:
            pixmap = QPixmap.fromImage(image)
            self._cache[key] = pixmap
            self._cache_bytes += _bytes(pixmap)
            while self._cache_bytes > self._budget and len(self._cache) > 1:
                _, evicted = self._cache.popitem(last=False)
                self._cache_bytes -= _bytes(evicted)
                self._release.start()  # (again): once the decodes in a row are over
        for ref in self._waiting.pop(key, []):
            notify = ref()
            if notify is not None and shiboken6.isValid(getattr(notify, "__self__", None)):
                notify(key)


def _bytes(pixmap: QPixmap) -> int:
    return pixmap.width() * pixmap.height() * max(1, pixmap.depth() // 8)
