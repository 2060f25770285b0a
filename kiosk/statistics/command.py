"""`kiosk stats`: the report on the terminal, optionally as CSV."""

from __future__ import annotations

import re
import sqlite3
import sys
from datetime import date
from pathlib import Path

from kiosk.statistics.database import default_stats_path
from kiosk.statistics.export import csv_target_problem, write_csv
from kiosk.statistics.report import format_report, read_report

_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _parse_date(text: str | None, option: str) -> date | None:
    if text is None or text == "":
        return None
    try:
        if not _DATE.fullmatch(text):
            raise ValueError
        return date.fromisoformat(text)
    except ValueError:
        raise ValueError(f"kiosk stats: {option} expects a date as YYYY-MM-DD, "
                         f"got {text!r}") from None


def stats_command(db: Path | None = None, since: str | None = None, until: str | None = None,
                  csv: Path | None = None, force: bool = False) -> int:
    """``kiosk stats``: print the report, optionally write it as CSV.

    Exit status: 0 success (also when nothing was recorded yet), 1 unreadable database
    or CSV file, 2 usage problem (bad date, since after until).
    """
    try:
        since_day = _parse_date(since, "--since")
        until_day = _parse_date(until, "--until")
    except ValueError as error:
        print(error, file=sys.stderr)
        return 2
    if since_day and until_day and since_day > until_day:
        print(f"kiosk stats: --since {since_day} is after --until {until_day}", file=sys.stderr)
        return 2
    path = Path(db) if db is not None else default_stats_path()
    if not path.exists():
        print(f"no statistics recorded yet ({path} does not exist)")
        return 0
    try:
        report = read_report(path, since_day, until_day)
    except (sqlite3.Error, OSError) as error:
        print(f"kiosk stats: cannot read {path}: {error}", file=sys.stderr)
        return 1
    print(format_report(report))
    if csv is not None:
        refused = None if str(csv) == "-" else csv_target_problem(Path(csv), path, force)
        if refused:
            print(f"kiosk stats: {refused}; nothing was written", file=sys.stderr)
            return 1
        try:
            write_csv(report, csv)
        except OSError as error:
            print(f"kiosk stats: cannot write {csv}: {error}", file=sys.stderr)
            return 1
        if str(csv) != "-":
            print(f"CSV written to {csv}")
    return 0
