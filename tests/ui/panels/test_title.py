"""An exhibit opens on its film: the title page, its chapters, and the next
exhibit offered at the end."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint

from kiosk.content.schema import QuotePanel
from kiosk.visit.pages import pages_of
from tests.helpers.exhibits import show_at
from tests.helpers.touch import tap


@pytest.fixture
def window(qtbot, ctx):
    from kiosk.ui.window import KioskWindow

    window = show_at(qtbot, KioskWindow(ctx, 1920), 1920, 1080, ctx)
    ctx.visit.show("the-challenge")
    qtbot.waitUntil(lambda: window.exhibit is not None and not window.transition.running)
    return window


def _centre(window, widget) -> QPoint:
    return widget.mapTo(window, widget.rect().center())


def _settle(window, qtbot):
    qtbot.waitUntil(lambda: not window.exhibit.pager.sliding and not window.transition.running)


def test_the_title_page_shows_the_film_from_its_yaml(window, ctx):
    page = window.exhibit.pages[0]
    exhibit = window.exhibit.item.exhibit
    assert window.exhibit.index == 0 and window.exhibit.running_head.text() == "Films shot in orbit"
    assert page.title.accessibleName() == "heading" and page.title.text() == "The Challenge"
    assert page.subtitle.text().replace("\u00a0", " ") == exhibit.subtitle.translations["en"]
    assert page.details.text() == "2023 · Russia"
    assert page.summary.text() == exhibit.summary.translations["en"]
    credits = {key: [(name.text(), part.text()) for _, name, part in rows]
               for key, heading, rows in page.credits.groups}
    assert credits["directed_by"][0][0] == "Klim Shipenko"
    assert ("Yulia Peresild", "The surgeon sent to the ISS") in credits["cast"]
    assert credits["crew"] == [("Anton Shkaplerov", "Commander of Soyuz MS-19")]
    ctx.visit.set_language("ru")
    assert page.title.text() == "Вызов" and page.details.text() == "2023 · Россия"
    assert [heading.text() for _, heading, _ in page.credits.groups] == ["Режиссёр", "В ролях", "Съёмочная группа"]


def test_every_chapter_is_listed_by_its_heading_and_opens_with_a_tap(window, ctx, qtbot):
    item = window.exhibit.item
    chapters = window.exhibit.pages[0].chapters.buttons
    assert len(chapters) == len(item.exhibit.panels)
    for button, panel in zip(chapters, item.exhibit.panels):
        expected = "In their words" if isinstance(panel, QuotePanel) else panel.heading.translations["en"]
        assert button.accessibleName().endswith(expected)
    tap(window, _centre(window, chapters[2]))
    _settle(window, qtbot)
    assert ctx.visit.place.page == 3 and window.exhibit.index == 3
    assert window.exhibit.running_head.text() == "The Challenge"


def test_the_chapter_list_is_one_tap_away_from_any_page(window, ctx, qtbot):
    screen = window.exhibit
    assert not screen.chapters.isEnabled()      # already there
    ctx.visit.show("the-challenge", 6)
    _settle(window, qtbot)
    tap(window, _centre(window, screen.chapters))
    _settle(window, qtbot)
    assert ctx.visit.place.page == 0 and screen.pages[0].chapters.buttons[0].isVisible()


def test_the_last_page_offers_the_next_film_without_moving_the_other_buttons(window, ctx, qtbot):
    screen = window.exhibit
    controls = (screen.previous, screen.indicator, screen.next)
    first = [widget.geometry() for widget in controls]
    assert not screen.next_film.isVisible()
    last = len(pages_of(screen.item)) - 1
    ctx.visit.show("the-challenge", last)
    _settle(window, qtbot)
    assert screen.next_film.isVisible() and screen.next_film.text() == "Next: SHENZHOU 13"
    assert not screen.next.isEnabled()
    assert [widget.geometry() for widget in controls] == first
    ctx.visit.set_language("zh")
    assert screen.next_film.text() == "下一部：窗外是蓝星"
    assert [widget.geometry() for widget in controls] == first
    tap(window, _centre(window, screen.next_film))
    qtbot.waitUntil(lambda: window.exhibit is not None and window.exhibit.item.id == "shenzhou-13")
    assert ctx.visit.place.page == 0
