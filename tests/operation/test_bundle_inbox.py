"""Content bundles on a running kiosk: one dropped into the inbox (as rsync or
Syncthing leave it: written under a hidden name, then renamed) goes on screen
at the next attract mode and never under a visitor; the health file's content
hash and bundle follow; a refused one changes nothing on screen and is
reported; `kiosk rollback` beside the running kiosk brings the previous
content back; and a restarted kiosk starts with the current version."""

from __future__ import annotations

import os
from datetime import datetime, timedelta, timezone

import pytest

from kiosk.bundles.bundle import pack
from kiosk.bundles.signing import SecretKey
from kiosk.cli import main
from kiosk.content.cache import CheckedCache
from kiosk.operation.health import read_health
from tests.helpers.bundles import change_a_text, truncate
from tests.helpers.exhibits import make_context, make_exhibit

KEY = SecretKey.generate()
WHEN = datetime(2026, 12, 1, 9, 0, tzinfo=timezone.utc)


def ids(catalog) -> list[str]:
    return [item.id for item in catalog.exhibits]


def deliver(tmp_path, names: list[str], minutes: int = 0, key: SecretKey | None = KEY, tamper=None):
    """Pack exhibits `names` and put the bundle into the inbox the way sync tools do."""
    source = tmp_path / f"source-{minutes}"
    for name in names:
        make_exhibit(source, name)
    written = tmp_path / "inbox" / f".museum-{minutes}.kiosk-bundle.partial"
    written.parent.mkdir(exist_ok=True)
    pack(source, written, key, WHEN + timedelta(minutes=minutes))
    if tamper is not None:
        tamper(written)
    os.replace(written, tmp_path / "inbox" / f"museum-{minutes}.kiosk-bundle")


def settings_file(tmp_path):
    settings = tmp_path / "kiosk.yaml"
    settings.write_text(f"exhibits: exhibits\nhealth:\n  folder: metrics\n  interval_seconds: 1\n"
                        f"bundles:\n  inbox: inbox\n  library: library\n  public_key: {KEY.public.line()}\n",
                        encoding="utf-8")
    return settings


def start_kiosk(tmp_path, qtbot):
    from kiosk.operation.content import choose_content
    from kiosk.operation.controller import KioskController
    from kiosk.settings.loading import load_settings
    from kiosk.statistics.background import BackgroundStats
    from kiosk.ui.window import KioskWindow

    loaded = load_settings(settings_file(tmp_path))
    content, catalog = choose_content(loaded, None, CheckedCache(tmp_path / "cache"))
    assert catalog is not None and not loaded.problems
    ctx = make_context([content.root], size=(960, 540))
    window = KioskWindow(ctx, 960)
    window.resize(960, 540)
    qtbot.addWidget(window)
    stats = BackgroundStats(tmp_path / "stats.sqlite3", enabled=False)
    controller = KioskController(window, loaded, content, stats)
    window.show()
    controller.start()
    return controller, stats


@pytest.fixture
def kiosk(qapp, qtbot, tmp_path):
    for name in ("gallery-a", "gallery-b"):
        make_exhibit(tmp_path / "exhibits", name)
    controller, stats = start_kiosk(tmp_path, qtbot)
    yield controller
    controller.health.stop()
    stats.close()


def health(tmp_path) -> dict:
    return read_health(tmp_path / "metrics" / "exhibit-kiosk.prom")


def reported(tmp_path, qtbot, name, check):
    path = tmp_path / "metrics" / "exhibit-kiosk.prom"
    qtbot.waitUntil(lambda: path.exists() and check(read_health(path).get(name)), timeout=8000)
    return read_health(path)


def test_a_bundle_goes_on_screen_at_the_next_attract_mode_never_under_a_visitor(kiosk, qtbot, tmp_path):
    visit = kiosk.visit
    before = reported(tmp_path, qtbot, "content", bool)
    assert before["bundle"] == "" and ids(visit.catalog) == ["gallery-a", "gallery-b"]
    visit.wake(None)
    deliver(tmp_path, ["new-a", "new-b", "new-c"])
    qtbot.waitUntil(lambda: kiosk.staging.staged is not None, timeout=10000)  # the inbox's own watch
    assert ids(visit.catalog) == ["gallery-a", "gallery-b"], "a visitor's content never changes under them"
    assert kiosk.bundles.library.current() is None, "not current until it is on screen"
    visit.reset("test")
    assert ids(visit.catalog) == ["new-a", "new-b", "new-c"]
    version = kiosk.bundles.library.current()
    assert version and ids(kiosk.watcher.last_good) == ids(visit.catalog), "faults fall back to this content"
    after = reported(tmp_path, qtbot, "bundle", lambda v: v == version)
    assert after["content"] != before["content"] and after["kiosk_exhibits"] == 3


@pytest.mark.parametrize(("key", "tamper", "reason"), [
    (KEY, change_a_text, "changed after packing"),
    (SecretKey.generate(), None, "this kiosk trusts only key"),
    (None, None, "is not signed"),
    (KEY, truncate, "damaged or incomplete"),
])
def test_a_refused_bundle_changes_nothing_and_is_reported(kiosk, qtbot, tmp_path, key, tamper, reason):
    catalog = kiosk.visit.catalog
    deliver(tmp_path, ["bad-a"], key=key, tamper=tamper)
    found = reported(tmp_path, qtbot, "kiosk_content_refused_timestamp_seconds", lambda v: v and v > 0)
    assert reason in found["refused"] and found["kiosk_content_refused_problems"] >= 1
    assert kiosk.visit.catalog is catalog and kiosk.staging.staged is None
    assert any(reason in line for line in kiosk.staff.info().health), "the admin screen says why"


def test_kiosk_rollback_beside_the_running_kiosk_brings_the_previous_content_back(kiosk, qtbot, tmp_path):
    visit = kiosk.visit
    deliver(tmp_path, ["first-a"], minutes=1)
    qtbot.waitUntil(lambda: ids(visit.catalog) == ["first-a"], timeout=10000)
    deliver(tmp_path, ["second-a"], minutes=2)
    qtbot.waitUntil(lambda: ids(visit.catalog) == ["second-a"], timeout=10000)
    assert main(["rollback", "--config", str(tmp_path / "kiosk.yaml")]) == 0
    qtbot.waitUntil(lambda: ids(visit.catalog) == ["first-a"], timeout=10000)
    assert main(["rollback", "--config", str(tmp_path / "kiosk.yaml")]) == 0
    qtbot.waitUntil(lambda: ids(visit.catalog) == ["gallery-a", "gallery-b"], timeout=10000)
    assert kiosk.bundles.shown is None


def test_a_restarted_kiosk_starts_with_the_current_version(kiosk, qapp, qtbot, tmp_path):
    deliver(tmp_path, ["kept-a"], minutes=3)
    qtbot.waitUntil(lambda: ids(kiosk.visit.catalog) == ["kept-a"], timeout=10000)
    kiosk.health.stop()
    again, stats = start_kiosk(tmp_path, qtbot)
    try:
        assert ids(again.visit.catalog) == ["kept-a"] and again.bundles.shown == kiosk.bundles.shown
    finally:
        again.health.stop()
        stats.close()
