"""The statistics database: its tables, and one transaction at a time.

One SQLite file (by default ``stats.sqlite3`` in the per-user data folder) in
WAL mode with ``synchronous=FULL``: every event is committed as it happens, so
a power cut loses at most the event being written. Plain Python, no Qt.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from kiosk.paths import APP_NAME

SCHEMA_VERSION = 1

#: End reason written for sessions closed on open after a power cut or crash.
INTERRUPTED = "interrupted"
#: End reason written when a session is started while another one is open.
SUPERSEDED = "new_session"
#: End reason of a session ended by the idle timeout.
IDLE_RESET = "idle_reset"

SCHEMA = """
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
def transaction(conn: sqlite3.Connection) -> Iterator[None]:
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
