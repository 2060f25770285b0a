"""Attract mode and the idle reset, with short timeouts, driven by touch."""

from __future__ import annotations

from dataclasses import dataclass
import pytest
from PySide6.QtCore import QPoint, QSize, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtTest import QTest

from conftest import make_context, make_exhibit, png_bytes
from kiosk.content.schema import GalleryPanel
from kiosk.content.text import Text
from kiosk.media.images import Fit, ImageKey, decode
from kiosk.operation.idle import IdleReset, IdleRules, IdleWatcher
from kiosk.ui.screens.attract import (AttractScreen, Slide, Timeline, attract_slides,
                                      call_to_action, focus_in_cover, zoom_at)
from kiosk.ui.screens.still_there import StillThereOverlay
from kiosk.ui.strings import tr
from touch import device, drag, press, release, tap

TIMEOUT_MS = 200
COUNTDOWN_MS = 300
LONG_SLIDE_MS = 60_000
"""Most tests keep one slide on screen, so the woken exhibit is known."""


# --- the rules, without Qt -------------------------------------------------------------

def test_idle_comes_a_timeout_after_the_last_input():
    rules = IdleRules(1000, now=0)
    assert rules.remaining_ms(400) == 600
    rules.input(900)
    assert rules.remaining_ms(1500) == 400
    assert rules.remaining_ms(1900) == 0


def test_a_pointer_down_keeps_the_kiosk_awake_until_lifted():
    rules = IdleRules(1000, stuck_ms=60_000, now=0)
    rules.press(0, [0, 1])              # a two-finger pinch
    assert rules.remaining_ms(5000) > 0
    rules.release(6000, [0])            # one finger lifted, one still down
    assert rules.remaining_ms(9000) > 0
    rules.release(10_000, [1])
    assert rules.remaining_ms(10_500) == 500
    assert rules.remaining_ms(11_000) == 0


def test_a_pointer_held_without_any_input_is_eventually_taken_as_lost():
    rules = IdleRules(1000, stuck_ms=5000, now=0)
    rules.press(0, ["mouse"])
    assert rules.remaining_ms(4000) == 1000
    assert rules.remaining_ms(5000) == 0


def test_the_timeline_crossfades_in_the_last_fade_ms_of_each_slide():
    timeline = Timeline(slide_ms=1000, fade_ms=200)
    assert (timeline.turn(500), timeline.fade(500)) == (0, 0.0)
    assert timeline.fade(900) == pytest.approx(0.5)
    assert (timeline.turn(1000), timeline.fade(1000)) == (1, 0.0)
    # a slide keeps moving from its fade in to the end of its fade out
    assert timeline.motion(800, 1) == 0.0
    assert timeline.motion(2000, 1) == 1.0
    assert 0 < timeline.motion(1500, 1) < 1


def test_consecutive_slides_meet_at_the_same_zoom():
    assert zoom_at(0, 0.0) == 1.0
    assert zoom_at(0, 1.0) == pytest.approx(zoom_at(1, 0.0))
    assert zoom_at(1, 1.0) == pytest.approx(zoom_at(2, 0.0))


def test_the_focus_point_is_found_where_the_decoder_put_it(qapp, tmp_path):
    path = tmp_path / "wide.png"
    image = QImage(400, 200, QImage.Format.Format_RGB32)
    image.fill(QColor("black"))
    focus = (0.85, 0.3)
    x, y = round(focus[0] * 400), round(focus[1] * 200)
    for dx in range(-3, 4):
        for dy in range(-3, 4):
            image.setPixelColor(x + dx, y + dy, QColor("red"))
    image.save(str(path))
    decoded = decode(ImageKey(path, 150, 150, Fit.COVER, focus))
    expected = focus_in_cover(QSize(400, 200), decoded.size(), focus)
    assert expected.x() > 100  # near the edge the crop cannot centre it (75)
    assert decoded.pixelColor(round(expected.x()), round(expected.y())).red() > 200


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


# --- the kiosk with its idle reset ----------------------------------------------------------

@dataclass
class Kiosk:
    window: object
    attract: AttractScreen
    overlay: StillThereOverlay
    watcher: IdleWatcher
    reset: IdleReset


def build_kiosk(qtbot, ctx, slide_ms: int = LONG_SLIDE_MS, size=(1920, 1080)) -> Kiosk:
    """The window and the idle machinery, put together the way the kiosk does."""
    from kiosk.ui.window import KioskWindow

    window = KioskWindow(ctx, size[0])
    qtbot.addWidget(window)
    window.resize(*size)
    window.show()
    qtbot.waitExposed(window)
    attract = AttractScreen(ctx, attract_slides(ctx.catalog), slide_ms, 100, window)
    overlay = StillThereOverlay(ctx, COUNTDOWN_MS, window)
    watcher = IdleWatcher(TIMEOUT_MS, parent=window)
    reset = IdleReset(watcher, overlay, attract, window.reset_session, window.open_exhibit,
                      parent=window)
    reset.show_attract()
    return Kiosk(window, attract, overlay, watcher, reset)


@pytest.fixture
def kiosk(qtbot, ctx) -> Kiosk:
    return build_kiosk(qtbot, ctx)


def centre_in_window(window, widget) -> QPoint:
    return widget.mapTo(window, widget.rect().center())


def wake(kiosk: Kiosk, qtbot) -> None:
    tap(kiosk.window, QPoint(100, 100))
    qtbot.waitUntil(lambda: kiosk.window.exhibit is not None)
    # The exhibit's first paint can take longer than these short timeouts:
    # count from when the screen is up, as a visitor would see it.
    kiosk.window.exhibit.grab()
    kiosk.watcher.resume()


def test_attract_mode_is_shown_at_start_over_the_whole_window(kiosk, qtbot):
    window, attract = kiosk.window, kiosk.attract
    assert attract.isVisible() and attract.geometry() == window.rect()
    assert window.childAt(window.rect().center()) is attract
    assert kiosk.watcher.paused
    QTest.qWait(TIMEOUT_MS * 2)
    assert not kiosk.overlay.isVisible()  # no countdown over attract mode
    window.resize(1600, 900)
    assert attract.geometry() == window.rect()


@pytest.mark.parametrize("how", ["touch", "mouse"])
def test_the_waking_touch_is_swallowed_and_opens_the_exhibit_on_screen(kiosk, qtbot, how):
    window, attract = kiosk.window, kiosk.attract
    on_screen = attract.on_screen.item.id
    tile = next(t for t in window.home.tiles if t.item.id != on_screen)
    clicks, screens = [], []
    tile.clicked.connect(lambda: clicks.append(tile.item.id))
    window.screen_changed.connect(screens.append)
    woken = []
    attract.woken.connect(woken.append)
    position = centre_in_window(window, tile)
    if how == "touch":
        press(window, position)
        assert attract.isVisible() and not woken  # wakes on release, not on press
        release(window, position)
    else:
        # through the window, as the platform delivers it, to whatever is under the cursor
        QTest.mouseClick(window.windowHandle(), Qt.MouseButton.LeftButton,
                         Qt.KeyboardModifier.NoModifier, position)
    qtbot.waitUntil(lambda: window.exhibit is not None)
    assert not kiosk.watcher.paused  # counting from the wake
    QTest.qWait(100)
    assert woken == [on_screen]
    assert window.exhibit.item.id == on_screen
    assert clicks == []
    assert screens == [f"exhibit:{on_screen}"]
    assert not attract.isVisible()


def test_idle_countdown_then_the_whole_session_is_reset(kiosk, qtbot, ctx):
    window = kiosk.window
    wake(kiosk, qtbot)
    item = window.exhibit.item
    ctx.session.set_language("ru")
    gallery = next(p for p in item.exhibit.panels if isinstance(p, GalleryPanel))
    window.exhibit.pager.go_to(item.exhibit.panels.index(gallery), animate=False)
    window.open_viewer(item, gallery.stills, 0)
    window.viewer.zoom_in.click()
    assert window.viewer.zoom > 1.0
    kiosk.watcher.resume()  # the visitor's last touch
    qtbot.waitUntil(kiosk.overlay.isVisible, timeout=2000)
    assert kiosk.overlay.heading.text() == tr("still_there", "ru")
    assert window.viewer is not None and ctx.language == "ru"  # nothing reset yet
    qtbot.waitUntil(kiosk.attract.isVisible, timeout=2000)
    assert not kiosk.overlay.isVisible()
    assert ctx.language == "en"
    assert window.viewer is None and window.exhibit is None
    assert window.stack.currentWidget() is window.home
    assert kiosk.attract.index == 0 and kiosk.watcher.paused


def test_keep_exploring_cancels_the_countdown_and_keeps_the_visitors_place(kiosk, qtbot, ctx):
    window, overlay = kiosk.window, kiosk.overlay
    wake(kiosk, qtbot)
    ctx.session.set_language("zh")
    window.exhibit.pager.go_to(2, animate=False)
    qtbot.waitUntil(overlay.isVisible, timeout=2000)
    button = centre_in_window(window, overlay.button)
    assert button.y() > window.height() // 2  # within reach, in the lower half
    assert window.focusWidget() is overlay
    tap(window, button)
    assert not overlay.isVisible()
    assert window.focusWidget() is window.exhibit  # the keys go where they went before
    QTest.qWait(COUNTDOWN_MS + 50)  # past the end of the cancelled countdown
    assert not kiosk.attract.isVisible()
    assert window.exhibit is not None and window.exhibit.index == 2 and ctx.language == "zh"
    qtbot.waitUntil(overlay.isVisible, timeout=2000)  # the watcher counts again


def test_a_tap_anywhere_on_the_countdown_keeps_exploring_and_touches_nothing_beneath(kiosk, qtbot):
    window = kiosk.window
    wake(kiosk, qtbot)
    screen = window.exhibit
    qtbot.waitUntil(kiosk.overlay.isVisible, timeout=2000)
    homes = []
    screen.home_requested.connect(lambda: homes.append(True))
    tap(window, centre_in_window(window, screen.home))
    assert not kiosk.overlay.isVisible() and homes == []
    assert window.exhibit is screen


def test_a_finger_held_down_prevents_the_reset(kiosk, qtbot):
    window = kiosk.window
    wake(kiosk, qtbot)
    pager = window.exhibit.pager
    finger = pager.mapTo(window, QPoint(pager.width() // 2, pager.height() // 3))
    press(window, finger)
    QTest.qWait(TIMEOUT_MS * 3)
    assert not kiosk.overlay.isVisible()
    release(window, finger)
    assert not kiosk.overlay.isVisible()  # the time starts again when the finger lifts
    qtbot.waitUntil(kiosk.overlay.isVisible, timeout=2000)


def test_two_fingers_keep_it_awake_until_both_are_lifted(kiosk, qtbot):
    window = kiosk.window
    wake(kiosk, qtbot)
    a, b = QPoint(700, 300), QPoint(1100, 300)
    QTest.touchEvent(window, device()).press(0, a, window).press(1, b, window).commit()
    QTest.qWait(16)
    QTest.touchEvent(window, device()).release(0, a, window).stationary(1).commit()
    QTest.qWait(TIMEOUT_MS * 3)
    assert not kiosk.overlay.isVisible()
    QTest.touchEvent(window, device()).release(1, b, window).commit()
    qtbot.waitUntil(kiosk.overlay.isVisible, timeout=2000)


def test_a_swipe_that_the_pager_takes_does_not_leave_a_finger_down(kiosk, qtbot):
    """The pager's filter comes after the watcher's and eats the swipe's release;
    the watcher must still see it, or the kiosk would never reset."""
    window = kiosk.window
    wake(kiosk, qtbot)
    pager = window.exhibit.pager
    row = pager.height() // 2
    drag(window, pager.mapTo(window, QPoint(pager.width() * 4 // 5, row)),
         pager.mapTo(window, QPoint(pager.width() // 5, row)))
    assert window.exhibit.index == 1
    assert not kiosk.watcher.rules.down
    qtbot.waitUntil(kiosk.overlay.isVisible, timeout=TIMEOUT_MS * 4)


def test_a_key_press_restarts_the_timer(kiosk, qtbot):
    wake(kiosk, qtbot)
    for _ in range(8):  # for twice the timeout
        QTest.qWait(TIMEOUT_MS // 4)
        QTest.keyClick(kiosk.window, Qt.Key.Key_Shift)
        assert not kiosk.overlay.isVisible()
    qtbot.waitUntil(kiosk.overlay.isVisible, timeout=2000)


def test_presenter_mode_disables_the_idle_reset(kiosk, qtbot):
    wake(kiosk, qtbot)
    kiosk.watcher.enabled = False
    kiosk.watcher.resume()  # a resume does not override the mode
    QTest.qWait(TIMEOUT_MS * 2)
    assert not kiosk.overlay.isVisible()
    kiosk.watcher.enabled = True
    qtbot.waitUntil(kiosk.overlay.isVisible, timeout=2000)


# --- attract mode itself ---------------------------------------------------------------------

def test_attract_crossfades_to_the_next_slide_after_slide_ms(qtbot, ctx):
    kiosk = build_kiosk(qtbot, ctx, slide_ms=400)
    attract = kiosk.attract
    assert attract.index == 0
    qtbot.waitUntil(lambda: 0 < attract.fade < 1, timeout=1000)
    assert attract.index == 0  # crossfading, not yet turned
    with qtbot.waitSignal(attract.slide_changed, timeout=1000) as changed:
        pass
    assert changed.args == [1] and attract.index == 1
    assert attract.slides[1] != attract.slides[0]


def test_the_call_to_action_shows_every_enabled_language(kiosk, qtbot):
    attract = kiosk.attract
    expected = [tr("touch_to_explore", language) for language in ("en", "zh", "ru")]
    assert attract.call_to_action == expected
    for language in expected:
        assert language in attract.accessibleName()
    attract.grab()
    drawn = [text for text, _, rect in attract._layout().cta
             if attract.rect().contains(rect)]
    assert all(text in drawn for text in expected)


def test_a_narrow_screen_stacks_the_call_to_action(qtbot, qapp):
    ctx = make_context(size=(1280, 720), diagonal=24)
    kiosk = build_kiosk(qtbot, ctx, size=(1280, 720))
    kiosk.attract.grab()
    places = {text: rect for text, _, rect in kiosk.attract._layout().cta}
    assert all(kiosk.attract.rect().contains(rect) for rect in places.values())


def test_the_still_always_covers_the_screen_while_it_moves(qtbot, ctx, tmp_path):
    path = tmp_path / "red.png"
    path.write_bytes(png_bytes(640, 300, (200, 0, 0)))
    item = ctx.catalog.exhibits[0]
    now = [0.0]
    attract = AttractScreen(ctx, [Slide(item, path, (0.9, 0.2))], 1000, 200, clock=lambda: now[0])
    qtbot.addWidget(attract)
    attract.resize(800, 450)
    attract.start()
    ctx.images.wait()
    assert not attract.is_placeholder(0)
    for moment in (0.0, 0.5, 0.99, 1.5):
        now[0] = moment
        image = attract.grab().toImage()
        for x, y in ((0, 0), (799, 0), (0, 150), (799, 150), (400, 0)):
            assert image.pixelColor(x, y).red() > 150, (moment, x, y)


def test_new_slides_replace_the_old_ones_at_once(qtbot, ctx, tmp_path):
    """Changed content arrives while attract mode shows: nothing of the old may stay."""
    red, blue = tmp_path / "red.png", tmp_path / "blue.png"
    red.write_bytes(png_bytes(64, 36, (200, 0, 0)))
    blue.write_bytes(png_bytes(64, 36, (0, 0, 200)))
    first, second = ctx.catalog.exhibits[:2]
    attract = AttractScreen(ctx, [Slide(first, red, (0.5, 0.5))] * 2, LONG_SLIDE_MS, 200)
    qtbot.addWidget(attract)
    attract.resize(640, 360)
    attract.start()
    ctx.images.wait()
    assert attract.grab().toImage().pixelColor(320, 20).red() > 150
    attract.slides = [Slide(second, blue, (0.5, 0.5))]
    ctx.images.wait()
    assert attract.grab().toImage().pixelColor(320, 20).blue() > 150
    assert attract.index == 0 and attract.on_screen.item is second


def test_missing_and_broken_stills_show_a_calm_placeholder(qtbot, ctx, exhibits_root):
    folder = make_exhibit(exhibits_root, "broken").parent
    (folder / "broken.jpg").write_bytes(b"not a picture")
    item = ctx.catalog.exhibits[0]
    slides = [Slide(item, folder / "missing.png", (0.5, 0.5)),
              Slide(item, folder / "broken.jpg", (0.5, 0.5))]
    attract = AttractScreen(ctx, slides, 200, 100)
    qtbot.addWidget(attract)
    attract.resize(640, 360)
    attract.start()
    ctx.images.wait()
    QTest.qWait(350)
    ctx.images.wait()
    image = attract.grab().toImage()
    assert attract.is_placeholder(0) and attract.is_placeholder(1)
    assert image.pixelColor(5, 5) != QColor("black")  # the placeholder field, not a hole


def test_with_no_slides_a_touch_just_wakes_to_home(qtbot, ctx):
    from kiosk.ui.window import KioskWindow

    window = KioskWindow(ctx, 1280)
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    attract = AttractScreen(ctx, [], 1000, 200, window)
    watcher = IdleWatcher(TIMEOUT_MS, parent=window)
    overlay = StillThereOverlay(ctx, COUNTDOWN_MS, window)
    IdleReset(watcher, overlay, attract, window.reset_session, window.open_exhibit,
              parent=window).show_attract()
    attract.grab()
    tap(window, QPoint(640, 360))
    assert not attract.isVisible() and window.exhibit is None and not watcher.paused
