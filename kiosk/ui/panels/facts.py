"""A facts panel: label and value side by side, each fact's source beneath its
value, in a centred table that scrolls by touch when it is long."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from kiosk.content.loader import LoadedExhibit
from kiosk.content.schema import Fact, FactsPanel
from kiosk.ui.context import Context
from kiosk.ui.layout import ColumnLayout, column_width, widest_word
from kiosk.ui.panels.base import PanelView
from kiosk.ui.scrolling import KineticScrollArea, scroll_to_start
from kiosk.ui.widgets import make_label

LABEL_SHARE = 0.5
"""The label column is half as wide as the value column: labels are short names."""


@dataclass
class _Row:
    fact: Fact
    label: QLabel
    value: QLabel
    source: QLabel


def _fill_width(label: QLabel) -> QLabel:
    """Let the grid's stretch factors, not the text, decide the column widths."""
    policy = QSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
    policy.setHeightForWidth(True)
    label.setSizePolicy(policy)
    return label


class FactsPanelView(PanelView):
    panel: FactsPanel

    def __init__(self, ctx: Context, item: LoadedExhibit, index: int,
                 parent: QWidget | None = None):
        super().__init__(ctx, item, index, parent)
        panel = self.panel
        sizes = ctx.theme.sizes
        gap = ctx.mm(sizes.gap)
        self.heading = self.make_heading()

        value_width = column_width(ctx, ctx.font(sizes.body_pt))
        table_width = min(ctx.grid.content_width, round(value_width * (1 + LABEL_SHARE)) + gap)
        table = QWidget()
        grid = QGridLayout(table)
        grid.setContentsMargins(0, 0, gap, gap)
        grid.setHorizontalSpacing(gap)
        grid.setVerticalSpacing(gap // 2)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, round(1 / LABEL_SHARE))
        self.rows = [_Row(fact, _fill_width(make_label(ctx, sizes.body_pt, muted=True)),
                          _fill_width(make_label(ctx, sizes.body_pt)),
                          _fill_width(make_label(ctx, sizes.small_pt, muted=True))) for fact in panel.facts]
        labels = [item.exhibit.text(fact.label, language) for fact in panel.facts for language in ctx.visit.languages]
        # a label column too narrow for its longest word (the visitor's larger text): each label above its value
        self.stacked = bool(self.rows) and widest_word(self.rows[0].label.font(), labels) > \
            (table_width - 2 * gap) * LABEL_SHARE / (1 + LABEL_SHARE)
        for index, row in enumerate(self.rows):
            if index:
                grid.addWidget(self._divider(), 2 * index - 1, 0, 1, 2)
            cell = QVBoxLayout()
            cell.setSpacing(gap // 3)
            if self.stacked:
                cell.addWidget(row.label)
            cell.addWidget(row.value)
            cell.addWidget(row.source)
            if not self.stacked:
                grid.addWidget(row.label, 2 * index, 0, Qt.AlignmentFlag.AlignTop)
            grid.addLayout(cell, 2 * index, 0 if self.stacked else 1, 1, 2 if self.stacked else 1)
        grid.setRowStretch(2 * len(panel.facts), 1)
        self.scroll_area = KineticScrollArea(ctx, table)

        layout = ColumnLayout(self, ctx, table_width)
        layout.setSpacing(gap)
        layout.addWidget(self.heading)
        layout.addWidget(self.scroll_area, 1)
        self.retranslate()

    def _divider(self) -> QFrame:
        line = QFrame()
        line.setFixedHeight(max(1, self.ctx.mm(0.4)))
        line.setStyleSheet(f"background: {self.ctx.theme.colours.divider};")
        return line

    def retranslate(self) -> None:
        self.heading.setText(self.t(self.panel.heading))
        self.heading.setVisible(self.panel.heading is not None)
        for row in self.rows:
            row.label.setText(self.t(row.fact.label))
            row.value.setText(self.t(row.fact.value))
            row.source.setText(self.ctx.tr("source_of", source=self.t(row.fact.source)))
            row.source.setVisible(row.fact.source is not None)

    def reset(self) -> None:
        scroll_to_start(self.scroll_area)
