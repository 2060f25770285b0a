"""Visitor statistics: recording, crash recovery, reports, CSV and the `kiosk stats` command."""

from __future__ import annotations

import csv
import gc
import logging
import sqlite3
from datetime import date, datetime
from pathlib import Path

import pytest

from kiosk.operation import stats
from kiosk.operation.stats import (
    Report, StatsStore, default_stats_path, format_duration, format_report, read_report,
    stats_command, write_csv,
)

DAY1 = datetime(2024, 5, 1, 10, 0, 0).timestamp()   # local time, like the report's dates
DAY2 = datetime(2024, 5, 2, 14, 30, 0).timestamp()


class FakeClock:
    def __init__(self, now: float = DAY1) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now

    def at(self, t: float) -> None:
        self.now = t


def scripted_visits(path: Path) -> StatsStore:
    """Two visits on two days; returns the (still open) store."""
    clock = FakeClock()
    store = StatsStore(path, clock=clock)
    # Day 1: 200 s, en then zh, ends with an idle reset.
    clock.at(DAY1)
    store.start_session("en")
    store.screen_viewed(None, None, None)                 # home: 20 s
    clock.at(DAY1 + 20)
    store.screen_viewed("nanook", 0, "text")              # opens the exhibit: 30 s
    clock.at(DAY1 + 50)
    store.screen_viewed("nanook", 1, "gallery")           # 45 s
    clock.at(DAY1 + 95)
    store.screen_viewed("nanook", 2, "wipe")              # 60 s
    clock.at(DAY1 + 100)
    store.language_chosen("zh")
    store.screen_viewed("nanook", 2, "wipe")              # re-rendered in zh: same view
    clock.at(DAY1 + 110)
    store.still_zoomed("nanook", "still-03.jpg")
    clock.at(DAY1 + 120)
    store.wipe_used("nanook", 2)
    clock.at(DAY1 + 155)
    store.screen_viewed(None, None, None)                 # home: 5 s
    clock.at(DAY1 + 160)
    store.screen_viewed("metropolis", 0, "text")          # 40 s until the idle reset
    clock.at(DAY1 + 200)
    store.idle_reset()
    # Day 2: 100 s in en, ends with quit.
    clock.at(DAY2)
    store.start_session("en")
    clock.at(DAY2 + 5)
    store.screen_viewed("metropolis", 0, "text")          # 10 s
    clock.at(DAY2 + 15)
    store.screen_viewed("metropolis", 1, "quote")         # 85 s
    clock.at(DAY2 + 100)
    store.end_session("quit")
    return store


EXPECTED_ALL = """\
Visitor statistics: all time
Sessions: 2
Median session length: 2m 30s
Sessions per day:
  2024-05-01  1
  2024-05-02  1
Most viewed exhibits (views, time spent):
  metropolis  2  2m 15s
  nanook      1  2m 15s
Most viewed panels (views, time spent):
  metropolis #0 text   2     50s
  metropolis #1 quote  1  1m 25s
  nanook #2 wipe       1  1m 00s
  nanook #1 gallery    1     45s
  nanook #0 text       1     30s
Languages (sessions):
  en  2
  zh  1
Stills zoomed: 1
Wipes used: 1
Idle resets: 1"""


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "data" / "stats.sqlite3"
    scripted_visits(path).close()
    return path


def test_scripted_visit_report_text(db: Path) -> None:
    assert format_report(read_report(db)) == EXPECTED_ALL


def test_scripted_visit_key_numbers(db: Path) -> None:
    report = read_report(db)
    assert report.sessions == 2
    assert report.sessions_per_day == {date(2024, 5, 1): 1, date(2024, 5, 2): 1}
    assert report.median_session_seconds == 150.0
    assert report.exhibit_views == {"metropolis": 2, "nanook": 1}
    assert report.exhibit_dwell == {"metropolis": 135.0, "nanook": 135.0}
    assert report.panel_views[("nanook", 2, "wipe")] == 1
    assert report.panel_dwell == {
        ("metropolis", 0, "text"): 50.0, ("metropolis", 1, "quote"): 85.0,
        ("nanook", 2, "wipe"): 60.0, ("nanook", 1, "gallery"): 45.0,
        ("nanook", 0, "text"): 30.0}
    assert list(report.panel_views) == list(report.panel_dwell)
    assert report.languages == {"en": 2, "zh": 1}
    assert (report.stills_zoomed, report.wipes_used, report.idle_resets) == (1, 1, 1)
    assert report.end_reasons == {"idle_reset": 1, "quit": 1}


def test_store_report_matches_read_report(tmp_path: Path) -> None:
    store = scripted_visits(tmp_path / "stats.sqlite3")
    try:
        assert store.report() == read_report(tmp_path / "stats.sqlite3")
    finally:
        store.close()


def test_database_settings(db: Path) -> None:
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("PRAGMA user_version").fetchone()[0] == stats.SCHEMA_VERSION
        assert conn.execute("SELECT COUNT(*) FROM sessions WHERE ended IS NULL").fetchone()[0] == 0
    finally:
        conn.close()


def test_since_until_filtering(db: Path) -> None:
    first = read_report(db, until=date(2024, 5, 1))
    assert first.sessions == 1 and first.sessions_per_day == {date(2024, 5, 1): 1}
    assert first.median_session_seconds == 200.0
    assert first.languages == {"en": 1, "zh": 1}
    assert first.exhibit_views == {"nanook": 1, "metropolis": 1}
    assert first.exhibit_dwell == {"nanook": 135.0, "metropolis": 40.0}

    second = read_report(db, since=date(2024, 5, 2))
    assert second.sessions == 1 and second.median_session_seconds == 100.0
    assert second.exhibit_views == {"metropolis": 1}
    assert (second.stills_zoomed, second.wipes_used, second.idle_resets) == (0, 0, 0)
    assert format_report(second).splitlines()[0] == "Visitor statistics: from 2024-05-02"

    both = read_report(db, since=date(2024, 5, 1), until=date(2024, 5, 2))
    assert both.sessions == 2
    assert format_report(both).splitlines()[0] == "Visitor statistics: 2024-05-01 to 2024-05-02"

    none = read_report(db, since=date(2024, 6, 1))
    assert none.sessions == 0 and none.median_session_seconds is None
    assert format_report(none) == """\
Visitor statistics: from 2024-06-01
Sessions: 0
Median session length: -
Sessions per day:
  (none)
Most viewed exhibits (views, time spent):
  (none)
Most viewed panels (views, time spent):
  (none)
Languages (sessions):
  (none)
Stills zoomed: 0
Wipes used: 0
Idle resets: 0"""


def test_csv_round_trip(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "report.csv"
    write_csv(read_report(db), out)
    with open(out, encoding="utf-8", newline="") as stream:
        rows = list(csv.reader(stream))
    assert rows[0] == ["section", "key", "value"]
    table = {(section, key): value for section, key, value in rows[1:]}
    assert len(table) == len(rows) - 1  # (section, key) is unique
    assert table[("period", "since")] == "" and table[("period", "until")] == ""
    assert table[("summary", "sessions")] == "2"
    assert table[("summary", "median_session_seconds")] == "150.0"
    assert table[("summary", "stills_zoomed")] == "1"
    assert table[("summary", "wipes_used")] == "1"
    assert table[("summary", "idle_resets")] == "1"
    assert table[("sessions_per_day", "2024-05-01")] == "1"
    assert table[("sessions_per_day", "2024-05-02")] == "1"
    assert table[("exhibit_views", "metropolis")] == "2"
    assert table[("exhibit_dwell_seconds", "nanook")] == "135.0"
    assert table[("panel_views", "nanook/1/gallery")] == "1"
    assert table[("panel_dwell_seconds", "metropolis/1/quote")] == "85.0"
    assert table[("language_sessions", "en")] == "2"
    assert table[("language_sessions", "zh")] == "1"
    assert table[("session_end_reasons", "quit")] == "1"
    exhibits = [key for section, key, _ in rows[1:] if section == "exhibit_views"]
    assert exhibits == ["metropolis", "nanook"]


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


def test_format_duration() -> None:
    assert [format_duration(s) for s in (None, 0, 44.6, 60, 125, 3723)] == \
        ["-", "0s", "45s", "1m 00s", "2m 05s", "1h 02m 03s"]


# --- kiosk stats ----------------------------------------------------------------------------


@pytest.mark.parametrize("since, until", [
    ("2024-13-01", None), ("yesterday", None), ("20240501", None), (None, "2024-5-1"),
    ("2024-05-03", "2024-05-01"),
])
def test_stats_command_bad_dates(db: Path, since, until, capsys) -> None:
    assert stats_command(db, since, until, None) == 2
    out, err = capsys.readouterr()
    assert out == "" and err.startswith("kiosk stats: ")


def test_stats_command_missing_database(tmp_path: Path, capsys) -> None:
    assert stats_command(tmp_path / "absent.sqlite3", None, None, None) == 0
    assert "no statistics recorded yet" in capsys.readouterr().out


def test_stats_command_prints_report_and_csv(db: Path, tmp_path: Path, capsys) -> None:
    out_csv = tmp_path / "out.csv"
    assert stats_command(db, "2024-05-01", "2024-05-01", out_csv) == 0
    out = capsys.readouterr().out
    assert out.startswith("Visitor statistics: 2024-05-01 to 2024-05-01\nSessions: 1\n")
    assert out.endswith(f"CSV written to {out_csv}\n")
    with open(out_csv, encoding="utf-8", newline="") as stream:
        rows = list(csv.reader(stream))
    assert ["period", "since", "2024-05-01"] in rows
    assert ["summary", "sessions", "1"] in rows


def test_stats_command_unreadable_database(tmp_path: Path, capsys) -> None:
    bad = tmp_path / "stats.sqlite3"
    bad.write_bytes(b"this is not a database" * 100)
    assert stats_command(bad, None, None, None) == 1
    assert "cannot read" in capsys.readouterr().err


def test_stats_subcommand_wiring(db: Path, capsys) -> None:
    from kiosk.cli import main

    assert main(["stats", "--db", str(db), "--since", "2024-05-02", "--csv", "-"]) == 0
    out = capsys.readouterr().out
    assert "Sessions: 1\n" in out and "section,key,value\n" in out
