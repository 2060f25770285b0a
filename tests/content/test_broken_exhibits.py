"""One problem per broken exhibit: each is reported at its exact place, and
none of them crashes the loader or hides the good exhibit beside it."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from kiosk.content.loader import load_catalog
from kiosk.content.yamlsource import MAX_FILE_BYTES
from tests.helpers.exhibits import MINIMAL_EXHIBIT, make_exhibit

BILLION_LAUGHS = """\
schema: 1
a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]
b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]
c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]
d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]
e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]
f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]
g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f]
"""

COMPARE_WITH_MISSING = MINIMAL_EXHIBIT + """\
  - type: facts
    facts:
      - {key: crew, label: Crew, value: "3"}
  - type: compare
    with: the-chalenge
    rows: [crew]
"""

COMPARE_WITH_BARS = MINIMAL_EXHIBIT + """\
  - type: facts
    facts:
      - {key: days, label: Days in orbit, value: 12 days, quantity: {amount: 12, unit: days}}
      - {key: crew, label: Crew, value: "3"}
  - type: compare
    with:
      title: Gravity
      facts:
        - {key: days, label: Days in orbit, value: None, quantity: {amount: 0, unit: days}}
        - {key: crew, label: Crew, value: "2"}
    rows: [days, crew]
    highlight: [crew]
    bars: [days]
"""


def _bars(old: str, new: str) -> str:
    assert COMPARE_WITH_BARS.count(old) == 1
    return COMPARE_WITH_BARS.replace(old, new)


def _replace(old: str, new: str) -> str:
    assert old in MINIMAL_EXHIBIT
    return MINIMAL_EXHIBIT.replace(old, new)


def _write(folder: Path, text: str | bytes) -> None:
    path = folder / "exhibit.yaml"
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")


def _symlink_out(folder: Path) -> None:
    outside = folder.parent.parent / "outside.png"
    outside.write_bytes((folder / "tile.png").read_bytes())
    (folder / "tile.png").unlink()
    os.symlink(outside, folder / "tile.png")


# name -> (how to break the exhibit, expected line of `kiosk validate`)
CASES = {
    "yaml syntax": (
        lambda f: _write(f, _replace("title: A good exhibit", "title: [A good exhibit")),
        "broken/exhibit.yaml:3:5: error: YAML syntax: while parsing a flow sequence "
        "expected ',' or ']', but got ':'"),
    "duplicate key": (
        lambda f: _write(f, MINIMAL_EXHIBIT + "title: Again\n"),
        "broken/exhibit.yaml:7:1: error: title: duplicate key 'title' (first given at line 2, "
        "column 1); YAML would silently keep only the last one"),
    "python tag": (
        lambda f: _write(f, _replace("title: A good exhibit",
                                     "title: !!python/object/apply:os.system [echo hi]")),
        "broken/exhibit.yaml:2:8: error: title: the tag !!python/object/apply:os.system is not "
        "allowed: exhibit files hold plain text, numbers, lists and maps, never Python objects"),
    "unknown key": (
        lambda f: _write(f, MINIMAL_EXHIBIT + "subtitel: Oops\n"),
        "broken/exhibit.yaml:7:1: error: subtitel: unknown field 'subtitel' (did you mean "
        "'subtitle'?); expected one of: attract_clip, country, default_language, id, languages, narration, order, "
        "panels, people, schema, show_from, show_until, subtitle, summary, tile, title, year"),
    "wrong type": (
        lambda f: _write(f, MINIMAL_EXHIBIT + "year: next spring\n"),
        "broken/exhibit.yaml:7:7: error: year: expected a whole number, got 'next spring'"),
    "missing file": (
        lambda f: _write(f, _replace("tile: tile.png", "tile: tiles.png")),
        "broken/exhibit.yaml:3:7: error: tile: file not found: tiles.png (did you mean 'tile.png'?)"),
    "path escape": (
        lambda f: _write(f, _replace("tile: tile.png", "tile: ../good/tile.png")),
        "broken/exhibit.yaml:3:7: error: tile: '../good/tile.png' leaves the exhibit folder "
        "('..'); keep the file inside it"),
    "symlink escape": (
        _symlink_out,
        "broken/exhibit.yaml:3:7: error: tile: 'tile.png' is a link that points outside the "
        "exhibit folder"),
    "corrupt image": (
        lambda f: (f / "tile.png").write_bytes(b"this is not a picture at all"),
        "broken/exhibit.yaml:3:7: error: tile: tile.png: not an image the kiosk can show "
        "(expected PNG, JPEG, GIF, BMP or WebP)"),
    "unknown panel type": (
        lambda f: _write(f, _replace("type: text", "type: txet")),
        "broken/exhibit.yaml:5:11: error: panels[0].type: unknown panel type 'txet' (did you "
        "mean 'text'?); known types: text, gallery, facts, compare, wipe, timeline, quote, video"),
    "dangling compare": (
        lambda f: _write(f, COMPARE_WITH_MISSING),
        "broken/exhibit.yaml:11:11: error: panels[2].with: no exhibit with id 'the-chalenge'; "
        "known exhibits: broken, good; this panel is hidden"),
    "duplicate id": (
        lambda f: _write(f, "id: good\n" + MINIMAL_EXHIBIT),
        "broken/exhibit.yaml:1:5: error: id: duplicate exhibit id 'good': already used by "
        "good/exhibit.yaml; this exhibit is skipped"),
    "empty file": (
        lambda f: _write(f, ""),
        "broken/exhibit.yaml:1:1: error: the file is empty"),
    "not utf-8": (
        lambda f: _write(f, MINIMAL_EXHIBIT.replace("A good", "Caf\xe9").encode("latin-1")),
        "broken/exhibit.yaml:2:11: error: the file is not UTF-8 text (byte 0xe9 cannot be "
        "read); save it as UTF-8"),
    "too large": (
        lambda f: _write(f, MINIMAL_EXHIBIT + "#" * MAX_FILE_BYTES),
        f"broken/exhibit.yaml:1:1: error: the file is {len(MINIMAL_EXHIBIT) + MAX_FILE_BYTES:,} "
        f"bytes; the limit is {MAX_FILE_BYTES:,}"),
    "highlight not a row": (
        lambda f: _write(f, _bars("highlight: [crew]", "highlight: [crews]")),
        "broken/exhibit.yaml:18:17: error: panels[2].highlight[0]: 'crews' is not one of this "
        "panel's rows (did you mean 'crew'?); highlight can only name rows (days, crew)"),
    "bars not a row": (
        lambda f: _write(f, _bars("bars: [days]", "bars: [day]")),
        "broken/exhibit.yaml:19:12: error: panels[2].bars[0]: 'day' is not one of this panel's "
        "rows (did you mean 'days'?); bars can only name rows (days, crew)"),
    "alias bomb": (
        lambda f: _write(f, BILLION_LAUGHS),
        "broken/exhibit.yaml:7:1: error: f: the document expands to more than 100,000 values "
        "through aliases (*name); this looks like an alias bomb"),
}


@pytest.mark.parametrize("reader", ["libyaml", "pure-python"])
@pytest.mark.parametrize("case", CASES, ids=list(CASES))
def test_broken_exhibit_is_reported_exactly_and_the_good_one_survives(
        case, reader, exhibits_root, monkeypatch):
    """Whichever YAML reader the machine has, the same message at the same place."""
    from kiosk.content import yamlsource

    if reader == "pure-python":
        monkeypatch.setattr(yamlsource, "FAST_LOADER", None)
    break_it, expected = CASES[case]
    make_exhibit(exhibits_root, "good")
    make_exhibit(exhibits_root, "broken")
    break_it(exhibits_root / "broken")
    monkeypatch.chdir(exhibits_root)

    catalog = load_catalog([exhibits_root])

    assert [p.format() for p in catalog.problems] == [expected]
    ids = [e.id for e in catalog.exhibits]
    assert "good" in ids
    if case == "dangling compare":  # the exhibit stays; only the panel that cannot work goes
        broken = catalog.get("broken").exhibit
        assert [p.type for p in broken.panels] == ["text", "facts"]
    else:
        assert "broken" not in ids


def test_oversized_file_is_refused_before_it_is_read(exhibits_root, monkeypatch):
    path = make_exhibit(exhibits_root, "huge")
    with path.open("r+b") as f:
        f.truncate(50 * MAX_FILE_BYTES)  # sparse: cheap to make, slow to read
    monkeypatch.setattr(Path, "read_bytes", lambda self: pytest.fail(f"read {self}"))

    catalog = load_catalog([exhibits_root])

    assert catalog.problems[0].message.endswith(f"the limit is {MAX_FILE_BYTES:,}")


BAR_WARNINGS = {
    "no quantity here": (
        _bars(", quantity: {amount: 12, unit: days}}", "}"),
        "broken/exhibit.yaml:19:12: warning: panels[2].bars[0]: this exhibit's fact 'days' has no "
        "quantity (amount and unit); the row will show plain values, without bars"),
    "no quantity there": (
        _bars(", quantity: {amount: 0, unit: days}}", "}"),
        "broken/exhibit.yaml:19:12: warning: panels[2].bars[0]: the compared item's fact 'days' has "
        "no quantity (amount and unit); the row will show plain values, without bars"),
    "unlike units": (
        _bars("{amount: 0, unit: days}", "{amount: 0, unit: hours}"),
        "broken/exhibit.yaml:19:12: warning: panels[2].bars[0]: 'days' is in days here but in hours "
        "in the compared item; bars compare only like units, so the row will show plain values"),
    "no quantity here, compared with an exhibit": (
        MINIMAL_EXHIBIT + """\
  - type: facts
    facts:
      - {key: days, label: Days in orbit, value: 12 days}
  - type: compare
    with: good
    rows: [days]
    bars: [days]
""",
        "broken/exhibit.yaml:13:12: warning: panels[2].bars[0]: this exhibit's fact 'days' has no "
        "quantity (amount and unit); the row will show plain values, without bars"),
}


@pytest.mark.parametrize("case", BAR_WARNINGS, ids=list(BAR_WARNINGS))
def test_bars_without_like_quantities_are_a_located_warning_and_the_panel_stays(
        case, exhibits_root, monkeypatch):
    text, expected = BAR_WARNINGS[case]
    make_exhibit(exhibits_root, "good", MINIMAL_EXHIBIT + """\
  - type: facts
    facts: [{key: days, label: Days, value: 183 days, quantity: {amount: 183, unit: days}}]
""")
    make_exhibit(exhibits_root, "broken", text)
    monkeypatch.chdir(exhibits_root)

    catalog = load_catalog([exhibits_root])

    assert [p.format() for p in catalog.problems] == [expected]
    assert [p.type for p in catalog.get("broken").exhibit.panels] == ["text", "facts", "compare"]
    make_exhibit(exhibits_root, "broken", COMPARE_WITH_BARS)
    assert load_catalog([exhibits_root]).problems == [], "like quantities on both sides are fine"
