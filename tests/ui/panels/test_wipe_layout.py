"""Where the wipe's labels, credits and image stand: labels travel with their
image as the divider moves, each credit is given once, and the image takes
the room the page has. Checked through geometry, rendered pixels and touch."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect

from tests.helpers.exhibits import make_context, make_exhibit, png_bytes, show_at
from tests.helpers.touch import drag

RED, BLUE = (220, 30, 30), (30, 60, 220)

EXHIBIT = """\
schema: 1
title: Wipes
tile: tile.png
panels:
  - type: wipe
    before: {file: before.png, label: Before the change, credit: Same archive}
    after: {file: after.png, label: After, credit: Same archive}
    caption: Drag to see the change.
  - type: wipe
    orientation: vertical
    before: {file: before.png, label: Top, credit: Archive}
    after: {file: after.png, label: Bottom, credit: Studio}
"""
HORIZONTAL, VERTICAL = 0, 1


@pytest.fixture
def kiosk(qapp, exhibits_root):
    from kiosk.ui.fonts import load_bundled_fonts
    from kiosk.ui.style import stylesheet

    folder = make_exhibit(exhibits_root, "wipes", EXHIBIT, images=("tile.png",)).parent
    (folder / "before.png").write_bytes(png_bytes(320, 180, RED))
    (folder / "after.png").write_bytes(png_bytes(320, 180, BLUE))
    load_bundled_fonts()
    ctx = make_context([exhibits_root])
    assert not ctx.catalog.errors, ctx.catalog.errors
    qapp.setStyleSheet(stylesheet(ctx.theme, ctx.metrics))
    return ctx


def show(qtbot, ctx, index: int, size=(1920, 1025), item=None):
    from kiosk.ui.panels.wipe import WipePanelView

    view = WipePanelView(ctx, item or ctx.catalog.get("wipes"), index)
    return show_at(qtbot, view, *size, ctx)


def _assert_each_label_over_its_own_side(area, inset: int) -> None:
    for label, part in zip(area.labels, area.visible_parts()):
        if label.isVisible():
            assert part.adjusted(inset - 1, 0, 1 - inset, 0).contains(label.geometry()) or \
                part.adjusted(0, inset - 1, 0, 1 - inset).contains(label.geometry()), label.text()


def test_labels_travel_with_the_divider_and_stay_over_their_own_side(qtbot, kiosk):
    from kiosk.ui.panels.wipe.labels import INSET_MM

    view = show(qtbot, kiosk, HORIZONTAL)
    area, inset = view.area, kiosk.mm(INSET_MM)
    before, after = area.labels
    for position in (0.5, 0.75, 0.35):
        y = area.height() * 3 // 4
        drag(area, QPoint(round(area.width() * 0.05), y), QPoint(round(area.width() * position), y))
        split = area.split()
        assert view.position == pytest.approx(position, abs=0.02)
        assert before.isVisible() and after.isVisible()
        assert before.geometry().center().x() == pytest.approx(split / 2, abs=2)
        assert after.geometry().center().x() == pytest.approx((split + area.width()) / 2, abs=2)
        _assert_each_label_over_its_own_side(area, inset)


def test_a_label_fades_and_goes_as_its_side_grows_too_narrow(qtbot, kiosk):
    view = show(qtbot, kiosk, HORIZONTAL)
    before, after = view.area.labels
    divider = view.area.divider
    needed = (before.width() + 2 * kiosk.mm(4)) / view.area.width()
    divider.set_position(needed + 0.002)
    assert 0 < before.opacity < 1 and before.isVisible(), "fading"
    divider.set_position(needed / 2)
    assert not before.isVisible() and after.isVisible()
    _assert_each_label_over_its_own_side(view.area, kiosk.mm(4))
    divider.set_position(0.98)
    assert before.isVisible() and not after.isVisible()


def test_a_vertical_wipe_centres_each_label_on_its_own_part(qtbot, kiosk):
    view = show(qtbot, kiosk, VERTICAL)
    area = view.area
    area.divider.set_position(0.7)
    top, bottom = area.labels
    split = area.split()
    assert top.geometry().center().y() == pytest.approx(split / 2, abs=2)
    assert bottom.geometry().center().y() == pytest.approx((split + area.height()) / 2, abs=2)


def test_labels_have_room_around_their_words_on_a_dark_scrim(qtbot, kiosk):
    view = show(qtbot, kiosk, HORIZONTAL)
    label = view.area.labels[0]
    image = view.area.grab().toImage()
    box = label.geometry()
    light = [(x, y) for x in range(box.left(), box.right() + 1) for y in range(box.top(), box.bottom() + 1)
             if min(image.pixelColor(x, y).getRgb()[:3]) > 170]
    assert light, "the words are drawn"
    xs, ys = [x for x, _ in light], [y for _, y in light]
    room = kiosk.mm(3) - 1
    assert min(xs) - box.left() >= room and box.right() - max(xs) >= room
    assert min(ys) - box.top() >= room and box.bottom() - max(ys) >= room
    scrim = image.pixelColor(box.left() + 2, box.center().y())
    assert scrim.red() < RED[0] / 2, "the scrim darkens the image under the words"


def test_a_credit_both_images_share_is_given_once(qtbot, kiosk):
    shared = show(qtbot, kiosk, HORIZONTAL)
    assert [c.text() for c in shared.credits if c.isVisible()] == ["Same archive"]
    separate = show(qtbot, kiosk, VERTICAL)
    assert [c.text() for c in separate.credits if c.isVisible()] == ["Top: Archive", "Bottom: Studio"]


def _available(view) -> QRect:
    """The page below the heading, inside the grid's margins."""
    grid, gap = view.ctx.grid, view.ctx.mm(view.ctx.theme.sizes.gap)
    top = view.heading.geometry().bottom() + 1 + gap if view.heading.isVisible() else 0
    return QRect(grid.margin, top, view.width() - 2 * grid.margin, view.height() - grid.bottom - top)


@pytest.mark.parametrize("diagonal", [55.0, 24.0])
def test_the_bundled_wipe_is_as_large_as_the_page_allows_beside_a_readable_column(
        qtbot, qapp, diagonal):
    from kiosk.ui.layout import column_width
    from kiosk.ui.panels.wipe import READABLE_CHARS
    from kiosk.ui.style import stylesheet

    ctx = make_context(diagonal=diagonal)
    qapp.setStyleSheet(stylesheet(ctx.theme, ctx.metrics))
    item = ctx.catalog.get("the-challenge")
    index = next(i for i, panel in enumerate(item.exhibit.panels) if panel.type == "wipe")
    view = show(qtbot, ctx, index, (1920, 880), item)
    room, area, column = _available(view), view.area.geometry(), view.column.geometry()
    readable = column_width(ctx, view.caption.font(), READABLE_CHARS)
    assert view.beside and column.left() > area.right() and column.width() >= readable
    assert area.height() >= room.height() - 2 or column.width() <= readable + 2, \
        "the image is as tall as the page, or gives the column no more than it needs"


def test_on_a_tall_narrow_page_the_caption_goes_under_the_image(qtbot, kiosk):
    view = show(qtbot, kiosk, HORIZONTAL, (900, 1400))
    area, column = view.area.geometry(), view.column.geometry()
    assert not view.beside
    assert column.top() > area.bottom() and column.left() == area.left()
    assert area.width() == pytest.approx(_available(view).width(), abs=2)
