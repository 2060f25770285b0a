"""A gallery panel: a grid of film stills; tapping one opens the still viewer."""

from __future__ import annotations

import math

from PySide6.QtCore import QEvent, QObject, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QAbstractButton, QGridLayout, QVBoxLayout, QWidget

from kiosk.content.loader import LoadedExhibit
from kiosk.content.schema import GalleryPanel, Still
from kiosk.media.images import Fit
from kiosk.ui.context import Context
from kiosk.ui.layout import TapTracker, text_height
from kiosk.ui.lines import elide_lines
from kiosk.ui.panels.base import PanelView
from kiosk.ui.scrolling import KineticScrollArea, scroll_to_start
from kiosk.ui.widgets import ImageView, make_label

THUMB_MIN_WIDTH_MM = 100.0
"""Four stills in a row on a 24-inch display; each a target five times the minimum."""
THUMB_MAX_WIDTH_MM = 420.0
CARD_CAPTION_LINES = 3
"""A card shows the start of its caption, ending in "…" when longer; the
viewer, a tap away, shows it whole."""
THUMB_ASPECT = 9 / 16
"""Thumbnails are film-frame shaped; other stills are cropped around their focus point."""
BORDER_MM = 1.2
PRESSED_OUTLINE_MM = 2.0


class StillThumbnail(QAbstractButton):
    """One still and its caption as a single touch target.

    Touch reaches it as Qt's synthesized mouse events; a finger that travels
    further than a tap allows, or the cancelling release the gesture recogniser
    sends when a drag becomes a scroll or a swipe, never opens it.
    """

    def __init__(self, ctx: Context, item: LoadedExhibit, still: Still, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.tap = TapTracker(ctx.mm(ctx.theme.motion.tap_slop_mm))
        self.border = ctx.mm(BORDER_MM)
        self.padding = ctx.mm(ctx.theme.sizes.gap) // 2
        layout = QVBoxLayout(self)
        layout.setContentsMargins(self.border, self.border, self.border, self.padding)
        layout.setSpacing(self.padding)
        self.image = ImageView(ctx, item.path(still.file), fit=Fit.COVER, focus=still.focus)
        self.caption = make_label(ctx, ctx.theme.sizes.small_pt)
        self.caption.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.caption.setContentsMargins(self.padding, 0, self.padding, 0)
        for child in (self.image, self.caption):
            child.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
            layout.addWidget(child)
        self.veil = PressedVeil(ctx, self)
        self.full_caption = ""

    def _card_caption(self, width: int, caption: str) -> tuple[str, int]:
        """The caption as the card at `width` shows it, and the text's width."""
        text_width = width - 2 * self.border - 2 * self.padding
        lines, _cut = elide_lines(caption, self.caption.font(), text_width, CARD_CAPTION_LINES)
        return "\n".join(lines), text_width

    def height_for(self, width: int, caption: str) -> int:
        inner = width - 2 * self.border
        height = self.border + round(inner * THUMB_ASPECT)
        if not caption:
            return height + self.border
        shown, text_width = self._card_caption(width, caption)
        return height + 2 * self.padding + text_height(self.caption.font(), text_width, shown)

    def set_size(self, width: int, height: int) -> None:
        inner = width - 2 * self.border
        self.image.setFixedSize(inner, round(inner * THUMB_ASPECT))
        self.caption.setText(self._card_caption(width, self.full_caption)[0])
        self.setFixedSize(width, height)
        self.veil.setGeometry(self.rect())

    def set_pressed(self, pressed: bool) -> None:
        self.setDown(pressed)
        self.veil.setVisible(pressed)

    def set_texts(self, caption: str, alt: str) -> None:
        """The whole caption; set_size cuts it to the card."""
        self.full_caption = caption
        self.caption.setText(caption)
        self.caption.setVisible(bool(caption))
        self.image.set_alt_text(alt)
        self.setAccessibleName(alt or caption)

    def sizeHint(self) -> QSize:
        return self.size()

    # --- input: a tap opens, a drag does not ---------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.tap.press(event.position())
            self.set_pressed(True)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self.tap.active and not self.tap.move(event.position()):
            self.set_pressed(False)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return
        is_tap = self.tap.release(event.position())
        self.set_pressed(False)
        if is_tap:
            self.click()

    def paintEvent(self, event: QPaintEvent) -> None:
        surface = self.ctx.theme.colour("surface")
        paint_card(self, surface, surface, self.border, self.ctx.mm(self.ctx.theme.sizes.corner_radius))


class PressedVeil(QWidget):
    """Laid over a pressed thumbnail: dims it and outlines it in the accent
    colour, visible around the finger the moment it lands."""

    def __init__(self, ctx: Context, parent: QWidget):
        super().__init__(parent)
        self.ctx = ctx
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.hide()

    def paintEvent(self, event: QPaintEvent) -> None:
        theme = self.ctx.theme
        veil = theme.colour("scrim")
        veil.setAlphaF(0.35)
        paint_card(self, veil, theme.colour("accent"), self.ctx.mm(PRESSED_OUTLINE_MM),
                   self.ctx.mm(theme.sizes.corner_radius))


def paint_card(widget: QWidget, fill: QColor, outline: QColor, width: int, radius: int) -> None:
    painter = QPainter(widget)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(outline, width))
    painter.setBrush(fill)
    half = width / 2
    painter.drawRoundedRect(QRectF(widget.rect()).adjusted(half, half, -half, -half), radius, radius)


def line_height_any_script(font: QFont) -> int:
    """The height of one line whichever script it is in (Chinese runs taller),
    so that switching language does not move what is below it."""
    return QFontMetrics(font).boundingRect(QRect(0, 0, 1 << 16, 1 << 16), 0, "Ag中").height()


class GalleryPanelView(PanelView):
    """Heading, a hint, and a grid of stills that scrolls when they do not fit."""

    panel: GalleryPanel

    def __init__(self, ctx: Context, item: LoadedExhibit, index: int,
                 parent: QWidget | None = None):
        super().__init__(ctx, item, index, parent)
        panel = self.panel
        sizes = ctx.theme.sizes
        layout = QVBoxLayout(self)
        ctx.grid.apply(layout, top=False)
        layout.setSpacing(ctx.mm(sizes.gap))
        self.heading = self.make_heading()
        self.hint = make_label(ctx, sizes.small_pt, muted=True)
        for label in (self.heading, self.hint):
            label.setMinimumHeight(line_height_any_script(label.font()))
            layout.addWidget(label)

        grid_host = QWidget()
        self.grid = QGridLayout(grid_host)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setSpacing(ctx.mm(sizes.target_spacing))
        # from the page grid's edge, as every page is: headings do not jump
        self.grid.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.thumbnails: list[StillThumbnail] = []
        self.captions = [[item.exhibit.text(still.caption, language)
                          for language in ctx.visit.languages] for still in panel.stills]
        """Every language's captions, so that the grid does not change with the language."""
        for index, still in enumerate(panel.stills):
            thumbnail = StillThumbnail(ctx, item, still)
            thumbnail.clicked.connect(lambda _=False, i=index: self.open_still(i))
            self.grid.addWidget(thumbnail, 0, index, Qt.AlignmentFlag.AlignTop)
            self.thumbnails.append(thumbnail)
        self.columns = len(self.thumbnails)
        """One row until the panel knows its size."""
        self.scroll_area = KineticScrollArea(ctx, grid_host, beside=True)
        self.scroll_area.viewport().installEventFilter(self)
        layout.addWidget(self.scroll_area, 1)
        self.retranslate()

    def open_still(self, index: int) -> None:
        self.ctx.visit.open_still(index, page=self.page)

    def retranslate(self) -> None:
        heading = self.t(self.panel.heading)
        self.heading.setText(heading)
        self.heading.setVisible(bool(heading))
        self.hint.setText(self.ctx.tr("tap_to_enlarge"))
        for thumbnail, still in zip(self.thumbnails, self.panel.stills):
            thumbnail.set_texts(self.t(still.caption), self.t(still.alt))
        self._lay_out_grid()

    def reset(self) -> None:
        scroll_to_start(self.scroll_area)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.scroll_area.viewport() and event.type() == QEvent.Type.Resize:
            self._lay_out_grid()
        return False

    # --- grid ---------------------------------------------------------------------

    def _lay_out_grid(self) -> None:
        available = self.scroll_area.width() - 2 * self.scroll_area.verticalScrollBar().sizeHint().width()
        if available <= 0:
            return
        columns, width, fits = self._choose_grid(available, self.scroll_area.viewport().height())
        if not fits:  # the grid scrolls, and the "more" button takes a strip beside it
            columns, width, _ = self._choose_grid(available - self.scroll_area.strip,
                                                  self.scroll_area.viewport().height())
        for start in range(0, len(self.thumbnails), columns):
            row = self.thumbnails[start:start + columns]
            height = max(t.height_for(width, t.full_caption) for t in row)
            for thumbnail in row:  # cards in a row end on one line
                thumbnail.set_size(width, height)
        if columns != self.columns:
            self.columns = columns
            for index, thumbnail in enumerate(self.thumbnails):
                self.grid.addWidget(thumbnail, index // columns, index % columns,
                                    Qt.AlignmentFlag.AlignTop)

    def _choose_grid(self, available: int, visible_height: int) -> tuple[int, int, bool]:
        """The column count that shows the largest stills with the whole grid in
        view; when no grid of readable stills fits, the most columns that keep
        stills at least the minimum width, and the grid scrolls (False). Only
        counts that fill the rows evenly are tried (2 + 2, not 3 + 1)."""
        spacing = self.grid.horizontalSpacing()
        smallest, largest = self.ctx.mm(THUMB_MIN_WIDTH_MM), self.ctx.mm(THUMB_MAX_WIDTH_MM)
        count = len(self.thumbnails)

        def column_width(columns: int) -> int:
            return min(largest, (available - (columns - 1) * spacing) // columns)

        def grid_height(columns: int, width: int) -> int:
            heights = [max(thumbnail.height_for(width, caption) for caption in captions)
                       for thumbnail, captions in zip(self.thumbnails, self.captions)]
            rows = [max(heights[i:i + columns]) for i in range(0, count, columns)]
            return sum(rows) + (len(rows) - 1) * spacing

        balanced = [c for c in range(1, count + 1) if c == math.ceil(count / math.ceil(count / c))]
        wide_enough = [c for c in balanced if column_width(c) >= smallest] or [1]
        best = (wide_enough[-1], column_width(wide_enough[-1]))
        best_width = 0
        for columns in wide_enough:
            high = column_width(columns)
            low = min(smallest, high)
            if grid_height(columns, low) > visible_height:
                continue
            while low < high:  # the widest stills for which the grid still fits
                middle = (low + high + 1) // 2
                if grid_height(columns, middle) <= visible_height:
                    low = middle
                else:
                    high = middle - 1
            if low >= best_width:
                best, best_width = (columns, low), low
        return (*best, best_width > 0)
