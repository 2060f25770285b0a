"""What a visitor sees before touching anything on a page: on every display,
the beginning of what the page is about, not a picture and a fold. A 24-inch
display is short (text keeps its millimetre size), which is where a title
page once showed no summary, a gallery one cropped still and a wipe no hint."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QWidget

from kiosk.content.schema import GalleryPanel, TextPanel, WipePanel
from kiosk.ui.panels.gallery import CARD_CAPTION_LINES
from kiosk.visit.pages import pages_of
from tests.ui.test_design import DISPLAYS, _kiosk_window

LINES_SHOWN = 2
"""A text's first lines that show on the first screen."""


def _window_rect(widget: QWidget, window: QWidget) -> QRect:
    return QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())


def _lines_in_view(label, area, window) -> float:
    """How many of `label`'s lines the scroll area shows without scrolling."""
    viewport = _window_rect(area.viewport(), window)
    top = _window_rect(label, window).top() + label.contentsMargins().top()
    return (viewport.bottom() - top) / label.fontMetrics().lineSpacing()


def _first_screen_problems(window, page, panel, name: str) -> list[str]:
    problems = []
    if panel is None:  # the title page
        area = page.areas[0]
        if _lines_in_view(page.summary, area, window) < LINES_SHOWN:
            problems.append(f"{name}: the summary starts below the fold")
    elif isinstance(panel, TextPanel):
        if _lines_in_view(page.body, page.scroll_area, window) < LINES_SHOWN:
            problems.append(f"{name}: the text starts below the fold")
    elif isinstance(panel, GalleryPanel) and len(panel.stills) <= 4:
        viewport = _window_rect(page.scroll_area.viewport(), window)
        for number, thumbnail in enumerate(page.thumbnails, start=1):
            if not viewport.contains(_window_rect(thumbnail, window)):
                problems.append(f"{name}: still {number} is not whole on the first screen")
            lines = thumbnail.caption.text().count("\n") + 1
            if lines > CARD_CAPTION_LINES:
                problems.append(f"{name}: still {number}'s caption runs {lines} lines")
    elif isinstance(panel, WipePanel):
        viewport = _window_rect(page.column.viewport(), window)
        if not viewport.contains(_window_rect(page.instruction, window)):
            problems.append(f"{name}: 'drag to compare' is below the fold")
    return problems


@DISPLAYS
def test_every_page_shows_its_beginning_on_the_first_screen(qapp, qtbot, size, diagonal):
    window = _kiosk_window(qtbot, size, diagonal)
    ctx = window.ctx
    problems: list[str] = []
    for language in ctx.visit.languages:
        ctx.visit.set_language(language)
        for item in ctx.catalog.exhibits:
            for index, panel in enumerate(pages_of(item)):
                ctx.visit.show(item.id, index)
                qtbot.waitUntil(lambda: not window.exhibit.pager.sliding and not window.transition.running)
                problems += _first_screen_problems(window, window.exhibit.pages[index],
                                                   panel if index else None,
                                                   f"{language} {item.id} page {index}")
    assert not problems, "\n".join(problems)


def test_a_gallery_card_cuts_a_long_caption_and_the_viewer_shows_it_whole(qapp, qtbot):
    window = _kiosk_window(qtbot, (1920, 1080), 24.0)
    ctx = window.ctx
    item = ctx.catalog.exhibits[0]
    index = next(i for i, panel in enumerate(pages_of(item)) if isinstance(panel, GalleryPanel))
    ctx.visit.show(item.id, index)
    qtbot.waitUntil(lambda: not window.exhibit.pager.sliding and not window.transition.running)
    card = window.exhibit.pages[index].thumbnails[0]
    whole = card.full_caption
    assert card.caption.text().endswith("…") and len(card.caption.text()) < len(whole)
    assert card.accessibleName()  # read whole to a listener, not cut
    assert pytest.approx(card.caption.height(), abs=2) == card.caption.heightForWidth(card.caption.width())
