"""Anonymous, local visitor statistics.

The kiosk records *events*, never people: when a session (one visitor, from the
first touch to the idle reset) starts and ends, which screens were shown, which
language was chosen, which stills were zoomed and which wipes were used. Nothing
identifies a visitor, and nothing leaves the machine.

Storage is one SQLite database (by default ``stats.sqlite3`` in the per-user data
directory, see :func:`default_stats_path`) in WAL mode with ``synchronous=FULL``.
Every event is committed as it happens, so a power cut loses at most the event
being written. A session that was never ended (power cut, crash, kill) is closed
at the time of its last event the next time a :class:`StatsStore` opens the
database (end reason ``"interrupted"``).

Statistics must never crash the kiosk: every :class:`StatsStore` method catches
its own errors, logs one warning (logger ``kiosk.stats``) and carries on.

Reporting (:meth:`StatsStore.report`, :func:`read_report`, :func:`format_report`,
:func:`write_csv`) and the ``kiosk stats`` command (:func:`stats_command`) read the
database without modifying it, so they can run while the kiosk is running.

Plain Python (standard library ``sqlite3``), no Qt.
"""

from __future__ import annotations

import csv as _csv
import logging
import re
import sqlite3
import statistics
import sys
import threading
import time
from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Callable, Iterable, Iterator
from urllib.parse import quote

log = logging.getLogger("kiosk.stats")

APP_NAME = "exhibit-kiosk"
SCHEMA_VERSION = 1

#: End reason written for sessions closed on open after a power cut or crash.
INTERRUPTED = "interrupted"
#: End reason written when a session is started while another one is open.
SUPERSEDED = "new_session"
#: End reason of a session ended by the idle timeout.
IDLE_RESET = "idle_reset"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS sessions (
    id          INTEGER PRIMARY KEY,
    started     REAL NOT NULL,          -- Unix time
    ended       REAL,                   -- NULL while open
    end_reason  TEXT,                   -- idle_reset | quit | interrupted | new_session | ...
    language    TEXT                    -- language at the start, NULL if unknown
);
CREATE TABLE IF NOT EXISTS events (
    id          INTEGER PRIMARY KEY,
    session_id  INTEGER NOT NULL REFERENCES sessions(id),
    t           REAL NOT NULL,          -- Unix time
    kind        TEXT NOT NULL,          -- screen | language | still_zoom | wipe
    exhibit_id  TEXT,
    panel_index INTEGER,
    panel_type  TEXT,
    detail      TEXT                    -- language code, still file name
);
CREATE INDEX IF NOT EXISTS events_by_session ON events (session_id, t);
CREATE INDEX IF NOT EXISTS sessions_by_start ON sessions (started);
"""


@contextmanager
def _transaction(conn: sqlite3.Connection) -> Iterator[None]:
    """One explicit transaction on an autocommit connection: all or nothing."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


def default_stats_path() -> Path:
    """``<per-user data directory>/exhibit-kiosk/stats.sqlite3`` (not created here)."""
    import platformdirs

    return platformdirs.user_data_path(APP_NAME) / "stats.sqlite3"


# --- recording ------------------------------------------------------------------------


class StatsStore:
    """Records kiosk events into a SQLite database.

    ``StatsStore(path, clock=time.time, enabled=True)``. ``path`` defaults to
    :func:`default_stats_path`; its folder is created when missing. ``clock``
    returns Unix time in seconds (tests pass a fake one). With ``enabled=False``
    every method is a no-op and no file is touched.

    Sessions: :meth:`start_session` opens one; :meth:`end_session` or
    :meth:`idle_reset` closes it. Any recording call made outside a session
    starts one implicitly (language unknown). :meth:`end_session` and
    :meth:`idle_reset` without an open session do nothing.

    Screens: call :meth:`screen_viewed` each time a screen is shown. Its dwell time
    runs until the next :meth:`screen_viewed` or the end of the session. Home is
    ``(None, None, None)``; an exhibit panel is ``(exhibit_id, index, type)``.

    Only one StatsStore should write a given database at a time: opening one
    closes every session left open in it (as a power cut would have).
    """

    def __init__(self, path: Path | None = None, clock: Callable[[], float] = time.time,
                 *, enabled: bool = True) -> None:
        self.path = Path(path) if path is not None else None
        self.enabled = enabled
        self._clock = clock
        self._lock = threading.RLock()
        self._conn: sqlite3.Connection | None = None
        self._session_id: int | None = None
        self._warned = False
        if not enabled:
            return
        try:
            if self.path is None:
                self.path = default_stats_path()
            self._conn = self._open(self.path)
        except Exception as error:  # noqa: BLE001 - statistics must never crash the kiosk
            self._conn = None
            self._failed("cannot open", error)

    # -- public API, used by the kiosk --

    @property
    def session_id(self) -> int | None:
        """The open session, or None."""
        return self._session_id

    @property
    def active(self) -> bool:
        """True when events are being recorded (enabled and the database is usable)."""
        return self._conn is not None

    def start_session(self, language: str | None = None) -> int | None:
        """Start a session (ending any open one as ``"new_session"``); its id, None on failure."""
        if self._conn is None:
            return None
        with self._lock:
            try:
                now = self._clock()
                with _transaction(self._conn):
                    if self._session_id is not None:
                        self._close_session(self._session_id, now, SUPERSEDED)
                        self._session_id = None
                    cursor = self._conn.execute(
                        "INSERT INTO sessions (started, language) VALUES (?, ?)", (now, language))
                self._session_id = cursor.lastrowid
                return self._session_id
            except Exception as error:  # noqa: BLE001
                self._failed("cannot record a session start", error)
                return None

    def end_session(self, reason: str = "quit") -> None:
        """End the open session (reason: ``"idle_reset"``, ``"quit"``, ...); no-op without one."""
        if self._conn is None or self._session_id is None:
            return
        with self._lock:
            session, self._session_id = self._session_id, None
            try:
                with _transaction(self._conn):
                    self._close_session(session, self._clock(), reason)
            except Exception as error:  # noqa: BLE001
                self._failed("cannot record a session end", error)

    def idle_reset(self) -> None:
        """The kiosk went back to its attract screen after inactivity: ends the session."""
        self.end_session(IDLE_RESET)

    def screen_viewed(self, exhibit_id: str | None, panel_index: int | None = None,
                      panel_type: str | None = None) -> None:
        """A screen was shown: home ``(None, None, None)`` or a panel of an exhibit."""
        self._event("screen", exhibit_id, panel_index, panel_type, None)

    def language_chosen(self, code: str) -> None:
        """The visitor switched the language to ``code``."""
        self._event("language", None, None, None, code)

    def still_zoomed(self, exhibit_id: str | None, still_file: str | None) -> None:
        """The visitor opened a still full screen (``still_file``: its file name in the exhibit)."""
        self._event("still_zoom", exhibit_id, None, None,
                    None if still_file is None else str(still_file))

    def wipe_used(self, exhibit_id: str | None, panel_index: int | None) -> None:
        """The visitor dragged the divider of a wipe (compare) panel."""
        self._event("wipe", exhibit_id, panel_index, None, None)

    def report(self, since: date | None = None, until: date | None = None) -> Report:
        """The :class:`Report` for sessions started from ``since`` to ``until`` (inclusive)."""
        if self._conn is None:
            return _empty_report(since, until)
        with self._lock:
            try:
                return _compute_report(self._conn, since, until)
            except Exception as error:  # noqa: BLE001
                self._failed("cannot read", error)
                return _empty_report(since, until)

    def close(self, reason: str | None = "quit") -> None:
        """End the open session with ``reason`` (None: leave it open) and close the database."""
        if self._conn is None:
            return
        if reason is not None:
            self.end_session(reason)
        with self._lock:
            try:
                self._conn.close()
            except Exception as error:  # noqa: BLE001
                self._failed("cannot close", error)
            self._conn = None
            self._session_id = None

    def __enter__(self) -> StatsStore:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    # -- internals --

    def _open(self, path: Path) -> sqlite3.Connection:
        path.parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False,
                               timeout=5.0)
        try:
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=FULL")
            conn.execute("PRAGMA foreign_keys=ON")
            with _transaction(conn):
                for statement in _SCHEMA.split(";"):
                    if statement.strip():
                        conn.execute(statement)
                if conn.execute("PRAGMA user_version").fetchone()[0] == 0:
                    conn.execute(f"PRAGMA user_version={SCHEMA_VERSION}")
                recovered = conn.execute(
                    "UPDATE sessions SET "
                    " ended = MAX(started, COALESCE((SELECT MAX(t) FROM events"
                    "                                WHERE events.session_id = sessions.id),"
                    "                               started)),"
                    " end_reason = ? WHERE ended IS NULL", (INTERRUPTED,)).rowcount
            if recovered:
                log.info("statistics: closed %d session(s) left open by a power cut or crash",
                         recovered)
            return conn
        except BaseException:
            conn.close()
            raise

    def _close_session(self, session: int, now: float, reason: str) -> None:
        self._conn.execute(
            "UPDATE sessions SET ended = MAX(started, ?), end_reason = ? "
            "WHERE id = ? AND ended IS NULL", (now, reason, session))

    def _event(self, kind: str, exhibit_id: str | None, panel_index: int | None,
               panel_type: str | None, detail: str | None) -> None:
        if self._conn is None:
            return
        with self._lock:
            if self._session_id is None and self.start_session(None) is None:
                return
            try:
                with _transaction(self._conn):
                    self._conn.execute(
                        "INSERT INTO events (session_id, t, kind, exhibit_id, panel_index,"
                        " panel_type, detail) VALUES (?, ?, ?, ?, ?, ?, ?)",
                        (self._session_id, self._clock(), kind,
                         None if exhibit_id is None else str(exhibit_id),
                         None if panel_index is None else int(panel_index),
                         None if panel_type is None else str(panel_type), detail))
            except Exception as error:  # noqa: BLE001
                self._failed(f"cannot record a {kind} event", error)

    def _failed(self, what: str, error: BaseException) -> None:
        if not self._warned:
            self._warned = True
            log.warning("visitor statistics: %s %s: %s (statistics may be incomplete; "
                        "the kiosk carries on)", what, self.path, error)
        else:
            log.debug("visitor statistics: %s %s: %s", what, self.path, error)


# --- reporting --------------------------------------------------------------------------

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


def _empty_report(since: date | None, until: date | None) -> Report:
    return Report(since=since, until=until)


def _day_start(day: date) -> float:
    return datetime(day.year, day.month, day.day).timestamp()  # local midnight


def _local_date(t: float) -> date:
    return datetime.fromtimestamp(t).date()


def _ranked(counts: dict, dwell: dict, key_order: Callable) -> list:
    return sorted(counts, key=lambda k: (-counts[k], -dwell.get(k, 0.0), key_order(k)))


def _compute_report(conn: sqlite3.Connection, since: date | None, until: date | None) -> Report:
    low = _day_start(since) if since is not None else float("-inf")
    high = _day_start(until + timedelta(days=1)) if until is not None else float("inf")
    where = "s.started >= ? AND s.started < ?"
    bounds = (low, high)

    sessions = conn.execute(
        "SELECT s.id, s.started, s.ended, s.end_reason, s.language,"
        " (SELECT MAX(t) FROM events e WHERE e.session_id = s.id)"
        f" FROM sessions s WHERE {where} ORDER BY s.started, s.id", bounds).fetchall()

    report = Report(since=since, until=until, sessions=len(sessions))
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

    exhibit_views: Counter[str] = Counter()
    exhibit_dwell: Counter[str] = Counter()
    panel_views: Counter[PanelKey] = Counter()
    panel_dwell: Counter[PanelKey] = Counter()

    def close_screen(screen: tuple | None, until_t: float) -> None:
        if screen is None:
            return
        t0, exhibit, index, kind = screen
        dwell = max(0.0, until_t - t0)
        if exhibit is not None:
            exhibit_dwell[exhibit] += dwell
            if index is not None:
                panel_dwell[(exhibit, index, kind)] += dwell

    current_session: int | None = None
    screen: tuple | None = None  # (start time, exhibit, panel index, panel type)
    events = conn.execute(
        "SELECT e.session_id, e.t, e.kind, e.exhibit_id, e.panel_index, e.panel_type, e.detail"
        f" FROM events e JOIN sessions s ON s.id = e.session_id WHERE {where}"
        " ORDER BY e.session_id, e.t, e.id", bounds)
    for session, t, kind, exhibit, index, panel_type, detail in events:
        if session != current_session:
            if current_session is not None:
                close_screen(screen, session_end[current_session])
            current_session, screen = session, None
        if kind == "screen":
            if screen is not None and screen[1:] == (exhibit, index, panel_type):
                continue  # the same screen again (re-rendered): not a new view
            previous_exhibit = screen[1] if screen is not None else None
            close_screen(screen, t)
            screen = (t, exhibit, index, panel_type)
            if exhibit is not None:
                if exhibit != previous_exhibit:
                    exhibit_views[exhibit] += 1
                if index is not None:
                    panel_views[(exhibit, index, panel_type)] += 1
        elif kind == "language":
            if detail:
                session_languages[session].add(detail)
        elif kind == "still_zoom":
            report.stills_zoomed += 1
        elif kind == "wipe":
            report.wipes_used += 1
    if current_session is not None:
        close_screen(screen, session_end[current_session])

    for exhibit in exhibit_dwell:  # dwell without an entry cannot happen, but be safe
        exhibit_views.setdefault(exhibit, 0)
    for key in panel_dwell:
        panel_views.setdefault(key, 0)
    exhibits = _ranked(exhibit_views, exhibit_dwell, lambda k: k)
    report.exhibit_views = {k: exhibit_views[k] for k in exhibits}
    report.exhibit_dwell = {k: float(exhibit_dwell.get(k, 0.0)) for k in exhibits}
    panels = _ranked(panel_views, panel_dwell, lambda k: (k[0], k[1], k[2] or ""))
    report.panel_views = {k: panel_views[k] for k in panels}
    report.panel_dwell = {k: float(panel_dwell.get(k, 0.0)) for k in panels}

    languages: Counter[str] = Counter()
    for codes in session_languages.values():
        languages.update(codes)
    report.languages = dict(sorted(languages.items(), key=lambda kv: (-kv[1], kv[0])))
    return report


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
            return _empty_report(since, until)
        return _compute_report(conn, since, until)
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
    if report.since is None and report.until is None:
        return "all time"
    if report.until is None:
        return f"from {report.since.isoformat()}"
    if report.since is None:
        return f"until {report.until.isoformat()}"
    return f"{report.since.isoformat()} to {report.until.isoformat()}"


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


def _csv_number(value: float | int | None) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.1f}"
    return str(value)


def report_rows(report: Report) -> Iterable[tuple[str, str, str]]:
    """The ``(section, key, value)`` rows written by :func:`write_csv`."""
    yield "period", "since", report.since.isoformat() if report.since else ""
    yield "period", "until", report.until.isoformat() if report.until else ""
    yield "summary", "sessions", str(report.sessions)
    yield "summary", "median_session_seconds", _csv_number(report.median_session_seconds)
    yield "summary", "stills_zoomed", str(report.stills_zoomed)
    yield "summary", "wipes_used", str(report.wipes_used)
    yield "summary", "idle_resets", str(report.idle_resets)
    for day, n in report.sessions_per_day.items():
        yield "sessions_per_day", day.isoformat(), str(n)
    for exhibit, views in report.exhibit_views.items():
        yield "exhibit_views", exhibit, str(views)
    for exhibit, dwell in report.exhibit_dwell.items():
        yield "exhibit_dwell_seconds", exhibit, _csv_number(dwell)
    for key, views in report.panel_views.items():
        yield "panel_views", _panel_key(key), str(views)
    for key, dwell in report.panel_dwell.items():
        yield "panel_dwell_seconds", _panel_key(key), _csv_number(dwell)
    for code, n in report.languages.items():
        yield "language_sessions", code, str(n)
    for reason, n in report.end_reasons.items():
        yield "session_end_reasons", reason, str(n)


def _panel_key(key: PanelKey) -> str:
    exhibit, index, panel_type = key
    return f"{exhibit}/{index}/{panel_type or ''}"


def write_csv(report: Report, path: Path | str) -> None:
    """Write the report as one UTF-8 CSV file (``"-"``: standard output).

    Layout: a header ``section,key,value`` then one row per figure, sections in this order:

    - ``period``: keys ``since``, ``until`` (YYYY-MM-DD, empty when unbounded)
    - ``summary``: ``sessions``, ``median_session_seconds`` (one decimal, empty without
      sessions), ``stills_zoomed``, ``wipes_used``, ``idle_resets``
    - ``sessions_per_day``: key YYYY-MM-DD, value sessions started that day
    - ``exhibit_views`` / ``exhibit_dwell_seconds``: key exhibit id
    - ``panel_views`` / ``panel_dwell_seconds``: key ``exhibit/panel index/panel type``
      (index from 0; type empty when unknown)
    - ``language_sessions``: key language code, value sessions that used it
    - ``session_end_reasons``: key reason (idle_reset, quit, interrupted, ...)

    Rows within a section follow the :class:`Report` order (most viewed first). Every
    exhibit and panel is listed, not only the top ones.
    """
    def write(stream) -> None:
        writer = _csv.writer(stream, lineterminator="\n")
        writer.writerow(("section", "key", "value"))
        writer.writerows(report_rows(report))

    if str(path) == "-":
        write(sys.stdout)
        return
    with open(path, "w", encoding="utf-8", newline="") as stream:
        write(stream)


# --- command line ----------------------------------------------------------------------------


_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _parse_date(text: str | None, option: str) -> date | None:
    if text is None or text == "":
        return None
    try:
        if not _DATE.fullmatch(text):
            raise ValueError
        return date.fromisoformat(text)
    except ValueError:
        raise ValueError(f"kiosk stats: {option} expects a date as YYYY-MM-DD, "
                         f"got {text!r}") from None


def stats_command(db: Path | None = None, since: str | None = None, until: str | None = None,
                  csv: Path | None = None) -> int:
    """``kiosk stats``: print the report, optionally write it as CSV.

    Exit status: 0 success (also when nothing was recorded yet), 1 unreadable database
    or CSV file, 2 usage problem (bad date, since after until).
    """
    try:
        since_day = _parse_date(since, "--since")
        until_day = _parse_date(until, "--until")
    except ValueError as error:
        print(error, file=sys.stderr)
        return 2
    if since_day and until_day and since_day > until_day:
        print(f"kiosk stats: --since {since_day} is after --until {until_day}", file=sys.stderr)
        return 2
    path = Path(db) if db is not None else default_stats_path()
    if not path.exists():
        print(f"no statistics recorded yet ({path} does not exist)")
        return 0
    try:
        report = read_report(path, since_day, until_day)
    except (sqlite3.Error, OSError) as error:
        print(f"kiosk stats: cannot read {path}: {error}", file=sys.stderr)
        return 1
    print(format_report(report))
    if csv is not None:
        try:
            write_csv(report, csv)
        except OSError as error:
            print(f"kiosk stats: cannot write {csv}: {error}", file=sys.stderr)
            return 1
        if str(csv) != "-":
            print(f"CSV written to {csv}")
    return 0
