"""A curator's recordings of a page: each is found, and is a kind of file the
kiosk plays, or is an error located at its line; a missing one never takes its
exhibit off the screen (audio mode reads the page instead)."""

from __future__ import annotations

from kiosk.content.loader import load_catalog
from tests.helpers.exhibits import make_exhibit

NARRATED = """\
schema: 1
title: Narrated
tile: tile.png
narration: {en: audio/title.en.mp3, ru: audio/title.ru.txt}
panels:
  - type: text
    body: Words.
    narration: {en: audio/missing.mp3}
  - type: text
    body: More words.
"""


def test_recordings_are_checked_where_they_are_named(tmp_path):
    folder = make_exhibit(tmp_path, "narrated", NARRATED).parent
    (folder / "audio").mkdir()
    (folder / "audio" / "title.en.mp3").write_bytes(b"ID3")
    (folder / "audio" / "title.ru.txt").write_text("not sound", encoding="utf-8")
    catalog = load_catalog([tmp_path])
    assert [item.id for item in catalog.exhibits] == ["narrated"]  # shown all the same
    found = {(p.field, p.line): p.message for p in catalog.problems if p.is_error}
    assert found == {
        ("narration.ru", 4): "audio/title.ru.txt is not a recording the kiosk plays: use .aac, .flac, .m4a, "
                             ".mp3, .oga, .ogg, .opus, .wav",
        ("panels[0].narration.en", 8): "recording not found: audio/missing.mp3",
    }
