"""Unchanged exhibits are not checked again; any change to what the checks
read is noticed; the problems are the same with the cache as without."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from kiosk.content import located
from kiosk.content.cache import CheckedCache
from kiosk.content.loader import load_catalog
from tests.helpers.exhibits import MINIMAL_EXHIBIT, make_exhibit, png_bytes

COMPARE = """\
schema: 1
id: {name}
title: {name}
tile: tile.png
panels:
  - type: facts
    facts:
      - {{key: days, label: Days, value: "3"}}
  - type: compare
    with: {other}
    rows: [days]
"""


@pytest.fixture
def parses(monkeypatch):
    """Every file the loader parses, in order."""
    seen = []
    original = located.read_yaml

    def counting(path):
        seen.append(path.parent.name)
        return original(path)
    monkeypatch.setattr(located, "read_yaml", counting)
    return seen


def _collection(root):
    make_exhibit(root, "a", COMPARE.format(name="a", other="b"))
    make_exhibit(root, "b", COMPARE.format(name="b", other="a"))
    make_exhibit(root, "c", COMPARE.format(name="c", other="missing"))
    make_exhibit(root, "d", MINIMAL_EXHIBIT.replace("schema: 1", "schema: 1\nid: a"))  # a duplicate id
    return root


def test_each_file_is_parsed_once_even_with_compares_between_them(tmp_path, parses):
    catalog = load_catalog([_collection(tmp_path)])
    assert sorted(parses) == ["a", "b", "c", "d"]
    assert {e.id for e in catalog.exhibits} == {"a", "b", "c"}  # c without its dangling compare


def test_an_unchanged_collection_is_not_parsed_again_and_reports_the_same(tmp_path, parses):
    root = _collection(tmp_path / "exhibits")
    cache = CheckedCache(tmp_path / "cache")
    first = load_catalog([root], cache)
    assert len(parses) == 4
    again = load_catalog([root], CheckedCache(tmp_path / "cache"))  # a new process: from the files
    assert len(parses) == 4
    assert again.problems == first.problems == load_catalog([root]).problems
    assert [e.exhibit for e in again.exhibits] == [e.exhibit for e in first.exhibits]
    assert any("duplicate exhibit id" in p.message and p.line > 1 for p in again.problems)


@pytest.mark.parametrize("change", ["yaml", "still rewritten", "still added", "still removed"])
def test_a_change_to_the_file_or_its_stills_is_checked_again(tmp_path, parses, change):
    root = tmp_path / "exhibits"
    path = make_exhibit(root, "a", MINIMAL_EXHIBIT, images=("tile.png", "extra.png"))
    cache = CheckedCache(tmp_path / "cache")
    load_catalog([root], cache)
    still = path.parent / "extra.png"
    if change == "yaml":
        path.write_text(MINIMAL_EXHIBIT.replace("A good exhibit", "Renamed"), encoding="utf-8")
    elif change == "still rewritten":
        stat = still.stat()
        still.write_bytes(png_bytes(rgb=(200, 0, 0)) + b"\0")
        os.utime(still, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # same time, another size
    elif change == "still added":
        (path.parent / "new.png").write_bytes(png_bytes())
    else:
        still.unlink()
    load_catalog([root], cache)
    assert parses == ["a", "a"]


def test_a_yaml_file_rewritten_with_its_old_time_is_still_noticed(tmp_path, parses):
    root = tmp_path / "exhibits"
    path = make_exhibit(root, "a")
    cache = CheckedCache(tmp_path / "cache")
    load_catalog([root], cache)
    stat = path.stat()
    path.write_text(MINIMAL_EXHIBIT.replace("Short", "Brief"), encoding="utf-8")
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    catalog = load_catalog([root], cache)
    exhibit = catalog.exhibits[0].exhibit
    assert parses == ["a", "a"] and "Brief" in exhibit.text(exhibit.panels[0].body, "en")


def test_a_damaged_cache_file_costs_a_check_not_the_kiosk(tmp_path, parses):
    root = tmp_path / "exhibits"
    make_exhibit(root, "a")
    load_catalog([root], CheckedCache(tmp_path / "cache"))
    for kept in (tmp_path / "cache").iterdir():
        kept.write_bytes(b"\x80\x05 not a pickle")
    catalog = load_catalog([root], CheckedCache(tmp_path / "cache"))
    assert parses == ["a", "a"] and [e.id for e in catalog.exhibits] == ["a"]


def test_validate_keeps_its_checks_in_the_user_cache_folder_unless_told_not_to(tmp_path, parses, capsys):
    from kiosk.cli import main

    root = tmp_path / "exhibits"
    make_exhibit(root, "a")
    assert main(["validate", str(root)]) == 0
    assert main(["validate", str(root)]) == 0
    assert parses == ["a"]
    assert main(["validate", "--no-cache", str(root)]) == 0
    assert parses == ["a", "a"]
    assert list(Path(os.environ["XDG_CACHE_HOME"]).glob("exhibit-kiosk/checked/*.pickle"))


def test_loading_a_collection_runs_no_cycle_collection(tmp_path, monkeypatch):
    """Tens of thousands of long-lived objects: walking them again and again
    was half the time of loading 500 exhibits."""
    import gc

    from bench.collection import make_collection
    from kiosk.content import loader

    root = tmp_path / "exhibits"
    make_collection(root, 60, 20)
    during: list[bool] = []
    reading = []
    original = loader.load_exhibit_file

    def reading_file(*args, **kwargs):
        reading.append(True)
        try:
            return original(*args, **kwargs)
        finally:
            reading.pop()
    monkeypatch.setattr(loader, "load_exhibit_file", reading_file)

    def count(phase, info):
        if phase == "start" and reading:
            during.append(True)
    gc.callbacks.append(count)
    gc.enable()  # as in `kiosk validate` (the suite turns it off: conftest)
    try:
        for cache in (CheckedCache(tmp_path / "cache"), CheckedCache(tmp_path / "cache")):  # checked, then kept
            assert len(load_catalog([root], cache).exhibits) == 60
            assert during == [] and gc.isenabled()
    finally:
        gc.callbacks.remove(count)


def test_an_unchanged_clip_is_not_played_again(tmp_path):
    """Probing plays a clip's first and last frames; a second validation of the
    same clip asks the decoder nothing, a touched clip or a new decoder asks again."""
    from kiosk.content.cache import RememberedProbe

    clip = tmp_path / "clip.mp4"
    clip.write_bytes(b"not really a clip")
    asked: list[Path] = []

    def decoder(path: Path) -> tuple[str | None, int]:
        asked.append(path)
        return "plays no frames", 0

    folder = tmp_path / "cache"
    assert RememberedProbe(decoder, folder, "qt 1")(clip) == ("plays no frames", 0)
    again = RememberedProbe(decoder, folder, "qt 1")
    assert again(clip) == ("plays no frames", 0) and again.asked == 0 and len(asked) == 1
    os.utime(clip, ns=(1, 1))
    assert RememberedProbe(decoder, folder, "qt 1")(clip) == ("plays no frames", 0) and len(asked) == 2
    assert RememberedProbe(decoder, folder, "qt 2")(clip) == ("plays no frames", 0) and len(asked) == 3
    (folder / "clips.json").write_text("{broken", encoding="utf-8")
    assert RememberedProbe(decoder, folder, "qt 2")(clip) == ("plays no frames", 0) and len(asked) == 4
