"""What checking a whole collection found, kept for the next `kiosk validate`.

Each exhibit file's check is kept already (kiosk.content.cache), but a catalog
still has to be made of them: every exhibit unpickled, then the checks that
span exhibits (duplicate ids, compares) run again. When not one file of the
collection has changed, nor the set of files, nor the kiosk's checks or the
clip decoder, the result is what it was, so it is kept whole under the
signatures of all the files: a curator re-running `kiosk validate` on an
unchanged collection waits only for the files to be looked at.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

from kiosk.content.cache import CheckedCache, RememberedProbe, Signature
from kiosk.content.clips import ClipProbe
from kiosk.content.loader import find_exhibit_files, load_catalog
from kiosk.content.problems import Problem

Signatures = dict[Path, Signature | None]


@dataclass(frozen=True)
class Verdict:
    key: str
    """The digest of everything the result depends on."""
    exhibit_ids: list[str]
    """The exhibits shown, in their order."""
    problems: list[Problem]

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.is_error]


def check_collection(roots: list[Path], cache: CheckedCache | None = None,
                     probe: ClipProbe | None = None) -> Verdict:
    """The exhibits and problems of the collection under `roots`, from the
    cache when nothing it depends on has changed."""
    if cache is None:
        return _checked(roots, None, probe, {}, "")
    files, found = find_exhibit_files(roots)
    signatures = {path: cache.signature(path) for path in files}
    key = _key(cache, probe, signatures, found)
    name = _name_of(roots)
    kept = cache.kept(name, Verdict) if key else None
    if kept is not None and kept.key == key:
        return kept
    verdict = _checked(roots, cache, probe, signatures, key)
    if key:
        cache.keep(name, verdict)
    return verdict


def _checked(roots: list[Path], cache: CheckedCache | None, probe: ClipProbe | None,
             signatures: Signatures, key: str) -> Verdict:
    catalog = load_catalog(roots, cache, probe, signatures)
    return Verdict(key, [item.id for item in catalog.exhibits], catalog.problems)


def _key(cache: CheckedCache, probe: ClipProbe | None, signatures: Signatures, found: list[Problem]) -> str:
    """Empty when a file cannot be read: its problem is found again each time.
    `found`: what looking for the files found wrong (a folder without an exhibit.yaml)."""
    if any(signature is None for signature in signatures.values()):
        return ""
    answers = probe.decoder if isinstance(probe, RememberedProbe) else repr(probe)
    digest = hashlib.blake2b(digest_size=16)
    digest.update(repr((cache.version, answers, sorted((str(p), s) for p, s in signatures.items()),
                        [problem.format() for problem in found])).encode())
    return digest.hexdigest()


def _name_of(roots: list[Path]) -> str:
    where = "\0".join(os.fsdecode(root.resolve()) for root in roots)
    return "collections/" + hashlib.blake2b(where.encode(), digest_size=16).hexdigest() + ".pickle"
