"""A timeline that reads as time: where its cards and dots stand on the
screen, what fits without scrolling, and what scrolls with its cue."""

from __future__ import annotations

import pytest
import yaml
from PySide6.QtCore import QPoint, QRect

from kiosk.visit.pages import page_of_panel
from tests.helpers.exhibits import make_context, make_exhibit, png_bytes, show_at

RED = (220, 30, 30)


def _event(date: str, title: str, **more) -> dict:
    return {"date": date, "title": title, "text": "Something happened that day.", **more}


TIMELINES = {
    "decade": [_event("2000-01-01", "Start"), _event("2002-01-01", "Two years on"),
               _event("2010-01-01", "Ten years on")],
    "cluster": [_event("2021-10-05", "Launch"), _event("2021-10-05", "Docking"),
                _event("2021-10-17", "Landing"), _event("2023-04-20", "Release")],
    "still": [_event("2021", "With a still", still={"file": "red.png", "alt": "A red square"}),
              _event("2022", "Without")],
}


@pytest.fixture
def timelines(qapp, exhibits_root):
    from kiosk.ui.fonts import load_bundled_fonts
    from kiosk.ui.style import stylesheet

    exhibit = {"schema": 1, "id": "times", "title": "Times", "tile": "tile.png",
               "panels": [{"type": "timeline", "events": events} for events in TIMELINES.values()]}
    folder = make_exhibit(exhibits_root, "times", yaml.safe_dump(exhibit)).parent
    (folder / "red.png").write_bytes(png_bytes(160, 90, RED))
    load_bundled_fonts()
    ctx = make_context([exhibits_root])
    assert not ctx.catalog.errors, ctx.catalog.errors
    qapp.setStyleSheet(stylesheet(ctx.theme, ctx.metrics))
    return ctx


def show(qtbot, ctx, name: str):
    from kiosk.ui.panels.timeline import TimelinePanelView

    view = TimelinePanelView(ctx, ctx.catalog.get("times"), list(TIMELINES).index(name))
    return show_at(qtbot, view, 1920, 1025, ctx)


def card_boxes(view) -> list[QRect]:
    return [QRect(card.frame.mapTo(view, QPoint(0, 0)), card.frame.size()) for card in view.cards]


def test_events_stand_at_distances_proportional_to_their_dates(qtbot, timelines):
    view = show(qtbot, timelines, "decade")
    centres = [box.center().x() for box in card_boxes(view)]
    dots = view.canvas.positions
    assert centres == pytest.approx(dots, abs=1), "each card hangs from its dot"
    assert (centres[1] - centres[0]) / (centres[2] - centres[0]) == pytest.approx(0.2, abs=0.01)


def test_clustered_events_are_pushed_apart_and_cards_never_overlap(qtbot, timelines):
    view = show(qtbot, timelines, "cluster")
    boxes = card_boxes(view)
    canvas = view.canvas
    axis = canvas.mapTo(view, QPoint(0, canvas.axis_y)).y()
    for index, box in enumerate(boxes):
        assert (box.bottom() < axis) == (index % 2 == 0), "cards alternate above and below the axis"
        for other in boxes[index + 1:]:
            assert not box.intersects(other)
    centres = [box.center().x() for box in boxes]
    least = timelines.mm(timelines.theme.sizes.gap)
    assert all(b - a >= least for a, b in zip(centres, centres[1:])), "same-day events stay apart"
    assert centres[3] - centres[2] > 2 * (centres[2] - centres[0]), "18 months look longer than 12 days"


def test_year_ticks_fall_between_the_events_around_them(qtbot, timelines):
    view = show(qtbot, timelines, "cluster")
    ticks = dict(view.canvas.year_ticks())
    assert set(ticks) == {2022, 2023}
    dots = view.canvas.positions
    assert dots[2] < ticks[2022] < ticks[2023] < dots[3]


def test_a_card_shows_its_events_still(qtbot, timelines):
    view = show(qtbot, timelines, "still")
    card, plain = view.cards
    assert plain.still is None
    still = card.still
    assert still.accessibleName() == "A red square"
    assert still.width() >= 2 * still.height() > 0, "a small strip across the card"
    listed = view.list_cards[0].still  # the list form, where the axis does not fit, shows it too
    assert listed is not None and listed.accessibleName() == "A red square"
    image = view.grab().toImage()
    for corner in (QPoint(1, 1), QPoint(still.width() - 2, still.height() - 2)):
        colour = image.pixelColor(still.mapTo(view, corner))
        assert (colour.red(), colour.green(), colour.blue()) == pytest.approx(RED, abs=12), \
            "cover-cropped: the picture fills its strip"


def _bundled_timeline(qtbot, ctx, exhibit_id: str):
    from kiosk.ui.window import KioskWindow

    window = show_at(qtbot, KioskWindow(ctx, 1920), 1920, 1080, ctx)
    item = ctx.catalog.get(exhibit_id)
    index = next(i for i, panel in enumerate(item.exhibit.panels) if panel.type == "timeline")
    ctx.visit.show(exhibit_id, page_of_panel(index))
    return window.exhibit.pages[page_of_panel(index)]


@pytest.mark.parametrize("exhibit_id", ["shenzhou-13", "the-challenge"])
def test_every_bundled_event_is_on_screen_at_once_on_a_55_inch_display(qtbot, ctx, exhibit_id):
    view = _bundled_timeline(qtbot, ctx, exhibit_id)
    viewport = view.scroll_area.viewport()
    for language in ("en", "zh", "ru"):
        ctx.visit.set_language(language)
        assert view.scroll_area.horizontalScrollBar().maximum() == 0, language
        for card in view.cards:
            box = QRect(card.frame.mapTo(viewport, QPoint(0, 0)), card.frame.size())
            assert viewport.rect().contains(box), (language, card.title.text())
        assert not view.scroll_area.cues.more.isVisible()


def test_on_a_24_inch_display_the_bundled_timeline_scrolls_sideways_with_its_cue(qtbot, qapp):
    from kiosk.ui.style import stylesheet

    ctx = make_context(diagonal=24.0)
    qapp.setStyleSheet(stylesheet(ctx.theme, ctx.metrics))
    view = _bundled_timeline(qtbot, ctx, "shenzhou-13")
    area = view.scroll_area
    assert area.horizontalScrollBar().maximum() > 0
    assert not area.horizontalScrollBar().isVisible() and area.cues.more.isVisible()
    boxes = card_boxes(view)
    assert all(not a.intersects(b) for i, a in enumerate(boxes) for b in boxes[i + 1:])
    area.cues.more.click()
    qtbot.waitUntil(lambda: area.horizontalScrollBar().value() > 0)
