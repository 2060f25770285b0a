"""An exhibit's title page: the film first. Its hero still, title, subtitle,
year and country and summary on the left; the chapters (every panel, each a
tap away) and the credits on the right. On a display too narrow for two
reading columns they stack, chapters first after the summary, and scroll."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from kiosk.content.loader import LoadedExhibit
from kiosk.content.schema import Person, QuotePanel
from kiosk.content.text import Text
from kiosk.media.images import Fit
from kiosk.ui.context import Context
from kiosk.ui.fonts import language_font
from kiosk.ui.layout import column_width, text_height
from kiosk.ui.panels.base import PageView
from kiosk.ui.scrolling import KineticScrollArea, over_edge_room, scroll_to_start
from kiosk.ui.typography import no_widow
from kiosk.ui.widgets import ImageView, make_label
from kiosk.visit.pages import pages_of

HERO_ASPECT = 9 / 16
HERO_SHARE = 0.45
"""The hero still takes at most this share of the page's height..."""
HERO_MIN_SHARE = 0.2
SUMMARY_LINES_SHOWN = 2
"""...and leaves room for the title, subtitle, details and this many lines of
the summary on the first screen (a 24-inch display is short), but never
shrinks below HERO_MIN_SHARE."""
SUMMARY_LINE = 1.3
"""The summary may run a little wider than a panel's prose (65 characters), never wider."""
ROLES = (("director", "directed_by"), ("cast", "cast"), ("crew", "crew"))


def chapter_name(ctx: Context, item: LoadedExhibit, page: int) -> str:
    """What the chapter list and the bar call a page."""
    if page == 0:
        return ctx.tr("about_film")
    panel = pages_of(item)[page]
    heading = getattr(panel, "heading", None)
    if heading is not None:
        return ctx.text(item.exhibit, heading)
    return ctx.tr("in_their_words") if isinstance(panel, QuotePanel) else ctx.tr("chapter_n", n=page)


class ChapterButton(QPushButton):
    """A chapter: its number and name, the name wrapping on a narrow column."""

    def __init__(self, ctx: Context, number: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("chapter")
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        sizes = ctx.theme.sizes
        self.setMinimumHeight(ctx.mm(sizes.touch_target))
        # A push button's height is fixed at its one-line hint; a wrapped name needs more.
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self._layout = layout = QHBoxLayout(self)
        pad = ctx.mm(3)
        layout.setContentsMargins(ctx.mm(4), pad, ctx.mm(4), pad)
        layout.setSpacing(ctx.mm(4))
        self.number = make_label(ctx, sizes.body_pt, bold=True, wrap=False)
        self.number.setText(str(number))
        self.number.setProperty("accent", True)
        self.number.setMinimumWidth(self.number.fontMetrics().horizontalAdvance("00"))
        self.name = make_label(ctx, sizes.body_pt)
        policy = QSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.name.setSizePolicy(policy)  # the column's width decides where it wraps, not Qt's guess
        for label in (self.number, self.name):
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        layout.addWidget(self.number, 0, Qt.AlignmentFlag.AlignVCenter)
        layout.addWidget(self.name, 1, Qt.AlignmentFlag.AlignVCenter)

    def set_name(self, name: str, language: str) -> None:
        self.name.setText(no_widow(name, language))
        self.setAccessibleName(f"{self.number.text()}. {name}")

    def sizeHint(self) -> QSize:  # QPushButton sizes for its own text; ours is the layout
        return self._layout.sizeHint().expandedTo(self.minimumSize())

    def minimumSizeHint(self) -> QSize:
        return self._layout.minimumSize().expandedTo(self.minimumSize())

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return max(self.minimumHeight(), self._layout.heightForWidth(width))


class ChapterList(QWidget):
    """Every panel of the exhibit as a button that opens it."""

    def __init__(self, ctx: Context, item: LoadedExhibit, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.item = item
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(ctx.mm(ctx.theme.sizes.target_spacing))
        self.buttons: list[ChapterButton] = []
        for page in range(1, len(pages_of(item))):
            button = ChapterButton(ctx, page)
            button.clicked.connect(lambda _=False, p=page: ctx.visit.show(item.id, p))
            layout.addWidget(button)
            self.buttons.append(button)

    def retranslate(self) -> None:
        for page, button in enumerate(self.buttons, start=1):
            button.set_name(chapter_name(self.ctx, self.item, page), self.ctx.language)


class Credits(QWidget):
    """Director, cast with their parts, crew with their jobs."""

    def __init__(self, ctx: Context, item: LoadedExhibit, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.item = item
        sizes = ctx.theme.sizes
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(ctx.mm(2))
        self.groups: list[tuple[str, QLabel, list[tuple[Person, QLabel, QLabel]]]] = []
        for role, key in ROLES:
            people = [person for person in item.exhibit.people if person.role == role]
            if not people:
                continue
            heading = make_label(ctx, sizes.small_pt, bold=True, muted=True)
            layout.addSpacing(ctx.mm(sizes.gap) // 2)
            layout.addWidget(heading)
            rows = []
            for person in people:
                name, part = make_label(ctx, sizes.body_pt, bold=True), make_label(ctx, sizes.small_pt, muted=True)
                layout.addWidget(name)
                layout.addWidget(part)
                rows.append((person, name, part))
            self.groups.append((key, heading, rows))

    def retranslate(self) -> None:
        exhibit = self.item.exhibit
        for key, heading, rows in self.groups:
            heading.setText(self.ctx.tr(key))
            for person, name, part in rows:
                name.setText(self.ctx.text(exhibit, person.name))
                part.setText(self.ctx.text(exhibit, person.part))
                part.setVisible(person.part is not None)


class TitlePageView(PageView):
    def __init__(self, ctx: Context, item: LoadedExhibit, parent: QWidget | None = None):
        super().__init__(ctx, item, 0, parent)
        exhibit, sizes = item.exhibit, ctx.theme.sizes
        grid, gap = ctx.grid, ctx.mm(sizes.gap)
        self.hero = ImageView(ctx, item.path(exhibit.tile.file), fit=Fit.COVER, focus=exhibit.tile.focus)
        self.title = make_label(ctx, sizes.title_pt, bold=True)
        self.title.setAccessibleName("heading")
        self.subtitle = make_label(ctx, sizes.heading_pt * 0.6, bold=True)
        self.details = make_label(ctx, sizes.body_pt, muted=True)
        self.summary = make_label(ctx, sizes.body_pt)
        self.chapters_heading = make_label(ctx, sizes.small_pt, bold=True, muted=True)
        self.chapters = ChapterList(ctx, item)
        self.credits = Credits(ctx, item)
        reading = column_width(ctx, self.summary.font())
        room = over_edge_room(ctx)  # the summary never runs under the "more" button
        self.summary.setMaximumWidth(round(reading * SUMMARY_LINE) + room)
        self.summary.setContentsMargins(0, 0, room, 0)
        self.wide = grid.span(7) >= reading * 0.75 and grid.span(5) >= reading * 0.5
        """Two columns side by side, else one that scrolls."""

        film = self._column(self.hero, self.title, self.subtitle, self.details, self.summary)
        about = self._column(self.chapters_heading, self.chapters, self.credits)
        layout = QHBoxLayout(self)
        grid.apply(layout, top=False)
        layout.setSpacing(grid.gutter)
        if self.wide:
            self.areas = [KineticScrollArea(ctx, film), KineticScrollArea(ctx, about, beside=True)]
            layout.addWidget(self.areas[0], 7)
            layout.addWidget(self.areas[1], 5)
        else:
            both = QWidget()
            column = QVBoxLayout(both)
            column.setContentsMargins(0, 0, 0, 0)
            column.setSpacing(gap * 2)
            column.addWidget(film)
            column.addWidget(about)
            self.areas = [KineticScrollArea(ctx, both, beside=True)]
            layout.addWidget(self.areas[0])
        self.retranslate()

    def _column(self, *widgets: QWidget) -> QWidget:
        column = QWidget()
        layout = QVBoxLayout(column)
        layout.setContentsMargins(0, 0, 0, self.ctx.mm(self.ctx.theme.sizes.gap))
        layout.setSpacing(self.ctx.mm(self.ctx.theme.sizes.gap) // 2)
        for widget in widgets:
            layout.addWidget(widget)
        layout.addStretch(1)
        return column

    def resizeEvent(self, event: QResizeEvent) -> None:
        """The hero as tall as its column's 16:9, up to a share of the page,
        with the start of the summary still on the first screen."""
        super().resizeEvent(event)
        grid = self.ctx.grid
        width = grid.span(7) if self.wide else grid.content_width
        height = self.height() - grid.bottom
        room = height - self._texts_above_fold(width)
        hero = min(round(width * HERO_ASPECT), round(height * HERO_SHARE), room)
        self.hero.setFixedHeight(max(1, hero, round(height * HERO_MIN_SHARE)))

    def _texts_above_fold(self, width: int) -> int:
        """The height of the title, subtitle and details in their tallest
        language, and the summary's first lines, with the spacing between:
        the same for every language, so the hero never moves on a switch."""
        spacing = self.ctx.mm(self.ctx.theme.sizes.gap) // 2
        exhibit = self.item.exhibit
        def shown(value: Text | None) -> Callable[[str], str]:
            return lambda language: no_widow(exhibit.text(value, language), language)
        texts: list[tuple[QLabel, Callable[[str], str]]] = [
            (self.title, shown(exhibit.title)), (self.details, self._details)]
        if exhibit.subtitle is not None:
            texts.append((self.subtitle, shown(exhibit.subtitle)))
        total = sum(spacing + max(text_height(language_font(label.font(), language), width, text(language))
                                  for language in self.ctx.visit.languages)
                    for label, text in texts)
        summary_lines = SUMMARY_LINES_SHOWN if exhibit.summary is not None else 0
        return total + spacing + summary_lines * self.summary.fontMetrics().lineSpacing()

    def _details(self, language: str) -> str:
        exhibit = self.item.exhibit
        parts = [str(exhibit.year) if exhibit.year else "", exhibit.text(exhibit.country, language)]
        return " · ".join(part for part in parts if part)

    def retranslate(self) -> None:
        exhibit, language = self.item.exhibit, self.ctx.language
        title = self.t(exhibit.title)
        self.title.setText(no_widow(title, language))
        self.subtitle.setText(no_widow(self.t(exhibit.subtitle), language))
        self.subtitle.setVisible(exhibit.subtitle is not None)
        self.details.setText(self._details(language))
        self.summary.setText(self.t(exhibit.summary))
        self.summary.setVisible(exhibit.summary is not None)
        self.hero.set_alt_text(self.t(exhibit.tile.alt) or title)
        self.chapters_heading.setText(self.ctx.tr("chapters"))
        self.chapters.retranslate()
        self.credits.retranslate()

    def reset(self) -> None:
        for area in self.areas:
            scroll_to_start(area)
