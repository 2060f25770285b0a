"""The whole kiosk by keys alone, in lockdown (which swallows every other key):
from attract mode to a zoomed still and back home, once with a keyboard and
once with two switches (one moves, the other presses)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from kiosk.visit.model import Screen
from tests.operation.test_controller import _close_statistics, _controller, exhibits  # noqa: F401

Key = Qt.Key
KEYBOARD = {"next": Key.Key_Tab, "press": Key.Key_Return}
TWO_SWITCHES = {"next": Key.Key_Space, "press": Key.Key_Enter}


def _key(window: QWidget, key: Key) -> None:
    QTest.keyClick(window.windowHandle(), key)


def _reach(qtbot, window: QWidget, keys: dict[str, Key], wanted: Callable[[QWidget | None], bool]) -> QWidget:
    """Step through the controls with the `next` key until one is `wanted`; the focus ring goes round it."""
    ring = window.focus_ring
    for _ in range(60):
        focused = QApplication.focusWidget()
        if wanted(focused):
            assert focused is not None
            qtbot.waitUntil(lambda target=focused: ring.isVisible() and ring.geometry().contains(
                target.mapTo(window, target.rect().center())))
            return focused
        _key(window, keys["next"])
    raise AssertionError(f"never reached; focus is on {QApplication.focusWidget()!r}")


def _named(name: str) -> Callable[[QWidget | None], bool]:
    return lambda widget: widget is not None and widget.accessibleName() == name


@pytest.mark.parametrize("keys", [KEYBOARD, TWO_SWITCHES], ids=["keyboard", "two-switches"])
def test_from_attract_to_a_zoomed_still_and_home_by_keys_alone(qtbot, qapp, exhibits, tmp_path, keys):  # noqa: F811
    config = tmp_path / "kiosk.yaml"
    config.write_text("lockdown: true\n", encoding="utf-8")
    controller = _controller(qtbot, qapp, exhibits, tmp_path, config)
    window, visit = controller.window, controller.ctx.visit
    assert visit.attracting
    _key(window, keys["next"])  # any key wakes attract mode, as a touch does
    qtbot.waitUntil(lambda: visit.place.screen is Screen.HOME)

    tile = window.home.tiles[0]
    _reach(qtbot, window, keys, lambda widget: widget is tile)
    _key(window, keys["press"])
    qtbot.waitUntil(lambda: visit.place.exhibit == tile.item.id)

    item = visit.catalog.get(tile.item.id)
    gallery = next(i for i, panel in enumerate(item.exhibit.panels) if panel.type == "gallery")
    chapter = window.exhibit.pages[0].chapters.buttons[gallery]
    _reach(qtbot, window, keys, lambda widget: widget is chapter)
    _key(window, keys["press"])
    qtbot.waitUntil(lambda: visit.place.page == gallery + 1 and not window.exhibit.pager.sliding)  # as a visitor waits

    thumbnail = window.exhibit.pages[gallery + 1].thumbnails[0]
    _reach(qtbot, window, keys, lambda widget: widget is thumbnail)
    _key(window, keys["press"])
    qtbot.waitUntil(lambda: window.viewer is not None and visit.place.still == 0)

    _reach(qtbot, window, keys, _named(controller.ctx.tr("zoom_in")))
    _key(window, keys["press"])
    qtbot.waitUntil(lambda: visit.zoom > 1.0)

    _reach(qtbot, window, keys, _named(controller.ctx.tr("close")))
    _key(window, keys["press"])
    qtbot.waitUntil(lambda: window.viewer is None)
    _reach(qtbot, window, keys, _named(controller.ctx.tr("home")))
    _key(window, keys["press"])
    qtbot.waitUntil(lambda: visit.place.screen is Screen.HOME)


@pytest.mark.parametrize("back", [Key.Key_Back, Key.Key_Escape])
def test_the_back_key_closes_the_viewer_then_goes_back_a_page_then_home(
        qtbot, qapp, exhibits, tmp_path, back):  # noqa: F811
    config = tmp_path / "kiosk.yaml"
    config.write_text("lockdown: true\n", encoding="utf-8")
    controller = _controller(qtbot, qapp, exhibits, tmp_path, config)
    window, visit = controller.window, controller.ctx.visit
    visit.wake(None)
    item = visit.catalog.exhibits[0]
    gallery = next(i for i, panel in enumerate(item.exhibit.panels) if panel.type == "gallery") + 1
    visit.show(item.id, gallery)
    visit.open_still(0)
    for expected in ((gallery, None), (gallery - 1, None)):
        _key(window, back)
        qtbot.waitUntil(lambda expected=expected: (visit.place.page, visit.place.still) == expected)
    visit.show(item.id, 0)
    _key(window, back)
    qtbot.waitUntil(lambda: visit.place.screen is Screen.HOME)
    assert window.isVisible()  # in lockdown Esc is a visitor's, not the quit key


def test_the_pause_key_stops_attract_mode_where_it_is_and_goes_on(qtbot, qapp, exhibits, tmp_path):  # noqa: F811
    controller = _controller(qtbot, qapp, exhibits, tmp_path)
    window, visit, clock = controller.window, controller.ctx.visit, controller.ctx.clock
    attract = controller.mode.attract
    clock.advance(1.0)
    _key(window, Key.Key_Pause)
    paused = attract._elapsed()
    clock.advance(30.0)  # several slides' time
    assert visit.attracting and attract.isVisible() and attract._elapsed() == paused
    assert attract.index == 0
    _key(window, Key.Key_Pause)
    clock.advance(30.0)
    assert attract._elapsed() == pytest.approx(paused + 30_000)
    _key(window, Key.Key_Down)  # any other key wakes it
    qtbot.waitUntil(lambda: visit.place.screen is Screen.HOME)
