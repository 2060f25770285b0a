"""Exhibit files that have not changed are not checked again.

A file's result (the exhibit, its problems and the positions that catalog-wide
checks locate problems with) is kept under a signature of everything the
checks read: the YAML file's content and modification time, and the name,
size and modification time of every file in its folder (the stills). Any
change to one of them, or to the kiosk's content code, checks the file again.
Results live in memory and, when a folder is given, in one file per exhibit
there (the per-user cache folder), so that `kiosk validate` and a kiosk
starting up cost almost nothing for an unchanged collection.

The files are pickles: only the user who owns the cache folder can write
them, and that user can run code as themselves anyway.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import pickle
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    from kiosk.content.problems import Problem
    from kiosk.content.schema import Exhibit
    from kiosk.content.yamlsource import YamlDocument

log = logging.getLogger(__name__)

T = TypeVar("T")

CODE = Path(__file__).resolve().parent
"""The content package: a change to its code is a change to the checks."""


Signature = tuple[object, ...]
"""What the checks of one exhibit file depend on (CheckedCache.signature)."""


@dataclass(frozen=True)
class Checked:
    """What checking one file found. The parsed document is kept pickled on
    its own: it is most of the size, and only a catalog-wide problem (a
    duplicate id, a compare with a missing exhibit) needs its positions."""

    signature: Signature
    exhibit: Exhibit | None
    problems: list[Problem]
    doc_pickle: bytes
    empty: bool

    @classmethod
    def of(cls, signature: Signature, exhibit: Exhibit | None, problems: list[Problem],
           doc: YamlDocument | None, empty: bool) -> Checked:
        return cls(signature, exhibit, list(problems), pickle.dumps(doc, protocol=pickle.HIGHEST_PROTOCOL), empty)

    def doc(self) -> YamlDocument | None:
        document: YamlDocument | None = pickle.loads(self.doc_pickle)
        return document


def _code_version() -> str:
    digest = hashlib.blake2b(digest_size=16)
    for source in sorted(CODE.glob("*.py")) + [CODE / "exhibit.schema.json"]:
        try:
            digest.update(source.read_bytes())
        except OSError:
            digest.update(source.name.encode())
    return digest.hexdigest()


def _folder_files(folder: str, prefix: str = "") -> list[tuple[str, int, int]]:
    """Every file under `folder` with its size and modification time, in name order."""
    found: list[tuple[str, int, int]] = []
    try:
        entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
    except OSError:
        return found
    for entry in entries:
        try:
            if entry.is_dir():
                found += _folder_files(entry.path, prefix + entry.name + "/")
            else:
                stat = entry.stat()
                found.append((prefix + entry.name, stat.st_size, stat.st_mtime_ns))
        except OSError:
            continue
    return found


class CheckedCache:
    """Results of checked exhibit files by path, in memory and optionally on disk."""

    def __init__(self, folder: Path | None = None):
        self.folder = folder
        self.version = _code_version()
        self._memory: dict[Path, Checked] = {}
        self.hits = 0
        self.misses = 0

    def signature(self, path: Path) -> Signature | None:
        """What the checks of `path` depend on; None when it cannot be read (check it)."""
        try:
            raw = path.read_bytes()
            stat = path.stat()
        except OSError:
            return None
        return (self.version, hashlib.blake2b(raw, digest_size=16).hexdigest(), stat.st_mtime_ns,
                tuple(_folder_files(str(path.parent))))

    def get(self, path: Path, signature: Signature | None) -> Checked | None:
        if signature is None:
            return None
        checked = self._memory.get(path) or self._read(path)
        if checked is None or checked.signature != signature:
            self.misses += 1
            return None
        self._memory[path] = checked
        self.hits += 1
        return checked

    def put(self, path: Path, checked: Checked) -> None:
        if checked.signature is None:
            return
        self._memory[path] = checked
        if self.folder is not None:
            self._keep(self._file_of(path), checked)

    def kept(self, name: str, kind: type[T]) -> T | None:
        """What was kept under `name` (see keep), if it is a `kind`."""
        if self.folder is None:
            return None
        try:
            found = pickle.loads((self.folder / name).read_bytes())
        except FileNotFoundError:
            return None
        except Exception as error:  # noqa: BLE001 - a damaged cache file only costs a check
            log.debug("ignoring the kept %s: %s", name, error)
            return None
        return found if isinstance(found, kind) else None

    def keep(self, name: str, value: object) -> None:
        """Keep `value` in the cache folder under `name` (nothing without a folder)."""
        if self.folder is not None:
            self._keep(self.folder / name, value)

    def _keep(self, target: Path, value: object) -> None:
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            scratch = target.with_suffix(f".{os.getpid()}.tmp")
            scratch.write_bytes(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
            os.replace(scratch, target)
        except (OSError, pickle.PicklingError, RecursionError) as error:
            log.debug("cannot keep %s: %s", target.name, error)

    def _file_of(self, path: Path) -> Path:
        assert self.folder is not None
        return self.folder / (hashlib.blake2b(os.fsencode(path.resolve()), digest_size=16).hexdigest() + ".pickle")

    def _read(self, path: Path) -> Checked | None:
        if self.folder is None:
            return None
        return self.kept(self._file_of(path).name, Checked)


class RememberedProbe:
    """A clip probe that asks the decoder only about clips it has not seen
    unchanged (same path, size and modification time, same kiosk and decoder
    versions): playing a clip's first and last frames costs far more than the
    rest of a validation, and an unchanged clip plays as it did."""

    def __init__(self, probe: Callable[[Path], tuple[str | None, int]], folder: Path | None, decoder: str):
        self._probe = probe
        self._file = folder / "clips.json" if folder is not None else None
        self._version = f"{_code_version()} {decoder}"
        self.decoder = decoder
        """What answers: a different one may answer differently about the same clip."""
        self._known: dict[str, list[object]] = self._read()
        self.asked = 0

    def __call__(self, path: Path) -> tuple[str | None, int]:
        try:
            stat = path.stat()
        except OSError:
            return self._probe(path)
        key, stamp = str(path.resolve()), [self._version, stat.st_size, stat.st_mtime_ns]
        known = self._known.get(key)
        if known is not None and known[:3] == stamp:
            problem, tracks = known[3], known[4]
            return (problem if isinstance(problem, str) else None), int(tracks)  # type: ignore[call-overload]
        self.asked += 1
        problem, tracks = self._probe(path)
        self._known[key] = [*stamp, problem, tracks]
        self._write()
        return problem, tracks

    def _read(self) -> dict[str, list[object]]:
        if self._file is None:
            return {}
        try:
            known = json.loads(self._file.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return {key: value for key, value in known.items() if isinstance(value, list) and len(value) == 5} \
            if isinstance(known, dict) else {}

    def _write(self) -> None:
        if self._file is None:
            return
        try:
            self._file.parent.mkdir(parents=True, exist_ok=True)
            scratch = self._file.with_suffix(f".{os.getpid()}.tmp")
            scratch.write_text(json.dumps(self._known), encoding="utf-8")
            os.replace(scratch, self._file)
        except OSError as error:
            log.debug("cannot keep the clip checks: %s", error)
