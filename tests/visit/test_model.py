"""The visit model: where the visitor is, moved only through its methods."""

from __future__ import annotations

import pytest

from kiosk.content.loader import load_catalog
from kiosk.paths import bundled_exhibits_dir
from kiosk.visit.model import ATTRACT, HOME, Overlay, Place, Screen, Visit
from kiosk.visit.pages import TITLE_PAGE, next_exhibit, pages_of


@pytest.fixture
def visit():
    return Visit(load_catalog([bundled_exhibits_dir()]), ["en", "zh", "ru"], "en")


def record(visit):
    events = []
    visit.events.place.connect(lambda old, new: events.append(("place", new)))
    visit.events.language.connect(lambda code: events.append(("language", code)))
    visit.events.overlay.connect(lambda overlay: events.append(("overlay", overlay)))
    visit.events.reset.connect(lambda reason: events.append(("reset", reason)))
    return events


def test_navigation_moves_the_place_and_tells_observers(visit):
    events = record(visit)
    visit.show("shenzhou-13", 2)
    visit.next_page()
    visit.previous_page()
    visit.go_home()
    assert [e[1] for e in events] == [Place(Screen.EXHIBIT, "shenzhou-13", 2),
                                      Place(Screen.EXHIBIT, "shenzhou-13", 3),
                                      Place(Screen.EXHIBIT, "shenzhou-13", 2), HOME]


def test_requests_that_make_no_sense_change_nothing(visit):
    events = record(visit)
    visit.show("no-such-exhibit")
    visit.show("shenzhou-13", 99)
    visit.next_page()                   # not on an exhibit
    visit.open_still(0)                 # not on a gallery
    visit.set_language("de")            # not enabled
    assert events == [] and visit.place == HOME
    visit.show("shenzhou-13", len(visit.catalog.get("shenzhou-13").exhibit.panels))
    events.clear()
    visit.next_page()                   # past the last page
    assert events == []


def test_the_viewer_opens_on_a_gallery_still_and_zoom_resets_with_the_still(visit):
    gallery = next(page for page, shown in enumerate(pages_of(visit.catalog.get("shenzhou-13")))
                   if shown.type == "gallery")
    visit.show("shenzhou-13")
    visit.open_still(1, page=gallery)
    assert visit.place == Place(Screen.EXHIBIT, "shenzhou-13", gallery, 1)
    assert visit.stills[1].file
    zooms = []
    visit.events.zoom.connect(zooms.append)
    visit.set_zoom(2.0)
    visit.open_still(2)
    assert zooms == [2.0, 1.0] and visit.zoom == 1.0
    visit.close_still()
    assert visit.place.still is None


def test_reset_ends_the_visit_in_attract_mode_with_the_default_language(visit):
    visit.show("the-challenge")
    visit.set_language("ru")
    visit.open_overlay(Overlay.STILL_THERE)
    events = record(visit)
    visit.reset("idle_reset")
    assert events == [("reset", "idle_reset"), ("overlay", None), ("language", "en"),
                      ("place", ATTRACT)]
    assert visit.attracting


def test_waking_opens_the_exhibit_on_screen_or_home(visit):
    visit.reset("start")
    visit.wake("the-challenge")
    assert visit.place == Place(Screen.EXHIBIT, "the-challenge", 0)
    visit.reset("idle_reset")
    visit.wake(None)
    assert visit.place == HOME


def test_new_content_keeps_a_place_that_still_exists(visit, exhibits_root):
    from tests.helpers.exhibits import make_exhibit

    visit.show("shenzhou-13", 3)
    visit.set_catalog(load_catalog([bundled_exhibits_dir()]))
    assert visit.place == Place(Screen.EXHIBIT, "shenzhou-13", 3)
    make_exhibit(exhibits_root, "other")
    visit.set_catalog(load_catalog([exhibits_root]))
    assert visit.place == HOME


def test_an_exhibit_opens_on_its_title_page_and_its_panels_follow(visit):
    item = visit.catalog.get("shenzhou-13")
    assert pages_of(item) == [TITLE_PAGE, *item.exhibit.panels]
    visit.show("shenzhou-13")
    assert visit.place == Place(Screen.EXHIBIT, "shenzhou-13", 0) and visit.stills == []
    visit.next_page()
    assert visit.place.page == 1


def test_the_next_exhibit_follows_home_screen_order_and_wraps(visit):
    catalog = visit.catalog
    assert next_exhibit(catalog, "shenzhou-13").id == "the-challenge"
    assert next_exhibit(catalog, "the-challenge").id == "shenzhou-13"
    assert next_exhibit(catalog, "nothing") is None
