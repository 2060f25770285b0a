"""The visitor report as CSV, for spreadsheets. Plain Python, no Qt."""

from __future__ import annotations

import csv
import os
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import TextIO

from kiosk.statistics.report import PanelKey, Report


def _csv_number(value: float | int | None) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.1f}"
    return str(value)


def report_rows(report: Report) -> Iterable[tuple[str, str, str]]:
    """The ``(section, key, value)`` rows written by :func:`write_csv`."""
    yield "period", "since", report.since.isoformat() if report.since else ""
    yield "period", "until", report.until.isoformat() if report.until else ""
    yield "summary", "sessions", str(report.sessions)
    yield "summary", "median_session_seconds", _csv_number(report.median_session_seconds)
    yield "summary", "stills_zoomed", str(report.stills_zoomed)
    yield "summary", "wipes_used", str(report.wipes_used)
    yield "summary", "idle_resets", str(report.idle_resets)
    for day, n in report.sessions_per_day.items():
        yield "sessions_per_day", day.isoformat(), str(n)
    for exhibit, views in report.exhibit_views.items():
        yield "exhibit_views", exhibit, str(views)
    for exhibit, dwell in report.exhibit_dwell.items():
        yield "exhibit_dwell_seconds", exhibit, _csv_number(dwell)
    for key, views in report.panel_views.items():
        yield "panel_views", _panel_key(key), str(views)
    for key, dwell in report.panel_dwell.items():
        yield "panel_dwell_seconds", _panel_key(key), _csv_number(dwell)
    for code, n in report.languages.items():
        yield "language_sessions", code, str(n)
    for reason, n in report.end_reasons.items():
        yield "session_end_reasons", reason, str(n)


def _panel_key(key: PanelKey) -> str:
    exhibit, index, panel_type = key
    return f"{exhibit}/{index}/{panel_type or ''}"


def write_csv(report: Report, path: Path | str) -> None:
    """Write the report as one UTF-8 CSV file (``"-"``: standard output).

    Layout: a header ``section,key,value`` then one row per figure, sections in this order:

    - ``period``: keys ``since``, ``until`` (YYYY-MM-DD, empty when unbounded)
    - ``summary``: ``sessions``, ``median_session_seconds`` (one decimal, empty without
      sessions), ``stills_zoomed``, ``wipes_used``, ``idle_resets``
    - ``sessions_per_day``: key YYYY-MM-DD, value sessions started that day
    - ``exhibit_views`` / ``exhibit_dwell_seconds``: key exhibit id
    - ``panel_views`` / ``panel_dwell_seconds``: key ``exhibit/panel index/panel type``
      (index from 0; type empty when unknown)
    - ``language_sessions``: key language code, value sessions that used it
    - ``session_end_reasons``: key reason (idle_reset, quit, interrupted, ...)

    Rows within a section follow the :class:`Report` order (most viewed first). Every
    exhibit and panel is listed, not only the top ones.
    """
    def write(stream: TextIO) -> None:
        writer = csv.writer(stream, lineterminator="\n")
        writer.writerow(("section", "key", "value"))
        writer.writerows(report_rows(report))

    if str(path) == "-":
        write(sys.stdout)
        return
    target = Path(path)
    temporary = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        with open(temporary, "x", encoding="utf-8", newline="") as stream:
            write(stream)
        os.replace(temporary, target)  # replaces a link itself, never what it points to
    finally:
        temporary.unlink(missing_ok=True)


def csv_target_problem(path: Path, database: Path, force: bool) -> str | None:
    """Why the report must not be written to `path`, or None."""
    if path.is_symlink():
        return f"{path} is a link; give the path of a plain file"
    if path.exists():
        if path.resolve() == database.resolve():
            return f"{path} is the statistics database itself"
        if not force:
            return f"{path} exists; add --force to replace it"
        if not path.is_file():
            return f"{path} is not a plain file"
    return None
