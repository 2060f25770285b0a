"""The health file as the museum's monitoring reads it: parsed with the
Prometheus client's own parser, its frame timestamp advancing while attract
mode animates and frozen while the window is stuck (the file still coming),
its state following the visit, and its content identity changing with the
content. `kiosk status` says the same to a person."""

from __future__ import annotations

import subprocess
import sys
import time

import pytest
from PySide6.QtWidgets import QApplication

from kiosk.operation.health import read_health, status_lines
from kiosk.visit.model import Overlay
from tests.helpers.exhibits import PROJECT_ROOT, make_context, make_exhibit
from tests.test_cli import _environment


@pytest.fixture
def kiosk(qapp, qtbot, tmp_path):
    from kiosk.operation.content import ContentSource
    from kiosk.operation.controller import KioskController
    from kiosk.settings.loading import load_settings
    from kiosk.statistics.background import BackgroundStats
    from kiosk.ui.fonts import load_bundled_fonts
    from kiosk.ui.window import KioskWindow

    load_bundled_fonts()
    settings = tmp_path / "kiosk.yaml"
    settings.write_text("health:\n  folder: metrics\n  interval_seconds: 1\n", encoding="utf-8")
    ctx = make_context(size=(960, 540))
    window = KioskWindow(ctx, 960)
    window.resize(960, 540)
    qtbot.addWidget(window)
    stats = BackgroundStats(tmp_path / "stats.sqlite3", enabled=False)
    controller = KioskController(window, load_settings(settings), ContentSource.of(tmp_path), stats)
    window.show()
    controller.start()
    yield controller, tmp_path / "metrics" / "exhibit-kiosk.prom"
    controller.health.stop()
    stats.close()


def _written_after(path, moment: float, qtbot) -> dict:
    """The health file once it has been written after `moment`, the event loop running meanwhile."""
    qtbot.waitUntil(lambda: path.exists() and path.stat().st_mtime > moment + 0.01, timeout=5000)
    return read_health(path)


def _reports(path, qtbot, name: str, value) -> dict:
    """The health file once it reports `name` as `value` (a write may have begun before the change)."""
    qtbot.waitUntil(lambda: path.exists() and read_health(path).get(name) == value, timeout=5000)
    return read_health(path)


def test_the_frame_timestamp_advances_while_attract_animates_and_stops_when_the_window_is_stuck(
        kiosk, qtbot):
    controller, path = kiosk
    first = _written_after(path, 0, qtbot)
    assert first["state"] == "attract" and first["version"]
    later = _written_after(path, time.time(), qtbot)
    assert later["kiosk_last_frame_timestamp_seconds"] > first["kiosk_last_frame_timestamp_seconds"]
    stuck_at = time.time()
    time.sleep(2.5)  # the GUI thread hangs; the writer thread does not
    during = read_health(path)
    assert path.stat().st_mtime > stuck_at + 0.5, "the file must keep coming while the window is stuck"
    assert during["kiosk_last_frame_timestamp_seconds"] <= stuck_at
    assert during["kiosk_uptime_seconds"] > later["kiosk_uptime_seconds"]


def test_the_state_follows_the_visit_and_staff(kiosk, qtbot):
    controller, path = kiosk
    visit = controller.visit
    _reports(path, qtbot, "state", "attract")
    visit.wake(None)
    _reports(path, qtbot, "state", "visit")
    visit.open_overlay(Overlay.PIN)
    _reports(path, qtbot, "state", "admin")
    visit.close_overlay()
    visit.reset("test")
    assert _reports(path, qtbot, "state", "attract")["kiosk_sessions_today"] == 1


def test_the_content_identity_changes_with_the_content(kiosk, qtbot, tmp_path):
    controller, path = kiosk
    before = _written_after(path, 0, qtbot)
    assert before["kiosk_exhibits"] == 2 and len(before["content"]) == 16
    make_exhibit(tmp_path / "other", "only")
    controller.visit.set_catalog(make_context([tmp_path / "other"]).catalog)
    after = _reports(path, qtbot, "kiosk_exhibits", 1)
    assert after["content"] != before["content"]
    assert after["kiosk_content_applied_timestamp_seconds"] > before["kiosk_content_applied_timestamp_seconds"]
    QApplication.processEvents()


def test_status_tells_a_fresh_kiosk_from_a_stale_one(kiosk, qtbot):
    _controller, path = kiosk
    _written_after(path, 0, qtbot)
    health = _written_after(path, time.time(), qtbot)  # the first may precede the first frame
    healthy, lines = status_lines(path, 1)
    assert healthy and lines[1] == "state         attract" and health["content"] in lines[3]
    healthy, lines = status_lines(path, 1, now=time.time() + 600)
    assert not healthy and "STALE: the kiosk is not running" in lines[0] and "STALE" in lines[2]


def test_kiosk_status_reads_the_running_kiosks_file(tmp_path):
    env = _environment(tmp_path)
    config = tmp_path / "config" / "exhibit-kiosk"
    config.mkdir(parents=True)
    (config / "kiosk.yaml").write_text(f"health:\n  folder: {tmp_path / 'metrics'}\n  interval_seconds: 1\n")
    status = [sys.executable, "-m", "kiosk", "status"]
    absent = subprocess.run(status, env=env, cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=60)
    assert absent.returncode == 1 and "no health file" in absent.stdout
    kiosk = subprocess.Popen([sys.executable, "-m", "kiosk", "run", "--windowed"], env=env, cwd=PROJECT_ROOT,
                             stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 60
        while not (tmp_path / "metrics" / "exhibit-kiosk.prom").exists() and time.monotonic() < deadline:
            time.sleep(0.1)
        time.sleep(1.5)
        running = subprocess.run(status, env=env, cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=60)
    finally:
        kiosk.terminate()
        kiosk.wait(10)
    assert running.returncode == 0, running.stdout + running.stderr
    assert "state         attract" in running.stdout and "2 exhibits" in running.stdout


def test_the_admin_screen_shows_the_health(kiosk, qtbot):
    controller, _path = kiosk
    info = controller.staff.info()
    assert info.health[0] == "state         attract"
    assert any(line.startswith("content ") and "2 exhibits" in line for line in info.health)
