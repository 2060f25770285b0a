"""`kiosk validate` of an unchanged collection: its whole verdict is kept, not
only each file's check (kiosk.content.verdict); any change to a file, to the
set of files or to the clip decoder makes a new one."""

from __future__ import annotations

import shutil

import pytest

from kiosk.content import verdict as verdicts
from kiosk.content.cache import CheckedCache, RememberedProbe
from kiosk.content.verdict import check_collection
from tests.content.test_cache import COMPARE, _collection
from tests.helpers.exhibits import MINIMAL_EXHIBIT, make_exhibit


@pytest.fixture
def catalogs(monkeypatch):
    """How many times a catalog was made for a verdict."""
    made = []
    original = verdicts.load_catalog

    def counting(*args, **kwargs):
        made.append(True)
        return original(*args, **kwargs)
    monkeypatch.setattr(verdicts, "load_catalog", counting)
    return made


def _probe(decoder: str, folder) -> RememberedProbe:
    return RememberedProbe(lambda path: (None, 1), folder, decoder)


def test_an_unchanged_collection_is_reported_from_its_kept_verdict(tmp_path, catalogs):
    root, folder = _collection(tmp_path / "exhibits"), tmp_path / "cache"
    first = check_collection([root], CheckedCache(folder), _probe("qt 6", folder))
    again = check_collection([root], CheckedCache(folder), _probe("qt 6", folder))  # a new process
    assert len(catalogs) == 1
    assert again == first and again.exhibit_ids == ["a", "b", "c"]
    assert any("no exhibit with id 'missing'" in p.message and p.line > 1 for p in again.errors)


@pytest.mark.parametrize("change", ["edited", "added", "removed", "stray folder", "decoder"])
def test_any_change_makes_a_new_verdict(tmp_path, catalogs, change):
    root, folder = _collection(tmp_path / "exhibits"), tmp_path / "cache"
    check_collection([root], CheckedCache(folder), _probe("qt 6", folder))
    decoder = "qt 6"
    if change == "edited":
        (root / "c" / "exhibit.yaml").write_text(COMPARE.format(name="c", other="a"), encoding="utf-8")
    elif change == "added":
        make_exhibit(root, "d", MINIMAL_EXHIBIT)
    elif change == "removed":
        shutil.rmtree(root / "b")
    elif change == "stray folder":
        (root / "notes").mkdir()  # no exhibit.yaml: a warning of its own
    else:
        decoder = "qt 7"
    verdict = check_collection([root], CheckedCache(folder), _probe(decoder, folder))
    assert len(catalogs) == 2
    scratch = check_collection([root])
    assert (verdict.exhibit_ids, verdict.problems) == (scratch.exhibit_ids, scratch.problems)
    ids = {"edited": ["a", "b", "c"], "added": ["a", "b", "c", "d"], "removed": ["a", "c"],
           "stray folder": ["a", "b", "c"], "decoder": ["a", "b", "c"]}[change]
    assert verdict.exhibit_ids == ids


def test_validate_prints_the_same_report_from_a_kept_verdict(exhibits_root, catalogs, capsys):
    from kiosk.cli import main

    _collection(exhibits_root)
    assert main(["validate", str(exhibits_root)]) == 1
    checked = capsys.readouterr().out
    assert main(["validate", str(exhibits_root)]) == 1
    assert capsys.readouterr().out == checked and len(catalogs) == 1
    assert "no exhibit with id 'missing'" in checked and checked.strip().endswith("3 exhibits, 2 errors, 0 warnings")
