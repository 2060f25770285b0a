"""The `kiosk` command: validate content, print the schema, run the kiosk.

Qt is imported only by the commands that show something, so that validation
stays fast and works on machines without a display.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk import __version__
from kiosk.content.text import LANGUAGE_TAG
from kiosk.locale import INTERFACE_LANGUAGES
from kiosk.operation.logs import log_to_stderr
from kiosk.paths import bundled_exhibits_dir
from kiosk.visit.modes import MODE_NAMES, named_modes

if TYPE_CHECKING:
    from collections.abc import Callable

    from kiosk.content.loader import Catalog

log = logging.getLogger("kiosk")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kiosk",
        description="Exhibit Kiosk: a touch-screen museum kiosk for film exhibits written in YAML.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    validate = commands.add_parser(
        "validate", help="check exhibit folders and report every problem",
        description="Check exhibit folders. Exit status: 0 no errors (warnings allowed), "
                    "1 errors found, 2 usage problem.")
    validate.add_argument("dirs", nargs="*", type=Path, metavar="DIR",
                          help="exhibits folder, exhibit folder or exhibit.yaml "
                               "(default: the bundled exhibits)")
    validate.add_argument("--json", action="store_true", help="print the report as JSON")
    validate.add_argument("--no-cache", action="store_true",
                          help="check every file, even those unchanged since they were last checked")
    validate.add_argument("--config", type=Path, default=None, metavar="FILE",
                          help="also check this settings file (its schedule, its folders)")
    validate.set_defaults(handler=_validate)

    prepare = commands.add_parser(
        "prepare", help="cut the largest stills into tiles for zooming, ahead of the first visitor",
        description="Cut every still that the viewer opens and that is at least 4096 pixels on a side "
                    "into tiles in the per-user cache folder. The kiosk does this by itself at the "
                    "first zoom into such a still; this does it ahead. Unchanged stills are skipped.")
    prepare.add_argument("exhibits", nargs="?", type=Path, metavar="DIR",
                         help="exhibits folder (default: the bundled exhibits)")
    prepare.set_defaults(handler=_prepare)

    schema = commands.add_parser("schema", help="print the JSON Schema of exhibit.yaml")
    schema.set_defaults(handler=_schema)

    _add_show_commands(commands)
    _add_render_command(commands)

    config = commands.add_parser("config", help="the settings file (kiosk.yaml)")
    _add_config_option(config)
    config.add_argument("--show", action="store_true", required=True,
                        help="print the effective settings and where each comes from")
    config.set_defaults(handler=_config_show)

    set_pin = commands.add_parser("set-pin", help="set the admin PIN (asked twice, not echoed)")
    _add_config_option(set_pin)
    set_pin.add_argument("--pin", default=None, help=argparse.SUPPRESS)  # scripts only
    set_pin.set_defaults(handler=_set_pin)
    _add_stats_command(commands)
    doctor = commands.add_parser(
        "doctor", help="check this PC can run the kiosk: display, fonts, content, folders, service",
        description="Exit status: 0 the kiosk would run correctly (warnings allowed), 1 it would not.")
    _add_config_option(doctor)
    doctor.add_argument("--exhibits", type=Path, default=None, metavar="DIR",
                        help="exhibits folder (default: the settings', else the bundled exhibits)")
    doctor.add_argument("--json", action="store_true", help="print the checks as JSON")
    doctor.add_argument("--display-probe", action="store_true", help=argparse.SUPPRESS)  # its own child
    doctor.set_defaults(handler=_doctor)
    status = commands.add_parser(
        "status", help="what the running kiosk reports in its health file",
        description="Exit status: 0 the kiosk is running and drawing, 1 it is not (or writes no health file).")
    _add_config_option(status)
    status.set_defaults(handler=_status)
    _add_bundle_commands(commands)
    return parser


def _add_render_command(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    render = commands.add_parser("render", help="render every screen to PNG files for review")
    _add_display_options(render)
    render.add_argument("--out", type=Path, required=True, metavar="DIR")
    render.add_argument("--lang", default="en", type=_language_or_all,
                        help="language, or all (the interface's languages)")
    render.add_argument("--at", type=_moment, default=None, metavar="YYYY-MM-DDTHH:MM",
                        help="what the kiosk would show then: its exhibits of that day, or closed "
                             "(the opening hours of --config)")
    render.add_argument("--mode", action="append", default=[], choices=sorted(MODE_NAMES),
                        help="render in this display mode (more than once: together); "
                             "the images go to DIR/WIDTHxHEIGHT-MODES")
    _add_config_option(render)
    render.set_defaults(handler=_render)


def _add_bundle_commands(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    keygen = commands.add_parser("keygen", help="make the museum's key for signing content bundles")
    keygen.add_argument("-o", "--output", type=Path, required=True, metavar="FILE",
                        help="secret key file; the public key goes to FILE.pub")
    keygen.add_argument("--force", action="store_true", help="replace existing key files")
    keygen.set_defaults(handler=lambda a: _bundle_command("keygen_command", a.output, a.force))
    pack = commands.add_parser(
        "pack", help="check an exhibits folder and write it as one content bundle",
        description="Exit status: 0 written, 1 the exhibits have errors (nothing written), 2 usage problem.")
    pack.add_argument("folder", type=Path, help="the exhibits folder")
    pack.add_argument("-o", "--output", type=Path, required=True, metavar="FILE.kiosk-bundle")
    pack.add_argument("--key", type=Path, default=None, metavar="FILE",
                      help="sign with this secret key (kiosk keygen or minisign -G)")
    pack.add_argument("--force", action="store_true", help="replace FILE if it exists")
    pack.set_defaults(handler=lambda a: _bundle_command("pack_command", a.folder, a.output, a.key, a.force,
                                                        _clip_probe()))
    rollback = commands.add_parser("rollback", help="go back to the content bundle shown before this one")
    _add_config_option(rollback)
    rollback.add_argument("--list", action="store_true", help="only list the versions kept")
    rollback.set_defaults(handler=_rollback)


def _add_show_commands(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    for name, help_text in (("run", "open the kiosk (the default command)"),
                            ("present", "presenter mode: clicker keys move through the panels")):
        show = commands.add_parser(name, help=help_text)
        _add_display_options(show)
        _add_config_option(show)
        show.add_argument("--windowed", action="store_true",
                          help="a normal window instead of full screen (development)")
        show.add_argument("--screen", type=int, default=None, metavar="N",
                          help="which display to use, counted from 0")
        show.add_argument("--lang", default=None, type=_language,
                          help="start language: one of the enabled languages (default en, zh, ru)")
        show.add_argument("--log-level", default=None, choices=LOG_LEVELS)
        show.set_defaults(handler=_run, present=name == "present")
        if name == "run":
            show.add_argument("--kiosk", action="store_true",
                              help="lock the kiosk down (frameless, on top, no shortcuts)")


def _add_stats_command(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    stats = commands.add_parser(
        "stats", help="show the anonymous visitor statistics",
        description="Exit status: 0 success, 1 unreadable database, 2 usage problem.")
    stats.add_argument("--db", type=Path, default=None, metavar="FILE",
                       help="statistics database (default: the per-user data directory)")
    stats.add_argument("--since", default=None, metavar="YYYY-MM-DD", help="first day to include")
    stats.add_argument("--until", default=None, metavar="YYYY-MM-DD", help="last day to include")
    stats.add_argument("--csv", type=Path, default=None, metavar="FILE",
                       help="also write the report as CSV (- for standard output)")
    stats.add_argument("--force", action="store_true", help="replace the CSV file if it exists")
    stats.set_defaults(handler=_stats)


LOG_LEVELS = ["debug", "info", "warning", "error"]
COMMANDS = ("validate", "prepare", "schema", "run", "present", "render", "config", "set-pin", "stats", "doctor",
            "status", "keygen", "pack", "rollback")


def _language(text: str) -> str:
    if not LANGUAGE_TAG.match(text):
        raise argparse.ArgumentTypeError(f"{text!r} is not a language code such as en, zh or ru")
    return text


def _language_or_all(text: str) -> str:
    return text if text == "all" else _language(text)


def _moment(text: str) -> datetime:
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a date and time such as 2026-12-24T18:00, got {text!r}") from None


def _size(text: str) -> tuple[int, int]:
    try:
        width, height = (int(part) for part in text.lower().split("x"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a size such as 1920x1080, got {text!r}") from None
    if not (320 <= width <= 16384 and 240 <= height <= 16384):
        raise argparse.ArgumentTypeError(f"{text} is outside 320x240 to 16384x16384")
    return width, height


def _add_display_options(command: argparse.ArgumentParser) -> None:
    command.add_argument("--exhibits", type=Path, default=None, metavar="DIR",
                         help="exhibits folder (default: the settings', else the bundled exhibits)")
    command.add_argument("--size", type=_size, action="append", metavar="WxH",
                         help="window or render size; render accepts it more than once")
    command.add_argument("--diagonal", type=float, default=None, metavar="INCHES",
                         help="display diagonal, for physical sizes when the display "
                              "reports a wrong DPI (render default: 55)")


def _add_config_option(command: argparse.ArgumentParser) -> None:
    command.add_argument("--config", type=Path, default=None, metavar="FILE",
                         help="settings file (default: kiosk.yaml in the per-user config folder)")


def _validate(args: argparse.Namespace) -> int:
    from kiosk.validate import validate_command

    return validate_command(args.dirs or [bundled_exhibits_dir()], args.no_cache, args.config, args.json)


def _exhibits_catalog(args: argparse.Namespace, command: str) -> tuple[Path, Catalog | None]:
    """The `--exhibits` (or bundled) folder and its catalog, problems logged;
    None, said on stderr, when there is no such folder."""
    from kiosk.content.loader import load_exhibits_folder

    folder = args.exhibits or bundled_exhibits_dir()
    catalog = load_exhibits_folder(folder, log)
    if catalog is None:
        print(f"kiosk {command}: no such exhibits folder: {folder}", file=sys.stderr)
    return folder, catalog


def _prepare(args: argparse.Namespace) -> int:
    from kiosk.media.tiles import large_stills, prepare_tiles
    from kiosk.paths import tiles_cache_dir

    _, catalog = _exhibits_catalog(args, "prepare")
    if catalog is None:
        return 2
    failed = 0
    for path in large_stills(catalog):
        grid = prepare_tiles(path, tiles_cache_dir())
        failed += grid is None
        print(f"{path}: {'cannot be cut' if grid is None else f'tiles in {grid.folder}'}")
    return 1 if failed else 0


def _schema(args: argparse.Namespace) -> int:
    from kiosk.content.schema import json_schema

    print(json.dumps(json_schema(), ensure_ascii=False, indent=2))
    return 0


def _render(args: argparse.Namespace) -> int:
    folder, catalog = _exhibits_catalog(args, "render")
    if catalog is None:
        return 2
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QSize

    from kiosk.render import RenderFailed, render_all
    from kiosk.settings.loading import load_settings
    from kiosk.ui.app import create_application

    create_application()
    sizes = [QSize(*size) for size in (args.size or [(1920, 1080)])]
    languages = list(INTERFACE_LANGUAGES) if args.lang == "all" else [args.lang]
    loaded = load_settings(args.config)
    try:
        written = render_all(catalog, args.out, sizes, languages, args.diagonal or 55.0, folder, args.at,
                             loaded.settings.schedule.opening_hours(), loaded.closed_still, named_modes(args.mode))
    except RenderFailed as failure:
        print(f"kiosk render: {failure}", file=sys.stderr)
        return 1
    print(f"{len(written)} images written to {args.out}")
    return 0


def _run(args: argparse.Namespace) -> int:
    from datetime import date

    from kiosk.operation.first_frame import command_options, show_kept_frame
    from kiosk.paths import default_settings_file, first_frame_dir

    # Before the rest of the kiosk is imported: the frame the last start drew, if still the same.
    kept = show_kept_frame(first_frame_dir(), command_options(args), args.config or default_settings_file(),
                           date.today())
    from kiosk.operation.controller import run

    return run(args, kept)


def _config_show(args: argparse.Namespace) -> int:
    from kiosk.settings.show import config_show

    return config_show(args.config)


def _set_pin(args: argparse.Namespace) -> int:
    from kiosk.settings.show import set_pin

    return set_pin(args.config, args.pin)


def _doctor(args: argparse.Namespace) -> int:
    from kiosk.doctor import doctor_command, probe_display

    if args.display_probe:
        return probe_display()
    return doctor_command(args.config, args.exhibits, args.json)


def _status(args: argparse.Namespace) -> int:
    from kiosk.operation.health import status_lines
    from kiosk.settings.loading import load_settings

    loaded = load_settings(args.config)
    if loaded.health_file is None:
        print("kiosk status: health.folder is not set in kiosk.yaml, so the kiosk writes no health file",
              file=sys.stderr)
        return 1
    healthy, lines = status_lines(loaded.health_file, loaded.settings.health.interval_seconds)
    print("\n".join(lines))
    return 0 if healthy else 1


def _clip_probe() -> Callable[[Path], tuple[str | None, int]]:
    from kiosk.validate import clip_probe

    return clip_probe


def _bundle_command(name: str, *args: object) -> int:
    from kiosk.bundles import command

    return int(getattr(command, name)(*args))


def _rollback(args: argparse.Namespace) -> int:
    from kiosk.settings.loading import load_settings

    loaded = load_settings(args.config)
    for problem in loaded.problems:
        print(f"settings: {problem.format()}", file=sys.stderr)
    return _bundle_command("rollback_command", loaded.bundle_library(), args.list)


def _stats(args: argparse.Namespace) -> int:
    from kiosk.statistics.command import stats_command

    return stats_command(args.db, args.since, args.until, args.csv, args.force)


def _with_default_command(argv: list[str]) -> list[str]:
    """`kiosk` alone, or with only options, is `kiosk run` with those options
    (`kiosk --kiosk`, `kiosk --lang zh`); `--help` and `--version` stay the
    top level's."""
    if argv and (argv[0] in COMMANDS or argv[0] in ("-h", "--help", "--version")):
        return argv
    return ["run", *argv]


def _printable_output() -> None:
    """A terminal that cannot show a character (LANG=C, a Chinese title) gets
    an escape for it, never an exception."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="backslashreplace")


def main(argv: list[str] | None = None) -> int:
    _printable_output()
    parser = _parser()
    try:
        args = parser.parse_args(_with_default_command(sys.argv[1:] if argv is None else argv))
    except SystemExit as exit_:  # argparse exits 2 on usage errors, 0 on --help
        return int(exit_.code or 0)
    if args.handler is not _run:  # the kiosk sets up its own rotating log
        log_to_stderr()
    try:
        return int(args.handler(args))
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
