"""`kiosk stats`."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from kiosk.statistics.command import stats_command


@pytest.mark.parametrize("since, until", [
    ("2024-13-01", None), ("yesterday", None), ("20240501", None), (None, "2024-5-1"),
    ("2024-05-03", "2024-05-01"),
])
def test_stats_command_bad_dates(db: Path, since, until, capsys) -> None:
    assert stats_command(db, since, until, None) == 2
    out, err = capsys.readouterr()
    assert out == "" and err.startswith("kiosk stats: ")


def test_stats_command_missing_database(tmp_path: Path, capsys) -> None:
    assert stats_command(tmp_path / "absent.sqlite3", None, None, None) == 0
    assert "no statistics recorded yet" in capsys.readouterr().out


def test_stats_command_prints_report_and_csv(db: Path, tmp_path: Path, capsys) -> None:
    out_csv = tmp_path / "out.csv"
    assert stats_command(db, "2024-05-01", "2024-05-01", out_csv) == 0
    out = capsys.readouterr().out
    assert out.startswith("Visitor statistics: 2024-05-01 to 2024-05-01\nSessions: 1\n")
    assert out.endswith(f"CSV written to {out_csv}\n")
    with open(out_csv, encoding="utf-8", newline="") as stream:
        rows = list(csv.reader(stream))
    assert ["period", "since", "2024-05-01"] in rows
    assert ["summary", "sessions", "1"] in rows


def test_stats_command_unreadable_database(tmp_path: Path, capsys) -> None:
    bad = tmp_path / "stats.sqlite3"
    bad.write_bytes(b"this is not a database" * 100)
    assert stats_command(bad, None, None, None) == 1
    assert "cannot read" in capsys.readouterr().err


def test_stats_subcommand_wiring(db: Path, capsys) -> None:
    from kiosk.cli import main

    assert main(["stats", "--db", str(db), "--since", "2024-05-02", "--csv", "-"]) == 0
    out = capsys.readouterr().out
    assert "Sessions: 1\n" in out and "section,key,value\n" in out


def test_the_csv_never_overwrites_silently_never_follows_a_link_and_never_hits_the_database(
        db: Path, tmp_path: Path, capsys) -> None:
    existing = tmp_path / "report.csv"
    existing.write_text("keep me")
    assert stats_command(db, csv=existing) == 1
    assert "exists; add --force" in capsys.readouterr().err and existing.read_text() == "keep me"
    assert stats_command(db, csv=existing, force=True) == 0
    assert existing.read_text().startswith("section,key,value")
    precious = tmp_path / "precious.txt"
    precious.write_text("do not touch")
    link = tmp_path / "link.csv"
    link.symlink_to(precious)
    assert stats_command(db, csv=link, force=True) == 1
    assert "is a link" in capsys.readouterr().err and precious.read_text() == "do not touch"
    before = db.read_bytes()
    assert stats_command(db, csv=db, force=True) == 1
    assert "the statistics database itself" in capsys.readouterr().err and db.read_bytes() == before
