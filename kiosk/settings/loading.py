"""Reading `kiosk.yaml`: a wrong file never stops the kiosk.

Each problem is reported with file, line, column and field (the same form as
exhibit problems), the wrong setting falls back to its default and every valid
setting is kept. Each effective value remembers where it came from
(`kiosk.yaml:12` or the default), which `kiosk config --show` prints.

The file is `--config FILE` when given, else `kiosk.yaml` in the per-user
config folder (platformdirs), else there is none and every default applies.
"""

from __future__ import annotations

import copy
import dataclasses
import difflib
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError

from kiosk.content.located import FileReport, UnknownKeyReporter, data_path, display_path, read_document
from kiosk.content.problems import Problem, Severity
from kiosk.content.yamlsource import DataPath
from kiosk.locale import INTERFACE_LANGUAGES
from kiosk.settings.pin import is_pin_hash
from kiosk.settings.schema import KioskSettings, default_config_path, setting_names

if TYPE_CHECKING:
    from kiosk.bundles.library import Library

MAX_FALLBACK_PASSES = 50
"""Validation passes before giving up on a file and using every default."""



def _exists(path: Path) -> bool:
    """Whether anything is at `path`; a path the system cannot even look at
    (too long, a folder without permission) counts as there, so that reading
    it reports why."""
    try:
        return path.exists()
    except OSError:
        return True


HEALTH_FILE = "exhibit-kiosk.prom"
"""The collector reads every *.prom file in its folder; this one is the kiosk's."""


@dataclass
class LoadedSettings:
    settings: KioskSettings
    path: Path | None = None
    """The settings file that was read (or looked for), None without one."""
    sources: dict[str, str] = field(default_factory=dict)
    """Per setting ("idle.timeout_seconds"): "default" or "path:line"."""
    problems: list[Problem] = field(default_factory=list)
    found: bool = False
    """Whether the settings file existed."""

    def source(self, name: str) -> str:
        return self.sources.get(name, "default")

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.is_error]

    @property
    def exhibits_dir(self) -> Path | None:
        """The exhibits folder to use; None means the bundled exhibits."""
        return _settings_folder(self.settings.exhibits, self.path)

    @property
    def health_file(self) -> Path | None:
        """The Prometheus health file to write; None when health.folder is not set."""
        folder = _settings_folder(self.settings.health.folder, self.path)
        return folder / HEALTH_FILE if folder is not None else None

    @property
    def closed_still(self) -> Path | None:
        """The still of the closed screen; None: a dark screen."""
        return _settings_folder(self.settings.schedule.closed_still, self.path)

    @property
    def bundle_inbox(self) -> Path | None:
        """The folder content bundles arrive in; None when bundles.inbox is not set."""
        return _settings_folder(self.settings.bundles.inbox, self.path)

    def bundle_library(self) -> Library:
        """The store of received content versions (used by the kiosk and by `kiosk rollback`)."""
        from kiosk.bundles.library import Library  # zip and signatures: not for every start
        from kiosk.bundles.signing import PublicKey
        from kiosk.paths import default_library_dir

        bundles = self.settings.bundles
        folder = _settings_folder(bundles.library, self.path) or default_library_dir()
        key = PublicKey.parse(bundles.public_key) if bundles.public_key else None
        return Library(folder, bundles.keep, key)

    @property
    def cursor_hidden(self) -> bool:
        cursor = self.settings.cursor
        return cursor == "hidden" or (cursor == "auto" and self.settings.lockdown)


def _settings_folder(value: str | None, settings_path: Path | None) -> Path | None:
    """A folder or file named in kiosk.yaml: relative to the file when not absolute."""
    if value is None:
        return None
    folder = Path(value).expanduser()
    if not folder.is_absolute() and settings_path is not None:
        folder = settings_path.parent / folder
    return folder


def _has_path(data: Any, path: DataPath) -> bool:
    for part in path:
        if not isinstance(data, dict) or part not in data:
            return False
        data = data[part]
    return True


def _drop(data: dict[str, Any], path: DataPath) -> bool:
    """Remove the setting at `path` so that its default applies.

    A wrong list item drops the whole list; a path that is not in the data
    (a missing value whose default is wrong) drops its nearest ancestor.
    Returns whether anything was removed.
    """
    path = tuple(path)
    for index, part in enumerate(path):
        if isinstance(part, int):
            path = path[:index]
            break
    while path and not _has_path(data, path):
        path = path[:-1]
    if not path:
        return False
    parent = data
    for part in path[:-1]:
        parent = parent[part]
    del parent[path[-1]]
    return True


def _unknown_key_reporter(report: FileReport, top: dict[str, Any]) -> UnknownKeyReporter:
    """Reports unknown keys; at the top level a misplaced setting name is suggested
    in its section (`idle_timout` -> `timeout_seconds` under `idle:`)."""
    flat = {"_".join(name): name for name in setting_names() if len(name) == 2}

    def unknown(mapping: dict[Any, Any], key: Any, known: list[str]) -> None:
        if mapping is top and not difflib.get_close_matches(str(key), known, n=1, cutoff=0.6):
            close = difflib.get_close_matches(str(key).replace(".", "_"), list(flat), n=1, cutoff=0.6)
            if close:
                section, name = flat[close[0]]
                report.add((key,), Severity.ERROR,
                           f"unknown field '{key}' (did you mean '{name}' under '{section}:'?); "
                           f"expected one of: {', '.join(known)}", at_key=True)
                return
        report.unknown_key(mapping, key, known)

    return unknown


def _ignore_unknown_key(mapping: dict[Any, Any], key: Any, known: list[str]) -> None:
    """Later passes see the same unknown keys again; they are reported once."""


def _validate(data: dict[str, Any], report: FileReport) -> tuple[KioskSettings, dict[str, Any]]:
    """Validate, and for every wrong setting drop it and validate again, so that
    each wrong setting takes its default and every valid one is kept.

    Returns the settings and the data they were finally built from.
    """
    current = data
    context = {"unknown_key": _unknown_key_reporter(report, data)}
    for _ in range(MAX_FALLBACK_PASSES):
        try:
            return KioskSettings.model_validate(current, context=context), current
        except ValidationError as exc:
            report.validation_errors(exc)
            if current is data:
                current = copy.deepcopy(data)
            context = {"unknown_key": _ignore_unknown_key}
            dropped = [_drop(current, data_path(current, item["loc"]))
                       for item in exc.errors(include_url=False)]
            if not any(dropped):
                current.clear()
    return KioskSettings.model_validate({}, context=context), {}


def _check_after(settings: KioskSettings, report: FileReport,
                 path: Path) -> tuple[KioskSettings, set[tuple[str, ...]]]:
    """Checks that need the file system or must not fall back to a default.
    Returns the settings and the names of those that fell back to their default."""
    fell_back: set[tuple[str, ...]] = set()
    folder = _settings_folder(settings.exhibits, path)
    if folder is not None and not folder.is_dir():
        report.add(("exhibits",), Severity.ERROR,
                   f"no such exhibits folder: {folder}; using the bundled exhibits")
        settings = settings.model_copy(update={"exhibits": None})
        fell_back.add(("exhibits",))
    still = _settings_folder(settings.schedule.closed_still, path)
    if still is not None and not still.is_file():
        report.add(("schedule", "closed_still"), Severity.ERROR,
                   f"no such still: {still}; the closed screen stays dark")
        settings = settings.model_copy(update={"schedule": settings.schedule.model_copy(update={"closed_still": None})})
        fell_back.add(("schedule", "closed_still"))
    for index, code in enumerate(settings.languages.enabled):
        if code not in INTERFACE_LANGUAGES and code.split("-")[0] not in INTERFACE_LANGUAGES:
            report.add(("languages", "enabled", index), Severity.WARNING,
                       f"'{code}' has no interface text: its visitors would read the kiosk's buttons and "
                       f"spoken help in English; the interface is written in {', '.join(INTERFACE_LANGUAGES)} "
                       "(kiosk/locale/strings.py)")
    pin_hash = settings.admin.pin_hash
    if pin_hash is not None and not is_pin_hash(pin_hash):
        report.add(("admin", "pin_hash"), Severity.ERROR,
                   "this is not a PIN hash written by `kiosk set-pin`; the admin screen "
                   "stays locked until you run `kiosk set-pin` again")
    return settings, fell_back


def load_settings(explicit: Path | None = None) -> LoadedSettings:
    """The effective settings: `explicit` (--config), else the user's kiosk.yaml,
    else the defaults. Never raises for a bad file: see `LoadedSettings.problems`."""
    path = explicit if explicit is not None else default_config_path()
    report = FileReport(path)
    defaults = KioskSettings()
    if not _exists(path):
        if explicit is not None:
            report.add((), Severity.ERROR, "the settings file does not exist; using the defaults")
        return LoadedSettings(defaults, path, problems=report.problems)
    doc = read_document(report)
    if doc is None:
        if report.empty:
            return LoadedSettings(defaults, path, found=True)  # only comments: every default
        report.problems = [dataclasses.replace(p, message=f"{p.message}; using the defaults")
                           for p in report.problems]
        return LoadedSettings(defaults, path, problems=report.problems, found=True)
    if not isinstance(doc.data, dict):
        report.add((), Severity.ERROR,
                   "expected a map of settings (idle:, languages:, admin: ...); using the defaults")
        return LoadedSettings(defaults, path, problems=report.problems, found=True)
    settings, used = _validate(doc.data, report)
    settings, fell_back = _check_after(settings, report, path)
    name = display_path(path)
    sources = {}
    for setting in setting_names():
        if setting not in fell_back and _has_path(used, setting):
            line, _ = doc.locate(setting, key=True)
            sources[".".join(setting)] = f"{name}:{line}"
    problems = list(dict.fromkeys(report.problems))  # later passes may repeat a problem
    problems.sort(key=lambda p: (p.line, p.column))
    return LoadedSettings(settings, path, sources, problems, found=True)
