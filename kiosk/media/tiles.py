"""Native pixels of a very large still, a screenful at a time.

A JPEG cannot be decoded in part: zooming an 8K still to its native pixels
used to decode all 33 million of them (127 MB) for the screenful on show. A
still this large is cut once into tiles of TILE_PX square, kept in the
per-user cache folder under a hash of its content (so a changed file gets new
tiles and an unchanged one is never cut again), and the viewer decodes only
the tiles it shows. `kiosk prepare` cuts them ahead; otherwise the first zoom
into a still cuts them in the background and decodes the whole still that once.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import weakref
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import shiboken6
from PySide6.QtCore import QObject, QRect, QRunnable, QThreadPool, Signal

from kiosk.content.loader import Catalog
from kiosk.visit.model import stills_of

log = logging.getLogger(__name__)

TILE_PX = 1024
TILED_FROM_PX = 4096
"""A still with a side at least this long is cut into tiles."""
MANIFEST = "tiles.json"
QUALITY = 92


@dataclass(frozen=True)
class TileGrid:
    """The tiles of one still, as shown (EXIF rotation applied)."""

    folder: Path
    width: int
    height: int
    tile: int = TILE_PX

    def tile_path(self, column: int, row: int) -> Path:
        return self.folder / f"{column}-{row}.jpg"

    def tiles_in(self, region: QRect) -> list[tuple[Path, QRect]]:
        """Each tile that `region` (native pixels) touches, with the part of the still it covers."""
        region = region.intersected(QRect(0, 0, self.width, self.height))
        if region.isEmpty():
            return []
        found = []
        for row in range(region.top() // self.tile, region.bottom() // self.tile + 1):
            for column in range(region.left() // self.tile, region.right() // self.tile + 1):
                x, y = column * self.tile, row * self.tile
                found.append((self.tile_path(column, row),
                              QRect(x, y, min(self.tile, self.width - x), min(self.tile, self.height - y))))
        return found


def worth_tiling(width: int, height: int) -> bool:
    return max(width, height) >= TILED_FROM_PX


def large_stills(catalog: Catalog) -> list[Path]:
    """Every still the viewer opens that is large enough to be tiled."""
    from kiosk.media.images import displayed_size

    paths = sorted({item.path(still.file) for item in catalog.exhibits
                    for panel in item.exhibit.panels for still in stills_of(panel)})
    sizes = {path: displayed_size(path) for path in paths}
    return [path for path, size in sizes.items() if size.isValid() and worth_tiling(size.width(), size.height())]


def content_id(path: Path) -> str:
    digest = hashlib.blake2b(digest_size=20)
    with path.open("rb") as file:
        for block in iter(lambda: file.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def load_grid(folder: Path) -> TileGrid | None:
    try:
        manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
        return TileGrid(folder, int(manifest["width"]), int(manifest["height"]), int(manifest["tile"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None


def prepare_tiles(source: Path, root: Path) -> TileGrid | None:
    """The tiles of `source` under `root`, cut now if they are not there yet;
    None when the still cannot be read or the tiles cannot be written."""
    from PIL import Image, ImageOps

    try:
        folder = root / content_id(source)
        grid = load_grid(folder)
        if grid is not None:
            return grid
        folder.mkdir(parents=True, exist_ok=True)
        with Image.open(source) as opened:
            picture = ImageOps.exif_transpose(opened.convert("RGB"))
        grid = TileGrid(folder, *picture.size)
        for _path, area in grid.tiles_in(QRect(0, 0, grid.width, grid.height)):
            column, row = area.x() // grid.tile, area.y() // grid.tile
            box = (area.x(), area.y(), area.x() + area.width(), area.y() + area.height())
            picture.crop(box).save(grid.tile_path(column, row), "JPEG", quality=QUALITY)
        scratch = folder / f"{MANIFEST}.{os.getpid()}.tmp"
        scratch.write_text(json.dumps({"width": grid.width, "height": grid.height, "tile": grid.tile}),
                           encoding="utf-8")
        os.replace(scratch, folder / MANIFEST)  # last: half-cut tiles are never taken for whole
        return grid
    except Exception as error:  # noqa: BLE001 - without tiles the viewer decodes the whole still
        log.warning("cannot cut %s into tiles: %s", source, error)
        return None


class _Relay(QObject):
    done = Signal(object, object)  # source Path, TileGrid | None


class _PrepareJob(QRunnable):
    def __init__(self, source: Path, root: Path, relay: _Relay):
        super().__init__()
        self.source, self.root, self.relay = source, root, relay

    def run(self) -> None:
        self.relay.done.emit(self.source, prepare_tiles(self.source, self.root))


class TileStore(QObject):
    """The tile grids of large stills, found or cut off the GUI thread, one
    still at a time; without a folder, nothing is tiled."""

    def __init__(self, root: Path | None, parent: QObject | None = None):
        super().__init__(parent)
        self.root = root
        self._grids: dict[Path, TileGrid | None] = {}
        self._waiting: dict[Path, list[weakref.WeakMethod[Callable[[], None]]]] = {}
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._relay = _Relay(self)
        self._relay.done.connect(self._finished)

    def grid(self, source: Path, notify: Callable[[], None]) -> TileGrid | None:
        """The grid if known; otherwise None now, and `notify` once it is."""
        if source in self._grids or self.root is None:
            return self._grids.get(source)
        if source not in self._waiting:
            self._waiting[source] = []
            self._pool.start(_PrepareJob(source, self.root, self._relay))
        self._waiting[source].append(weakref.WeakMethod(notify))
        return None

    def prepare(self, sources: list[Path]) -> None:
        """Find or cut the tiles of `sources` in the background, one at a time,
        so that the first visitor to zoom finds them ready."""
        for source in sources:
            if source not in self._grids and self.root is not None and source not in self._waiting:
                self._waiting[source] = []
                self._pool.start(_PrepareJob(source, self.root, self._relay))

    def wait(self, timeout_ms: int = 60_000) -> None:
        """Until every grid asked for is known (tests, `kiosk render`)."""
        from PySide6.QtCore import QCoreApplication

        self._pool.waitForDone(timeout_ms)
        QCoreApplication.sendPostedEvents(self._relay)

    def _finished(self, source: Path, grid: TileGrid | None) -> None:
        self._grids[source] = grid
        for ref in self._waiting.pop(source, []):
            notify = ref()
            if notify is not None and shiboken6.isValid(getattr(notify, "__self__", None)):
                notify()
