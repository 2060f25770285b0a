"""`kiosk config --show` and `kiosk set-pin`: the settings as a person reads them."""

from __future__ import annotations

import getpass
import sys
from pathlib import Path
from typing import Any

from kiosk.content.located import display_path
from kiosk.content.text import Text
from kiosk.settings.edit import SettingsEditError, set_pin_in_file
from kiosk.settings.loading import LoadedSettings, load_settings
from kiosk.settings.pin import PIN_RULE, pin_problem
from kiosk.settings.schema import KioskSettings, default_config_path, setting_names

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
