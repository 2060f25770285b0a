"""The bar along the bottom of every screen, within reach of a wheelchair user
or a child: the screen's own controls at the left and centre, the language
switcher always at the right, at the same height and place everywhere, with
the display and audio options (kiosk.ui.screens.access) just before it.

On a display too narrow for every label in every language, the labelled
buttons show their icons alone and the languages their short names; that is
decided once for the display, never by the language on screen, so nothing
moves when the visitor switches.
"""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QWidget

from kiosk.ui.context import Context
from kiosk.ui.widgets import LanguageSwitcher, TouchButton


class BottomBar(QWidget):
    def __init__(self, ctx: Context, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        grid, sizes = ctx.grid, ctx.theme.sizes
        padding = ctx.mm(ctx.theme.grid.bar_padding)
        self.setFixedHeight(ctx.mm(sizes.touch_target) + 2 * padding)
        self.spacing = ctx.mm(sizes.target_spacing)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(grid.margin, padding, grid.margin, padding)
        layout.setSpacing(self.spacing)
        self.left = QHBoxLayout()
        self.centre = QHBoxLayout()
        for group in (self.left, self.centre):
            group.setSpacing(self.spacing)
        self.languages = LanguageSwitcher(ctx)
        self.access = TouchButton(ctx, "access", "access")
        self.access.clicked.connect(ctx.signals.access_requested.emit)
        layout.addLayout(self.left)
        layout.addStretch(1)
        layout.addLayout(self.centre)
        layout.addStretch(1)
        layout.addWidget(self.access)
        layout.addWidget(self.languages)

    def fit(self, buttons: list[TouchButton], centre: int = 0) -> bool:
        """Make the left group's `buttons` (and the languages) compact if,
        with their widest labels, they and the centre group (`centre` pixels
        wide) would not fit the display a target spacing apart. The centre
        group sits in the middle where there is room, off it where there is
        not, never closer than that spacing. Returns whether it went compact."""
        grid = self.ctx.grid
        left = sum(max(button.label_widths()) for button in buttons) + self.spacing * max(0, len(buttons) - 1)
        right = max(self.access.label_widths()) + self.spacing + self.languages.sizeHint().width()
        # Between the groups: a stretch with a spacing either side.
        needed = left + centre + right + 4 * self.spacing + 2 * grid.margin
        compact = needed > grid.width
        for button in [*buttons, self.access]:
            button.set_compact(compact)
        self.access.setFixedWidth(max(self.access.label_widths()))  # as wide in every language: nothing moves
        self.languages.set_compact(compact)
        return compact
