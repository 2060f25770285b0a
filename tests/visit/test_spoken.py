"""What audio mode says, in plain Python: a timeline reads each event, then
the description of its still, in the visitor's language."""

from __future__ import annotations

from kiosk.content.loader import load_catalog
from kiosk.locale.strings import tr
from kiosk.visit.model import Visit
from kiosk.visit.spoken import spoken_place
from tests.helpers.exhibits import make_exhibit

TIMELINE = """\
schema: 1
title: A film
tile: tile.png
panels:
  - type: timeline
    events:
      - date: 2021-10-16
        title: {en: Launch, ru: Старт}
        still: {file: launch.png, alt: {en: A rocket on its pad at night, ru: Ракета на старте ночью}}
      - date: 2022-04-16
        title: {en: Landing, ru: Посадка}
"""


def test_a_timeline_reads_each_event_and_its_stills_description(exhibits_root):
    make_exhibit(exhibits_root, "a-film", TIMELINE, images=("tile.png", "launch.png"))
    catalog = load_catalog([exhibits_root])
    assert not catalog.errors, catalog.errors
    visit = Visit(catalog, ["en", "ru"], "en")
    for language, event, alt in (("en", "Launch", "A rocket on its pad at night"),
                                 ("ru", "Старт", "Ракета на старте ночью")):
        visit.set_language(language)
        visit.show("a-film", 1)
        said = spoken_place(visit)
        launch = next(i for i, sentence in enumerate(said) if event in sentence)
        assert said[launch + 1] == tr("picture_of", language, alt=alt)
        assert any(("Landing" if language == "en" else "Посадка") in s for s in said[launch + 2:])
