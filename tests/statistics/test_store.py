"""Recording: sessions, crash recovery, and never raising."""

from __future__ import annotations

import gc
import logging
from pathlib import Path

import pytest

from kiosk.statistics.database import default_stats_path
from kiosk.statistics.report import Report, read_report
from kiosk.statistics.store import StatsStore
from tests.statistics.scripted import DAY1, FakeClock


def test_power_cut_closes_session_at_last_event(tmp_path: Path) -> None:
    path = tmp_path / "stats.sqlite3"
    clock = FakeClock(DAY1)
    store = StatsStore(path, clock=clock)
    store.start_session("ru")
    store.screen_viewed(None, None, None)
    clock.at(DAY1 + 10)
    store.screen_viewed("nanook", 0, "text")
    clock.at(DAY1 + 25)
    store.wipe_used("nanook", 0)
    del store  # power cut: no end_session, no close
    gc.collect()

    clock.at(DAY1 + 5000)
    reopened = StatsStore(path, clock=clock)
    try:
        report = reopened.report()
        assert report.sessions == 1
        assert report.median_session_seconds == 25.0
        assert report.end_reasons == {"interrupted": 1}
        assert report.exhibit_dwell == {"nanook": 15.0}
        assert report.languages == {"ru": 1}
        assert reopened.session_id is None
        reopened.screen_viewed(None, None, None)  # new session, implicitly
        assert reopened.session_id is not None
    finally:
        reopened.close()
    assert read_report(path).sessions == 2


def test_session_without_events_recovers_at_its_start(tmp_path: Path) -> None:
    path = tmp_path / "stats.sqlite3"
    clock = FakeClock(DAY1)
    StatsStore(path, clock=clock).start_session("en")
    gc.collect()
    clock.at(DAY1 + 600)
    StatsStore(path, clock=clock).close()
    assert read_report(path).median_session_seconds == 0.0


def test_reading_does_not_close_the_running_session(tmp_path: Path) -> None:
    path = tmp_path / "stats.sqlite3"
    clock = FakeClock(DAY1)
    store = StatsStore(path, clock=clock)
    store.start_session("en")
    clock.at(DAY1 + 30)
    store.screen_viewed("nanook", 0, "text")
    live = read_report(path)
    assert live.sessions == 1 and live.median_session_seconds == 30.0
    assert live.end_reasons == {"open": 1}
    clock.at(DAY1 + 90)
    store.close()  # ends the session as "quit"
    final = read_report(path)
    assert final.end_reasons == {"quit": 1} and final.median_session_seconds == 90.0


def test_implicit_sessions_and_superseded_sessions(tmp_path: Path) -> None:
    path = tmp_path / "stats.sqlite3"
    clock = FakeClock(DAY1)
    store = StatsStore(path, clock=clock)
    store.end_session("quit")            # nothing open: nothing happens
    store.idle_reset()
    store.still_zoomed("nanook", "a.jpg")  # starts a session (language unknown)
    first = store.session_id
    assert first is not None
    clock.at(DAY1 + 10)
    second = store.start_session("zh")   # ends the implicit one
    assert second != first
    clock.at(DAY1 + 20)
    store.close()
    report = read_report(path)
    assert report.sessions == 2
    assert report.end_reasons == {"new_session": 1, "quit": 1}
    assert report.languages == {"zh": 1}
    assert report.idle_resets == 0


def _record_one_of_each(store: StatsStore) -> None:
    store.screen_viewed("nanook", 0, "text")
    store.language_chosen("zh")
    store.still_zoomed("nanook", "a.jpg")
    store.wipe_used("nanook", 0)
    store.idle_reset()
    store.end_session("quit")


def test_unwritable_path_never_raises(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    path = tmp_path / "stats.sqlite3"
    path.mkdir()  # a directory where the database file should be
    caplog.set_level(logging.WARNING, logger="kiosk.stats")
    store = StatsStore(path, clock=FakeClock())
    assert not store.active
    assert store.start_session("en") is None
    _record_one_of_each(store)
    assert store.report().sessions == 0
    store.close()
    warnings = [r for r in caplog.records if r.levelno == logging.WARNING]
    assert len(warnings) == 1 and str(path) in warnings[0].getMessage()


def test_parent_is_a_file_never_raises(tmp_path: Path) -> None:
    (tmp_path / "blocker").write_text("not a folder")
    store = StatsStore(tmp_path / "blocker" / "stats.sqlite3", clock=FakeClock())
    store.start_session("en")
    store.screen_viewed(None)
    store.end_session("quit")
    assert not store.active


def test_failures_after_opening_warn_once(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.WARNING, logger="kiosk.stats")
    store = StatsStore(tmp_path / "stats.sqlite3", clock=FakeClock())
    store.start_session("en")
    store._conn.close()  # the database goes away under the kiosk
    store.screen_viewed("nanook", 0, "text")
    store.wipe_used("nanook", 0)
    store.end_session("quit")
    store.start_session("en")
    assert store.report().sessions == 0
    store.close()
    assert len([r for r in caplog.records if r.levelno == logging.WARNING]) == 1


def test_disabled_writes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "sub" / "stats.sqlite3"
    store = StatsStore(path, clock=FakeClock(), enabled=False)
    assert store.start_session("en") is None
    _record_one_of_each(store)
    assert store.report() == Report()
    store.close()
    assert not path.parent.exists()


def test_default_path() -> None:
    path = default_stats_path()
    assert path.name == "stats.sqlite3"
    assert "exhibit-kiosk" in path.parts
