"""Taking content bundles from an inbox folder that any sync tool fills.

Each new bundle is checked and unpacked on a worker thread (kiosk.bundles);
an accepted one is staged, so it goes on screen at the next attract mode in
one step, and only then becomes the library's current version. A refused one
changes nothing on screen; its problems go to the log, the health file and
the admin screen. A `kiosk rollback` run beside the kiosk rewrites the
library's state, which is watched here too: the version it names goes on
screen the same way.
"""

from __future__ import annotations

import logging
from functools import partial
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal

from kiosk.bundles.library import Library, Received, file_key
from kiosk.content.loader import Catalog, load_catalog
from kiosk.operation.staging import ContentStaging
from kiosk.operation.watcher import ContentWatcher
from kiosk.operation.worker import run_in_worker

log = logging.getLogger(__name__)

SETTLE_MS = 2000
"""Sync tools write in bursts: the inbox is looked at this long after the last change."""
POLL_MS = 30_000
"""And every so often anyway: a network share or a folder made later sends no change."""


class BundleInbox(QObject):
    applied = Signal(object)    # the version now on screen (None: the exhibits folder of kiosk.yaml)
    refused = Signal(list)      # the problems of a bundle that was not taken

    def __init__(self, library: Library, inbox: Path, folder: Path, shown: str | None,
                 staging: ContentStaging, watcher: ContentWatcher, parent: QObject | None = None):
        super().__init__(parent)
        self.library = library
        self.inbox = inbox
        self.folder = folder
        """The exhibits folder of kiosk.yaml: what shows without any bundle."""
        self.shown = shown
        self.staging = staging
        self.watcher = watcher
        self._taken: set[str] = set()
        self._busy = self._again = False
        self._settle = QTimer(self, singleShot=True, interval=SETTLE_MS)
        self._settle.timeout.connect(self.look)
        self._poll = QTimer(self, interval=POLL_MS)
        self._poll.timeout.connect(self.look)
        self._files = QFileSystemWatcher(self)
        self._files.directoryChanged.connect(lambda _path: self._settle.start())

    def start(self) -> None:
        for folder in (self.inbox, self.library.folder):
            try:
                folder.mkdir(parents=True, exist_ok=True)
            except OSError as error:
                log.error("cannot make the folder %s: %s", folder, error)
        self._files.addPaths([str(f) for f in (self.inbox, self.library.folder) if f.is_dir()])
        self._poll.start()
        log.info("taking content bundles from %s", self.inbox)
        self.look()

    def look(self) -> None:
        """Judge what is new in the inbox, and follow a rollback."""
        self._settle.stop()
        if self._busy:
            self._again = True
            return
        self._busy = True
        work = partial(_judge_inbox, self.library, self.inbox, frozenset(self._taken), self.shown, self.folder)
        run_in_worker(work, self._judged, "content-bundles")

    def _judged(self, outcome: tuple[list[Received], tuple[str | None, Catalog] | None]) -> None:
        received, rolled_back = outcome
        self._busy = False
        if rolled_back is not None:
            self._stage(*rolled_back)
        for item in received:
            self._taken.add(item.key)
            if item.problems:
                for problem in item.problems:
                    log.error("%s", problem.format())
                self.refused.emit(item.problems)
            elif item.catalog is not None:
                log.info("bundle %s accepted as version %s; applied at the next attract mode",
                         item.bundle.name, item.version)
                self._stage(item.version, item.catalog, item)
            else:
                log.info("bundle %s: %s", item.bundle.name, item.note)
        if self._again:
            self._again = False
            self.look()

    def _stage(self, version: str | None, catalog: Catalog, received: Received | None = None) -> None:
        self.staging.stage(catalog, then=partial(self._switch, version, catalog, received))

    def _switch(self, version: str | None, catalog: Catalog, received: Received | None) -> None:
        """As the version goes on screen: make it the current one (raises OSError when
        the library cannot be written: then nothing changes)."""
        if received is not None:
            self.library.activate(received.version or "")
            self.library.remember(received.key, "applied")
        self.shown = version
        self.watcher.follow(self.library.exhibits_folder(version) if version else self.folder, catalog)
        log.info("content version %s on screen", version or "of the exhibits folder")
        self.applied.emit(version)


def _judge_inbox(library: Library, inbox: Path, taken: frozenset[str], shown: str | None,
                 folder: Path) -> tuple[list[Received], tuple[str | None, Catalog] | None]:  # worker
    """The new bundles, each received or refused; and, when `kiosk rollback` changed
    the library's current version, that version's content (`folder`'s for none)."""
    rolled_back = None
    current = library.current()
    if current != shown:
        catalog = load_catalog([library.exhibits_folder(current) if current else folder])
        rolled_back = (current, catalog) if catalog.exhibits else None
    received = []
    for bundle in library.inbox_files(inbox):
        try:
            if file_key(bundle) in taken:
                continue
        except OSError:
            continue
        item = library.receive(bundle)
        if item.problems or not item.catalog:
            library.remember(item.key, "refused" if item.problems else "passed over")
        received.append(item)
    return received, rolled_back
