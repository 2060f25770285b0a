"""One exhibit: its title page, then its panels, in a swipeable pager.

Above the pages a running head says where the visitor is (the exhibition on
the title page, the film on its chapters); the bar beneath holds home, the
chapter list (the title page), previous and next with the page number, and
the language switcher, within reach of wheelchair users and children. On the
last page "Next: <film>" offers the next exhibit beside the page number, in a
slot kept for it, so nothing else moves.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetrics, QKeyEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget

from kiosk.content.loader import LoadedExhibit
from kiosk.locale.strings import tr
from kiosk.ui.bar import BottomBar
from kiosk.ui.context import Context
from kiosk.ui.fonts import language_font
from kiosk.ui.pager import Pager
from kiosk.ui.panels import create_panel_view
from kiosk.ui.panels.base import PageView
from kiosk.ui.panels.title import TitlePageView
from kiosk.ui.widgets import TouchButton, make_label
from kiosk.visit.pages import next_exhibit

ARROW_WIDTH = 1.6
"""Previous and next are wider than a target: the buttons visitors use most."""


class ExhibitScreen(QWidget):
    """Shows the page the window asks for (`show_page`); every control asks
    the visit model to move, never the pager directly."""

    def __init__(self, ctx: Context, item: LoadedExhibit, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.item = item
        sizes = ctx.theme.sizes
        visit = ctx.visit
        self.pager = Pager(ctx, 1 + len(item.exhibit.panels), self._build_page,
                           lambda page: visit.show(item.id, page))
        self.pager.page_changed.connect(self._sync)

        self.running_head = make_label(ctx, sizes.small_pt, bold=True, wrap=False)
        self.running_head.setProperty("accent", True)
        self.home = TouchButton(ctx, "home", "home")
        self.chapters = TouchButton(ctx, "chapters", "chapters")
        self.previous = TouchButton(ctx, "previous", "previous", show_label=False)
        self.next = TouchButton(ctx, "next", "next", show_label=False)
        for button in (self.previous, self.next):
            button.setMinimumWidth(ctx.mm(sizes.touch_target * ARROW_WIDTH))
        self.following = next_exhibit(ctx.catalog, item.id)
        self.compact_next = False
        """On a narrow display the next-film button shows the title alone (the arrow says next)."""
        self.next_film = TouchButton(ctx, "next_film")
        self.next_film.setLayoutDirection(Qt.LayoutDirection.RightToLeft)  # the arrow after the words
        self.home.clicked.connect(lambda: visit.go_home())
        self.chapters.clicked.connect(lambda: visit.show(item.id, 0))
        self.previous.clicked.connect(lambda: visit.previous_page())
        self.next.clicked.connect(lambda: visit.next_page())
        if self.following is not None:
            following_id = self.following.id
            self.next_film.clicked.connect(lambda: visit.show(following_id))
        self.indicator = make_label(ctx, sizes.small_pt, muted=True, wrap=False, scaled=False)
        self.indicator.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.bar = BottomBar(ctx)
        self.bar.left.addWidget(self.home)
        self.bar.left.addWidget(self.chapters)
        for widget in (self.previous, self.indicator, self.next):
            self.bar.centre.addWidget(widget)
        self.slot = QWidget()
        """Where "Next: <film>" appears on the last page; as wide on every page."""
        slot_layout = QVBoxLayout(self.slot)
        slot_layout.setContentsMargins(0, 0, 0, 0)
        slot_layout.addWidget(self.next_film)
        self.bar.centre.addWidget(self.slot)
        self.languages = self.bar.languages
        self._fix_widths()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        head = QVBoxLayout()
        grid = ctx.grid
        head.setContentsMargins(grid.margin, grid.top, grid.margin, ctx.mm(sizes.gap) // 2)
        head.addWidget(self.running_head)
        layout.addLayout(head)
        layout.addWidget(self.pager, 1)
        layout.addWidget(self.bar)
        ctx.signals.language_changed.connect(self.retranslate)
        self.retranslate()

    def _fix_widths(self) -> None:
        """Widths that do not change with the page or the language: the page
        number's and the next-film slot's, each the widest it can be."""
        def advance(font: QFont, language: str, text: str) -> int:
            return QFontMetrics(language_font(font, language)).horizontalAdvance(text)

        languages, total = self.ctx.visit.languages, self.pager.count
        self.indicator.setFixedWidth(self.ctx.mm(4) + max(
            advance(self.indicator.font(), language, tr("page", language, n=total, total=total))
            for language in languages))
        spacing = self.bar.spacing
        arrows = self.ctx.mm(self.ctx.theme.sizes.touch_target * ARROW_WIDTH)
        fixed = 2 * arrows + self.indicator.width() + 3 * spacing
        self.slot.setFixedWidth(self._next_film_width(advance, compact=False))
        if self.bar.fit([self.home, self.chapters], centre=fixed + self.slot.width()):
            for button in (self.previous, self.next):  # square arrows where room is short
                button.setMinimumWidth(self.ctx.mm(self.ctx.theme.sizes.touch_target))
            self.compact_next = True  # the arrow says "next": the title alone
            self.slot.setFixedWidth(self._next_film_width(advance, compact=True))

    def _next_film_width(self, advance: Callable[[QFont, str, str], int], compact: bool) -> int:
        """The next-film button's widest text in any language, with its chrome."""
        if self.following is None:
            return 0
        title = self.following.exhibit.title
        texts = {language: self._next_film_text(language, self.following.exhibit.text(title, language), compact)
                 for language in self.ctx.visit.languages}
        button = self.next_film
        button.setText(next(iter(texts.values())))
        button.ensurePolished()  # the style sheet's padding and border count
        chrome = button.sizeHint().width() - button.fontMetrics().horizontalAdvance(button.text())
        return chrome + max(advance(button.font(), language, text) for language, text in texts.items()) + \
            self.ctx.mm(1)

    @staticmethod
    def _next_film_text(language: str, title: str, compact: bool) -> str:
        return title if compact else tr("next_film", language, title=title)

    def _build_page(self, page: int, parent: QWidget) -> PageView:
        if page == 0:
            return TitlePageView(self.ctx, self.item, parent)
        return create_panel_view(self.ctx, self.item, page - 1, parent)

    @property
    def pages(self) -> list[PageView]:
        """Every page, built if it was not yet (the pager builds them as they are needed)."""
        return self.pager.pages

    @property
    def index(self) -> int:
        """The page on screen."""
        return self.pager.index

    @property
    def panels(self) -> list[PageView]:
        """The chapters: every page after the title page."""
        return self.pages[1:]

    def reset(self) -> None:
        """Every page as a new visitor first sees it: this screen is kept between visits."""
        for page in self.pager.built:
            page.reset()

    def show_page(self, page: int, animate: bool) -> None:
        self.pager.go_to(page, animate)
        self._sync(self.pager.index)

    def retranslate(self) -> None:
        if self.following is not None:
            title = self.ctx.text(self.following.exhibit, self.following.exhibit.title)
            self.next_film.setText(self._next_film_text(self.ctx.language, title, self.compact_next))
            self.next_film.setAccessibleName(self.ctx.tr("next_film", title=title))
        self._sync(self.pager.index)

    def _sync(self, page: int) -> None:
        total = self.pager.count
        exhibit = self.item.exhibit
        self.running_head.setText(self.ctx.tr("choose_film") if page == 0
                                  else self.ctx.text(exhibit, exhibit.title))
        self.indicator.setText(self.ctx.tr("page", n=page + 1, total=total))
        self.previous.setEnabled(page > 0)
        self.next.setEnabled(page < total - 1)
        self.chapters.setEnabled(page > 0)
        self.next_film.setVisible(page == total - 1 and self.following is not None)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Right, Qt.Key.Key_PageDown):
            self.ctx.visit.next_page()
        elif event.key() in (Qt.Key.Key_Left, Qt.Key.Key_PageUp):
            self.ctx.visit.previous_page()
        else:
            super().keyPressEvent(event)
