"""Recording on a thread of its own, so that the GUI thread never waits on a disk.

Every event is committed with ``synchronous=FULL``, which costs an fsync: a
few milliseconds on a good disk, much more on an SD card or a busy one. The
recorder's calls are queued here and written in order by one worker thread;
each keeps the time it was made, so queueing changes no figure.
"""

from __future__ import annotations

import logging
import queue
import threading
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

from kiosk.statistics.report import Report
from kiosk.statistics.store import StatsStore

log = logging.getLogger("kiosk.stats")

_Call = tuple[float, str, tuple[object, ...]]


class BackgroundStats:
    """The recording half of `StatsStore` (start_session, end_session,
    screen_viewed, language_chosen, still_zoomed, wipe_used), queued.

    `report()` waits for what is queued, then reads; `close()` writes what is
    queued, ends the open session and stops the worker."""

    def __init__(self, path: Path | None = None, clock: Callable[[], float] = time.time,
                 *, enabled: bool = True) -> None:
        self._clock = clock
        self._calls: queue.Queue[_Call | None] = queue.Queue()
        self._event_time = 0.0
        self._store = StatsStore(path, clock=lambda: self._event_time, enabled=enabled)
        self._worker = threading.Thread(target=self._work, name="statistics", daemon=True)
        self._worker.start()

    @property
    def path(self) -> Path | None:
        return self._store.path

    def start_session(self, language: str | None = None) -> None:
        self._put("start_session", language)

    def end_session(self, reason: str = "quit") -> None:
        self._put("end_session", reason)

    def screen_viewed(self, exhibit_id: str | None, panel_index: int | None = None,
                      panel_type: str | None = None) -> None:
        self._put("screen_viewed", exhibit_id, panel_index, panel_type)

    def language_chosen(self, code: str) -> None:
        self._put("language_chosen", code)

    def still_zoomed(self, exhibit_id: str | None, still_file: str | None) -> None:
        self._put("still_zoomed", exhibit_id, still_file)

    def wipe_used(self, exhibit_id: str | None, panel_index: int | None) -> None:
        self._put("wipe_used", exhibit_id, panel_index)

    def clip_used(self, exhibit_id: str | None, panel_index: int | None, what: str) -> None:
        self._put("clip_used", exhibit_id, panel_index, what)

    def _put(self, name: str, *args: object) -> None:
        self._calls.put((self._clock(), name, args))

    def flush(self) -> None:
        """Wait until everything recorded so far is written."""
        if self._worker.is_alive():
            self._calls.join()

    def report(self, since: date | None = None, until: date | None = None) -> Report:
        self.flush()
        return self._store.report(since, until)

    def close(self, reason: str | None = "quit") -> None:
        if not self._worker.is_alive():
            return
        self._put("close", reason)
        self._calls.put(None)
        self._worker.join()

    def _work(self) -> None:
        while True:
            call = self._calls.get()
            try:
                if call is None:
                    return
                self._event_time, name, args = call
                getattr(self._store, name)(*args)
            except Exception:  # the store logs its own failures; this is a bug
                log.exception("visitor statistics: recording failed")
            finally:
                self._calls.task_done()
