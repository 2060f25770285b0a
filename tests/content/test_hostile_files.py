"""Hostile and merely unlucky files: each becomes a located problem, the good
exhibit beside it still loads, and nothing raises."""

from __future__ import annotations

import base64
import json
import os
from pathlib import Path

import pytest

from kiosk.cli import main
from kiosk.content.loader import load_catalog
from tests.helpers.exhibits import MINIMAL_EXHIBIT, make_exhibit

HEAD = "schema: 1\ntitle: Hostile\ntile: tile.png\npanels: [{type: text, body: x}]\n"


def _with(line: str) -> str:
    return HEAD.replace("title: Hostile\n", line)


HOSTILE = {
    "a NUL after a power cut": (HEAD.encode() + b"\x00" * 64, "5:1", "NUL (U+0000)"),
    "a pasted form feed": (_with("title: Page\x0cbreak\n").encode(), "2:12", "form feed (U+000C)"),
    "a bool that is no bool": (_with("title: !!bool maybe\n").encode(), "2:8", "'maybe' is not a valid !!bool"),
    "a date that is no date": (_with("title: !!timestamp yesterday\n").encode(), "2:8",
                               "not a valid !!timestamp"),
    "nesting 700 deep": (_with("title: " + "[" * 700 + "]" * 700 + "\n").encode(), "2:", "nested far more"),
    "a binary path": (HEAD.replace("tile: tile.png", "tile: {file: !!binary " + base64.b64encode(
        b"../../../../etc/hostname").decode() + "}").encode(), "3:14", "!!binary is not supported"),
    "a 300-character name": (HEAD.replace("tile.png", "a" * 300 + ".png").encode(), "3:7",
                             "longer than 255 bytes"),
    "a path over PATH_MAX": (HEAD.replace("tile.png", "a/" * 2100 + "x.png").encode(), "3:7",
                             "cannot be read: File name too long"),
    "a name with a NUL": (HEAD.replace("tile.png", '"ti\\0le.png"').encode(), "3:7", "control character"),
    "a long plain list": (_with("title: T\nx: [" + ",".join(["1"] * 100_001) + "]\n").encode(), "3:1",
                          "holds more than 100,000 values"),
}


@pytest.mark.parametrize("name", HOSTILE)
def test_a_hostile_exhibit_file_is_a_located_problem_and_the_good_one_still_loads(exhibits_root, name):
    data, where, message = HOSTILE[name]
    make_exhibit(exhibits_root, "good")
    make_exhibit(exhibits_root, "hostile")
    (exhibits_root / "hostile" / "exhibit.yaml").write_bytes(data)
    catalog = load_catalog([exhibits_root])
    assert [item.id for item in catalog.exhibits] == ["good"]
    lines = [p.format() for p in catalog.problems if "hostile" in p.file]
    assert lines and any(f"exhibit.yaml:{where}" in line and message in line for line in lines), lines


def test_validate_reports_every_file_even_beside_hostile_ones(exhibits_root, capsys):
    for name, (data, _, _) in HOSTILE.items():
        folder = exhibits_root / name.replace(" ", "-")
        folder.mkdir()
        (folder / "exhibit.yaml").write_bytes(data)
        (folder / "tile.png").write_bytes(b"")
    make_exhibit(exhibits_root, "good")
    assert main(["validate", str(exhibits_root), "--json"]) == 1
    report = json.loads(capsys.readouterr().out)
    assert report["exhibits"] == ["good"]
    assert {Path(p["file"]).parent.name for p in report["problems"]} >= {
        name.replace(" ", "-") for name in HOSTILE}


def test_an_unreadable_exhibit_folder_is_a_problem_of_its_own(exhibits_root, monkeypatch):
    make_exhibit(exhibits_root, "good")
    locked = make_exhibit(exhibits_root, "locked").parent
    real_is_file = Path.is_file

    def is_file(path):
        if locked in path.parents or path == locked:
            raise PermissionError(13, "Permission denied")
        return real_is_file(path)

    monkeypatch.setattr(Path, "is_file", is_file)
    catalog = load_catalog([exhibits_root])
    assert [item.id for item in catalog.exhibits] == ["good"]
    assert any(p.file.endswith("locked") and p.message.startswith("cannot be read: Permission denied")
               for p in catalog.problems), [p.format() for p in catalog.problems]


def test_an_unreadable_exhibits_folder_is_reported_not_raised(exhibits_root, monkeypatch):
    def refuse(path):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "iterdir", refuse)
    catalog = load_catalog([exhibits_root])
    assert catalog.exhibits == []
    assert [p.message for p in catalog.problems] == ["cannot be read: Permission denied"]


def test_a_file_name_that_is_not_utf8_is_printed_escaped(tmp_path, capsys, monkeypatch):
    root = tmp_path / "exhibits"
    name = os.fsdecode(b"caf\xe9")
    make_exhibit(root, name, MINIMAL_EXHIBIT + "oops: 1\n")
    monkeypatch.chdir(tmp_path)
    assert main(["validate", str(root)]) == 1
    out = capsys.readouterr().out
    assert "exhibits/caf\\xe9/exhibit.yaml:7:1: error: oops: unknown field 'oops'" in out


def test_a_terminal_that_cannot_show_chinese_gets_escapes(exhibits_root, capsys):
    import io
    import sys

    make_exhibit(exhibits_root, "zh", MINIMAL_EXHIBIT.replace("A good exhibit", "{en: A, zh: 挑战}")
                 + "wrong: 1\n")
    stream = io.TextIOWrapper(io.BytesIO(), encoding="ascii")
    old, sys.stdout = sys.stdout, stream
    try:
        assert main(["validate", str(exhibits_root)]) == 1
    finally:
        sys.stdout = old
    stream.seek(0)
    assert "unknown field 'wrong'" in stream.read()


def test_a_c1_control_character_is_a_located_problem_not_a_traceback(tmp_path):
    """Hypothesis found it: PyYAML's reader refuses U+0080 when the loader is made."""
    from kiosk.content.loader import load_catalog
    from tests.helpers.exhibits import MINIMAL_EXHIBIT, make_exhibit

    path = make_exhibit(tmp_path, "pasted", MINIMAL_EXHIBIT.replace("title:", "title: x\u0080y\nsubtitle:", 1))
    catalog = load_catalog([tmp_path])
    [problem] = [p for p in catalog.problems if p.is_error]
    assert problem.file.endswith("exhibit.yaml") and "U+0080 is not allowed" in problem.message
    assert problem.line == next(i for i, line in enumerate(path.read_text().splitlines(), 1) if "\u0080" in line)
