"""A start shows the first frame the last one drew, when nothing it depends on
has changed, and attract mode takes over with the same pixels; anything
changed or damaged, and the start is as it was (kiosk.operation.first_frame)."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QGuiApplication, QImage

from kiosk.operation.first_frame import PIXELS, RECORD, conditions_now, keep_frame, show_kept_frame
from tests.helpers.exhibits import PROJECT_ROOT

KEPT = "kept the first frame for the next start"
SHOWN = "showing the first frame kept by the last start"
OPTIONS = ("command=run",)


def _conditions(content: Path, settings: Path, day: date | None = None):
    screen = QGuiApplication.primaryScreen()
    return conditions_now(OPTIONS, settings, content, screen.geometry(), screen.devicePixelRatio(), day, False)


def _frame(colour: str) -> QImage:
    size = QGuiApplication.primaryScreen().geometry().size()
    image = QImage(size, QImage.Format.Format_RGB32)
    image.fill(QColor(colour))
    return image


@pytest.fixture
def kept(qapp, tmp_path):
    """A frame kept for a content folder and a settings file."""
    content, settings = tmp_path / "exhibits", tmp_path / "kiosk.yaml"
    (content / "one").mkdir(parents=True)
    (content / "one" / "exhibit.yaml").write_text("id: one\n", encoding="utf-8")
    settings.write_text("lockdown: true\n", encoding="utf-8")
    folder = tmp_path / "first-frame"
    assert keep_frame(folder, _conditions(content, settings), _frame("#336699"))
    return folder, content, settings


def _shown(folder: Path, settings: Path, day: date = date(2026, 12, 2)):
    frame = show_kept_frame(folder, OPTIONS, settings, day)
    if frame is not None:
        frame.close()
        frame.deleteLater()
    return frame


def test_the_kept_frame_is_shown_full_screen_with_its_own_pixels(kept, qtbot):
    folder, _content, settings = kept
    frame = show_kept_frame(folder, OPTIONS, settings, date(2026, 12, 2))
    assert frame is not None
    qtbot.addWidget(frame)
    assert frame.painted and frame.isFullScreen()
    assert frame.grab().toImage().pixelColor(10, 10) == QColor("#336699")


@pytest.mark.parametrize("change", ["settings", "content added", "content touched", "options", "pixels cut",
                                    "record damaged", "record of wrong types", "record gone"])
def test_anything_changed_or_damaged_shows_nothing_early(kept, change):
    folder, content, settings = kept
    if change == "settings":
        settings.write_text("lockdown: false\n", encoding="utf-8")
    elif change == "content added":
        (content / "one" / "still.jpg").write_bytes(b"new")
    elif change == "content touched":
        stamp = (content / "one" / "exhibit.yaml").stat().st_mtime_ns + 10**9
        os.utime(content / "one" / "exhibit.yaml", ns=(stamp, stamp))
    elif change == "options":
        assert show_kept_frame(folder, ("command=run", "windowed=True"), settings, date(2026, 12, 2)) is None
        return
    elif change == "pixels cut":
        (folder / PIXELS).write_bytes((folder / PIXELS).read_bytes()[:1000])
    elif change == "record damaged":
        (folder / RECORD).write_text('{"version": ', encoding="utf-8")
    elif change == "record of wrong types":
        record = json.loads((folder / RECORD).read_text(encoding="utf-8"))
        (folder / RECORD).write_text(json.dumps({**record, "content_root": 5}), encoding="utf-8")
    else:
        (folder / RECORD).unlink()
    assert _shown(folder, settings) is None


def test_a_frame_of_dated_exhibits_is_shown_on_its_own_day_only(qapp, tmp_path):
    content, settings = tmp_path / "exhibits", tmp_path / "kiosk.yaml"
    content.mkdir()
    folder = tmp_path / "first-frame"
    keep_frame(folder, _conditions(content, settings, date(2026, 12, 2)), _frame("#224466"))
    assert _shown(folder, settings, date(2026, 12, 2)) is not None
    assert _shown(folder, settings, date(2026, 12, 3)) is None


def test_attract_mode_draws_the_kept_frame_until_its_first_still_is_in(qtbot, qapp, monkeypatch, tmp_path):
    from kiosk.media.images import ImageLoader
    from tests.operation.test_controller import _controller

    original = ImageLoader.request
    monkeypatch.setattr(ImageLoader, "request", lambda self, key, notify=None: None)  # still decoding
    controller = _controller(qtbot, qapp, PROJECT_ROOT / "exhibits", tmp_path)
    attract, window = controller.mode.attract, controller.window
    told = []
    attract.first_sharp.connect(lambda: told.append(True))
    stand_in = QImage(window.size(), QImage.Format.Format_RGB32)
    stand_in.fill(QColor("#aa3355"))
    attract.stand_in(stand_in)
    qtbot.wait(50)
    assert window.grab().toImage().pixelColor(5, 5) == QColor("#aa3355")  # not the placeholder
    monkeypatch.setattr(ImageLoader, "request", original)
    attract.update()
    attract.slides = attract.slides  # asks again, now decoding for real
    qtbot.waitUntil(lambda: told == [True], timeout=10_000)
    assert window.grab().toImage().pixelColor(5, 5) != QColor("#aa3355")
    attract.repaint()
    qtbot.wait(50)
    assert told == [True]  # once


def _run_until(env: dict[str, str], exhibits: Path, wanted: str, seconds: float = 60) -> list[str]:
    """`kiosk run` until its log says `wanted` (or its attract mode has run a moment), then stopped."""
    process = subprocess.Popen([sys.executable, "-m", "kiosk", "run", "--exhibits", str(exhibits)],
                               stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True, env=env,
                               cwd=PROJECT_ROOT)
    lines: list[str] = []
    reader = threading.Thread(target=lambda: lines.extend(process.stderr or []), daemon=True)
    reader.start()
    until = time.monotonic() + seconds
    started_at = None
    while time.monotonic() < until and process.poll() is None:
        if any(wanted in line for line in lines):
            break
        if started_at is None and any("kiosk started" in line for line in lines):
            started_at = time.monotonic()
        if started_at is not None and time.monotonic() - started_at > 5:
            break
        time.sleep(0.05)
    process.send_signal(signal.SIGTERM)
    process.wait(timeout=30)
    reader.join(timeout=10)
    if process.stderr is not None:
        process.stderr.close()
    return list(lines)


def test_kiosk_run_keeps_its_first_frame_and_the_next_start_shows_it(tmp_path):
    exhibits = tmp_path / "exhibits"
    shutil.copytree(PROJECT_ROOT / "exhibits", exhibits, copy_function=os.link)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", **{
        f"XDG_{kind}_HOME": str(tmp_path / kind.lower()) for kind in ("CACHE", "CONFIG", "STATE", "DATA")}}
    first = "".join(_run_until(env, exhibits, KEPT))
    assert KEPT in first and SHOWN not in first
    second = "".join(_run_until(env, exhibits, "kiosk started"))
    assert SHOWN in second and "Traceback" not in second
    yaml = exhibits / "shenzhou-13" / "exhibit.yaml"
    edited = yaml.read_bytes() + b"\n"
    yaml.unlink()  # a hard link to the bundled file: the curator's edit goes to a file of its own
    yaml.write_bytes(edited)
    third = "".join(_run_until(env, exhibits, KEPT))
    assert SHOWN not in third and KEPT in third


def test_a_kept_frame_whose_still_never_comes_in_goes_all_the_same(kept, qtbot, qapp, monkeypatch, tmp_path):
    from kiosk.media.images import ImageLoader
    from kiosk.operation import first_frame
    from tests.operation.test_controller import _controller

    folder, _content, settings = kept
    shown = show_kept_frame(folder, OPTIONS, settings, date(2026, 12, 2))
    assert shown is not None
    monkeypatch.setattr(ImageLoader, "request", lambda self, key, notify=None: None)  # never decoded
    monkeypatch.setattr(first_frame, "SHOWN_AT_MOST_MS", 200)
    controller = _controller(qtbot, qapp, PROJECT_ROOT / "exhibits", tmp_path)
    window = controller.window
    with qtbot.waitSignal(shown.destroyed, timeout=5000):  # not left behind the kiosk's window all day
        first_frame.FrameKeeper(window, controller.mode.attract, shown, None, folder)
        qtbot.wait(50)
        assert shown.isVisible()
