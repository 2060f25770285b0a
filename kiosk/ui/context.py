"""The small context object every view receives instead of reaching for globals."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QFont

from kiosk.content.loader import Catalog
from kiosk.content.schema import Exhibit
from kiosk.content.text import Text
from kiosk.locale.strings import tr
from kiosk.media.images import ImageLoader
from kiosk.media.tiles import TileStore
from kiosk.ui.clock import Clock, SystemClock
from kiosk.ui.fonts import kiosk_font
from kiosk.ui.grid import PageGrid
from kiosk.ui.metrics import Metrics
from kiosk.ui.theme import Theme
from kiosk.visit.model import Overlay, Place, Visit

if TYPE_CHECKING:
    from kiosk.media.clips import ClipPlayer


class VisitSignals(QObject):
    """Relays the plain-Python visit's events as Qt signals, which Qt
    disconnects by itself when a view is destroyed."""

    place_changed = Signal(object, object)    # old Place, new Place
    language_changed = Signal(str)
    overlay_changed = Signal(object)          # Overlay | None
    catalog_changed = Signal(object)          # Catalog
    playing_changed = Signal(bool)

    def __init__(self, visit: Visit):
        super().__init__()
        visit.events.place.connect(self._place)
        visit.events.language.connect(self.language_changed.emit)
        visit.events.overlay.connect(self._overlay)
        visit.events.catalog.connect(self.catalog_changed.emit)
        visit.events.playing.connect(self.playing_changed.emit)

    def _place(self, old: Place, new: Place) -> None:
        self.place_changed.emit(old, new)

    def _overlay(self, overlay: Overlay | None) -> None:
        self.overlay_changed.emit(overlay)


@dataclass
class ClipVolume:
    """The level clips play at for this visitor: `default` (kiosk.yaml) again at every reset."""

    default: float = 0.0
    level: float = 0.0

    def reset(self, _reason: str = "") -> None:
        self.level = self.default


@dataclass
class Context:
    visit: Visit
    metrics: Metrics
    images: ImageLoader
    theme: Theme = field(default_factory=Theme)
    clock: Clock = field(default_factory=SystemClock)
    tiles: TileStore = field(default_factory=lambda: TileStore(None))
    """Tiles of very large stills for zooming; none unless given a folder."""
    clip_volume: ClipVolume = field(default_factory=ClipVolume)

    def __post_init__(self) -> None:
        self.signals = VisitSignals(self.visit)
        self.clip_volume.reset()
        self.visit.events.reset.connect(self.clip_volume.reset)

    @property
    def player(self) -> ClipPlayer:
        """The kiosk's one clip player, made with the first clip (Qt Multimedia is not needed before)."""
        from kiosk.media.clips import shared_player

        return shared_player()

    @property
    def catalog(self) -> Catalog:
        return self.visit.catalog

    @property
    def language(self) -> str:
        return self.visit.language

    def tr(self, key: str, **values: object) -> str:
        """Interface text in the visitor's language."""
        return tr(key, self.visit.language, **values)

    def text(self, exhibit: Exhibit, value: Text | None) -> str:
        """Content text in the visitor's language, falling back to the exhibit's default."""
        return exhibit.text(value, self.visit.language)

    @property
    def grid(self) -> PageGrid:
        return PageGrid.of(self.metrics, self.theme.grid)

    def mm(self, millimetres: float) -> int:
        return self.metrics.mm(millimetres)

    def font(self, points: float, bold: bool = False) -> QFont:
        """A font for a widget: its families come from the window (kiosk.ui.fonts)."""
        return kiosk_font(self.metrics.font_px(points), bold)

    def paint_font(self, points: float, bold: bool = False) -> QFont:
        """A font for a painter, with the families of the visitor's language."""
        return kiosk_font(self.metrics.font_px(points), bold, self.visit.language)
