"""Reports: figures, text, period filtering and CSV."""

from __future__ import annotations

import csv
import sqlite3
from datetime import date
from pathlib import Path

from kiosk.statistics import database
from kiosk.statistics.export import write_csv
from kiosk.statistics.report import format_duration, format_report, read_report
from tests.statistics.scripted import EXPECTED_ALL, scripted_visits


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
        assert conn.execute("PRAGMA user_version").fetchone()[0] == database.SCHEMA_VERSION
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


def test_format_duration() -> None:
    assert [format_duration(s) for s in (None, 0, 44.6, 60, 125, 3723)] == \
        ["-", "0s", "45s", "1m 00s", "2m 05s", "1h 02m 03s"]


# --- kiosk stats ----------------------------------------------------------------------------
