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

Reporting (``kiosk.statistics.report``, :func:`read_report`, :func:`format_report`,
:func:`write_csv`) and the ``kiosk stats`` command (:func:`stats_command`) read the
database without modifying it, so they can run while the kiosk is running.

Plain Python (standard library ``sqlite3``), no Qt.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

from kiosk.statistics.database import (
    IDLE_RESET,
    INTERRUPTED,
    SCHEMA,
    SCHEMA_VERSION,
    SUPERSEDED,
    default_stats_path,
    transaction,
)
from kiosk.statistics.report import Report, compute_report, empty_report

log = logging.getLogger("kiosk.stats")


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
                with transaction(self._conn):
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
                with transaction(self._conn):
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

    def clip_used(self, exhibit_id: str | None, panel_index: int | None, what: str) -> None:
        """A clip was played, played to its end, or played with captions or audio description
        (``what``: played, completed, captions, described)."""
        self._event("clip", exhibit_id, panel_index, "video", what)

    def report(self, since: date | None = None, until: date | None = None) -> Report:
        """The :class:`Report` for sessions started from ``since`` to ``until`` (inclusive)."""
        if self._conn is None:
            return empty_report(since, until)
        with self._lock:
            try:
                return compute_report(self._conn, since, until)
            except Exception as error:  # noqa: BLE001
                self._failed("cannot read", error)
                return empty_report(since, until)

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
            with transaction(conn):
                for statement in SCHEMA.split(";"):
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
        assert self._conn is not None
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
                with transaction(self._conn):
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
