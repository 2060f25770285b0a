"""The small context object every view receives instead of reaching for globals."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QRect, Signal
from PySide6.QtGui import QFont

from kiosk.content.loader import Catalog
from kiosk.content.schema import Exhibit
from kiosk.content.text import Text
from kiosk.locale.strings import tr
from kiosk.media.images import ImageLoader
from kiosk.media.speech import QtVoice, Voice
from kiosk.media.tiles import TileStore
from kiosk.ui.clock import Clock, SystemClock
from kiosk.ui.fonts import kiosk_font
from kiosk.ui.grid import PageGrid
from kiosk.ui.metrics import Metrics
from kiosk.ui.theme import Theme
from kiosk.visit.model import Overlay, Place, Visit
from kiosk.visit.modes import DisplayModes

REACH_MM = (380.0, 1220.0)
"""The ADA's unobstructed reach range above the floor (308.2), for every control."""

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
    modes_changed = Signal(object, object)    # old DisplayModes, new DisplayModes
    access_requested = Signal()               # a visitor asked for the display and audio options
    visit_reset = Signal(str)                 # the visit is over (the reason)

    def __init__(self, visit: Visit):
        super().__init__()
        visit.events.place.connect(self._place)
        visit.events.language.connect(self.language_changed.emit)
        visit.events.overlay.connect(self._overlay)
        visit.events.catalog.connect(self.catalog_changed.emit)
        visit.events.playing.connect(self.playing_changed.emit)
        visit.events.modes.connect(self._modes)
        visit.events.reset.connect(self.visit_reset.emit)

    def _modes(self, old: DisplayModes, new: DisplayModes) -> None:
        self.modes_changed.emit(old, new)

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
    mounting_height_mm: float = 800.0
    """The display's bottom edge above the floor: where the low-reach layout puts the controls."""
    voice: Voice = field(default_factory=QtVoice)
    """Audio mode's speech (its engine is loaded when it first speaks)."""
    speech_volume: float = 0.7
    """Where speech starts for every visitor (kiosk.yaml)."""

    def __post_init__(self) -> None:
        self.signals = VisitSignals(self.visit)
        self.clip_volume.reset()
        self.visit.events.reset.connect(self.clip_volume.reset)
        self.base_theme, self.base_metrics = self.theme, self.metrics
        """As configured; `theme` and `metrics` are these with the visitor's modes applied."""
        self.apply_modes(self.visit.modes)

    def apply_modes(self, modes: DisplayModes) -> None:
        """Theme and metrics for the visitor's modes; screens built from now on follow them."""
        self.theme = self.base_theme.for_modes(modes)
        band = self.reach_band(modes.low_reach)
        self.metrics = replace(self.base_metrics, text_scale=modes.text_scale, text_cap_pt=self.theme.sizes.title_pt,
                               screen_px=(self.base_metrics.screen_px[0], band[1] - band[0]))

    def reach_band(self, low_reach: bool | None = None) -> tuple[int, int]:
        """The rows of the screen (top, bottom, in pixels) that the screens use:
        all of it, or in the low-reach layout the part between 380 and 1220 mm
        above the floor (the ADA's reach range for a seated or standing visitor)."""
        metrics = self.base_metrics
        height = metrics.screen_px[1]
        if not (self.visit.modes.low_reach if low_reach is None else low_reach):
            return 0, height
        top_mm = self.mounting_height_mm + metrics.to_mm(height)
        top = max(0, metrics.mm(top_mm - REACH_MM[1]))
        bottom = min(height, metrics.mm(top_mm - REACH_MM[0]))
        if bottom - top < height // 3:  # a display mounted out of reach: its lowest third
            top, bottom = height - height // 3, height
        return top, bottom

    def reach_rect(self, window: QRect) -> QRect:
        """Where screens and full-screen layers sit in the window: all of it, or the reach band."""
        top, bottom = self.reach_band()
        if (top, bottom) == (0, self.base_metrics.screen_px[1]):
            return window
        return QRect(window.left(), window.top() + top, window.width(), bottom - top)

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

    def font(self, points: float, bold: bool = False, scaled: bool = True) -> QFont:
        """A font for a widget: its families come from the window (kiosk.ui.fonts).
        Not `scaled`: the size of the controls' labels, which the visitor's larger
        text leaves as they are (they are large already, and their bar has no room)."""
        metrics = self.metrics if scaled else self.base_metrics
        return kiosk_font(metrics.font_px(points), bold)

    def paint_font(self, points: float, bold: bool = False) -> QFont:
        """A font for a painter, with the families of the visitor's language."""
        return kiosk_font(self.metrics.font_px(points), bold, self.visit.language)
