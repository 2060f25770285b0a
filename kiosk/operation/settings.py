"""The kiosk's settings file, `kiosk.yaml`: a declared schema of typed values.

Like qutebrowser's config, every setting is declared with its type, range and
default, and a wrong file never stops the kiosk: each problem is reported with
file, line, column and field (the same form as exhibit problems), the wrong
setting falls back to its default and every valid setting is kept. Each
effective value remembers where it came from (`# from kiosk.yaml:12` or
`# default`), which `kiosk config` prints.

The file is `--config FILE` when given, else `kiosk.yaml` in the per-user
config folder (platformdirs), else there is none and every default applies.

Plain Python, no Qt.
"""

from __future__ import annotations

import copy
import difflib
import getpass
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any, Literal

import platformdirs
from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationError,
    ValidationInfo,
    field_validator,
    model_validator,
)

from kiosk.content.loader import data_path, FileReport, display_path
from kiosk.content.problems import Problem, Severity
from kiosk.content.schema import Language, Model, Slug, TextField
from kiosk.content.text import Text
from kiosk.content.yamlsource import MAX_FILE_BYTES, YamlError, read_yaml
from kiosk.operation.pin import (
    PIN_RULE,
    SettingsEditError,
    holds_no_settings,
    is_pin_hash,
    pin_problem,
    set_pin_in_file,
)

APP_NAME = "exhibit-kiosk"
SETTINGS_FILE = "kiosk.yaml"
MIN_IDLE_SECONDS = 30
MAX_FALLBACK_PASSES = 50
"""Validation passes before giving up on a file and using every default."""

# The built-in "Touch to explore" strings, kept here rather than imported from
# kiosk.ui so that this module never pulls in the interface package.
TOUCH_TO_EXPLORE = {"en": "Touch to explore", "zh": "触摸屏幕开始探索",
                    "ru": "Коснитесь, чтобы начать"}


def default_config_path() -> Path:
    """Where the settings file lives when no `--config` is given."""
    return platformdirs.user_config_path(APP_NAME) / SETTINGS_FILE


# --- the schema ----------------------------------------------------------------


def _idle_timeout(value: int) -> int:
    if value < MIN_IDLE_SECONDS:
        raise ValueError(f"must be at least {MIN_IDLE_SECONDS} seconds "
                         "(museum guidance: under 30 s feels jumpy)")
    return value


def _pin_hash_text(value: Any) -> Any:
    # Whatever is written is kept as text and checked after loading: a wrong
    # pin_hash must lock the admin screen, never fall back to "no PIN".
    return value if value is None or isinstance(value, str) else str(value)


class Section(Model):
    """A part of kiosk.yaml: strict types, and `section:` left empty means defaults."""

    model_config = ConfigDict(strict=True)

    @model_validator(mode="before")
    @classmethod
    def _empty_means_defaults(cls, data: Any) -> Any:
        return {} if data is None else data


class IdleSettings(Section):
    timeout_seconds: Annotated[int, AfterValidator(_idle_timeout)] = Field(
        90, description="Seconds without a touch before the kiosk resets (at least 30).")
    countdown_seconds: Annotated[int, Field(ge=5, le=60)] = Field(
        15, description="Length of the 'Are you still there?' countdown.")


class AttractSettings(Section):
    slide_seconds: Annotated[int, Field(ge=4, le=60)] = 8
    exhibits: Annotated[list[Slug], Field(min_length=1)] | None = Field(
        None, description="Exhibit ids shown in the attract loop; default all.")
    include_stills: Literal["tile", "all"] = Field(
        "all", description="Only each exhibit's tile, or all of its stills.")
    call_to_action: TextField = Field(Text(translations=dict(TOUCH_TO_EXPLORE)))


class LanguageSettings(Section):
    model_config = ConfigDict(validate_default=True)

    enabled: Annotated[list[Language], Field(min_length=1)] = ["en", "zh", "ru"]
    default: Language = "en"

    @field_validator("default")
    @classmethod
    def _default_is_enabled(cls, value: str, info: ValidationInfo) -> str:
        enabled = info.data.get("enabled")
        if enabled is not None and value not in enabled:
            raise ValueError(f"the default language '{value}' must be one of the enabled "
                             f"languages ({', '.join(enabled)})")
        return value


class DisplaySettings(Section):
    screen: Annotated[int, Field(ge=0)] = Field(0, description="Display to use, counted from 0.")
    diagonal_inches: Annotated[float, Field(ge=10, le=120)] | None = Field(
        None, description="Physical diagonal, when the display reports a wrong DPI.")


class AdminSettings(Section):
    corner: Literal["top-left", "top-right", "bottom-left", "bottom-right"] = "top-left"
    hold_seconds: Annotated[int, Field(ge=1, le=10)] = 3
    pin_hash: Annotated[str | None, BeforeValidator(_pin_hash_text)] = Field(
        None, description="Written by `kiosk set-pin`; never by hand.")


class PresenterSettings(Section):
    enabled: bool = False
    auto_advance_seconds: Annotated[int, Field(ge=3, le=600)] | None = None
    loop: bool = False


class StatisticsSettings(Section):
    enabled: bool = True


class KioskSettings(Section):
    exhibits: str | None = Field(
        None, description="Exhibits folder, relative to kiosk.yaml; default the bundled exhibits.")
    idle: IdleSettings = IdleSettings()
    attract: AttractSettings = AttractSettings()
    languages: LanguageSettings = LanguageSettings()
    display: DisplaySettings = DisplaySettings()
    lockdown: bool = False
    cursor: Literal["auto", "hidden", "shown"] = Field(
        "auto", description="auto: hidden in lockdown, shown otherwise.")
    admin: AdminSettings = AdminSettings()
    presenter: PresenterSettings = PresenterSettings()
    statistics: StatisticsSettings = StatisticsSettings()
    log_level: Literal["debug", "info", "warning", "error"] = "info"


def setting_names() -> list[tuple[str, ...]]:
    """Every leaf setting as a path, in declaration order: ("idle", "timeout_seconds")."""
    names = []
    for name, info in KioskSettings.model_fields.items():
        kind = info.annotation
        if isinstance(kind, type) and issubclass(kind, BaseModel):
            names.extend((name, inner) for inner in kind.model_fields)
        else:
            names.append((name,))
    return names


# --- loading -------------------------------------------------------------------


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
        return _exhibits_dir(self.settings.exhibits, self.path)

    @property
    def cursor_hidden(self) -> bool:
        cursor = self.settings.cursor
        return cursor == "hidden" or (cursor == "auto" and self.settings.lockdown)


def _exhibits_dir(value: str | None, settings_path: Path | None) -> Path | None:
    if value is None:
        return None
    folder = Path(value).expanduser()
    if not folder.is_absolute() and settings_path is not None:
        folder = settings_path.parent / folder
    return folder


def _has_path(data: Any, path: tuple) -> bool:
    for part in path:
        if not isinstance(data, dict) or part not in data:
            return False
        data = data[part]
    return True


def _drop(data: dict, path: tuple) -> bool:
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


def _unknown_key_reporter(report: FileReport, top: dict):
    """Reports unknown keys; at the top level a misplaced setting name is suggested
    in its section (`idle_timout` -> `timeout_seconds` under `idle:`)."""
    flat = {"_".join(name): name for name in setting_names() if len(name) == 2}

    def unknown(mapping: dict, key: Any, known: list[str]) -> None:
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


def _ignore_unknown_key(mapping: dict, key: Any, known: list[str]) -> None:
    """Later passes see the same unknown keys again; they are reported once."""


def _validate(data: dict, report: FileReport) -> tuple[KioskSettings, dict]:
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
    fell_back = set()
    folder = _exhibits_dir(settings.exhibits, path)
    if folder is not None and not folder.is_dir():
        report.add(("exhibits",), Severity.ERROR,
                   f"no such exhibits folder: {folder}; using the bundled exhibits")
        settings = settings.model_copy(update={"exhibits": None})
        fell_back.add(("exhibits",))
    pin_hash = settings.admin.pin_hash
    if pin_hash is not None and not is_pin_hash(pin_hash):
        report.add(("admin", "pin_hash"), Severity.ERROR,
                   "this is not a PIN hash written by `kiosk set-pin`; the admin screen "
                   "stays locked until you run `kiosk set-pin` again")
    return settings, fell_back


def _holds_no_settings(path: Path) -> bool:
    try:
        return (path.stat().st_size <= MAX_FILE_BYTES
                and holds_no_settings(path.read_bytes().decode("utf-8", errors="replace")))
    except OSError:
        return False


def load_settings(explicit: Path | None = None) -> LoadedSettings:
    """The effective settings: `explicit` (--config), else the user's kiosk.yaml,
    else the defaults. Never raises for a bad file: see `LoadedSettings.problems`."""
    path = explicit if explicit is not None else default_config_path()
    report = FileReport(path)
    defaults = KioskSettings()
    if not path.exists():
        if explicit is not None:
            report.add((), Severity.ERROR, "the settings file does not exist; using the defaults")
        return LoadedSettings(defaults, path, problems=report.problems)
    try:
        doc = read_yaml(path)
    except YamlError as exc:
        if _holds_no_settings(path):
            return LoadedSettings(defaults, path, found=True)
        report.add(exc.path, Severity.ERROR, f"{exc.message}; using the defaults",
                   position=exc.position)
        return LoadedSettings(defaults, path, problems=report.problems, found=True)
    except OSError as exc:
        report.add((), Severity.ERROR, f"cannot be read: {exc.strerror or exc}; using the defaults")
        return LoadedSettings(defaults, path, problems=report.problems, found=True)
    report = FileReport(path, doc)
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


# --- showing -------------------------------------------------------------------

_NONE_MEANS = {
    "exhibits": "the bundled exhibits",
    "attract.exhibits": "all exhibits",
    "display.diagonal_inches": "as the display reports",
    "presenter.auto_advance_seconds": "off",
}


def _show(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Text):
        if value.plain is not None:
            return value.plain
        return "{" + ", ".join(f"{code}: {text}" for code, text in value.translations.items()) + "}"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_show(item) for item in value) + "]"
    return str(value)


def setting_value(settings: KioskSettings, name: tuple[str, ...]) -> Any:
    value: Any = settings
    for part in name:
        value = getattr(value, part)
    return value


def format_settings(loaded: LoadedSettings) -> str:
    """The effective settings, one `section.key = value    # from file:line` a line."""
    if loaded.path is None:
        header = "# no settings file: every setting is the default"
    elif loaded.found:
        header = f"# settings file: {display_path(loaded.path)}"
    else:
        header = f"# settings file: {display_path(loaded.path)} (not found: every setting is the default)"
    rows = []
    for name in setting_names():
        dotted = ".".join(name)
        value = setting_value(loaded.settings, name)
        if dotted == "admin.pin_hash":
            shown = "set" if value is not None else "not set"
        else:
            shown = _show(value)
            if value is None and dotted in _NONE_MEANS:
                shown += f" ({_NONE_MEANS[dotted]})"
        source = loaded.source(dotted)
        rows.append((f"{dotted} = {shown}", "default" if source == "default" else f"from {source}"))
    width = min(max(len(left) for left, _ in rows), 48)
    return "\n".join([header, *(f"{left:<{width}}    # {comment}" for left, comment in rows)])


# --- command-line handlers -------------------------------------------------------


def config_show(config: Path | None) -> int:
    """`kiosk config`: the effective settings on stdout, problems on stderr.
    Exit status 0, or 1 when the settings file has errors."""
    loaded = load_settings(config)
    print(format_settings(loaded))
    for problem in loaded.problems:
        print(problem.format(), file=sys.stderr)
    return 1 if loaded.errors else 0


def set_pin(config: Path | None, pin: str | None) -> int:
    """`kiosk set-pin`: store a new admin PIN in the settings file.
    Asks twice (without echo) when `pin` is None. Exit status 0 when stored,
    1 when the file cannot be updated, 2 for a PIN that is not 4-8 digits."""
    path = config if config is not None else default_config_path()
    if pin is None:
        try:
            pin = getpass.getpass("New admin PIN (4 to 8 digits): ")
            again = getpass.getpass("The same PIN again: ")
        except EOFError:
            print("kiosk set-pin: no PIN given", file=sys.stderr)
            return 2
        if pin != again:
            print("kiosk set-pin: the two PINs differ; nothing was changed", file=sys.stderr)
            return 2
    if pin_problem(pin):
        print(f"kiosk set-pin: {PIN_RULE}; nothing was changed", file=sys.stderr)
        return 2
    try:
        set_pin_in_file(path, pin)
    except SettingsEditError as exc:
        print(f"kiosk set-pin: {display_path(path)}: {exc}; nothing was changed", file=sys.stderr)
        return 1
    except OSError as exc:
        print(f"kiosk set-pin: {display_path(path)}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    print(f"admin PIN set in {display_path(path)}")
    for problem in load_settings(path).problems:
        print(problem.format(), file=sys.stderr)
    return 0
