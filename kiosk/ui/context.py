"""The small context object every view receives instead of reaching for globals."""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QFont

from kiosk.content.loader import Catalog
from kiosk.content.schema import Exhibit
from kiosk.content.text import Text
from kiosk.media.images import ImageLoader
from kiosk.session import Session
from kiosk.ui.fonts import kiosk_font
from kiosk.ui.metrics import Metrics
from kiosk.ui.strings import tr
from kiosk.ui.theme import Theme


class SessionSignals(QObject):
    """Relays the plain-Python session's changes as Qt signals, which Qt
    disconnects by itself when a view is destroyed."""

    language_changed = Signal(str)

    def __init__(self, session: Session):
        super().__init__()
        session.on_language_changed(self.language_changed.emit)


@dataclass
class Context:
    catalog: Catalog
    session: Session
    metrics: Metrics
    images: ImageLoader
    theme: Theme = field(default_factory=Theme)

    def __post_init__(self) -> None:
        self.signals = SessionSignals(self.session)

    @property
    def language(self) -> str:
        return self.session.language

    def tr(self, key: str, **values: object) -> str:
        """Interface text in the visitor's language."""
        return tr(key, self.session.language, **values)

    def text(self, exhibit: Exhibit, value: Text | None) -> str:
        """Content text in the visitor's language, falling back to the exhibit's default."""
        return exhibit.text(value, self.session.language)

    def mm(self, millimetres: float) -> int:
        return self.metrics.mm(millimetres)

    def font(self, points: float, bold: bool = False) -> QFont:
        return kiosk_font(self.metrics.font_px(points), bold, self.session.language)
