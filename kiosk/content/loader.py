"""Loading exhibit folders into a catalog: the good exhibits plus every problem.

A broken exhibit is left out and reported; it never stops the others.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from kiosk.content.checks import check_exhibit, check_files
from kiosk.content.problems import Problem, Severity, did_you_mean, field_path
from kiosk.content.schema import PANEL_TYPES, ComparePanel, Exhibit
from kiosk.content.yamlsource import YamlDocument, YamlError, read_yaml

EXHIBIT_FILE = "exhibit.yaml"


@dataclass(frozen=True)
class LoadedExhibit:
    exhibit: Exhibit
    folder: Path

    @property
    def id(self) -> str:
        return self.exhibit.id or self.folder.name

    def path(self, relative: str) -> Path:
        return self.folder / relative


@dataclass
class Catalog:
    exhibits: list[LoadedExhibit] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    def get(self, exhibit_id: str) -> LoadedExhibit | None:
        return next((e for e in self.exhibits if e.id == exhibit_id), None)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.is_error]


def display_path(path: Path) -> str:
    """Paths relative to the working directory when possible, as editors expect."""
    try:
        relative = os.path.relpath(path)
    except ValueError:  # another drive on Windows
        return str(path)
    return str(path) if relative.startswith("..") else relative


class FileReport:
    """Collects the problems of one file, locating each by its data path."""

    def __init__(self, path: Path, doc: YamlDocument | None = None):
        self.name = display_path(path)
        self.doc = doc
        self.problems: list[Problem] = []
        self._paths_by_id: dict[int, tuple] = {}

    def add(self, path: tuple, severity: Severity, message: str, *, at_key: bool = False,
            position: tuple[int, int] | None = None) -> None:
        if position is None:
            position = self.doc.locate(path, key=at_key) if self.doc else (1, 1)
        self.problems.append(Problem(self.name, *position, severity, field_path(path), message))

    def unknown_key(self, mapping: dict, key: Any, known: list[str]) -> None:
        """Called from validation for each key the schema does not declare."""
        if not self._paths_by_id:
            self._index(self.doc.data, ())
        path = self._paths_by_id.get(id(mapping), ()) + (key,)
        self.add(path, Severity.ERROR,
                 f"unknown field '{key}'{did_you_mean(key, known)}; expected one of: {', '.join(known)}",
                 at_key=True)

    def _index(self, value: Any, path: tuple) -> None:
        if isinstance(value, dict):
            self._paths_by_id.setdefault(id(value), path)
            for key, item in value.items():
                self._index(item, path + (key,))
        elif isinstance(value, list):
            for index, item in enumerate(value):
                self._index(item, path + (index,))

    def validation_errors(self, error: ValidationError) -> None:
        for item in error.errors(include_url=False):
            path = data_path(self.doc.data, item["loc"])
            kind, ctx = item["type"], item.get("ctx", {})
            if kind == "union_tag_invalid":
                tag = ctx.get("tag")
                self.add(path + ("type",), Severity.ERROR,
                         f"unknown panel type '{tag}'{did_you_mean(tag, PANEL_TYPES)}; "
                         f"known types: {', '.join(PANEL_TYPES)}")
            elif kind == "union_tag_not_found":
                self.add(path, Severity.ERROR,
                         f"a panel needs a 'type': one of {', '.join(PANEL_TYPES)}")
            elif kind == "missing":
                self.add(path, Severity.ERROR, f"required field '{item['loc'][-1]}' is missing")
            else:
                self.add(path, Severity.ERROR, _message(kind, item, ctx))


def _message(kind: str, item: dict, ctx: dict) -> str:
    value = item.get("input")
    shown = "an empty value" if value is None else (
        "a list" if isinstance(value, list) else "a map" if isinstance(value, dict) else repr(value))
    if kind == "value_error":
        return str(ctx.get("error"))
    if kind == "literal_error":
        return f"expected {ctx.get('expected')}, got {shown}"
    if kind in ("int_type", "int_parsing", "int_from_float"):
        return f"expected a whole number, got {shown}"
    if kind in ("float_type", "float_parsing"):
        return f"expected a number, got {shown}"
    if kind in ("string_type",):
        return f"expected text, got {shown}"
    if kind in ("list_type", "tuple_type"):
        return f"expected a list, got {shown}"
    if kind in ("model_type", "model_attributes_type", "dict_type"):
        return f"expected a map of fields, got {shown}"
    if kind == "too_short":
        return "must not be empty" if ctx.get("min_length") == 1 else item["msg"]
    return f"{item['msg'][0].lower()}{item['msg'][1:]}, got {shown}"


def data_path(data: Any, loc: tuple) -> tuple:
    """Pydantic's error location minus union tags: the path in the YAML data."""
    path: list = []
    current = data
    for part in loc:
        if isinstance(current, dict) and part in current:
            current = current[part]
        elif isinstance(current, list) and isinstance(part, int) and part < len(current):
            current = current[part]
        elif _is_union_tag(current, part, path):
            continue
        elif isinstance(current, dict) and isinstance(part, str):
            path.append(part)  # a missing field: keep its name, stop descending
            break
        else:
            continue
        path.append(part)
    return tuple(path)


def _is_union_tag(current: Any, part: Any, path: list) -> bool:
    if isinstance(current, dict) and part == current.get("type"):
        return True
    return bool(path) and path[-1] == "with" and part in ("exhibit", "item")


def load_exhibit_file(path: Path) -> tuple[Exhibit | None, list[Problem]]:
    """One exhibit file, validated and checked; None when it has errors."""
    try:
        doc = read_yaml(path)
    except YamlError as exc:
        report = FileReport(path)
        report.add(exc.path, Severity.ERROR, exc.message, position=exc.position)
        return None, report.problems
    except OSError as exc:
        report = FileReport(path)
        report.add((), Severity.ERROR, f"cannot be read: {exc.strerror or exc}")
        return None, report.problems
    report = FileReport(path, doc)
    if not isinstance(doc.data, dict):
        report.add((), Severity.ERROR, "expected a map of fields (schema:, title:, panels: ...)")
        return None, report.problems
    exhibit = None
    try:
        exhibit = Exhibit.model_validate(doc.data, context={"unknown_key": report.unknown_key})
    except ValidationError as exc:
        report.validation_errors(exc)
    for data_path, severity, message in check_files(doc.data, path.parent):
        report.add(data_path, severity, message)
    if exhibit is not None and not any(p.is_error for p in report.problems):
        for data_path, severity, message in check_exhibit(exhibit):
            report.add(data_path, severity, message)
    report.problems.sort(key=lambda p: (p.line, p.column))
    ok = exhibit is not None and not any(p.is_error for p in report.problems)
    return (exhibit if ok else None), report.problems


def load_exhibits_folder(root: Path, log: logging.Logger) -> Catalog | None:
    """The catalog of one exhibits folder with every problem logged; None when
    the folder does not exist (a usage problem, said on stderr by the caller)."""
    if not root.is_dir():
        return None
    catalog = load_catalog([root])
    for problem in catalog.problems:
        log.warning("%s", problem.format())
    return catalog


def find_exhibit_files(roots: list[Path]) -> tuple[list[Path], list[Problem]]:
    """Exhibit files under each root: a root may be an exhibits folder, one
    exhibit's folder, or an exhibit.yaml itself."""
    files, problems = [], []
    for root in roots:
        if root.is_file():
            files.append(root)
        elif (root / EXHIBIT_FILE).is_file():
            files.append(root / EXHIBIT_FILE)
        elif root.is_dir():
            for folder in sorted(p for p in root.iterdir() if p.is_dir() and not p.name.startswith(".")):
                if (folder / EXHIBIT_FILE).is_file():
                    files.append(folder / EXHIBIT_FILE)
                else:
                    problems.append(Problem(display_path(folder), 1, 1, Severity.WARNING, "",
                                            f"folder has no {EXHIBIT_FILE} and is skipped"))
    return files, problems


def load_catalog(roots: list[Path]) -> Catalog:
    files, problems = find_exhibit_files(roots)
    catalog = Catalog(problems=problems)
    candidates: list[LoadedExhibit] = []
    failed_ids: set[str] = set()
    for path in files:
        exhibit, file_problems = load_exhibit_file(path)
        catalog.problems.extend(file_problems)
        if exhibit is None:
            failed_ids.add(path.parent.name)
        else:
            candidates.append(LoadedExhibit(exhibit, path.parent))
    # When two exhibits claim one id, the one whose folder bears that name keeps it.
    candidates.sort(key=lambda item: item.id != item.folder.name)
    loaded: dict[str, LoadedExhibit] = {}
    for item in candidates:
        if item.id in loaded:
            path = item.folder / EXHIBIT_FILE
            catalog.problems.append(Problem(
                display_path(path), *_id_position(path), Severity.ERROR, "id",
                f"duplicate exhibit id '{item.id}': already used by "
                f"{display_path(loaded[item.id].folder / EXHIBIT_FILE)}; this exhibit is skipped"))
        else:
            loaded[item.id] = item
    for item in loaded.values():
        catalog.problems.extend(_check_references(item, loaded, failed_ids))
    catalog.exhibits = sorted((_without_dangling(item, loaded) for item in loaded.values()),
                              key=lambda e: (e.exhibit.order, e.id))
    return catalog


def _id_position(path: Path) -> tuple[int, int]:
    doc = read_yaml(path)
    return doc.locate(("id",)) if "id" in doc.data else (1, 1)


def _check_references(item: LoadedExhibit, loaded: dict, failed_ids: set) -> list[Problem]:
    """A compare must point at an exhibit that exists; one that failed is a warning."""
    problems = []
    doc = None
    for index, panel in enumerate(item.exhibit.panels):
        if not isinstance(panel, ComparePanel) or not isinstance(panel.other, str):
            continue
        doc = doc or read_yaml(item.folder / EXHIBIT_FILE)
        report = FileReport(item.folder / EXHIBIT_FILE, doc)
        where = ("panels", index, "with")
        other = loaded.get(panel.other)
        if panel.other in failed_ids and other is None:
            report.add(where, Severity.WARNING,
                       f"exhibit '{panel.other}' has errors and is not shown; this panel is hidden until it is fixed")
        elif other is None:
            report.add(where, Severity.ERROR,
                       f"no exhibit with id '{panel.other}'{did_you_mean(panel.other, loaded)}; "
                       f"known exhibits: {', '.join(sorted(loaded))}; this panel is hidden")
        else:
            theirs = other.exhibit.facts_by_key()
            for row, key in enumerate(panel.rows):
                if key in item.exhibit.facts_by_key() and key not in theirs:
                    report.add(("panels", index, "rows", row), Severity.WARNING,
                               f"exhibit '{panel.other}' has no fact '{key}'; its cell will show a dash")
        problems.extend(report.problems)
    return problems


def _without_dangling(item: LoadedExhibit, loaded: dict) -> LoadedExhibit:
    """Drop compare panels whose other exhibit is not loaded, so screens never meet them."""
    panels = [p for p in item.exhibit.panels
              if not (isinstance(p, ComparePanel) and isinstance(p.other, str) and p.other not in loaded)]
    if len(panels) == len(item.exhibit.panels):
        return item
    return LoadedExhibit(item.exhibit.model_copy(update={"panels": panels}), item.folder)
