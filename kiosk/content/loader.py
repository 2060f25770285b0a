"""Loading exhibit folders into a catalog: the good exhibits plus every problem.

Each file is read and parsed once; its report (with the parsed document's
positions) is kept until the whole catalog is checked, so that catalog-wide
problems (duplicate ids, compares with exhibits that do not exist) are located
without reading the file again. Compare targets are resolved here, so that
screens never look an exhibit up by id.

A broken exhibit is left out and reported; it never stops the others.
"""

from __future__ import annotations

import gc
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from kiosk.content.cache import Checked, CheckedCache, Signature
from kiosk.content.checks import check_exhibit, check_files
from kiosk.content.clips import ClipProbe, check_clips
from kiosk.content.located import FileReport, display_path, os_error_text, read_document
from kiosk.content.problems import Problem, Severity, did_you_mean
from kiosk.content.schema import PANEL_TYPES, ComparePanel, Exhibit

EXHIBIT_FILE = "exhibit.yaml"

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class LoadedExhibit:
    exhibit: Exhibit
    folder: Path
    compared: dict[int, LoadedExhibit] = field(default_factory=dict, compare=False, repr=False)
    """Panel index -> the exhibit that compare panel is compared with."""

    @property
    def id(self) -> str:
        return self.exhibit.id or self.folder.name

    def path(self, relative: str) -> Path:
        return self.folder / relative


@dataclass
class Catalog:
    exhibits: list[LoadedExhibit] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    def get(self, exhibit_id: str | None) -> LoadedExhibit | None:
        return next((e for e in self.exhibits if e.id == exhibit_id), None)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.is_error]


def on_show(catalog: Catalog, day: date) -> Catalog:
    """The exhibits shown on `day` (their show_from and show_until). When every
    one is out of its dates, all are shown: a kiosk never goes blank for that."""
    shown = [item for item in catalog.exhibits if item.exhibit.on_show(day)]
    if not shown and catalog.exhibits:
        log.warning("no exhibit is within its show_from/show_until dates on %s: showing them all", day)
        shown = list(catalog.exhibits)
    return Catalog(shown, catalog.problems)


@dataclass
class _Candidate:
    """An exhibit that validated on its own, with the report of its file."""

    item: LoadedExhibit
    report: FileReport


def load_exhibit_file(path: Path, cache: CheckedCache | None = None,
                      signature: Signature | None = None) -> tuple[Exhibit | None, FileReport]:
    """One exhibit file, validated and checked; the exhibit is None when it has
    errors. With a cache, a file checked before and unchanged since is not read
    again (`signature`: its cache signature, when the caller has it)."""
    if cache is None:
        return _load_exhibit_file(path)
    signature = signature or cache.signature(path)
    checked = cache.get(path, signature)
    if checked is not None:
        return checked.exhibit, FileReport.kept(path, checked.problems, checked.empty, checked.doc, PANEL_TYPES)
    exhibit, report = _load_exhibit_file(path)
    if signature is not None:
        cache.put(path, Checked.of(signature, exhibit, report.problems, report.doc, report.empty))
    return exhibit, report


def _load_exhibit_file(path: Path) -> tuple[Exhibit | None, FileReport]:
    report = FileReport(path, union_tags=PANEL_TYPES)
    doc = read_document(report)
    exhibit = None
    if doc is None:
        pass
    elif not isinstance(doc.data, dict):
        report.add((), Severity.ERROR, "expected a map of fields (schema:, title:, panels: ...)")
    else:
        try:
            exhibit = _check(doc.data, path, report)
        except Exception as exc:  # noqa: BLE001 - a hostile file must never stop the kiosk
            log.exception("checking %s failed", report.name)
            report.add((), Severity.ERROR, f"cannot be checked ({type(exc).__name__}: {exc})")
    report.problems.sort(key=lambda p: (p.line, p.column))
    return (None if report.has_errors else exhibit), report


def _check(data: dict[str, Any], path: Path, report: FileReport) -> Exhibit | None:
    exhibit = None
    try:
        exhibit = Exhibit.model_validate(data, context={"unknown_key": report.unknown_key})
    except ValidationError as exc:
        report.validation_errors(exc)
    for where, severity, message in check_files(data, path.parent):
        report.add(where, severity, message)
    if exhibit is not None and not report.has_errors:
        for where, severity, message in check_exhibit(exhibit):
            report.add(where, severity, message)
    return exhibit


def load_exhibits_folder(root: Path, log: logging.Logger, cache: CheckedCache | None = None) -> Catalog | None:
    """The catalog of one exhibits folder with every problem logged; None when
    the folder does not exist (a usage problem, said on stderr by the caller)."""
    if not root.is_dir():
        return None
    catalog = load_catalog([root], cache)
    for problem in catalog.problems:
        log.warning("%s", problem.format())
    return catalog


def find_exhibit_files(roots: list[Path]) -> tuple[list[Path], list[Problem]]:
    """Exhibit files under each root: a root may be an exhibits folder, one
    exhibit's folder, or an exhibit.yaml itself. A folder that cannot be read
    is a problem of its own; the others are still found."""
    files: list[Path] = []
    problems: list[Problem] = []
    for root in roots:
        try:
            found = _exhibit_files_in(root, problems)
        except OSError as exc:
            problems.append(Problem(display_path(root), 1, 1, Severity.ERROR, "",
                                    f"cannot be read: {os_error_text(exc)}"))
            continue
        files.extend(found)
    return files, problems


def _exhibit_files_in(root: Path, problems: list[Problem]) -> list[Path]:
    if root.is_file():
        return [root]
    if (root / EXHIBIT_FILE).is_file():
        return [root / EXHIBIT_FILE]
    if not root.is_dir():
        return []
    files = []
    for folder in sorted(p for p in root.iterdir() if not p.name.startswith(".")):
        try:
            if not folder.is_dir():
                continue
            if (folder / EXHIBIT_FILE).is_file():
                files.append(folder / EXHIBIT_FILE)
            else:
                problems.append(Problem(display_path(folder), 1, 1, Severity.WARNING, "",
                                        f"folder has no {EXHIBIT_FILE} and is skipped"))
        except OSError as exc:
            problems.append(Problem(display_path(folder), 1, 1, Severity.ERROR, "",
                                    f"cannot be read: {os_error_text(exc)}; this exhibit is skipped"))
    return files


@contextmanager
def _without_cycle_collection() -> Iterator[None]:
    """Checking or unpickling a collection makes tens of thousands of objects
    that all live on: the cycle collector would walk them again and again, at
    half the cost of loading 500 exhibits. Any cycles left are collected after."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def load_catalog(roots: list[Path], cache: CheckedCache | None = None, probe: ClipProbe | None = None,
                 signatures: dict[Path, Signature | None] | None = None) -> Catalog:
    """`probe` asks whether each clip plays (`kiosk validate` gives the decoder's);
    `signatures`, the files' cache signatures when the caller has them."""
    with _without_cycle_collection():
        return _load_catalog(roots, cache, probe, signatures or {})


def _load_catalog(roots: list[Path], cache: CheckedCache | None, probe: ClipProbe | None,
                  signatures: dict[Path, Signature | None]) -> Catalog:
    files, problems = find_exhibit_files(roots)
    catalog = Catalog(problems=problems)
    candidates: list[_Candidate] = []
    failed_ids: set[str] = set()
    for path in files:
        exhibit, report = load_exhibit_file(path, cache, signatures.get(path))
        catalog.problems.extend(report.problems)
        if exhibit is None:
            failed_ids.add(path.parent.name)
        else:
            candidates.append(_Candidate(LoadedExhibit(exhibit, path.parent), report))
    loaded = _unique_ids(candidates, catalog.problems)
    items = {item_id: candidate.item for item_id, candidate in loaded.items()}
    for candidate in loaded.values():
        catalog.problems.extend(_resolve_compares(candidate, items, failed_ids))
        catalog.problems.extend(check_clips(candidate.item.exhibit, candidate.item.folder, candidate.report, probe))
    catalog.exhibits = sorted((_without_dangling(c.item) for c in loaded.values()),
                              key=lambda e: (e.exhibit.order, e.id))
    return catalog


def _unique_ids(candidates: list[_Candidate], problems: list[Problem]) -> dict[str, _Candidate]:
    """When two exhibits claim one id, the one whose folder bears that name keeps it."""
    candidates.sort(key=lambda c: c.item.id != c.item.folder.name)
    loaded: dict[str, _Candidate] = {}
    for candidate in candidates:
        item = candidate.item
        if item.id in loaded:
            first = loaded[item.id].item.folder / EXHIBIT_FILE
            start = len(candidate.report.problems)
            candidate.report.add(("id",), Severity.ERROR,
                                 f"duplicate exhibit id '{item.id}': already used by "
                                 f"{display_path(first)}; this exhibit is skipped")
            problems.extend(candidate.report.problems[start:])
        else:
            loaded[item.id] = candidate
    return loaded


def _resolve_compares(candidate: _Candidate, loaded: dict[str, LoadedExhibit],
                      failed_ids: set[str]) -> list[Problem]:
    """A compare must point at an exhibit that exists; one that failed is a warning.
    Each one that does is recorded in the exhibit's `compared`."""
    item, report = candidate.item, candidate.report
    start = len(report.problems)
    ours = item.exhibit.facts_by_key()
    for index, panel in enumerate(item.exhibit.panels):
        if not isinstance(panel, ComparePanel) or not isinstance(panel.other, str):
            continue
        where = ("panels", index, "with")
        other = loaded.get(panel.other)
        if other is None and panel.other in failed_ids:
            report.add(where, Severity.WARNING,
                       f"exhibit '{panel.other}' has errors and is not shown; this panel is hidden until it is fixed")
        elif other is None:
            report.add(where, Severity.ERROR,
                       f"no exhibit with id '{panel.other}'{did_you_mean(panel.other, loaded)}; "
                       f"known exhibits: {', '.join(sorted(loaded))}; this panel is hidden")
        else:
            item.compared[index] = other
            theirs = other.exhibit.facts_by_key()
            for row, key in enumerate(panel.rows):
                if key in ours and key not in theirs:
                    report.add(("panels", index, "rows", row), Severity.WARNING,
                               f"exhibit '{panel.other}' has no fact '{key}'; its cell will show a dash")
    return report.problems[start:]


def _without_dangling(item: LoadedExhibit) -> LoadedExhibit:
    """Drop compare panels whose other exhibit is not loaded, so screens never meet them."""
    kept = [(index, panel) for index, panel in enumerate(item.exhibit.panels)
            if not (isinstance(panel, ComparePanel) and isinstance(panel.other, str)
                    and index not in item.compared)]
    if len(kept) == len(item.exhibit.panels):
        return item
    exhibit = item.exhibit.model_copy(update={"panels": [panel for _, panel in kept]})
    compared = {new: item.compared[old] for new, (old, _) in enumerate(kept) if old in item.compared}
    return LoadedExhibit(exhibit, item.folder, compared)
