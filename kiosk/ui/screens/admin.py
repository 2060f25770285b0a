"""The admin screen, behind the PIN: what is loaded, what is wrong and where,
today's visitors, and the few actions staff need (reload content, restart the
attract loop, quit).

Its text is English only: it is read by technicians, and its problem lines
are the same English `file:line:column` messages as `kiosk validate` prints.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import Signal, SignalInstance
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from kiosk.content.loader import Catalog
from kiosk.content.problems import Problem
from kiosk.ui.context import Context
from kiosk.ui.fonts import FIXED_PITCH
from kiosk.ui.scrolling import KineticScrollArea
from kiosk.ui.widgets import OpaqueOverlay, TouchButton, make_label

BUTTON_HEIGHT_MM = 28.0
BUTTON_WIDTH_MM = 70.0


@dataclass
class AdminInfo:
    """What the admin screen shows, gathered by whoever opens it."""

    exhibits: list[tuple[str, str]] = field(default_factory=list)
    """(id, title) of every exhibit shown to visitors."""
    settings_problems: list[Problem] = field(default_factory=list)
    content_problems: list[Problem] = field(default_factory=list)
    statistics: str = ""
    """Today's visitor statistics as text (kiosk.statistics.report.format_report)."""
    health: list[str] = field(default_factory=list)
    """What the health file reports, as `kiosk status` prints it."""

    @classmethod
    def collect(cls, catalog: Catalog, settings_problems: list[Problem],
                statistics: str) -> "AdminInfo":
        exhibits = [(item.id, item.exhibit.text(item.exhibit.title, item.exhibit.default_language))
                    for item in catalog.exhibits]
        return cls(exhibits, list(settings_problems), list(catalog.problems), statistics)


class AdminScreen(OpaqueOverlay):
    """Emits a signal per button; whoever opened it acts on them and closes it."""

    reload_requested = Signal()
    restart_attract_requested = Signal()
    quit_requested = Signal()
    closed = Signal()

    def __init__(self, ctx: Context, info: AdminInfo, parent: QWidget):
        super().__init__(ctx, parent)
        s = ctx.theme.sizes
        layout = QVBoxLayout(self)
        margin = ctx.grid.margin
        layout.setContentsMargins(margin, margin, margin, margin)
        layout.setSpacing(ctx.mm(s.gap))
        self.title = make_label(ctx, s.heading_pt, bold=True)
        self.title.setText("Admin")
        layout.addWidget(self.title)
        columns = QHBoxLayout()
        columns.setSpacing(ctx.grid.margin)
        self.overview_area = KineticScrollArea(ctx, QWidget())
        self.problems_area = KineticScrollArea(ctx, QWidget())
        columns.addWidget(self.overview_area, 2)
        columns.addWidget(self.problems_area, 3)
        layout.addLayout(columns, 1)
        layout.addLayout(self._buttons())
        self.set_info(info)

    def _buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.setSpacing(self.ctx.mm(self.ctx.theme.sizes.target_spacing))
        self.reload_button = self._button("Reload content", self.reload_requested)
        self.attract_button = self._button("Restart attract mode", self.restart_attract_requested)
        self.quit_button = self._button("Quit the kiosk", self.quit_requested)
        self.close_button = self._button("Close", self.closed)
        for button in (self.reload_button, self.attract_button):
            row.addWidget(button)
        row.addStretch(1)
        for button in (self.quit_button, self.close_button):
            row.addWidget(button)
        return row

    def _button(self, text: str, signal: SignalInstance) -> TouchButton:
        button = TouchButton(self.ctx)
        button.setText(text)
        button.setAccessibleName(text)
        button.setMinimumSize(self.ctx.mm(BUTTON_WIDTH_MM), self.ctx.mm(BUTTON_HEIGHT_MM))
        button.clicked.connect(signal.emit)
        return button

    def set_info(self, info: AdminInfo) -> None:
        """Show `info`, replacing what was shown (after a reload, say)."""
        self.info = info
        overview = self._column(self.overview_area)
        self._heading(overview, f"Exhibits loaded: {len(info.exhibits)}")
        self._lines(overview, [f"{title}  ({exhibit_id})" for exhibit_id, title in info.exhibits]
                    or ["None: visitors see an empty home screen."])
        self._heading(overview, "Today's visitors")
        self._table(overview, info.statistics or "No statistics recorded.")
        if info.health:
            self._heading(overview, "Health")
            self._table(overview, "\n".join(info.health))
        overview.addStretch(1)
        problems = self._column(self.problems_area)
        self.problem_labels: list[QLabel] = []
        for title, found in (("Settings problems", info.settings_problems),
                             ("Content problems", info.content_problems)):
            self._heading(problems, f"{title}: {len(found)}")
            labels = self._lines(problems, [p.format() for p in found] or ["None."])
            for problem, label in zip(found, labels):
                self.problem_labels.append(label)
                if problem.is_error:
                    label.setStyleSheet(f"color: {self.ctx.theme.colours.accent};")
        problems.addStretch(1)

    def _column(self, area: KineticScrollArea) -> QVBoxLayout:
        """A new, empty column in `area`, which deletes the one it replaces."""
        content = QWidget()
        column = QVBoxLayout(content)
        column.setContentsMargins(0, 0, self.ctx.mm(self.ctx.theme.sizes.gap), 0)  # scroll bar
        column.setSpacing(self.ctx.mm(self.ctx.theme.sizes.gap) // 2)
        area.setWidget(content)
        return column

    def _heading(self, column: QVBoxLayout, text: str) -> None:
        label = make_label(self.ctx, self.ctx.theme.sizes.body_pt, bold=True)
        label.setText(text)
        if column.count():
            column.addSpacing(self.ctx.mm(self.ctx.theme.sizes.gap))
        column.addWidget(label)

    def _table(self, column: QVBoxLayout, text: str) -> None:
        """Text laid out in columns by spaces, which needs a fixed-pitch face."""
        label = make_label(self.ctx, self.ctx.theme.sizes.small_pt)
        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        mono.setPixelSize(self.ctx.metrics.font_px(self.ctx.theme.sizes.small_pt))
        label.setFont(mono)
        label.setProperty(FIXED_PITCH, True)
        label.setText(text)
        column.addWidget(label)

    def _lines(self, column: QVBoxLayout, lines: list[str]) -> list[QLabel]:
        labels = []
        for line in lines:
            label = make_label(self.ctx, self.ctx.theme.sizes.small_pt)
            label.setText(breakable(line))
            column.addWidget(label)
            labels.append(label)
        return labels


def breakable(text: str) -> str:
    """`text` with a zero-width space after each slash, so that a long file path
    wraps onto the next line instead of running off the screen."""
    return text.replace("/", "/\u200b").replace("\\", "\\\u200b")
