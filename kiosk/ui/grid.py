"""The page grid in pixels for the display the kiosk is on (theme.Grid)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import QBoxLayout

from kiosk.ui.metrics import Metrics
from kiosk.ui.theme import Grid


@dataclass(frozen=True)
class PageGrid:
    width: int
    """The page's width: the screen's."""
    margin: int
    top: int
    bottom: int
    gutter: int
    columns: int

    @classmethod
    def of(cls, metrics: Metrics, grid: Grid) -> PageGrid:
        width_mm = metrics.screen_mm[0]
        margin_mm = min(grid.margin_max, max(grid.margin_min, grid.margin_share * width_mm))
        return cls(metrics.screen_px[0], metrics.mm(margin_mm), metrics.mm(grid.top),
                   metrics.mm(grid.bottom), metrics.mm(grid.gutter), grid.columns)

    @property
    def content_width(self) -> int:
        return self.width - 2 * self.margin

    def span(self, columns: int) -> int:
        """The width of `columns` grid columns with the gutters between them."""
        column = (self.content_width - (self.columns - 1) * self.gutter) / self.columns
        return round(columns * column + (columns - 1) * self.gutter)

    def apply(self, layout: QBoxLayout, top: bool = True) -> None:
        """A page's margins: the grid's sides, its top line, the gap above the bar."""
        layout.setContentsMargins(self.margin, self.top if top else 0, self.margin, self.bottom)
