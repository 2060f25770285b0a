"""The `kiosk` command: validate content, print the schema, run the kiosk.

Qt is imported only by the commands that show something, so that validation
stays fast and works on machines without a display.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from kiosk import __version__
from kiosk.paths import bundled_exhibits_dir


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
    validate.set_defaults(handler=_validate)

    schema = commands.add_parser("schema", help="print the JSON Schema of exhibit.yaml")
    schema.set_defaults(handler=_schema)
    return parser


def _validate(args: argparse.Namespace) -> int:
    from kiosk.content.loader import load_catalog
    from kiosk.content.problems import summary_line

    dirs = args.dirs or [bundled_exhibits_dir()]
    missing = [str(d) for d in dirs if not d.exists()]
    if missing:
        print(f"kiosk validate: no such file or folder: {', '.join(missing)}", file=sys.stderr)
        return 2
    catalog = load_catalog(dirs)
    summary = summary_line(len(catalog.exhibits), catalog.problems)
    if args.json:
        print(json.dumps({
            "exhibits": [e.id for e in catalog.exhibits],
            "errors": len(catalog.errors),
            "warnings": len(catalog.problems) - len(catalog.errors),
            "problems": [p.as_dict() for p in catalog.problems],
            "summary": summary,
        }, ensure_ascii=False, indent=2))
    else:
        for problem in catalog.problems:
            print(problem.format())
        print(summary)
    return 1 if catalog.errors else 0


def _schema(args: argparse.Namespace) -> int:
    from kiosk.content.schema import json_schema

    print(json.dumps(json_schema(), ensure_ascii=False, indent=2))
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:  # argparse exits 2 on usage errors, 0 on --help
        return int(exit_.code or 0)
    if args.command is None:
        args = parser.parse_args(["validate", *(argv or [])])
    try:
        return args.handler(args)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
