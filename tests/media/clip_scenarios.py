"""A visitor with the bundled clip, through Qt Multimedia off screen, run by
tests/media/test_clips.py in a process of its own:

    python -m tests.media.clip_scenarios SCENARIO

Exits 0 when every check of SCENARIO holds, 1 with the failed check. (The
decoder's threads log; in the test runner's own process a message from one of
them during pytest-qt's per-test swap of its message handler crashed the run.)
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QApplication

from kiosk.content.captions import read_cues
from kiosk.paths import bundled_exhibits_dir
from kiosk.ui.fonts import load_bundled_fonts
from tests.helpers.clips import FPS, make_clip
from tests.helpers.exhibits import make_context, png_bytes

BUNDLED = bundled_exhibits_dir() / "shenzhou-13"


def wait_until(check: Callable[[], bool], timeout_s: float = 10.0, what: str = "") -> None:
    deadline = time.monotonic() + timeout_s
    while not check():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what or check}")
        QApplication.processEvents()
        time.sleep(0.005)


def video_panel():  # type: ignore[no-untyped-def]
    from kiosk.ui.panels.video import VideoPanelView
    from kiosk.visit.pages import page_of_panel

    ctx = make_context(size=(1280, 720))
    item = ctx.catalog.get("shenzhou-13")
    index = next(i for i, p in enumerate(item.exhibit.panels) if p.type == "video")
    ctx.visit.show(item.id, page_of_panel(index))  # the visitor is on the clip's page
    view = VideoPanelView(ctx, item, index)
    view.resize(1280, 720)
    view.show()
    return view


def frames_and_captions_in_each_language() -> None:
    panel = video_panel()
    panel.toggle_play()
    wait_until(lambda: panel.surface.image is not None, what="a frame")
    assert panel.ctx.player.is_playing and panel.ctx.visit.playing
    for language in ("en", "zh", "ru"):
        panel.ctx.visit.set_language(language)
        cues = read_cues(BUNDLED / "clips" / f"illustrated.{language}.vtt")
        assert len(cues) == 4
        for cue in cues[:2]:
            panel.ctx.player.player.setPosition(cue.start_ms + 200)
            wait_until(lambda cue=cue: panel.surface.caption == cue.text, what=f"{language} cue {cue.text!r}")
        panel.ctx.player.player.setPosition(cues[0].end_ms + 50)  # between cues: no caption
        wait_until(lambda: panel.surface.caption == "", what="no caption between cues")
    panel.toggle_captions()
    panel.ctx.player.player.setPosition(1200)
    wait_until(lambda: panel.ctx.player.player.position() >= 1200, what="the seek")
    assert panel.surface.caption == "", "captions off"


def audio_description_switches_track() -> None:
    panel = video_panel()
    panel.toggle_play()
    player = panel.ctx.player.player
    wait_until(lambda: len(player.audioTracks()) == 2, what="two audio tracks")
    assert player.activeAudioTrack() == 0
    panel.toggle_description()
    assert player.activeAudioTrack() == 1 and panel.describe.isChecked()
    panel.toggle_description()
    assert player.activeAudioTrack() == 0


class _Recorded:
    """What the statistics would write."""

    def __init__(self) -> None:
        self.clips: list[tuple[str | None, int | None, str]] = []

    def clip_used(self, exhibit_id: str | None, panel_index: int | None, what: str) -> None:
        self.clips.append((exhibit_id, panel_index, what))

    def __getattr__(self, name: str):  # type: ignore[no-untyped-def]
        return lambda *args, **kwargs: None


def leaving_stops_and_volume_resets() -> None:
    from kiosk.statistics.recorder import VisitRecorder

    panel = video_panel()
    recorded = _Recorded()
    recorder = VisitRecorder(panel.ctx.visit, recorded)
    recorder.in_session = True
    panel.change_volume(+0.3)
    panel.toggle_play()
    wait_until(lambda: panel.ctx.player.is_playing, what="playing")
    assert abs(panel.ctx.clip_volume.level - 0.3) < 1e-6 and abs(panel.ctx.player.audio.volume() - 0.3) < 0.01
    panel.ctx.visit.go_home()
    assert not panel.ctx.player.is_playing and not panel.ctx.player.owned_by(panel)
    assert not panel.ctx.visit.playing
    assert recorded.clips == [("shenzhou-13", panel.index, "played"), ("shenzhou-13", panel.index, "captions")]
    panel.ctx.visit.reset("idle_reset")
    assert panel.ctx.clip_volume.level == 0.0, "a new visitor starts at the default volume"


ATTRACT = """\
schema: 1
title: A film
tile: tile.png
attract_clip: loop.mp4
panels:
  - type: text
    body: First.
"""


def attract_loops_without_a_gap() -> None:
    from kiosk.operation.modes import VisitorMode
    from kiosk.settings.schema import KioskSettings
    from kiosk.ui.window import KioskWindow

    root = Path(tempfile.mkdtemp())
    folder = root / "film"
    folder.mkdir()
    (folder / "tile.png").write_bytes(png_bytes(320, 180))
    (folder / "exhibit.yaml").write_text(ATTRACT, encoding="utf-8")
    make_clip(folder / "loop.mp4", seconds=1.0)
    ctx = make_context([root], size=(960, 540))
    window = KioskWindow(ctx, 960)
    mode = VisitorMode(window, KioskSettings())
    arrivals: list[tuple[float, int]] = []
    ctx.player.frame.connect(lambda frame: arrivals.append((time.monotonic(), frame.startTime())))
    window.resize(960, 540)
    window.show()
    mode.start()

    def restarts() -> list[int]:
        return [i for i in range(1, len(arrivals)) if arrivals[i][1] < arrivals[i - 1][1]]
    wait_until(lambda: len(restarts()) >= 3, 15, "three loops")
    assert ctx.player.audio.isMuted() and ctx.player.owner is mode.attract._clip
    gaps = [arrivals[i][0] - arrivals[i - 1][0] for i in restarts()]
    assert max(gaps) <= 2 / FPS + 0.02, f"gaps between loops {gaps} (a frame lasts {1 / FPS:.3f} s)"
    pixel = window.grab().toImage().pixelColor(480, 100)
    assert pixel.red() == pixel.green() == pixel.blue(), f"the clip's grey frames on screen, not the tile: {pixel}"
    ctx.visit.wake(None)
    wait_until(lambda: not ctx.player.is_playing, 5, "the loop to stop on waking")


SCENARIOS = {function.__name__: function for function in (
    frames_and_captions_in_each_language, audio_description_switches_track, leaving_stops_and_volume_resets,
    attract_loops_without_a_gap)}


def main(name: str) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = QApplication([])
    load_bundled_fonts()
    try:
        SCENARIOS[name]()
    except Exception:  # noqa: BLE001 - reported to the test that ran this
        traceback.print_exc()
        return 1
    finally:
        app.processEvents()
    print(f"{name}: every check held")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
