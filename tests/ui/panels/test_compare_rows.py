"""What a compare panel marks and draws: the curator's highlights and bars,
a designed stand-in for a missing tile, and the reflow on a narrow display;
checked through rendered pixels and the geometry a visitor sees."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtGui import QColor, QImage

from tests.helpers.exhibits import make_context, make_exhibit, show_at

THIS_FILM = """\
schema: 1
title: This film
tile: tile.png
panels:
  - type: facts
    facts:
      - {key: crew, label: Who filmed, value: Actors}
      - {key: days, label: Days in orbit, value: 183 days, quantity: {amount: 183, unit: days}}
      - {key: footage, label: Footage, value: 30 hours, quantity: {amount: 30, unit: hours}}
      - {key: station, label: Station, value: ISS}
  - type: compare
    with:
      title: Gravity
      facts:
        - {key: crew, label: Who filmed, value: Actors}
        - {key: days, label: Days in orbit, value: "None: made on Earth", quantity: {amount: 0, unit: days}}
        - {key: footage, label: Footage, value: 12 minutes, quantity: {amount: 12, unit: minutes}}
        - {key: station, label: Station, value: A studio}
    rows: [crew, days, footage, station]
    highlight: [station]
    bars: [days, footage]
  - type: compare
    with: other-film
    rows: [crew, days, footage]
    highlight: [crew, days]
    bars: [days, footage]
"""

OTHER_FILM = """\
schema: 1
title: Other film
tile: tile.png
panels:
  - type: facts
    facts:
      - {key: crew, label: Crew, value: Cosmonauts}
      - {key: days, label: Days, value: 12 days, quantity: {amount: 12, unit: days}}
      - {key: footage, label: Footage, value: Unknown}
"""
INLINE, WITH_EXHIBIT = 1, 2


def _context(qapp, root: Path, diagonal: float = 55.0):
    from kiosk.ui.fonts import load_bundled_fonts
    from kiosk.ui.style import stylesheet

    make_exhibit(root, "this-film", THIS_FILM)
    make_exhibit(root, "other-film", OTHER_FILM)
    load_bundled_fonts()
    ctx = make_context([root], diagonal=diagonal)
    assert not ctx.catalog.errors, ctx.catalog.errors
    qapp.setStyleSheet(stylesheet(ctx.theme, ctx.metrics))
    return ctx


@pytest.fixture
def kiosk(qapp, exhibits_root):
    return _context(qapp, exhibits_root)


def show(qtbot, ctx, panel_index: int):
    from kiosk.ui.panels.compare import ComparePanelView

    view = ComparePanelView(ctx, ctx.catalog.get("this-film"), panel_index)
    return show_at(qtbot, view, 1920, 1025, ctx)


def rows_by_key(view) -> dict:
    return {row.key: row for row in view.rows}


def _same(a: QColor, b: QColor) -> bool:
    return max(abs(a.red() - b.red()), abs(a.green() - b.green()), abs(a.blue() - b.blue())) <= 24


def _run_of(image: QImage, y: int, colour: QColor) -> int:
    """How many pixels of `colour` the row `y` of `image` holds."""
    return sum(_same(image.pixelColor(x, y), colour) for x in range(image.width()))


@pytest.mark.parametrize("panel, marked", [(INLINE, {"station"}), (WITH_EXHIBIT, {"crew", "days"})])
def test_only_the_curators_highlighted_rows_are_marked(qtbot, kiosk, panel, marked):
    view = show(qtbot, kiosk, panel)
    image = view.grab().toImage()
    accent, background = kiosk.theme.colour("accent"), kiosk.theme.colour("background")
    for key, row in rows_by_key(view).items():
        rule = image.pixelColor(row.mapTo(view, QPoint(1, row.height() // 2)))
        assert rule == (accent if key in marked else background), key
        assert all(value.font().bold() == (key in marked) for value in row.values), key
        assert row.accessibleName().endswith("(highlighted)") == (key in marked), key


def test_bars_are_proportional_and_the_larger_fills_its_column(qtbot, kiosk):
    view = show(qtbot, kiosk, WITH_EXHIBIT)
    row = rows_by_key(view)["days"]
    larger, smaller = row.bars
    assert larger.width() == row.values[0].width(), "a bar runs in its value's column"
    image = row.grab().toImage()
    accent = kiosk.theme.colour("accent")
    drawn = []
    for bar in (larger, smaller):
        middle = bar.mapTo(row, QPoint(0, bar.height() // 2))
        left = bar.mapTo(row, QPoint(0, 0)).x()
        drawn.append(sum(_same(image.pixelColor(x, middle.y()), accent)
                         for x in range(left, left + bar.width())))
    assert drawn[0] == pytest.approx(larger.width(), abs=2)
    assert drawn[1] == pytest.approx(larger.width() * 12 / 183, abs=3)
    assert [value.text() for value in row.values] == ["183 days", "12 days"], "the number and unit stay"


def test_a_zero_amount_is_written_as_zero_and_a_small_one_stays_visible(qtbot, kiosk):
    from kiosk.ui.panels.compare import BAR_STUB_MM, QuantityBar

    view = show(qtbot, kiosk, INLINE)
    ours, zero = rows_by_key(view)["days"].bars
    assert ours.filled_width == ours.width() and zero.filled_width == 0
    image = zero.grab().toImage()
    muted, accent = kiosk.theme.colour("text_muted"), kiosk.theme.colour("accent")
    assert sum(_run_of(image, y, accent) for y in range(image.height())) == 0
    written = [x for x in range(image.width()) for y in range(image.height())
               if _same(image.pixelColor(x, y), muted)]
    assert written and max(written) < zero.height(), "a 0 at the start of the bar"
    tiny = QuantityBar(kiosk, 0.001)
    qtbot.addWidget(tiny)
    tiny.resize(600, tiny.height())
    assert tiny.filled_width == kiosk.mm(BAR_STUB_MM)


def test_bars_need_like_quantities_on_both_sides_else_plain_values(qtbot, kiosk):
    views = [show(qtbot, kiosk, INLINE), show(qtbot, kiosk, WITH_EXHIBIT)]  # held: rows are theirs
    hours_and_minutes, one_quantity = (rows_by_key(view)["footage"] for view in views)
    for row in (hours_and_minutes, one_quantity):
        assert row.bars == []
        assert all(value.isVisible() for value in row.values)


def test_a_missing_tile_is_the_title_set_large_not_an_icon(qtbot, kiosk):
    view = show(qtbot, kiosk, INLINE)
    tile = view.headers[1].tile
    assert tile.accessibleName() == "Gravity"
    image = tile.grab().toImage()
    text = kiosk.theme.colour("text")
    columns = [x for x in range(image.width()) if any(
        _same(image.pixelColor(x, y), text) for y in range(0, image.height(), 2))]
    assert columns, "the title is written on the tile"
    assert max(columns) - min(columns) > image.width() * 0.5, "set large across the tile, not a small glyph"
    corner = image.pixelColor(image.width() // 2, 2)
    assert _same(corner, kiosk.theme.colour("surface"))


def test_labels_go_above_their_values_on_a_narrow_display_and_beside_them_on_a_wide_one(
        qtbot, qapp, exhibits_root, kiosk):
    wide = show(qtbot, kiosk, WITH_EXHIBIT)
    for row in wide.rows:
        label, first = row.label, row.values[0]
        assert label.mapTo(wide, QPoint(label.width(), 0)).x() < first.mapTo(wide, QPoint(0, 0)).x()
        assert label.mapTo(wide, QPoint(0, 0)).y() == first.mapTo(wide, QPoint(0, 0)).y()

    view = show(qtbot, _context(qapp, exhibits_root / "24-inch", diagonal=24.0), WITH_EXHIBIT)
    for row in view.rows:
        label_box, first_box, second_box = (
            widget.geometry().translated(widget.parentWidget().mapTo(row, QPoint(0, 0)))
            for widget in (row.label, *row.values))
        assert label_box.bottom() < first_box.top() and label_box.left() == first_box.left()
        assert first_box.top() == second_box.top() and first_box.right() < second_box.left()
        assert second_box.right() <= row.width()
    for column, header in enumerate(view.headers):
        lefts = {row.values[column].mapTo(view, QPoint(0, 0)).x() for row in view.rows}
        assert lefts == {header.mapTo(view, QPoint(0, 0)).x()}, "values line up under their film"
