"""The gallery and the full-screen still viewer, driven as a visitor drives them."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QSize, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPixmap
from PySide6.QtTest import QTest

from tests.helpers.exhibits import make_context, make_exhibit, png_bytes, show_at
from tests.helpers.touch import drag, pinch, settled, tap

BIG = QSize(4000, 3000)
"""Big enough that its native resolution is over three times the fitted size."""

GALLERY = """\
schema: 1
title: Stills
languages: [en, ru]
tile: stills/red.png
panels:
  - type: gallery
    heading: Stills
    stills:
      - file: stills/red.png
        caption: {en: A red still, ru: Красный кадр}
        credit: {en: Red credit, ru: Красный автор}
        alt: {en: A red rectangle, ru: Красный прямоугольник}
      - file: stills/big.jpg
        caption: A big striped still
        alt: Thin black and white stripes
      - file: stills/blue.png
        caption: A blue still
      - file: stills/garbage.png
        caption: A broken still
        alt: The launch pad at dawn
      - file: stills/truncated.png
        caption: A cut-off still
        alt: A cut-off picture
"""
RED, BIG_INDEX, BLUE, GARBAGE, TRUNCATED = range(5)


def striped_jpeg(path: Path) -> None:
    """Vertical stripes two pixels wide: seen at native size they stay crisp,
    scaled down they blur to grey."""
    tile = QPixmap(4, 1)
    tile.fill(QColor("white"))
    tile_painter = QPainter(tile)
    tile_painter.fillRect(2, 0, 2, 1, QColor("black"))
    tile_painter.end()
    image = QImage(BIG, QImage.Format.Format_RGB32)
    painter = QPainter(image)
    painter.drawTiledPixmap(image.rect(), tile)
    painter.end()
    assert image.save(str(path), "JPEG", 95)


@pytest.fixture(scope="module")
def exhibit_root(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("exhibits")
    yaml_path = make_exhibit(root, "stills", GALLERY,
                             images=("stills/red.png", "stills/blue.png", "stills/garbage.png",
                                     "stills/truncated.png"))
    stills = yaml_path.parent / "stills"
    (stills / "red.png").write_bytes(png_bytes(320, 180, (200, 30, 30)))
    (stills / "blue.png").write_bytes(png_bytes(320, 180, (30, 30, 200)))
    striped_jpeg(stills / "big.jpg")
    return root


@pytest.fixture
def vctx(qapp, exhibit_root):
    """A context on the test exhibit, with the still files broken after loading
    (validation would have refused them)."""
    from kiosk.ui.fonts import load_bundled_fonts
    from kiosk.ui.style import stylesheet

    load_bundled_fonts()
    folder = exhibit_root / "stills" / "stills"
    for name in ("garbage.png", "truncated.png"):
        (folder / name).write_bytes(png_bytes())
    context = make_context([exhibit_root])
    qapp.setStyleSheet(stylesheet(context.theme, context.metrics))
    item = context.catalog.get("stills")
    assert item is not None, context.catalog.problems
    item.path("stills/garbage.png").write_bytes(b"this is not a picture " * 20)
    item.path("stills/truncated.png").write_bytes(png_bytes(64, 48)[:60])  # header, then nothing
    return context


@pytest.fixture
def item(vctx):
    return vctx.catalog.get("stills")


@pytest.fixture
def window(qtbot, vctx):
    from kiosk.ui.window import KioskWindow

    window = show_at(qtbot, KioskWindow(vctx, 1920), 1920, 1080, vctx)
    vctx.visit.show("stills", 1)  # its gallery, after the title page
    return window


@pytest.fixture
def open_viewer(window, vctx):
    """The viewer on still `index`, opened through the visit model as a tap would."""
    def opener(index: int):
        vctx.visit.open_still(index)
        vctx.images.wait()
        return window.viewer
    return opener


def centre_of(viewer, widget) -> QPoint:
    return widget.mapTo(viewer, widget.rect().center())


def stage_centre(viewer) -> QPoint:
    return centre_of(viewer, viewer.stage)



def pixel(widget, point: QPoint) -> QColor:
    return widget.grab().toImage().pixelColor(point)


# --- gallery -------------------------------------------------------------------------


@pytest.fixture
def gallery(window, vctx):
    vctx.images.wait()
    return window.exhibit.panels[0]


def test_tapping_a_thumbnail_opens_that_still(gallery, vctx, window):
    tap(window, centre_of(window, gallery.thumbnails[BLUE]))
    assert vctx.visit.place.still == BLUE
    assert window.viewer is not None and window.viewer.index == BLUE


def test_a_drag_over_a_thumbnail_is_not_a_tap(gallery, vctx, window):
    start = centre_of(window, gallery.thumbnails[RED])
    drag(window, start, start + QPoint(0, vctx.mm(20)))
    assert vctx.visit.place.still is None
    assert not gallery.thumbnails[RED].isDown()


def test_a_pressed_thumbnail_shows_it_at_once(gallery, vctx):
    thumbnail = gallery.thumbnails[RED]
    middle, edge = thumbnail.image.geometry().center(), QPoint(1, thumbnail.height() // 2)
    before = [pixel(thumbnail, p) for p in (middle, edge)]
    QTest.mousePress(thumbnail, Qt.MouseButton.LeftButton, pos=thumbnail.rect().center())
    pressed = [pixel(thumbnail, p) for p in (middle, edge)]
    QTest.mouseRelease(thumbnail, Qt.MouseButton.LeftButton, pos=thumbnail.rect().center())
    after = [pixel(thumbnail, p) for p in (middle, edge)]
    assert pressed[0].lightness() < before[0].lightness() - 20   # the still dims
    assert pressed[1] == vctx.theme.colour("accent")              # and is outlined
    assert after == before


def test_broken_thumbnails_show_the_placeholder(gallery):
    assert gallery.thumbnails[GARBAGE].image.is_placeholder
    assert gallery.thumbnails[TRUNCATED].image.is_placeholder
    assert not gallery.thumbnails[RED].image.is_placeholder


# --- viewer: gestures ----------------------------------------------------------------


def test_pinch_zooms_by_the_pinched_ratio(open_viewer):
    viewer = open_viewer(BIG_INDEX)
    assert viewer.max_zoom > 3.0   # room above 2.0, so a wrong ratio is not hidden by the limit
    zooms = []
    viewer.ctx.visit.events.zoom.connect(zooms.append)
    pinch(viewer, stage_centre(viewer), 200, 400)
    assert viewer.zoom == pytest.approx(2.0, rel=0.05)
    assert zooms and zooms[-1] == viewer.zoom
    pinch(viewer, stage_centre(viewer), 400, 200)
    assert viewer.zoom == pytest.approx(1.0, rel=0.05)


def test_a_swipe_left_shows_the_next_still(open_viewer, qtbot):
    viewer = open_viewer(RED)
    centre = stage_centre(viewer)
    drag(viewer, centre + QPoint(400, 0), centre - QPoint(400, 0))
    assert viewer.ctx.visit.place.still == BIG_INDEX
    assert viewer.index == BIG_INDEX


def test_a_short_drag_springs_back(open_viewer):
    viewer = open_viewer(RED)
    centre = stage_centre(viewer)
    drag(viewer, centre, centre - QPoint(100, 0))
    assert viewer.index == RED


def test_a_swipe_while_zoomed_pans_instead(open_viewer):
    viewer = open_viewer(BIG_INDEX)
    tap(viewer, centre_of(viewer, viewer.zoom_in))
    tap(viewer, centre_of(settled(viewer), viewer.zoom_in))
    assert settled(viewer).zoom > 2.0
    centre = stage_centre(viewer)
    before = viewer.pan_offset
    drag(viewer, centre + QPoint(150, 0), centre - QPoint(150, 0))
    assert viewer.ctx.visit.place.still == BIG_INDEX and viewer.index == BIG_INDEX
    assert viewer.pan_offset.x() == pytest.approx(before.x() - 300, abs=2)
    assert viewer.zoom > 2.0


def test_double_tap_zooms_in_at_the_tap_and_back_out(open_viewer, vctx):
    viewer = open_viewer(BIG_INDEX)
    point = stage_centre(viewer) + QPoint(200, 100)
    tap(viewer, point)
    tap(viewer, point)
    assert settled(viewer).zoom == pytest.approx(2.5)
    # the tapped spot moved to the middle: 200 px right became 500 px right of it
    assert viewer.pan_offset.x() == pytest.approx(-500, abs=2)
    assert viewer.pan_offset.y() == pytest.approx(-250, abs=2)
    tap(viewer, point)
    tap(viewer, point)
    assert settled(viewer).zoom == 1.0
    assert viewer.pan_offset.isNull()


def test_a_double_tap_zooms_over_the_motion_time_with_the_spot_gliding_in(open_viewer, vctx):
    viewer = open_viewer(BIG_INDEX)
    point = stage_centre(viewer) + QPoint(200, 100)
    zooms, offsets = [], []
    viewer.stage.zoom_changed.connect(zooms.append)
    tap(viewer, point)
    tap(viewer, point)
    assert viewer.zoom < 2.5 and viewer.stage.moving       # not there yet: on its way
    QTest.qWait(vctx.theme.motion.zoom_ms // 2)
    offsets.append(viewer.pan_offset.x())
    assert settled(viewer).zoom == pytest.approx(2.5)
    assert len(zooms) > 3 and zooms == sorted(zooms)      # in steps, only ever closer
    assert -500 < offsets[0] < 0                          # the spot on its way to the middle


def test_a_finger_on_the_picture_stops_an_animated_zoom_where_it_is(open_viewer):
    viewer = open_viewer(BIG_INDEX)
    tap(viewer, centre_of(viewer, viewer.zoom_in))
    QTest.qWait(60)
    drag(viewer, stage_centre(viewer), stage_centre(viewer) + QPoint(5, 0))
    stopped = viewer.zoom
    QTest.qWait(400)
    assert 1.0 < stopped < 1.5 and viewer.zoom == stopped


def test_two_slow_taps_do_not_zoom(open_viewer):
    viewer = open_viewer(BIG_INDEX)
    tap(viewer, stage_centre(viewer))
    QTest.qWait(700)
    tap(viewer, stage_centre(viewer))
    assert viewer.zoom == 1.0


# --- viewer: buttons -----------------------------------------------------------------


def test_zoom_buttons_step_in_and_out(open_viewer):
    viewer = open_viewer(BIG_INDEX)
    assert not viewer.zoom_out.isEnabled()
    tap(viewer, centre_of(viewer, viewer.zoom_in))
    assert settled(viewer).zoom == pytest.approx(1.5)
    tap(viewer, centre_of(viewer, viewer.zoom_out))
    assert settled(viewer).zoom == pytest.approx(1.0)
    assert not viewer.zoom_out.isEnabled()


def test_next_previous_and_close_buttons(open_viewer, window, qtbot):
    viewer = open_viewer(RED)
    assert not viewer.previous.isEnabled()
    tap(viewer, centre_of(viewer, viewer.next))
    assert viewer.index == BIG_INDEX
    tap(viewer, centre_of(viewer, viewer.previous))
    assert viewer.index == RED
    tap(viewer, centre_of(viewer, viewer.close_button))
    assert window.viewer is None and window.ctx.visit.place.still is None


def test_zoom_reaches_the_native_resolution(open_viewer, vctx):
    viewer = open_viewer(BIG_INDEX)
    stage = viewer.stage
    fitted_width = BIG.width() * stage.fit_scale
    assert BIG.width() / fitted_width > 3.0
    for _ in range(10):
        if viewer.zoom_in.isEnabled():
            viewer.zoom_in.click()
            settled(viewer)
    assert viewer.zoom == pytest.approx(BIG.width() / fitted_width)
    vctx.images.wait()
    # at native size the stripes are exactly two pixels wide, not a grey blur
    image = stage.grab().toImage()
    y, left = stage.height() // 2, stage.width() // 2
    dark = [image.pixelColor(x, y).lightness() < 128 for x in range(left, left + 60)]
    runs, length = [], 1
    for previous, current in zip(dark, dark[1:]):
        if current == previous:
            length += 1
        else:
            runs.append(length)
            length = 1
    assert len(runs) > 20 and set(runs[1:]) == {2}


def test_reset_returns_to_fit(open_viewer):
    viewer = open_viewer(BIG_INDEX)
    pinch(viewer, stage_centre(viewer), 200, 400)
    drag(viewer, stage_centre(viewer), stage_centre(viewer) + QPoint(100, 50))
    viewer.reset()
    assert viewer.zoom == 1.0 and viewer.pan_offset.isNull()


# --- viewer: texts and broken stills ------------------------------------------------------


def test_caption_credit_and_alt_text_follow_the_language(open_viewer, vctx):
    from PySide6.QtGui import QAccessible

    viewer = open_viewer(RED)
    assert viewer.caption.text() == "A red\u00a0still"   # no lone last word
    assert viewer.strip.accessibleName() == "A red still"
    assert viewer.credit.text() == "Red credit"
    assert viewer.stage.accessibleName() == "A red rectangle"
    vctx.visit.set_language("ru")
    assert viewer.caption.text() == "Красный кадр"
    assert viewer.credit.text() == "Красный автор"
    interface = QAccessible.queryAccessibleInterface(viewer.stage)
    assert interface.text(QAccessible.Text.Name) == "Красный прямоугольник"


@pytest.mark.parametrize("index", [GARBAGE, TRUNCATED])
def test_a_broken_still_shows_the_placeholder(open_viewer, vctx, index):
    viewer = open_viewer(index)
    assert viewer.is_placeholder
    assert not viewer.zoom_in.isEnabled()
    pinch(viewer, stage_centre(viewer), 200, 400)
    assert viewer.zoom == 1.0
    placeholder = vctx.theme.colour("placeholder")
    stage = viewer.stage
    image = stage.grab().toImage()
    width, height = stage.width(), stage.height()
    for x, y in ((10, 10), (width - 10, height // 2), (width // 4, height - 10)):
        assert image.pixelColor(x, y) == placeholder


def test_swiping_past_a_broken_still_keeps_working(open_viewer):
    viewer = open_viewer(BLUE)
    centre = stage_centre(viewer)
    for expected in (GARBAGE, TRUNCATED):
        drag(viewer, centre + QPoint(400, 0), centre - QPoint(400, 0))
        QTest.qWait(300)
        assert viewer.index == expected
    drag(viewer, centre + QPoint(400, 0), centre - QPoint(400, 0))
    assert viewer.index == TRUNCATED   # the last still: nowhere further to go


def test_the_viewer_fills_its_parent(qtbot, vctx, item):
    from PySide6.QtWidgets import QWidget

    from kiosk.ui.screens.viewer import StillViewer

    window = QWidget()
    qtbot.addWidget(window)
    window.resize(1600, 900)
    viewer = StillViewer(vctx, item, list(item.exhibit.panels[0].stills), RED, window)
    window.show()
    qtbot.waitExposed(window)
    assert viewer.geometry() == window.rect()
    window.resize(1280, 800)
    assert viewer.geometry() == window.rect()


def test_a_still_that_failed_to_decode_shows_its_placeholder_every_time(open_viewer, window, vctx):
    """The failure is signalled once per image; a second viewer must still know."""
    viewer = open_viewer(TRUNCATED)
    assert viewer.is_placeholder
    vctx.visit.close_still()
    again = open_viewer(TRUNCATED)
    assert again is not viewer and again.is_placeholder
    assert again.stage.placeholder.isVisible() and not again.zoom_in.isEnabled()
    assert again.stage.placeholder.alt_text == "A cut-off picture"
