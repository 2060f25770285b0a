"""Turning what went wrong in a YAML file into located problems.

Shared by every file the kiosk reads (exhibits and `kiosk.yaml`): a
`FileReport` collects one file's problems and finds each one's line and
column from its data path; pydantic's validation errors and unknown keys are
translated into the curator's words here, once.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from kiosk.content.problems import Position, Problem, Severity, did_you_mean, field_path
from kiosk.content.yamlsource import DataPath, EmptyDocument, YamlDocument, YamlError, read_yaml

log = logging.getLogger(__name__)

UnknownKeyReporter = Callable[[dict[Any, Any], Any, list[str]], None]


def display_path(path: Path) -> str:
    """Paths relative to the working directory when possible, as editors expect,
    always printable: bytes of a file name that are not UTF-8 show as \\xNN."""
    try:
        relative = os.path.relpath(path)
    except ValueError:  # another drive on Windows
        relative = str(path)
    shown = str(path) if relative.startswith("..") else relative
    return shown.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def os_error_text(error: OSError) -> str:
    """An OSError in a curator's words: the system's reason, without the path."""
    return error.strerror or str(error)


def read_document(report: FileReport) -> YamlDocument | None:
    """The parsed file of `report`, or None with the reason added to it.

    The one place where reading a file can fail: YAML problems keep their
    position, file-system problems (unreadable, a name too long) and anything
    unexpected become a problem at the top of the file; nothing escapes."""
    try:
        report.doc = read_yaml(report.path)
    except EmptyDocument as exc:
        report.empty = True
        report.add((), Severity.ERROR, exc.message)
    except YamlError as exc:
        report.add(exc.path, Severity.ERROR, exc.message, position=exc.position)
    except OSError as exc:
        report.add((), Severity.ERROR, f"cannot be read: {os_error_text(exc)}")
    except Exception as exc:  # noqa: BLE001 - a hostile file must never stop the kiosk
        log.exception("reading %s failed", report.name)
        report.add((), Severity.ERROR, f"cannot be read ({type(exc).__name__}: {exc})")
    return report.doc


class FileReport:
    """Collects the problems of one file, locating each by its data path.

    `union_tags` names the values that pydantic puts into error locations for
    tagged unions (panel types), so that they can be left out of the path.
    """

    def __init__(self, path: Path, doc: YamlDocument | None = None,
                 union_tags: Iterable[str] = ()):
        self.path = path
        self.name = display_path(path)
        self._doc = doc
        self._load_doc: Callable[[], YamlDocument | None] | None = None
        self.union_tags = tuple(union_tags)
        self.problems: list[Problem] = []
        self.empty = False
        """The file holds nothing but comments."""
        self._paths_by_id: dict[int, DataPath] = {}

    @classmethod
    def kept(cls, path: Path, problems: list[Problem], empty: bool,
             load_doc: Callable[[], YamlDocument | None], union_tags: Iterable[str] = ()) -> FileReport:
        """The report of a file checked before (kiosk.content.cache): its
        parsed document is only loaded if a catalog-wide problem needs a position."""
        report = cls(path, union_tags=union_tags)
        report.problems, report.empty, report._load_doc = list(problems), empty, load_doc
        return report

    @property
    def doc(self) -> YamlDocument | None:
        if self._load_doc is not None:
            self._doc, self._load_doc = self._load_doc(), None
        return self._doc

    @doc.setter
    def doc(self, doc: YamlDocument | None) -> None:
        self._doc, self._load_doc = doc, None

    def add(self, path: DataPath, severity: Severity, message: str, *, at_key: bool = False,
            position: Position | None = None) -> None:
        if position is None:
            position = self.doc.locate(path, key=at_key) if self.doc else (1, 1)
        self.problems.append(Problem(self.name, *position, severity, field_path(path), message))

    @property
    def has_errors(self) -> bool:
        return any(p.is_error for p in self.problems)

    def unknown_key(self, mapping: dict[Any, Any], key: Any, known: list[str]) -> None:
        """Called from validation for each key the schema does not declare."""
        if not self._paths_by_id and self.doc is not None:
            self._index(self.doc.data, ())
        path = self._paths_by_id.get(id(mapping), ()) + (key,)
        self.add(path, Severity.ERROR,
                 f"unknown field '{key}'{did_you_mean(key, known)}; expected one of: {', '.join(known)}",
                 at_key=True)

    def _index(self, value: Any, path: DataPath) -> None:
        if isinstance(value, dict):
            self._paths_by_id.setdefault(id(value), path)
            for key, item in value.items():
                self._index(item, path + (key,))
        elif isinstance(value, list):
            for index, item in enumerate(value):
                self._index(item, path + (index,))

    def validation_errors(self, error: ValidationError, union_name: str = "panel") -> None:
        data = self.doc.data if self.doc else None
        tags = self.union_tags
        for item in error.errors(include_url=False):
            path = data_path(data, item["loc"])
            kind, ctx = item["type"], item.get("ctx", {})
            if kind == "union_tag_invalid":
                tag = ctx.get("tag")
                self.add(path + ("type",), Severity.ERROR,
                         f"unknown {union_name} type '{tag}'{did_you_mean(str(tag), tags)}; "
                         f"known types: {', '.join(tags)}")
            elif kind == "union_tag_not_found":
                self.add(path, Severity.ERROR,
                         f"a {union_name} needs a 'type': one of {', '.join(tags)}")
            elif kind == "missing":
                self.add(path, Severity.ERROR, f"required field '{item['loc'][-1]}' is missing")
            else:
                self.add(path, Severity.ERROR, _message(kind, item, ctx))


def _shown(value: Any) -> str:
    if value is None:
        return "an empty value"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a map"
    return repr(value)


_TYPE_MESSAGES = {
    "int_type": "expected a whole number", "int_parsing": "expected a whole number",
    "int_from_float": "expected a whole number", "float_type": "expected a number",
    "float_parsing": "expected a number", "string_type": "expected text",
    "list_type": "expected a list", "tuple_type": "expected a list",
    "model_type": "expected a map of fields", "model_attributes_type": "expected a map of fields",
    "dict_type": "expected a map of fields",
}


def _message(kind: str, item: Any, ctx: dict[str, Any]) -> str:
    shown = _shown(item.get("input"))
    if kind == "value_error":
        return str(ctx.get("error"))
    if kind == "literal_error":
        return f"expected {ctx.get('expected')}, got {shown}"
    if kind in _TYPE_MESSAGES:
        return f"{_TYPE_MESSAGES[kind]}, got {shown}"
    if kind == "too_short":
        return "must not be empty" if ctx.get("min_length") == 1 else str(item["msg"])
    message = str(item["msg"])
    return f"{message[0].lower()}{message[1:]}, got {shown}"


def data_path(data: Any, loc: tuple[str | int, ...]) -> DataPath:
    """Pydantic's error location minus union tags: the path in the YAML data."""
    path: list[str | int] = []
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


def _is_union_tag(current: Any, part: Any, path: list[str | int]) -> bool:
    if isinstance(current, dict) and part == current.get("type"):
        return True
    return bool(path) and path[-1] == "with" and part in ("exhibit", "item")
