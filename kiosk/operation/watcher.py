"""Watching the exhibits folder while the kiosk runs.

A curator's save is debounced, reloaded in a worker thread and judged:

- accepted (staged for the controller, which applies it at the next return to
  attract mode, never under a visitor's finger) when it brings no error the
  running content does not already have; warnings never stop a change, and
  neither does an error the kiosk started with, so one exhibit that was
  already broken does not freeze every other exhibit's edits;
- rejected otherwise, or when it would leave no exhibit at all (an emptied,
  moved or half-synced folder): the last good content keeps running and the
  problems are reported. Nothing a curator saves can blank the kiosk.

Every problem of every reload is logged.
"""

from __future__ import annotations

import logging
import os
from functools import partial
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal

from kiosk.content.cache import CheckedCache
from kiosk.content.loader import EXHIBIT_FILE, Catalog, load_catalog
from kiosk.content.located import display_path
from kiosk.content.problems import Problem, Severity, summary_line
from kiosk.operation.worker import prepare_courier, run_in_worker

log = logging.getLogger(__name__)

LoadResult = tuple["Catalog | None", "str | None", "set[Path] | None"]
"""A reload's catalog (or None and why it could not be read) and what to watch."""

WATCH_DEPTH = 3
"""exhibits/<exhibit>/stills/<group>: deeper folders are not watched."""
MAX_WATCHED = 2000

DEBOUNCE_MS = 750
"""Editors and sync tools write in bursts; one reload after the last write."""


def watch_list(root: Path) -> set[Path]:
    """What to watch for `root`: itself and its parent, the folders at most
    WATCH_DEPTH below it and their exhibit files; never more than MAX_WATCHED
    paths, so that `exhibits: /` costs a moment, not a walk of the disk."""
    wanted = {root.parent}
    base = len(root.parts)
    for folder, subfolders, files in os.walk(root, onerror=lambda _error: None):
        here = Path(folder)
        wanted.add(here)
        if EXHIBIT_FILE in files:
            wanted.add(here / EXHIBIT_FILE)
        if len(here.parts) - base >= WATCH_DEPTH or len(wanted) >= MAX_WATCHED:
            subfolders.clear()
        else:
            subfolders[:] = [name for name in subfolders if not name.startswith(".")]
        if len(wanted) >= MAX_WATCHED:
            log.warning("the exhibits folder %s holds more than %d folders; watching only the first",
                        display_path(root), MAX_WATCHED)
            break
    return wanted


def _identity(path: Path) -> tuple[int, int] | None:
    try:
        status = path.stat()
    except OSError:
        return None
    return status.st_dev, status.st_ino


def _error_key(problem: Problem) -> tuple[str, str, str]:
    # Line and column left out: an edit elsewhere in the file moves them.
    return problem.file, problem.field, problem.message


class ContentWatcher(QObject):
    staged = Signal(object)     # a Catalog to apply at the next attract mode
    rejected = Signal(list)     # the problems of a change that was not accepted

    def __init__(self, root: Path, catalog: Catalog, debounce_ms: int = DEBOUNCE_MS,
                 cache: CheckedCache | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self.root = Path(root).resolve()
        self.cache = cache
        """Checks of unchanged exhibits kept between reloads; used by one reload at a time."""
        self._last_good = catalog
        self._problems = list(catalog.problems)
        self._loading = False
        self._again = False
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(debounce_ms)
        self._debounce.timeout.connect(self.reload)
        self._watcher = QFileSystemWatcher(self)
        self._identities: dict[str, tuple[int, int]] = {}
        self._watcher.directoryChanged.connect(self._changed)
        self._watcher.fileChanged.connect(self._changed)
        prepare_courier()
        self._watch()

    @property
    def last_good(self) -> Catalog:
        """The newest accepted content (the running one, or the one staged)."""
        return self._last_good

    @property
    def problems(self) -> list[Problem]:
        """The problems of the latest load, accepted or not: what the admin sees."""
        return self._problems

    def follow(self, root: Path, catalog: Catalog) -> None:
        """Watch another exhibits folder, whose `catalog` is now on screen (a
        content bundle applied, or rolled back)."""
        self.root = Path(root).resolve()
        self._last_good = catalog
        self._problems = list(catalog.problems)
        self._watch()

    def reload(self) -> None:
        """Reload now (the debounce ends here; the admin's "reload" may call it)."""
        self._debounce.stop()
        if self._loading:
            self._again = True
            return
        self._loading = True
        run_in_worker(partial(self._load, self.root, self.cache), self._judge, "content-reload")

    def _changed(self, _path: str) -> None:
        self._debounce.start()

    def _watch(self, wanted: set[Path] | None = None) -> None:
        """Watch the root, its parent (the root itself may be replaced), the
        folders below it and every exhibit file (`wanted`, found by
        `watch_list` in the reload's worker). Called after each reload: an
        editor's atomic save drops a file from the watch, a new folder needs
        one, and a watch on a folder moved away follows the old folder, so a
        path now naming another file or folder is watched afresh."""
        wanted = watch_list(self.root) if wanted is None else wanted
        identities = {str(p): identity for p in wanted if (identity := _identity(p))}
        watched = set(self._watcher.files()) | set(self._watcher.directories())
        stale = [p for p in watched if self._identities.get(p) != identities.get(p)]
        if stale:
            self._watcher.removePaths(stale)
        fresh = [p for p in identities if p not in watched or p in stale]
        if fresh:
            self._watcher.addPaths(fresh)
        self._identities = identities

    @staticmethod
    def _load(root: Path, cache: CheckedCache | None) -> LoadResult:  # worker thread
        try:
            return load_catalog([root], cache), None, watch_list(root)
        except Exception as error:  # an unreadable folder is a rejected change, not a crash
            log.exception("reloading %s failed", root)
            return None, f"could not read the exhibits: {error}", None

    def _problem(self, message: str) -> Problem:
        return Problem(display_path(self.root), 1, 1, Severity.ERROR, "", message)

    def _judge(self, result: LoadResult) -> None:
        catalog, error, wanted = result
        self._loading = False
        self._watch(wanted)
        self._decide(catalog, [self._problem(error)] if error else [])
        if self._again:
            self._again = False
            self.reload()

    def _decide(self, catalog: Catalog | None, problems: list[Problem]) -> None:
        if catalog is not None:
            problems = list(catalog.problems)
            known = {_error_key(p) for p in self._last_good.errors}
            new_error = any(_error_key(p) not in known for p in catalog.errors)
            if not new_error and catalog.exhibits:
                self._accept(catalog)
                return
            if not new_error:
                problems.append(self._problem("no exhibits found; keeping the exhibits shown now"))
        self._problems = problems
        log.warning("exhibit change not applied; the last good content keeps running")
        for problem in problems:
            log.warning("%s", problem.format())
        self.rejected.emit(problems)

    def _accept(self, catalog: Catalog) -> None:
        self._problems = list(catalog.problems)
        for problem in catalog.problems:
            log.warning("%s", problem.format())
        if catalog == self._last_good:
            return  # saved without a change
        self._last_good = catalog
        log.info("exhibits changed (%s); applied at the next return to attract mode",
                 summary_line(len(catalog.exhibits), catalog.problems))
        self.staged.emit(catalog)
