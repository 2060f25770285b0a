"""The idle reset of a visitor kiosk, on a fake clock, driven by touch: attract
mode, the waking touch, the "Still there?" countdown and the full reset."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest

from kiosk.content.schema import GalleryPanel
from kiosk.locale.strings import tr
from kiosk.visit.model import Overlay, Screen
from kiosk.visit.pages import pages_of
from tests.helpers.clock import FakeClock
from tests.helpers.exhibits import make_context, show_at
from tests.helpers.touch import device, drag, press, release, settled, tap

TIMEOUT = 90.0
COUNTDOWN = 20.0


@dataclass
class Kiosk:
    window: object
    mode: object
    ctx: object
    clock: FakeClock

    @property
    def countdown(self):
        return self.mode.countdown

    @property
    def attract(self):
        return self.mode.attract

    @property
    def watcher(self):
        return self.mode.watcher


def build_kiosk(qtbot, qapp, size=(1920, 1080), diagonal=55.0) -> Kiosk:
    """A visitor kiosk put together as the controller does, on a fake clock."""
    from kiosk.operation.modes import VisitorMode
    from kiosk.settings.schema import KioskSettings
    from kiosk.ui.fonts import load_bundled_fonts
    from kiosk.ui.style import stylesheet
    from kiosk.ui.window import KioskWindow

    load_bundled_fonts()
    clock = FakeClock()
    ctx = make_context(size=size, diagonal=diagonal, clock=clock)
    qapp.setStyleSheet(stylesheet(ctx.theme, ctx.metrics))
    window = KioskWindow(ctx, size[0])
    mode = VisitorMode(window, KioskSettings())
    show_at(qtbot, window, *size, ctx)
    mode.start()
    return Kiosk(window, mode, ctx, clock)


@pytest.fixture
def kiosk(qtbot, qapp) -> Kiosk:
    return build_kiosk(qtbot, qapp)


def centre_in_window(window, widget) -> QPoint:
    return widget.mapTo(window, widget.rect().center())


def wake(kiosk: Kiosk, qtbot) -> None:
    tap(kiosk.window, QPoint(100, 100))
    qtbot.waitUntil(lambda: kiosk.window.exhibit is not None)


def test_waking_fades_attract_mode_out_over_the_exhibit_at_once(kiosk, qtbot):
    """Waking once froze for most of a second, then cut: now the exhibit is
    built and shown at once, with attract's last frame fading off it."""
    window, attract = kiosk.window, kiosk.attract
    centre = window.rect().center()
    kiosk.ctx.images.wait()  # a still decoded for the shown size, not replaced between the grabs
    attract_pixel = window.grab().toImage().pixelColor(centre)
    tap(window, centre)
    transition = window.transition
    assert window.exhibit is not None and not attract.isVisible()
    assert transition.running and transition.hole is None            # a fade, not a cut
    # it fades from attract's frame (which moves a little between the two grabs: slow zoom)
    shown = transition.picture.toImage().pixelColor(centre)
    assert max(abs(a - b) for a, b in zip(shown.getRgb(), attract_pixel.getRgb())) <= 6
    qtbot.waitUntil(lambda: not transition.isVisible(), timeout=2000)


def test_attract_mode_is_shown_at_start_over_the_whole_window(kiosk):
    window, attract = kiosk.window, kiosk.attract
    assert attract.isVisible() and attract.geometry() == window.rect()
    assert window.childAt(window.rect().center()) is attract
    assert not kiosk.watcher.counting
    kiosk.clock.advance(TIMEOUT * 2)
    assert not kiosk.countdown.isVisible()  # no countdown over attract mode
    window.resize(1600, 900)
    assert attract.geometry() == window.rect()


@pytest.mark.parametrize("how", ["touch", "mouse"])
def test_the_waking_touch_is_swallowed_and_opens_the_exhibit_on_screen(kiosk, qtbot, how):
    window, attract, visit = kiosk.window, kiosk.attract, kiosk.ctx.visit
    on_screen = attract.on_screen.item.id
    tile = next(t for t in window.home.tiles if t.item.id != on_screen)
    clicks, places = [], []
    tile.clicked.connect(lambda: clicks.append(tile.item.id))
    visit.events.place.connect(lambda old, new: places.append(new))
    position = centre_in_window(window, tile)
    if how == "touch":
        press(window, position)
        assert attract.isVisible() and not places  # wakes on release, not on press
        release(window, position)
    else:
        # through the window, as the platform delivers it, to whatever is under the cursor
        QTest.mouseClick(window.windowHandle(), Qt.MouseButton.LeftButton,
                         Qt.KeyboardModifier.NoModifier, position)
    qtbot.waitUntil(lambda: window.exhibit is not None)
    assert kiosk.watcher.counting  # counting from the wake
    QTest.qWait(50)
    assert [(p.screen, p.exhibit) for p in places] == [(Screen.EXHIBIT, on_screen)]
    assert window.exhibit.item.id == on_screen
    assert clicks == []
    assert not attract.isVisible()


def test_idle_countdown_then_the_whole_visit_is_reset(kiosk, qtbot):
    window, visit = kiosk.window, kiosk.ctx.visit
    wake(kiosk, qtbot)
    item = window.exhibit.item
    visit.set_language("ru")
    gallery = next(page for page, shown in enumerate(pages_of(item)) if isinstance(shown, GalleryPanel))
    visit.open_still(0, page=gallery)
    window.viewer.zoom_in.click()
    assert settled(window.viewer).zoom > 1.0
    kiosk.clock.advance(TIMEOUT - 1)
    assert not kiosk.countdown.isVisible()
    kiosk.clock.advance(1)
    assert kiosk.countdown.isVisible() and visit.overlay is Overlay.STILL_THERE
    assert kiosk.countdown.heading.text() == tr("still_there", "ru")
    assert window.viewer is not None and visit.language == "ru"  # nothing reset yet
    kiosk.clock.advance(COUNTDOWN)
    assert kiosk.attract.isVisible() and not kiosk.countdown.isVisible()
    assert visit.language == "en" and visit.place.screen is Screen.ATTRACT
    assert window.viewer is None and window.exhibit is None
    assert window.stack.currentWidget() is window.home
    assert kiosk.attract.index == 0 and not kiosk.watcher.counting


def test_keep_exploring_cancels_the_countdown_and_keeps_the_visitors_place(kiosk, qtbot):
    window, countdown, visit = kiosk.window, kiosk.countdown, kiosk.ctx.visit
    wake(kiosk, qtbot)
    visit.set_language("zh")
    visit.show(visit.place.exhibit, 2)
    kiosk.clock.advance(TIMEOUT)
    assert countdown.isVisible()
    button = centre_in_window(window, countdown.button)
    assert button.y() > window.height() // 2  # within reach, in the lower half
    assert window.focusWidget() is countdown
    tap(window, button)
    assert not countdown.isVisible() and visit.overlay is None
    assert window.focusWidget() is window.exhibit  # the keys go where they went before
    kiosk.clock.advance(COUNTDOWN + 1)  # past the end of the cancelled countdown
    assert not kiosk.attract.isVisible()
    assert window.exhibit.index == 2 and visit.language == "zh"
    kiosk.clock.advance(TIMEOUT - (COUNTDOWN + 1))
    assert countdown.isVisible()  # the watcher counted again from the tap


def test_a_tap_anywhere_on_the_countdown_keeps_exploring_and_touches_nothing_beneath(kiosk, qtbot):
    window, visit = kiosk.window, kiosk.ctx.visit
    wake(kiosk, qtbot)
    screen, place = window.exhibit, visit.place
    kiosk.clock.advance(TIMEOUT)
    assert kiosk.countdown.isVisible()
    tap(window, centre_in_window(window, screen.home))
    assert not kiosk.countdown.isVisible()
    assert visit.place == place and window.exhibit is screen  # the home button was not pressed


def test_a_finger_held_down_prevents_the_reset(kiosk, qtbot):
    window = kiosk.window
    wake(kiosk, qtbot)
    pager = window.exhibit.pager
    finger = pager.mapTo(window, QPoint(pager.width() // 2, pager.height() // 3))
    press(window, finger)
    kiosk.clock.advance(TIMEOUT * 3)
    assert not kiosk.countdown.isVisible()
    release(window, finger)
    kiosk.clock.advance(TIMEOUT - 1)
    assert not kiosk.countdown.isVisible()  # the time starts again when the finger lifts
    kiosk.clock.advance(1)
    assert kiosk.countdown.isVisible()


def test_two_fingers_keep_it_awake_until_both_are_lifted(kiosk, qtbot):
    window = kiosk.window
    wake(kiosk, qtbot)
    a, b = QPoint(700, 300), QPoint(1100, 300)
    QTest.touchEvent(window, device()).press(0, a, window).press(1, b, window).commit()
    QTest.qWait(16)
    QTest.touchEvent(window, device()).release(0, a, window).stationary(1).commit()
    kiosk.clock.advance(TIMEOUT * 3)
    assert not kiosk.countdown.isVisible()
    QTest.touchEvent(window, device()).release(1, b, window).commit()
    kiosk.clock.advance(TIMEOUT)
    assert kiosk.countdown.isVisible()


def test_a_swipe_the_pager_takes_does_not_leave_a_finger_down(kiosk, qtbot):
    """The gesture recogniser consumes the swipe's release; the idle watcher,
    which comes first in the input pipeline, still sees it."""
    window = kiosk.window
    wake(kiosk, qtbot)
    pager = window.exhibit.pager
    row = pager.height() // 2
    drag(window, pager.mapTo(window, QPoint(pager.width() * 4 // 5, row)),
         pager.mapTo(window, QPoint(pager.width() // 5, row)))
    assert kiosk.ctx.visit.place.page == 1
    assert not kiosk.watcher.rules.down
    kiosk.clock.advance(TIMEOUT)
    assert kiosk.countdown.isVisible()


def test_a_key_press_restarts_the_timer(kiosk, qtbot):
    wake(kiosk, qtbot)
    for _ in range(4):  # for twice the timeout
        kiosk.clock.advance(TIMEOUT / 2)
        QTest.keyClick(kiosk.window, Qt.Key.Key_Shift)
        assert not kiosk.countdown.isVisible()
    kiosk.clock.advance(TIMEOUT)
    assert kiosk.countdown.isVisible()


def test_no_countdown_while_staff_use_an_overlay(kiosk, qtbot):
    wake(kiosk, qtbot)
    kiosk.ctx.visit.open_overlay(Overlay.PIN)
    kiosk.clock.advance(TIMEOUT * 3)
    assert not kiosk.countdown.isVisible()
    kiosk.ctx.visit.close_overlay()
    kiosk.clock.advance(TIMEOUT)
    assert kiosk.countdown.isVisible()


def test_with_no_exhibits_a_touch_just_wakes_to_home(qtbot, qapp, exhibits_root):
    from kiosk.operation.modes import VisitorMode
    from kiosk.settings.schema import KioskSettings
    from kiosk.ui.window import KioskWindow

    ctx = make_context([exhibits_root], clock=FakeClock())
    window = KioskWindow(ctx, 1280)
    mode = VisitorMode(window, KioskSettings())
    show_at(qtbot, window, 1280, 720, ctx)
    mode.start()
    assert mode.attract.isVisible() and not mode.attract.slides
    tap(window, QPoint(640, 360))
    assert ctx.visit.place.screen is Screen.HOME and not mode.attract.isVisible()
