"""Audio mode driven as a blind visitor drives it, with a recording voice:
what is spoken on each screen in each language, that any touch or key
silences it, that it repeats, and that its volume and the mode itself end
with the visit."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest

from kiosk.media.speech import RecordingVoice
from kiosk.visit.modes import DisplayModes
from kiosk.visit.pages import pages_of
from tests.helpers.exhibits import make_context, show_at
from tests.helpers.touch import centre_in, tap

LANGUAGES = ("en", "zh", "ru")


def _window(qtbot, language: str = "en"):
    from kiosk.render import AT_REST
    from kiosk.ui.app import build_context
    from kiosk.ui.window import KioskWindow

    base = make_context(size=(1920, 1080), diagonal=55.0)
    ctx = build_context(base.catalog, base.metrics, language, theme=AT_REST, voice=RecordingVoice())
    window = show_at(qtbot, KioskWindow(ctx, 1920), 1920, 1080, ctx)
    ctx.visit.go_home()
    qtbot.waitUntil(lambda: window.home.isVisible())
    return window


def _key(window, key: Qt.Key) -> None:
    QTest.keyClick(window.windowHandle(), key)


def _audio_on(qtbot, window) -> RecordingVoice:
    voice = window.ctx.voice
    _key(window, Qt.Key.Key_F1)
    qtbot.waitUntil(lambda: window.ctx.visit.modes.audio and len(voice.said) > 2)
    return voice


def _page_of(window, exhibit_id: str, kind: str) -> int:
    return next(i for i, page in enumerate(pages_of(window.ctx.catalog.get(exhibit_id))) if page.type == kind)


def _hear(qtbot, voice: RecordingVoice, expected: str) -> None:
    qtbot.waitUntil(lambda: any(expected in sentence for sentence in voice.sentences()), timeout=3000)


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_screen_is_read_in_the_visitors_language(qtbot, language):
    from kiosk.locale.strings import tr

    window = _window(qtbot, language)
    visit, catalog = window.ctx.visit, window.ctx.catalog
    voice = _audio_on(qtbot, window)
    shenzhou = catalog.get("shenzhou-13").exhibit
    assert voice.sentences()[0] == tr("audio_on", language)
    assert voice.said[1] == (language, tr("choose_film", language))  # home: its name, then every film
    assert any(sentence.startswith(shenzhou.text(shenzhou.title, language)) for sentence in voice.sentences())

    voice.said.clear()
    visit.show("shenzhou-13")  # the title page: title, subtitle, year and country, summary, page
    _hear(qtbot, voice, shenzhou.text(shenzhou.summary, language)[:20])
    assert voice.sentences()[0] == shenzhou.text(shenzhou.title, language)
    assert voice.sentences()[-1] == tr("page", language, n=1, total=len(pages_of(catalog.get("shenzhou-13"))))

    gallery = _page_of(window, "shenzhou-13", "gallery")
    still = shenzhou.panels[gallery - 1].stills[0]
    visit.show("shenzhou-13", gallery)
    _hear(qtbot, voice, tr("picture_of", language, alt=shenzhou.text(still.alt, language)))
    voice.said.clear()
    visit.open_still(0)  # the viewer: the still's description, caption, credit and place
    _hear(qtbot, voice, tr("still_count", language, n=1, total=len(shenzhou.panels[gallery - 1].stills)))
    assert voice.sentences()[0] == tr("picture_of", language, alt=shenzhou.text(still.alt, language))
    visit.close_still()

    compare = _page_of(window, "the-challenge", "compare")
    voice.said.clear()
    visit.show("the-challenge", compare)  # each row: its label, then both films' values
    from kiosk.visit.compare import films_of

    ours, theirs = films_of(catalog.get("the-challenge"), compare - 1)
    _hear(qtbot, voice, f"{ours.text(ours.title, language)}: {ours.text(ours.facts['days_aboard'].value, language)}")
    days = next(s for s in voice.sentences() if ours.text(ours.facts["days_aboard"].value, language) in s)
    assert days.startswith(ours.text(ours.facts["days_aboard"].label, language))
    assert f"; {theirs.text(theirs.title, language)}: " in days


def test_any_touch_or_key_silences_speech_and_repeat_says_it_again(qtbot):
    window = _window(qtbot)
    voice = _audio_on(qtbot, window)
    assert voice.speaking
    tap(window.windowHandle(), QPoint(5, 5))  # on no control: it only silences
    assert not voice.speaking and window.ctx.visit.modes.audio
    said = list(voice.said)
    _key(window, Qt.Key.Key_F2)
    assert voice.said[len(said):] == said[-len(window.speech.last):]
    assert voice.speaking
    _key(window, Qt.Key.Key_Down)
    assert voice.stops >= 2


def test_a_first_touch_names_a_control_and_a_second_presses_it(qtbot):
    window = _window(qtbot)
    voice = _audio_on(qtbot, window)
    tile = window.home.tiles[0]
    tap(window.windowHandle(), centre_in(window, tile))
    _hear(qtbot, voice, tile.accessibleName() + ", button")
    assert window.ctx.visit.place.screen.value == "home"  # named, not pressed
    tap(window.windowHandle(), centre_in(window, tile))
    qtbot.waitUntil(lambda: window.ctx.visit.place.exhibit == tile.item.id)


def test_speech_volume_and_audio_mode_end_with_the_visit(qtbot):
    window = _window(qtbot)
    voice = _audio_on(qtbot, window)
    start = voice.volume
    _key(window, Qt.Key.Key_VolumeUp)
    _key(window, Qt.Key.Key_VolumeUp)
    assert voice.volume > start
    window.ctx.visit.reset("idle_reset")
    assert voice.volume == start and window.ctx.visit.modes == DisplayModes()
    assert not voice.speaking


def test_a_page_with_a_curators_recording_plays_it_and_repeat_plays_it_again(qtbot, tmp_path):
    import shutil

    from kiosk.render import AT_REST
    from kiosk.ui.app import build_context
    from kiosk.ui.window import KioskWindow
    from tests.helpers.exhibits import PROJECT_ROOT

    root = tmp_path / "exhibits"
    shutil.copytree(PROJECT_ROOT / "exhibits" / "shenzhou-13", root / "shenzhou-13")
    yaml_path = root / "shenzhou-13" / "exhibit.yaml"
    text = yaml_path.read_text(encoding="utf-8")
    yaml_path.write_text(text.replace("\npanels:\n", "\nnarration: {en: title.en.mp3}\npanels:\n", 1), encoding="utf-8")
    (root / "shenzhou-13" / "title.en.mp3").write_bytes(b"ID3")
    base = make_context([root])
    ctx = build_context(base.catalog, base.metrics, theme=AT_REST, voice=RecordingVoice())
    window = show_at(qtbot, KioskWindow(ctx, 1920), 1920, 1080, ctx)
    ctx.visit.set_modes(DisplayModes(audio=True))
    voice = ctx.voice
    ctx.visit.show("shenzhou-13")
    qtbot.waitUntil(lambda: voice.played == [("en", root / "shenzhou-13" / "title.en.mp3")])
    _key(window, Qt.Key.Key_F2)
    assert len(voice.played) == 2
    said = len(voice.said)
    ctx.visit.set_language("zh")  # no Chinese recording: the page is read
    qtbot.waitUntil(lambda: len(voice.said) > said)
    assert len(voice.played) == 2 and voice.said[said][0] == "zh"
