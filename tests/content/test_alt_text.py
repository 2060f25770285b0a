"""Alt text a blind visitor can use: the file's name or a copy of the caption is
a warning (the picture still shows), located at its `alt:`."""

from __future__ import annotations

from kiosk.content.loader import load_catalog
from tests.helpers.exhibits import make_exhibit

GALLERY = """\
schema: 1
title: A film
tile: tile.png
panels:
  - type: gallery
    stills:
      - {{file: stills/crew-01.png, alt: {alt}, caption: The crew on board.}}
"""


def problems(tmp_path, alt: str) -> list[str]:
    make_exhibit(tmp_path, "film", GALLERY.format(alt=alt), images=("tile.png", "stills/crew-01.png"))
    return [p.format() for p in load_catalog([tmp_path]).problems]


def test_alt_text_that_is_the_file_name_is_a_warning(tmp_path):
    for alt in ("crew-01.png", "CREW-01"):
        found = problems(tmp_path / alt, alt)
        assert any(":7:" in p and "warning: panels[0].stills[0].alt: the alt text is the file's name (crew-01.png)" in p
                   for p in found), found


def test_alt_text_that_repeats_the_caption_is_a_warning(tmp_path):
    found = problems(tmp_path, "The crew on board.")
    assert any("warning: panels[0].stills[0].alt: the alt text repeats the caption" in p for p in found), found
    assert problems(tmp_path / "good", "Three astronauts float by a round window.") == []
