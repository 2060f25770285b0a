"""What attract mode shows and when: slides, the call to action, the timeline."""

from __future__ import annotations

import pytest

from kiosk.content.schema import GalleryPanel
from kiosk.content.text import Text
from kiosk.locale.strings import tr
from kiosk.visit.attract import Slide, Timeline, attract_slides, call_to_action, drift_at


def test_the_timeline_crossfades_in_the_last_fade_ms_of_each_slide():
    timeline = Timeline(slide_ms=1000, fade_ms=200)
    assert (timeline.turn(500), timeline.fade(500)) == (0, 0.0)
    assert timeline.fade(900) == pytest.approx(0.5)
    assert (timeline.turn(1000), timeline.fade(1000)) == (1, 0.0)
    # a slide keeps moving from its fade in to the end of its fade out
    assert timeline.motion(800, 1) == 0.0
    assert timeline.motion(2000, 1) == 1.0
    assert 0 < timeline.motion(1500, 1) < 1


def test_a_still_drifts_across_its_margin_in_whole_pixels_a_step_at_a_time():
    margin = (192, 108)
    path = [drift_at(step / 570, margin) for step in range(571)]  # 9.5 s at 60 frames a second
    assert path[0] == (0, 0) and path[-1] == margin
    assert all(isinstance(x, int) and isinstance(y, int) for x, y in path)
    steps = {(x2 - x1, y2 - y1) for (x1, y1), (x2, y2) in zip(path, path[1:], strict=False)}
    assert steps <= {(0, 0), (1, 0), (0, 1), (1, 1)}  # never a jump, never back


def test_slides_are_each_exhibits_tile_then_its_gallery_stills(ctx):
    slides = attract_slides(ctx.catalog)
    first = ctx.catalog.exhibits[0]
    stills = [s for p in first.exhibit.panels if isinstance(p, GalleryPanel) for s in p.stills]
    assert slides[0] == Slide(first, first.path(first.exhibit.tile.file),
                              tuple(first.exhibit.tile.focus))
    assert [s.path for s in slides[1:1 + len(stills)]] == [first.path(s.file) for s in stills]
    assert {s.item.id for s in slides} == {item.id for item in ctx.catalog.exhibits}
    tiles = attract_slides(ctx.catalog, include_stills="tile")
    assert [s.item.id for s in tiles] == [item.id for item in ctx.catalog.exhibits]
    chosen = attract_slides(ctx.catalog, ["the-challenge", "no-such-exhibit"], "tile")
    assert [s.item.id for s in chosen] == ["the-challenge"]


def test_the_call_to_action_is_in_every_enabled_language_once():
    assert call_to_action(["en", "zh", "ru"], "en") == [
        ("en", "Touch to explore"), ("zh", tr("touch_to_explore", "zh")),
        ("ru", tr("touch_to_explore", "ru"))]
    custom = Text(translations={"en": "Tap to begin", "ru": "Коснитесь"})
    assert call_to_action(["en", "zh", "ru"], "en", custom) == [("en", "Tap to begin"),
                                                              ("ru", "Коснитесь")]
