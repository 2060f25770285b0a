"""The visitor report: what the recorded events add up to, as numbers and as text.

Reading never modifies the database, so a report can be made while the kiosk
is running. Plain Python, no Qt.
"""

from __future__ import annotations

import sqlite3
import statistics
from collections import Counter, defaultdict
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import quote

from kiosk.statistics.database import IDLE_RESET

K = TypeVar("K")

PanelKey = tuple[str, int, "str | None"]


@dataclass
class Report:
    """Visitor statistics over sessions *started* from ``since`` to ``until`` (local dates,
    both inclusive; None: unbounded).

    Dictionaries are ordered for display: days ascending; exhibits and panels by
    views, then dwell time (both descending), then id; languages by sessions
    (descending), then code. ``exhibit_dwell``/``panel_dwell`` share the key order
    of ``exhibit_views``/``panel_views``.

    - ``exhibit_views``: how many times visitors *entered* an exhibit (moving between
      panels of the same exhibit is one view); ``exhibit_dwell``: seconds on all its screens.
    - ``panel_views``: ``(exhibit_id, panel_index, panel_type) -> views``, each time the panel
      was shown (a repeat of the very same screen, e.g. after a language switch, is not
      a new view); ``panel_dwell``: seconds.
    - ``languages``: language code -> sessions that used it (start language or chosen).
    - ``median_session_seconds``: None without sessions. A session still open (the kiosk
      is running) counts up to its last event.
    """

    since: date | None = None
    until: date | None = None
    sessions: int = 0
    sessions_per_day: dict[date, int] = field(default_factory=dict)
    median_session_seconds: float | None = None
    exhibit_views: dict[str, int] = field(default_factory=dict)
    exhibit_dwell: dict[str, float] = field(default_factory=dict)
    panel_views: dict[PanelKey, int] = field(default_factory=dict)
    panel_dwell: dict[PanelKey, float] = field(default_factory=dict)
    languages: dict[str, int] = field(default_factory=dict)
    stills_zoomed: int = 0
    wipes_used: int = 0
    idle_resets: int = 0
    end_reasons: dict[str, int] = field(default_factory=dict)


def empty_report(since: date | None, until: date | None) -> Report:
    return Report(since=since, until=until)


def _day_start(day: date) -> float:
    return datetime(day.year, day.month, day.day).timestamp()  # local midnight


def _local_date(t: float) -> date:
    return datetime.fromtimestamp(t).date()


def _ranked(counts: Mapping[K, int], dwell: Mapping[K, float], key_order: Callable[[K], Any]) -> list[K]:
    return sorted(counts, key=lambda k: (-counts[k], -dwell.get(k, 0.0), key_order(k)))


def compute_report(conn: sqlite3.Connection, since: date | None, until: date | None) -> Report:
    low = _day_start(since) if since is not None else float("-inf")
    high = _day_start(until + timedelta(days=1)) if until is not None else float("inf")
    report = Report(since=since, until=until)
    session_end, session_languages = _add_sessions(report, conn, (low, high))
    views = _Views()
    events = conn.execute(
        "SELECT e.session_id, e.t, e.kind, e.exhibit_id, e.panel_index, e.panel_type, e.detail"
        f" FROM events e JOIN sessions s ON s.id = e.session_id WHERE {_IN_PERIOD}"
        " ORDER BY e.session_id, e.t, e.id", (low, high))
    current: int | None = None
    for session, t, kind, exhibit, index, panel_type, detail in events:
        if session != current:
            if current is not None:
                views.end(session_end[current])
            current = session
        if kind == "screen":
            views.show(t, exhibit, index, panel_type)
        elif kind == "language" and detail:
            session_languages[session].add(detail)
        elif kind == "still_zoom":
            report.stills_zoomed += 1
        elif kind == "wipe":
            report.wipes_used += 1
    if current is not None:
        views.end(session_end[current])
    views.add_to(report)
    languages: Counter[str] = Counter()
    for codes in session_languages.values():
        languages.update(codes)
    report.languages = dict(sorted(languages.items(), key=lambda kv: (-kv[1], kv[0])))
    return report


_IN_PERIOD = "s.started >= ? AND s.started < ?"


def _add_sessions(report: Report, conn: sqlite3.Connection,
                  bounds: tuple[float, float]) -> tuple[dict[int, float], dict[int, set[str]]]:
    """Counts, lengths and end reasons of the sessions; returns when each one
    ended and the languages it started in."""
    sessions = conn.execute(
        "SELECT s.id, s.started, s.ended, s.end_reason, s.language,"
        " (SELECT MAX(t) FROM events e WHERE e.session_id = s.id)"
        f" FROM sessions s WHERE {_IN_PERIOD} ORDER BY s.started, s.id", bounds).fetchall()
    report.sessions = len(sessions)
    per_day: Counter[date] = Counter()
    end_reasons: Counter[str] = Counter()
    lengths: list[float] = []
    session_end: dict[int, float] = {}
    session_languages: dict[int, set[str]] = {}
    for session, started, ended, reason, language, last_event in sessions:
        end = ended if ended is not None else max(started, last_event or started)
        session_end[session] = end
        lengths.append(max(0.0, end - started))
        per_day[_local_date(started)] += 1
        end_reasons[reason or "open"] += 1
        session_languages[session] = {language} if language else set()
    report.sessions_per_day = dict(sorted(per_day.items()))
    report.median_session_seconds = float(statistics.median(lengths)) if lengths else None
    report.idle_resets = end_reasons.get(IDLE_RESET, 0)
    report.end_reasons = dict(sorted(end_reasons.items(), key=lambda kv: (-kv[1], kv[0])))
    return session_end, session_languages


class _Views:
    """Exhibit and panel views with their dwell times, from screen events in order.

    An exhibit is viewed once for each time a visitor enters it (moving between
    its panels is one view); the same screen shown again (after a language
    switch) is not a new view. A screen's dwell runs until the next screen or
    the end of its session.
    """

    def __init__(self) -> None:
        self.exhibit_views: Counter[str] = Counter()
        self.exhibit_dwell: defaultdict[str, float] = defaultdict(float)
        self.panel_views: Counter[PanelKey] = Counter()
        self.panel_dwell: defaultdict[PanelKey, float] = defaultdict(float)
        self._screen: tuple[float, str | None, int | None, str | None] | None = None

    def show(self, t: float, exhibit: str | None, index: int | None, kind: str | None) -> None:
        if self._screen is not None and self._screen[1:] == (exhibit, index, kind):
            return
        previous = self._screen[1] if self._screen is not None else None
        self.end(t)
        self._screen = (t, exhibit, index, kind)
        if exhibit is not None:
            if exhibit != previous:
                self.exhibit_views[exhibit] += 1
            if index is not None:
                self.panel_views[(exhibit, index, kind)] += 1

    def end(self, t: float) -> None:
        if self._screen is not None:
            start, exhibit, index, kind = self._screen
            dwell = max(0.0, t - start)
            if exhibit is not None:
                self.exhibit_dwell[exhibit] += dwell
                if index is not None:
                    self.panel_dwell[(exhibit, index, kind)] += dwell
        self._screen = None

    def add_to(self, report: Report) -> None:
        exhibits = _ranked(self.exhibit_views, self.exhibit_dwell, lambda k: k)
        report.exhibit_views = {k: self.exhibit_views[k] for k in exhibits}
        report.exhibit_dwell = {k: float(self.exhibit_dwell.get(k, 0.0)) for k in exhibits}
        panels = _ranked(self.panel_views, self.panel_dwell, lambda k: (k[0], k[1], k[2] or ""))
        report.panel_views = {k: self.panel_views[k] for k in panels}
        report.panel_dwell = {k: float(self.panel_dwell.get(k, 0.0)) for k in panels}


def _open_readonly(path: Path) -> sqlite3.Connection:
    uri = "file:" + quote(str(Path(path).resolve())) + "?mode=ro"
    return sqlite3.connect(uri, uri=True, isolation_level=None)


def _has_tables(conn: sqlite3.Connection) -> bool:
    names = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    return {"sessions", "events"} <= names


def read_report(path: Path, since: date | None = None, until: date | None = None) -> Report:
    """The :class:`Report` of the database at ``path``, read without modifying it.

    Raises ``FileNotFoundError`` when there is no database and ``sqlite3.Error`` when
    it cannot be read. An empty database gives an empty report.
    """
    path = Path(path)
    if not path.is_file():
        raise FileNotFoundError(path)
    conn = _open_readonly(path)
    try:
        if not _has_tables(conn):
            return empty_report(since, until)
        return compute_report(conn, since, until)
    finally:
        conn.close()


def format_duration(seconds: float | None) -> str:
    """``"-"``, ``"45s"``, ``"2m 05s"``, ``"1h 02m 03s"`` (rounded to the second)."""
    if seconds is None:
        return "-"
    total = int(round(seconds))
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{hours}h {minutes:02d}m {secs:02d}s"
    if minutes:
        return f"{minutes}m {secs:02d}s"
    return f"{secs}s"


def _period(report: Report) -> str:
    since, until = report.since, report.until
    if since is None:
        return "all time" if until is None else f"until {until.isoformat()}"
    if until is None:
        return f"from {since.isoformat()}"
    return f"{since.isoformat()} to {until.isoformat()}"


def _panel_label(key: PanelKey) -> str:
    exhibit, index, panel_type = key
    return f"{exhibit} #{index}" + (f" {panel_type}" if panel_type else "")


def format_report(report: Report, top: int = 10) -> str:
    """A compact text report (no trailing newline). Fixed layout, for example::

        Visitor statistics: all time
        Sessions: 2
        Median session length: 1m 30s
        Sessions per day:
          2024-05-01  1
        Most viewed exhibits (views, time spent):
          nanook  2  3m 10s
        Most viewed panels (views, time spent):
          nanook #0 text  1  30s
        Languages (sessions):
          en  2
        Stills zoomed: 1
        Wipes used: 1
        Idle resets: 1

    Panels are numbered from 0. Exhibit and panel lists show the ``top`` first entries;
    empty lists show ``  (none)``.
    """
    lines = [f"Visitor statistics: {_period(report)}",
             f"Sessions: {report.sessions}",
             f"Median session length: {format_duration(report.median_session_seconds)}"]

    def table(title: str, rows: list[tuple[str, ...]]) -> None:
        lines.append(title)
        if not rows:
            lines.append("  (none)")
            return
        widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
        for row in rows:
            cells = [cell.ljust(width) if i == 0 else cell.rjust(width)
                     for i, (cell, width) in enumerate(zip(row, widths))]
            lines.append("  " + "  ".join(cells).rstrip())

    table("Sessions per day:",
          [(day.isoformat(), str(n)) for day, n in report.sessions_per_day.items()])
    table("Most viewed exhibits (views, time spent):",
          [(exhibit, str(views), format_duration(report.exhibit_dwell.get(exhibit, 0.0)))
           for exhibit, views in list(report.exhibit_views.items())[:top]])
    table("Most viewed panels (views, time spent):",
          [(_panel_label(key), str(views), format_duration(report.panel_dwell.get(key, 0.0)))
           for key, views in list(report.panel_views.items())[:top]])
    table("Languages (sessions):", [(code, str(n)) for code, n in report.languages.items()])
    lines += [f"Stills zoomed: {report.stills_zoomed}",
              f"Wipes used: {report.wipes_used}",
              f"Idle resets: {report.idle_resets}"]
    return "\n".join(lines)
