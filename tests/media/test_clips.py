"""Clips as curators bring them and visitors meet them, through the kiosk's own
decoder (Qt Multimedia, off screen): broken clips and captions are located
problems and their exhibit still shows; the bundled clips play, caption each
language at its cue times, switch to the described track, hold off the idle
countdown, and stop when the visitor leaves."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.paths import bundled_exhibits_dir
from kiosk.visit.model import Place, Screen
from tests.helpers.clips import make_clip
from tests.helpers.exhibits import PROJECT_ROOT, png_bytes
from tests.media.clip_scenarios import SCENARIOS

BUNDLED = bundled_exhibits_dir() / "shenzhou-13"
CLIP = BUNDLED / "clips" / "illustrated.mp4"
VIDEO = """\
schema: 1
title: A film
tile: tile.png
panels:
  - type: text
    body: First.
  - type: video
    heading: A clip
    clip: clips/clip.mp4
    poster: tile.png
{captions}    transcript: What is said and shown.
"""
CAPTIONS = "    captions: {en: clips/clip.en.vtt}\n"


def av1_clip(path: Path) -> None:
    make_clip(path, codec="libsvtav1")


def exhibit_with(root: Path, clip: bytes | None = None, vtt: str | None = None, captions: str = CAPTIONS) -> Path:
    folder = root / "film"
    (folder / "clips").mkdir(parents=True)
    (folder / "tile.png").write_bytes(png_bytes())
    (folder / "exhibit.yaml").write_text(VIDEO.format(captions=captions), encoding="utf-8")
    (folder / "clips" / "clip.mp4").write_bytes(CLIP.read_bytes() if clip is None else clip)
    shutil.copy(BUNDLED / "clips" / "illustrated.en.vtt", folder / "clips" / "clip.en.vtt")
    if vtt is not None:
        (folder / "clips" / "clip.en.vtt").write_text(vtt, encoding="utf-8")
    return folder


def run(module: str, *args: str) -> subprocess.CompletedProcess:
    """`python -m module args` in a process of its own, as a curator or the kiosk would run it."""
    return subprocess.run([sys.executable, "-m", module, *args], capture_output=True, text=True, timeout=120,
                          cwd=PROJECT_ROOT, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})


def problems_of(root: Path) -> tuple[list[str], list[str]]:
    """What `kiosk validate` says of `root`, run as a curator runs it (in a process of its own:
    Qt Multimedia's decoder threads then never meet the test runner's Qt message capture)."""
    report = json.loads(run("kiosk", "validate", "--json", "--no-cache", str(root)).stdout)
    return ([f"{p['file']}:{p['line']}:{p['column']}: {p['severity']}: " + (f"{p['field']}: " if p['field'] else "")
             + p["message"] for p in report["problems"]], report["exhibits"])


@pytest.mark.parametrize(("make", "expected"), [
    (lambda folder: (folder / "clips" / "clip.mp4").write_bytes(b"\x00not a clip" * 300),
     "exhibit.yaml:9:11: error: panels[1].clip: cannot be opened as a clip"),
    (lambda folder: av1_clip(folder / "clips" / "clip.mp4"),
     "exhibit.yaml:9:11: error: panels[1].clip: AV1 video: AV1 plays no frames without a hardware decoder"),
    (lambda folder: (folder / "clips" / "clip.mp4").write_bytes(CLIP.read_bytes()[: CLIP.stat().st_size // 2]),
     "exhibit.yaml:9:11: error: panels[1].clip: "),
])
def test_a_clip_that_would_play_no_frames_is_a_located_error_and_its_exhibit_still_shows(
        tmp_path, make, expected):
    make(exhibit_with(tmp_path))
    problems, shown = problems_of(tmp_path)
    assert any(expected in p for p in problems), problems
    assert shown == ["film"], "the rest of the exhibit still shows"


def test_a_malformed_cue_is_located_in_its_webvtt_file(tmp_path):
    exhibit_with(tmp_path, vtt="WEBVTT\n\n00:00:01.000 --> 00:00:03.000\nFine.\n\n"
                              "00:00:04.000 -> 00:00:05.000\nA broken arrow.\n\n"
                              "00:00:07.000 --> 00:00:06.000\nBackwards.\n")
    problems, shown = problems_of(tmp_path)
    assert any(p.endswith("clip.en.vtt:6:1: error: '00:00:04.000 -> 00:00:05.000' is not a cue timing: "
                          "write 00:01.000 --> 00:04.000") for p in problems), problems
    assert any("clip.en.vtt:9:1: error: this cue ends (00:00:06.000) before it starts" in p for p in problems)
    assert shown == ["film"]


def test_a_clip_without_captions_is_an_error_unless_it_has_no_speech(tmp_path):
    exhibit_with(tmp_path, captions="")
    problems, shown = problems_of(tmp_path)
    assert any("exhibit.yaml:7:5: error: panels[1]: a clip with speech needs captions" in p for p in problems), problems
    assert shown == ["film"]
    text = (tmp_path / "film" / "exhibit.yaml").read_text()
    (tmp_path / "film" / "exhibit.yaml").write_text(text.replace("    transcript:", "    no_speech: true\n"
                                                                 "    transcript:"))
    assert not [p for p in problems_of(tmp_path)[0] if "error" in p]


def test_kiosk_validate_reports_an_av1_clip_and_fails(tmp_path):
    av1_clip(exhibit_with(tmp_path) / "clips" / "clip.mp4")
    result = run("kiosk", "validate", "--no-cache", str(tmp_path))
    assert result.returncode == 1 and "panels[1].clip: AV1 video" in result.stdout, result.stdout + result.stderr


def test_the_bundled_clips_are_checked_whole_by_the_decoder():
    problems, shown = problems_of(bundled_exhibits_dir())
    assert problems == [] and len(shown) == 2


@pytest.mark.parametrize("scenario", SCENARIOS)
def test_a_visitor_playing_the_bundled_clip(scenario):
    """Each scenario of tests/media/clip_scenarios.py, in a process of its own."""
    result = run("tests.media.clip_scenarios", scenario)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]




def test_a_playing_clip_holds_off_the_idle_countdown_until_it_ends(qtbot, qapp):
    from tests.operation.test_idle import COUNTDOWN, TIMEOUT, build_kiosk

    kiosk = build_kiosk(qtbot, qapp)
    visit = kiosk.ctx.visit
    visit.wake(None)
    visit.set_playing(True)
    kiosk.clock.advance(TIMEOUT * 5)
    assert not kiosk.countdown.isVisible(), "no countdown in the middle of a clip"
    visit.set_playing(False)  # the clip ended
    kiosk.clock.advance(TIMEOUT - 1)
    assert not kiosk.countdown.isVisible(), "a whole timeout after the clip ends"
    kiosk.clock.advance(1)
    assert kiosk.countdown.isVisible()
    kiosk.clock.advance(COUNTDOWN)
    assert visit.place == Place(Screen.ATTRACT)


def test_building_a_video_page_starts_no_media_player(qapp, qtbot):
    """Qt Multimedia's threads start with its first player; a page only being built
    (every page is, ahead of visitors, and in most tests) must not make one."""
    from kiosk.ui.panels.video import VideoPanelView
    from tests.helpers.exhibits import make_context, show_at

    ctx = make_context(size=(1280, 720))
    item = ctx.catalog.get("shenzhou-13")
    index = next(i for i, p in enumerate(item.exhibit.panels) if p.type == "video")
    view = VideoPanelView(ctx, item, index)
    show_at(qtbot, view, 1280, 720, ctx)
    view.reset()
    ctx.images.wait()  # no decode left running into the next test
    clips = sys.modules.get("kiosk.media.clips")
    assert clips is None or not clips._PLAYER, "a player was made before anyone pressed play"


WITHOUT_MULTIMEDIA = """
import sys
sys.modules["PySide6.QtMultimedia"] = None  # as on a PC without PulseAudio's client library
from kiosk.cli import main
sys.exit(main(sys.argv[1:]))
"""


def test_without_qt_multimedia_clips_are_not_checked_but_nothing_breaks(tmp_path):
    """Ubuntu 24.04's minimal install lacks libpulse.so.0, which Qt Multimedia
    loads: validate said so in a traceback. Now each clip is a located warning,
    and the doctor fails its clips line with the package to install."""
    exhibit_with(tmp_path / "exhibits")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CACHE_HOME": str(tmp_path / "cache")}

    def kiosk(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-c", WITHOUT_MULTIMEDIA, *args], capture_output=True, text=True,
                              timeout=120, cwd=PROJECT_ROOT, env=env)

    validate = kiosk("validate", str(tmp_path / "exhibits"))
    assert validate.returncode == 0 and "Traceback" not in validate.stderr, validate.stdout + validate.stderr
    assert "exhibit.yaml:9:11: warning: panels[1].clip: not checked whether clips/clip.mp4 plays: " \
           "Qt Multimedia does not load on this computer" in validate.stdout
    doctor = kiosk("doctor", "--exhibits", str(tmp_path / "exhibits"))
    assert doctor.returncode == 1 and "Traceback" not in doctor.stderr, doctor.stdout + doctor.stderr
    assert "FAIL  clips: clips and recordings cannot play: Qt Multimedia does not load" in doctor.stdout
    assert "(apt install libpulse0)" in doctor.stdout


def test_without_qt_multimedia_play_shows_the_poster_and_transcript(qapp, qtbot, monkeypatch, tmp_path):
    from kiosk.locale.strings import tr
    from kiosk.media import multimedia
    from kiosk.ui.panels.video import VideoPanelView
    from tests.helpers.exhibits import make_context, show_at

    monkeypatch.setattr(multimedia, "multimedia_missing", lambda: "Qt Multimedia does not load")
    exhibit_with(tmp_path / "exhibits")
    ctx = make_context([tmp_path / "exhibits"], size=(1280, 720))
    view = show_at(qtbot, VideoPanelView(ctx, ctx.catalog.get("film"), 1), 1280, 720, ctx)
    view.play.click()
    assert view.failed and view.surface.notice == tr("clip_unavailable", "en")
    assert view.stack.currentWidget() is view.transcript_area and not view.play.isEnabled()
