"""Every meaning in the icon table names a glyph qtawesome has: a typo would
raise the first time a screen asked for it, in front of a visitor."""

from __future__ import annotations

import pytest

from kiosk.ui.icons import GLYPHS, icon


@pytest.mark.parametrize("meaning", sorted(GLYPHS))
def test_every_meaning_draws_its_glyph(qapp, meaning):
    drawn = icon(meaning, "#ffffff").pixmap(32, 32).toImage()
    assert any(drawn.pixelColor(x, y).alpha() for x in range(32) for y in range(32))
