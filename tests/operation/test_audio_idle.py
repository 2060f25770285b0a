"""A visitor in audio mode gets the longer idle timeout of kiosk.yaml, and
the countdown is spoken."""

from __future__ import annotations

from dataclasses import replace

from kiosk.visit.model import Overlay
from tests.operation.test_controller import _close_statistics, _controller, exhibits  # noqa: F401


def test_audio_mode_waits_longer_before_the_countdown_and_speaks_it(qtbot, qapp, exhibits, tmp_path):  # noqa: F811
    from kiosk.locale.strings import tr
    from kiosk.media.speech import RecordingVoice

    config = tmp_path / "kiosk.yaml"
    config.write_text("idle: {timeout_seconds: 60}\naccessibility: {audio_idle_seconds: 240}\n", encoding="utf-8")
    controller = _controller(qtbot, qapp, exhibits, tmp_path, config)
    voice = RecordingVoice()
    controller.window.speech.voice = voice
    visit, clock = controller.ctx.visit, controller.ctx.clock
    visit.wake(None)
    clock.advance(61)
    assert visit.overlay is Overlay.STILL_THERE  # without audio: 60 s
    visit.close_overlay()
    visit.set_modes(replace(visit.modes, audio=True))
    clock.advance(200)
    assert visit.overlay is None
    clock.advance(41)
    assert visit.overlay is Overlay.STILL_THERE
    assert voice.sentences()[-2:] == [tr("still_there", "en"), tr("still_there_spoken", "en")]
