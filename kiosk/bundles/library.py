"""The kiosk's own store of content versions, one folder per bundle received.

    <library>/versions/<version>/exhibits/...   unpacked, checked, never changed
    <library>/state.json                        which versions were shown, in order

A bundle is unpacked beside the running content and only then judged; the
switch to it is one write of state.json (a temporary file, then a rename),
made when the kiosk applies it on screen. The versions before it are kept
(`keep` of them), so `kiosk rollback` can go back without the network.
Which inbox files were taken or refused is remembered too, so that a file
is judged once, however long it stays in the inbox.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from kiosk.bundles.bundle import CONTENT, MANIFEST, SUFFIX, BundleRefused, Manifest, unpack
from kiosk.bundles.signing import PublicKey
from kiosk.content.loader import Catalog, load_catalog
from kiosk.content.problems import Problem, Severity

log = logging.getLogger(__name__)

STATE_FILE = "state.json"
VERSIONS = "versions"
INCOMING = ".incoming-"
SEEN_KEPT = 200


def bundle_problem(bundle: Path, message: str) -> Problem:
    return Problem(bundle.name, 1, 1, Severity.ERROR, "", message)


def file_key(path: Path) -> str:
    """Which inbox file this is, as written: a file rewritten (or still growing) is another."""
    status = path.stat()
    return f"{path.name}:{status.st_size}:{status.st_mtime_ns}"


@dataclass
class Received:
    """What became of one inbox file."""

    bundle: Path
    key: str = ""
    """The file as judged (file_key)."""
    version: str | None = None
    catalog: Catalog | None = None
    """The checked content to apply, when accepted."""
    problems: list[Problem] = field(default_factory=list)
    """Why it was refused (empty when accepted or passed over)."""
    note: str = ""


class Library:
    def __init__(self, folder: Path, keep: int = 3, key: PublicKey | None = None):
        self.folder = folder
        self.keep = keep
        self.key = key
        self._lock = threading.Lock()
        """state.json is changed by the GUI thread and by the inbox's worker."""

    @property
    def state_file(self) -> Path:
        return self.folder / STATE_FILE

    def version_folder(self, version: str) -> Path:
        return self.folder / VERSIONS / version

    def _state(self) -> dict[str, Any]:
        try:
            state = json.loads(self.state_file.read_text(encoding="utf-8"))
            return state if isinstance(state, dict) else {}
        except FileNotFoundError:
            return {}
        except (OSError, ValueError) as error:
            log.error("cannot read %s (%s); starting a new history of bundles", self.state_file, error)
            return {}

    def _write(self, state: dict[str, Any]) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        partial = self.folder / f".{STATE_FILE}.partial"
        partial.write_text(json.dumps(state, indent=1, ensure_ascii=False), encoding="utf-8")
        os.replace(partial, self.state_file)

    def _update(self, change: Callable[[dict[str, Any]], None]) -> None:
        with self._lock:
            state = self._state()
            change(state)
            self._write(state)

    def history(self) -> list[str]:
        """Versions applied, oldest first, that are still on disk; the last is the current one."""
        return [v for v in self._state().get("history", []) if isinstance(v, str)
                and (self.version_folder(v) / CONTENT).is_dir()]

    def current(self) -> str | None:
        history = self.history()
        return history[-1] if history else None

    def exhibits_folder(self, version: str) -> Path:
        return self.version_folder(version) / CONTENT

    def remember(self, key: str, outcome: str) -> None:
        """That the inbox file `key` (file_key) was judged: "applied", "refused"..."""
        def change(state: dict[str, Any]) -> None:
            seen = state.setdefault("seen", {})
            seen[key] = {"outcome": outcome, "at": time.time()}
            for old in sorted(seen, key=lambda k: seen[k].get("at", 0))[:-SEEN_KEPT]:
                del seen[old]
        self._update(change)

    def inbox_files(self, inbox: Path) -> list[Path]:
        """Bundles waiting in `inbox` not judged yet, oldest first; hidden files are
        sync tools' and editors' temporary files (rsync's .name.XXXXXX,
        Syncthing's .syncthing.name.tmp), never taken."""
        seen = self._state().get("seen", {})
        waiting = []
        try:
            for path in inbox.iterdir():
                if path.name.endswith(SUFFIX) and not path.name.startswith(".") and path.is_file():
                    if file_key(path) not in seen:
                        waiting.append((path.stat().st_mtime_ns, path))
        except OSError:  # the folder or a file went away while looking: the next look sees it
            return []
        return [path for _mtime, path in sorted(waiting)]

    def receive(self, bundle: Path) -> Received:
        """Unpack and check `bundle` beside the running content. Accepted: its
        catalog, to be applied later with `activate`. Refused: the problems,
        and nothing kept. A bundle older than the current content is passed over."""
        key = ""
        try:
            key = file_key(bundle)
            return replace(self._receive(bundle), key=key)
        except BundleRefused as refusal:
            return Received(bundle, key, problems=[bundle_problem(bundle, f"this bundle {refusal}")])
        except OSError as error:
            return Received(bundle, key, problems=[bundle_problem(bundle, f"cannot read or unpack it: {error}")])

    def _receive(self, bundle: Path) -> Received:
        incoming = self.folder / VERSIONS / f"{INCOMING}{os.getpid()}-{time.monotonic_ns()}"
        try:
            manifest = unpack(bundle, incoming, self.key)
            current = self.current()
            if current is not None and manifest.version <= current:
                return Received(bundle, note=f"older than the content shown ({current}); passed over")
            target = self.version_folder(manifest.version)
            if not target.exists():  # else received before, and unchanged: its name is its hash
                incoming.rename(target)
        finally:
            shutil.rmtree(incoming, ignore_errors=True)
        catalog = load_catalog([target / CONTENT])
        if catalog.errors or not catalog.exhibits:
            problems = self._refusal(bundle, target, catalog)
            if manifest.version not in self.history():
                shutil.rmtree(target, ignore_errors=True)
            return Received(bundle, problems=problems)
        return Received(bundle, version=manifest.version, catalog=catalog)

    @staticmethod
    def _refusal(bundle: Path, unpacked: Path, catalog: Catalog) -> list[Problem]:
        """The bundle's problems, located inside it: museum.kiosk-bundle/exhibits/x/exhibit.yaml:12."""
        def inside(problem: Problem) -> Problem:
            try:
                where = Path(problem.file).resolve().relative_to(unpacked.resolve()).as_posix()
            except ValueError:
                where = problem.file
            return Problem(f"{bundle.name}/{where}", problem.line, problem.column, problem.severity,
                           problem.field, problem.message)

        problems = [inside(p) for p in catalog.problems]
        if not catalog.exhibits and not catalog.errors:
            problems.append(bundle_problem(bundle, "this bundle holds no exhibit"))
        count = len(catalog.errors)
        return [bundle_problem(bundle, f"this bundle is refused: {count} error{'s' * (count != 1)} in its "
                                       "exhibits (kiosk pack checks them before packing)"), *problems]

    def manifest(self, version: str) -> Manifest | None:
        try:
            return Manifest.parse((self.version_folder(version) / MANIFEST).read_bytes())
        except (OSError, BundleRefused):
            return None

    def activate(self, version: str) -> None:
        """Make `version` the current content (called as it goes on screen), and
        remove the versions older than the `keep` newest."""
        def change(state: dict[str, Any]) -> None:
            history = [v for v in state.get("history", []) if v != version] + [version]
            state["history"] = history[-self.keep:]
        self._update(change)
        self._prune()

    def rollback(self) -> str | None:
        """Go back to the version before the current one; None: back to the
        exhibits folder of kiosk.yaml. Raises LookupError with no bundle applied."""
        history = self.history()
        if not history:
            raise LookupError("no bundle has been applied on this kiosk: there is nothing to roll back")
        self._update(lambda state: state.__setitem__("history", history[:-1]))
        return history[-2] if len(history) > 1 else None

    def _prune(self) -> None:
        """Versions older than the current one and out of the history go; a newer
        one may be received and waiting for its turn on screen, and stays."""
        kept = set(self._state().get("history", []))
        if not kept:
            return
        try:
            folders = list((self.folder / VERSIONS).iterdir())
        except OSError:
            return
        for folder in folders:
            if folder.name not in kept and not folder.name.startswith(INCOMING) and folder.name < max(kept):
                shutil.rmtree(folder, ignore_errors=True)
