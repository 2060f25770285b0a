"""The content watcher: changes while running are judged, debounced and staged."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from kiosk.content.loader import load_catalog
from kiosk.operation import watcher as watcher_module
from kiosk.operation.watcher import ContentWatcher
from tests.helpers.exhibits import MINIMAL_EXHIBIT, make_exhibit


def _exhibit_text(order: int, title: str, panels: int) -> str:
    bodies = "".join(f"  - type: text\n    body: Panel {i + 1}.\n" for i in range(panels))
    return f"schema: 1\norder: {order}\ntitle: {title}\ntile: tile.png\npanels:\n{bodies}"


# --- content watcher -----------------------------------------------------------

@pytest.fixture
def watched(qapp, exhibits_root):
    path = make_exhibit(exhibits_root, "one")
    watcher = ContentWatcher(exhibits_root, load_catalog([exhibits_root]), debounce_ms=100)
    yield watcher, path
    watcher.deleteLater()


def _title(catalog, exhibit_id="one") -> str:
    return catalog.get(exhibit_id).exhibit.title.plain


def _retitled(title: str) -> str:
    return MINIMAL_EXHIBIT.replace("A good exhibit", title)


def test_a_good_change_is_staged_with_the_new_content(watched, qtbot):
    watcher, path = watched
    with qtbot.waitSignal(watcher.staged, timeout=3000) as blocker:
        path.write_text(_retitled("A better exhibit"), encoding="utf-8")
    assert _title(blocker.args[0]) == "A better exhibit"
    assert watcher.last_good is blocker.args[0]


def test_a_bad_change_is_rejected_and_the_last_good_content_kept(watched, qtbot, caplog):
    watcher, path = watched
    with qtbot.waitSignal(watcher.rejected, timeout=3000) as blocker:
        path.write_text(MINIMAL_EXHIBIT.replace("title: A good exhibit", "title: [unclosed"),
                        encoding="utf-8")
    errors = [p for p in blocker.args[0] if p.is_error]
    assert len(errors) == 1 and errors[0].file.endswith("one/exhibit.yaml")
    assert (errors[0].line, errors[0].column) == (3, 5) and "YAML syntax" in errors[0].message
    assert watcher.problems == blocker.args[0]
    assert _title(watcher.last_good) == "A good exhibit"
    assert errors[0].format() in caplog.text


def test_an_emptied_folder_never_blanks_the_kiosk(watched, qtbot):
    watcher, path = watched
    with qtbot.waitSignal(watcher.rejected, timeout=3000) as blocker:
        shutil.rmtree(path.parent)
    assert "no exhibits" in blocker.args[0][-1].message
    assert _title(watcher.last_good) == "A good exhibit"


def test_an_error_the_kiosk_started_with_does_not_hold_back_other_changes(exhibits_root, qtbot):
    good = make_exhibit(exhibits_root, "one")
    make_exhibit(exhibits_root, "broken", "schema: 1\ntitle: [unclosed\n")
    catalog = load_catalog([exhibits_root])
    assert catalog.errors
    watcher = ContentWatcher(exhibits_root, catalog, debounce_ms=100)
    with qtbot.waitSignal(watcher.staged, timeout=3000) as blocker:
        good.write_text(_retitled("Still shown"), encoding="utf-8")
    assert _title(blocker.args[0]) == "Still shown"
    with qtbot.waitSignal(watcher.rejected, timeout=3000):   # a new error still is rejected
        good.write_text("schema: 1\ntitle: [x\n", encoding="utf-8")


def test_quick_writes_are_debounced_into_one_reload(watched, qtbot, monkeypatch):
    watcher, path = watched
    loads = []
    real = watcher_module.load_catalog
    monkeypatch.setattr(watcher_module, "load_catalog", lambda roots, cache=None: loads.append(1) or real(roots, cache))
    with qtbot.waitSignal(watcher.staged, timeout=3000) as blocker:
        for n in range(5):
            path.write_text(_retitled(f"Draft {n}"), encoding="utf-8")
            qtbot.wait(20)
    qtbot.wait(250)
    assert len(loads) == 1 and _title(blocker.args[0]) == "Draft 4"


def test_an_editors_atomic_save_is_noticed_again_and_again(watched, qtbot):
    watcher, path = watched
    for title in ("Saved once", "Saved twice"):
        with qtbot.waitSignal(watcher.staged, timeout=3000) as blocker:
            temporary = path.with_name(".exhibit.yaml.swp")
            temporary.write_text(_retitled(title), encoding="utf-8")
            os.replace(temporary, path)
        assert _title(blocker.args[0]) == title
    with qtbot.waitSignal(watcher.staged, timeout=3000) as blocker:  # and a plain write after it
        path.write_text(_retitled("Written in place"), encoding="utf-8")
    assert _title(blocker.args[0]) == "Written in place"


def test_a_new_exhibit_folder_is_picked_up(watched, qtbot, exhibits_root):
    watcher, _path = watched
    with qtbot.waitSignal(watcher.staged, timeout=3000) as blocker:
        make_exhibit(exhibits_root, "two")
    assert blocker.args[0].get("two") is not None
    with qtbot.waitSignal(watcher.staged, timeout=3000) as blocker:
        (exhibits_root / "two" / "exhibit.yaml").write_text(_retitled("Second"), encoding="utf-8")
    assert _title(blocker.args[0], "two") == "Second"


def test_a_replaced_exhibits_folder_is_noticed(watched, qtbot, exhibits_root):
    watcher, _path = watched
    fresh = exhibits_root.with_name("exhibits.new")
    make_exhibit(fresh, "one", _retitled("Deployed"))
    with qtbot.waitSignal(watcher.staged, timeout=3000) as blocker:
        exhibits_root.rename(exhibits_root.with_name("exhibits.old"))
        fresh.rename(exhibits_root)
    assert _title(blocker.args[0]) == "Deployed"
    with qtbot.waitSignal(watcher.staged, timeout=3000) as blocker:
        (exhibits_root / "one" / "exhibit.yaml").write_text(_retitled("Edited"), encoding="utf-8")
    assert _title(blocker.args[0]) == "Edited"




def test_the_watch_list_is_bounded_in_depth_and_size(tmp_path):
    from kiosk.operation.watcher import MAX_WATCHED, WATCH_DEPTH, watch_list

    deep = tmp_path / "exhibits" / "a" / "b" / "c" / "d" / "e"
    deep.mkdir(parents=True)
    wanted = watch_list(tmp_path / "exhibits")
    depths = {len(p.relative_to(tmp_path / "exhibits").parts) for p in wanted if tmp_path / "exhibits" in p.parents}
    assert max(depths) == WATCH_DEPTH
    assert len(watch_list(Path("/"))) <= MAX_WATCHED  # `exhibits: /` costs a moment, not the disk
