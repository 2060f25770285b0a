"""One exhibit: its panels in order in a swipeable pager, with large previous,
next and home buttons, a page indicator and the language switcher at the
bottom, within reach of wheelchair users and children."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from kiosk.content.loader import LoadedExhibit
from kiosk.ui.context import Context
from kiosk.ui.pager import Pager
from kiosk.ui.panels import create_panel_view
from kiosk.ui.widgets import LanguageSwitcher, TouchButton, make_label


class ExhibitScreen(QWidget):
    """Shows the panel the window asks for (`show_panel`); every control asks
    the visit model to move, never the pager directly."""

    def __init__(self, ctx: Context, item: LoadedExhibit, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.item = item
        sizes = ctx.theme.sizes
        visit = ctx.visit
        self.panels = [create_panel_view(ctx, item, index) for index in range(len(item.exhibit.panels))]
        self.pager = Pager(ctx, self.panels, lambda index: visit.show(item.id, index))
        self.pager.page_changed.connect(self._sync)

        self.home = TouchButton(ctx, "home", "home")
        self.previous = TouchButton(ctx, "previous", "previous", show_label=False)
        self.next = TouchButton(ctx, "next", "next", show_label=False)
        for button in (self.previous, self.next):
            button.setMinimumWidth(ctx.mm(sizes.touch_target * 1.6))
        self.home.clicked.connect(lambda: visit.go_home())
        self.previous.clicked.connect(lambda: visit.previous_panel())
        self.next.clicked.connect(lambda: visit.next_panel())
        self.indicator = make_label(ctx, sizes.small_pt, muted=True, wrap=False)
        self.indicator.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.indicator.setMinimumWidth(ctx.mm(45))
        self.title = make_label(ctx, sizes.small_pt, muted=True, wrap=False)
        self.languages = LanguageSwitcher(ctx)

        spacing = ctx.mm(sizes.target_spacing)
        margin = ctx.mm(sizes.gap)
        bar = QHBoxLayout()
        bar.setContentsMargins(margin, margin, margin, margin)
        bar.setSpacing(spacing)
        bar.addWidget(self.home)
        bar.addWidget(self.title, 1)
        bar.addWidget(self.previous)
        bar.addWidget(self.indicator)
        bar.addWidget(self.next)
        bar.addStretch(1)
        bar.addWidget(self.languages)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.pager, 1)
        layout.addLayout(bar)
        ctx.signals.language_changed.connect(self.retranslate)
        self.retranslate()

    @property
    def index(self) -> int:
        return self.pager.index

    def show_panel(self, index: int, animate: bool) -> None:
        self.pager.go_to(index, animate)
        self._sync(self.pager.index)

    def retranslate(self) -> None:
        exhibit = self.item.exhibit
        self.title.setText(self.ctx.text(exhibit, exhibit.title))
        self._sync(self.pager.index)

    def _sync(self, index: int) -> None:
        total = len(self.panels)
        self.indicator.setText(self.ctx.tr("page", n=index + 1, total=total))
        self.previous.setEnabled(index > 0)
        self.next.setEnabled(index < total - 1)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Right, Qt.Key.Key_PageDown):
            self.ctx.visit.next_panel()
        elif event.key() in (Qt.Key.Key_Left, Qt.Key.Key_PageUp):
            self.ctx.visit.previous_panel()
        else:
            super().keyPressEvent(event)
