"""What the statistics mean, decided once from the visit model's events."""

from __future__ import annotations

import threading

import pytest

from kiosk.content.loader import load_catalog
from kiosk.paths import bundled_exhibits_dir
from kiosk.statistics.recorder import VisitRecorder
from kiosk.visit.model import Visit
from kiosk.visit.pages import page_of_panel


class Calls:
    """A stand-in for the store that lists what it is told."""

    def __init__(self):
        self.calls = []

    def __getattr__(self, name):
        return lambda *args: self.calls.append((name, *args))


@pytest.fixture
def visit():
    return Visit(load_catalog([bundled_exhibits_dir()]), ["en", "zh", "ru"], "en")


@pytest.fixture
def calls(visit):
    store = Calls()
    VisitRecorder(visit, store)
    return store.calls


def panel_of(visit, exhibit, kind):
    """A panel's index in the exhibit's `panels`, as statistics record it."""
    return next(i for i, p in enumerate(visit.catalog.get(exhibit).exhibit.panels) if p.type == kind)


def test_a_session_runs_from_the_wake_to_the_reset(visit, calls):
    visit.reset("start")
    assert calls == []  # attract mode at start records nothing
    visit.wake("shenzhou-13")
    visit.set_language("zh")
    visit.next_page()
    visit.go_home()
    visit.reset("idle_reset")
    visit.set_language("ru")  # between visits: nobody chose it
    kind = visit.catalog.get("shenzhou-13").exhibit.panels
    assert calls == [("start_session", "en"), ("screen_viewed", "shenzhou-13", None, "title"),
                     ("language_chosen", "zh"), ("screen_viewed", "shenzhou-13", 0, kind[0].type),
                     ("screen_viewed", None, None, None), ("end_session", "idle_reset")]


def test_the_viewer_stays_on_its_gallery_panel_and_a_still_is_zoomed_once_per_opening(visit, calls):
    gallery = panel_of(visit, "shenzhou-13", "gallery")
    visit.show("shenzhou-13", page_of_panel(gallery))
    visit.open_still(0)
    for zoom in (1.5, 2.0, 1.0, 3.0):
        visit.set_zoom(zoom)
    visit.open_still(1)
    visit.set_zoom(2.0)
    visit.open_still(0)
    visit.set_zoom(2.0)     # the same still again in the same opening
    visit.close_still()
    visit.open_still(0)
    visit.set_zoom(2.0)     # a new opening
    files = [still.file for still in visit.stills]
    zoomed = [c for c in calls if c[0] == "still_zoomed"]
    assert zoomed == [("still_zoomed", "shenzhou-13", files[0]), ("still_zoomed", "shenzhou-13", files[1]),
                      ("still_zoomed", "shenzhou-13", files[0])]
    assert sum(c[0] == "screen_viewed" for c in calls) == 1


def test_a_wipe_is_used_once_per_view_however_often_it_is_dragged(visit, calls):
    wipe = panel_of(visit, "the-challenge", "wipe")
    visit.show("the-challenge", page_of_panel(wipe))
    for position in (0.2, 0.4, 0.6, 0.8):
        visit.move_wipe(position)
    visit.previous_page()
    visit.next_page()
    visit.move_wipe(0.3)
    assert [c for c in calls if c[0] == "wipe_used"] == [("wipe_used", "the-challenge", wipe)] * 2


def test_the_queued_store_writes_off_the_gui_thread(tmp_path, monkeypatch):
    from kiosk.statistics.background import BackgroundStats
    from kiosk.statistics.store import StatsStore

    threads = []
    original = StatsStore._event

    def spy(self, *args):
        threads.append(threading.current_thread())
        return original(self, *args)

    monkeypatch.setattr(StatsStore, "_event", spy)
    stats = BackgroundStats(tmp_path / "stats.sqlite3", clock=lambda: 1000.0)
    stats.start_session("en")
    stats.screen_viewed("x", 0, "text")
    report = stats.report()
    stats.close()
    assert threads and all(t is not threading.main_thread() for t in threads)
    assert report.sessions == 1 and report.panel_views == {("x", 0, "text"): 1}
