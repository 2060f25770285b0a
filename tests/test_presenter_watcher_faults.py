"""Presenter mode, content changes while running, the fault barrier, logging."""

from __future__ import annotations

import logging
import os
import shutil
import sys
import threading
from contextlib import contextmanager
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QPointF, Qt, QTimer
from PySide6.QtGui import QMouseEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from conftest import MINIMAL_EXHIBIT, make_context, make_exhibit
from kiosk.content.loader import load_catalog
from kiosk.operation import watcher as watcher_module
from kiosk.operation.faults import FaultBarrier, FaultWindow
from kiosk.operation.logs import configure_logging
from kiosk.operation.presenter import Deck, Presenter
from kiosk.operation.watcher import ContentWatcher


def _exhibit_text(order: int, title: str, panels: int) -> str:
    bodies = "".join(f"  - type: text\n    body: Panel {i + 1}.\n" for i in range(panels))
    return f"schema: 1\norder: {order}\ntitle: {title}\ntile: tile.png\npanels:\n{bodies}"


# --- presenter -----------------------------------------------------------------

def test_deck_steps_through_every_panel_and_stops_or_loops_at_the_ends():
    deck = Deck([("a", 0), ("a", 1), ("b", 0)])
    assert deck.next(None) == deck.previous(None) == ("a", 0)   # from the home screen
    assert deck.next(("a", 1)) == ("b", 0)
    assert deck.previous(("b", 0)) == ("a", 1)
    assert deck.next(("b", 0)) is None and deck.previous(("a", 0)) is None
    deck.loop = True
    assert deck.next(("b", 0)) == ("a", 0) and deck.previous(("a", 0)) == ("b", 0)
    assert Deck([]).next(None) is None


@pytest.fixture
def two_exhibits(exhibits_root):
    make_exhibit(exhibits_root, "first", _exhibit_text(1, "First", 2))
    make_exhibit(exhibits_root, "second", _exhibit_text(2, "Second", 3))
    return exhibits_root


@pytest.fixture
def make_presenter(qtbot, qapp, two_exhibits):
    from kiosk.ui.window import KioskWindow

    presenters = []

    def make(auto_advance_ms=None, loop=False):
        window = KioskWindow(make_context([two_exhibits], size=(1280, 720)), 1280)
        qtbot.addWidget(window)
        window.resize(1280, 720)
        window.show()
        qtbot.waitExposed(window)
        presenter = Presenter(window, auto_advance_ms, loop)
        presenters.append(presenter)
        return presenter

    yield make
    for presenter in presenters:
        presenter.stop()


def _press(presenter, key, modifier=Qt.KeyboardModifier.NoModifier):
    """A key as the system delivers it: to the window, then to whatever has focus."""
    QTest.keyClick(presenter.window.windowHandle(), key, modifier)


def test_clicker_keys_move_through_the_panels_of_all_exhibits(make_presenter):
    presenter = make_presenter()
    presenter.start()
    assert presenter.current() == ("first", 0)
    for key, expected in [(Qt.Key.Key_Right, ("first", 1)),
                          (Qt.Key.Key_Right, ("second", 0)),   # across to the next exhibit
                          (Qt.Key.Key_Left, ("first", 1)),     # and back to the last panel
                          (Qt.Key.Key_PageDown, ("second", 0)),
                          (Qt.Key.Key_Space, ("second", 1)),
                          (Qt.Key.Key_PageUp, ("second", 0)),
                          (Qt.Key.Key_End, ("second", 2)),
                          (Qt.Key.Key_Right, ("second", 2)),   # the end, without looping
                          (Qt.Key.Key_Home, ("first", 0))]:
        _press(presenter, key)
        assert presenter.current() == expected, key
    assert presenter.window.exhibit.pager.index == 0
    _press(presenter, Qt.Key.Key_Right)
    _press(presenter, Qt.Key.Key_Space, Qt.KeyboardModifier.ShiftModifier)
    assert presenter.current() == ("first", 0)


def test_keys_work_with_focus_anywhere_and_from_the_home_screen(make_presenter, qtbot):
    presenter = make_presenter()
    window = presenter.window
    assert presenter.current() is None
    QTest.keyClick(window.home, Qt.Key.Key_Right)   # straight to a widget, as input methods do
    assert presenter.current() == ("first", 0)
    QTest.keyClick(window.exhibit, Qt.Key.Key_Right)  # the screen's own arrow keys do not add a step
    assert presenter.current() == ("first", 1)


def _all_black(widget: QWidget) -> bool:
    image = widget.grab().toImage()
    w, h = image.width(), image.height()
    points = [(x * (w - 1) // 4, y * (h - 1) // 4) for x in range(5) for y in range(5)]
    return all(image.pixelColor(x, y).name() == "#000000" for x, y in points)


def test_b_and_period_blank_the_screen_and_bring_it_back(make_presenter):
    presenter = make_presenter()
    presenter.start()
    window = presenter.window
    assert not _all_black(window)
    _press(presenter, Qt.Key.Key_B)
    assert presenter.blanked and presenter.blank.geometry() == window.rect()
    assert _all_black(window)
    _press(presenter, Qt.Key.Key_B)
    assert not presenter.blanked and not _all_black(window)
    _press(presenter, Qt.Key.Key_Period)
    assert presenter.blanked
    window.resize(1000, 600)
    assert presenter.blank.geometry() == window.rect() and _all_black(window)
    _press(presenter, Qt.Key.Key_Right)       # brings the picture back, without moving
    assert not presenter.blanked and presenter.current() == ("first", 0)


def test_auto_advance_moves_on_and_loops(make_presenter, qtbot):
    presenter = make_presenter(auto_advance_ms=60, loop=True)
    presenter.start()
    qtbot.waitUntil(lambda: presenter.current() == ("second", 2), timeout=3000)
    qtbot.waitUntil(lambda: presenter.current() == ("first", 0), timeout=3000)


def test_auto_advance_stops_at_the_end_without_loop_and_pauses_while_blank(make_presenter, qtbot):
    presenter = make_presenter(auto_advance_ms=60, loop=False)
    presenter.start()
    _press(presenter, Qt.Key.Key_B)
    qtbot.wait(200)
    assert presenter.current() == ("first", 0)
    _press(presenter, Qt.Key.Key_B)
    qtbot.waitUntil(lambda: presenter.current() == ("second", 2), timeout=3000)
    qtbot.wait(200)
    assert presenter.current() == ("second", 2)


# --- content watcher -----------------------------------------------------------

@pytest.fixture
def watched(qapp, exhibits_root):
    path = make_exhibit(exhibits_root, "one")
    watcher = ContentWatcher(exhibits_root, load_catalog([exhibits_root]), debounce_ms=100)
    yield watcher, path
    watcher.deleteLater()


def _title(catalog, exhibit_id="one") -> str:
    return catalog.get(exhibit_id).exhibit.title.plain


def _retitled(title: str) -> str:
    return MINIMAL_EXHIBIT.replace("A good exhibit", title)


def test_a_good_change_is_staged_with_the_new_content(watched, qtbot):
    watcher, path = watched
    with qtbot.waitSignal(watcher.staged, timeout=3000) as blocker:
        path.write_text(_retitled("A better exhibit"), encoding="utf-8")
    assert _title(blocker.args[0]) == "A better exhibit"
    assert watcher.last_good is blocker.args[0]


def test_a_bad_change_is_rejected_and_the_last_good_content_kept(watched, qtbot, caplog):
    watcher, path = watched
    with qtbot.waitSignal(watcher.rejected, timeout=3000) as blocker:
        path.write_text(MINIMAL_EXHIBIT.replace("title: A good exhibit", "title: [unclosed"),
                        encoding="utf-8")
    errors = [p for p in blocker.args[0] if p.is_error]
    assert len(errors) == 1 and errors[0].file.endswith("one/exhibit.yaml")
    assert (errors[0].line, errors[0].column) == (3, 5) and "YAML syntax" in errors[0].message
    assert watcher.problems == blocker.args[0]
    assert _title(watcher.last_good) == "A good exhibit"
    assert errors[0].format() in caplog.text


def test_an_emptied_folder_never_blanks_the_kiosk(watched, qtbot):
    watcher, path = watched
    with qtbot.waitSignal(watcher.rejected, timeout=3000) as blocker:
        shutil.rmtree(path.parent)
    assert "no exhibits" in blocker.args[0][-1].message
    assert _title(watcher.last_good) == "A good exhibit"


def test_an_error_the_kiosk_started_with_does_not_hold_back_other_changes(exhibits_root, qtbot):
    good = make_exhibit(exhibits_root, "one")
    make_exhibit(exhibits_root, "broken", "schema: 1\ntitle: [unclosed\n")
    catalog = load_catalog([exhibits_root])
    assert catalog.errors
    watcher = ContentWatcher(exhibits_root, catalog, debounce_ms=100)
    with qtbot.waitSignal(watcher.staged, timeout=3000) as blocker:
        good.write_text(_retitled("Still shown"), encoding="utf-8")
    assert _title(blocker.args[0]) == "Still shown"
    with qtbot.waitSignal(watcher.rejected, timeout=3000):   # a new error still is rejected
        good.write_text("schema: 1\ntitle: [x\n", encoding="utf-8")


def test_quick_writes_are_debounced_into_one_reload(watched, qtbot, monkeypatch):
    watcher, path = watched
    loads = []
    real = watcher_module.load_catalog
    monkeypatch.setattr(watcher_module, "load_catalog", lambda roots: loads.append(1) or real(roots))
    with qtbot.waitSignal(watcher.staged, timeout=3000) as blocker:
        for n in range(5):
            path.write_text(_retitled(f"Draft {n}"), encoding="utf-8")
            qtbot.wait(20)
    qtbot.wait(250)
    assert len(loads) == 1 and _title(blocker.args[0]) == "Draft 4"


def test_an_editors_atomic_save_is_noticed_again_and_again(watched, qtbot):
    watcher, path = watched
    for title in ("Saved once", "Saved twice"):
        with qtbot.waitSignal(watcher.staged, timeout=3000) as blocker:
            temporary = path.with_name(".exhibit.yaml.swp")
            temporary.write_text(_retitled(title), encoding="utf-8")
            os.replace(temporary, path)
        assert _title(blocker.args[0]) == title
    with qtbot.waitSignal(watcher.staged, timeout=3000) as blocker:  # and a plain write after it
        path.write_text(_retitled("Written in place"), encoding="utf-8")
    assert _title(blocker.args[0]) == "Written in place"


def test_a_new_exhibit_folder_is_picked_up(watched, qtbot, exhibits_root):
    watcher, _path = watched
    with qtbot.waitSignal(watcher.staged, timeout=3000) as blocker:
        make_exhibit(exhibits_root, "two")
    assert blocker.args[0].get("two") is not None
    with qtbot.waitSignal(watcher.staged, timeout=3000) as blocker:
        (exhibits_root / "two" / "exhibit.yaml").write_text(_retitled("Second"), encoding="utf-8")
    assert _title(blocker.args[0], "two") == "Second"


def test_a_replaced_exhibits_folder_is_noticed(watched, qtbot, exhibits_root):
    watcher, _path = watched
    fresh = exhibits_root.with_name("exhibits.new")
    make_exhibit(fresh, "one", _retitled("Deployed"))
    with qtbot.waitSignal(watcher.staged, timeout=3000) as blocker:
        exhibits_root.rename(exhibits_root.with_name("exhibits.old"))
        fresh.rename(exhibits_root)
    assert _title(blocker.args[0]) == "Deployed"
    with qtbot.waitSignal(watcher.staged, timeout=3000) as blocker:
        (exhibits_root / "one" / "exhibit.yaml").write_text(_retitled("Edited"), encoding="utf-8")
    assert _title(blocker.args[0]) == "Edited"


# --- fault barrier -------------------------------------------------------------

@contextmanager
def _installed(barrier: FaultBarrier):
    """Inside the test body: pytest-qt swaps sys.excepthook between test phases."""
    barrier.install()
    try:
        yield barrier
    finally:
        barrier.uninstall()


def _boom():
    raise RuntimeError("a bug in a slot")


class _Fragile(QWidget):
    def mousePressEvent(self, event):
        raise ValueError("a bug in an event handler")


def test_an_exception_in_a_timer_slot_is_logged_and_recovered(qtbot, caplog):
    with _installed(FaultBarrier()) as barrier:
        with qtbot.waitSignal(barrier.recover, timeout=2000):
            QTimer.singleShot(0, _boom)
        survivors = []
        QTimer.singleShot(0, lambda: survivors.append(True))
        qtbot.waitUntil(lambda: survivors == [True])   # the event loop runs on
    record = next(r for r in caplog.records if r.exc_info)
    assert record.exc_info[0] is RuntimeError
    assert "Traceback" in caplog.text and "in _boom" in caplog.text


def test_an_exception_in_an_event_handler_is_logged_and_recovered(qtbot, caplog):
    widget = _Fragile()
    qtbot.addWidget(widget)
    widget.show()
    press = QMouseEvent(QEvent.Type.MouseButtonPress, QPointF(5, 5), QPointF(5, 5),
                        Qt.MouseButton.LeftButton, Qt.MouseButton.LeftButton,
                        Qt.KeyboardModifier.NoModifier)
    with _installed(FaultBarrier()) as barrier:
        with qtbot.waitSignal(barrier.recover, timeout=2000):
            QApplication.postEvent(widget, press)
    assert "a bug in an event handler" in caplog.text and "in mousePressEvent" in caplog.text
    assert widget.isVisible()


def test_a_worker_threads_exception_is_recovered_in_the_gui_thread(qtbot, caplog):
    with _installed(FaultBarrier()) as barrier:
        threads = []
        barrier.recover.connect(lambda: threads.append(threading.current_thread()))
        with qtbot.waitSignal(barrier.recover, timeout=2000):
            threading.Thread(target=_boom, name="worker").start()
    assert threads == [threading.main_thread()]
    assert "thread worker" in caplog.text


def test_repeated_faults_escalate(qtbot):
    with _installed(FaultBarrier(limit=3, window_seconds=60)) as barrier:
        for _ in range(2):
            with qtbot.waitSignal(barrier.recover, timeout=2000):
                QTimer.singleShot(0, _boom)
        with qtbot.waitSignal(barrier.escalate, timeout=2000):
            QTimer.singleShot(0, _boom)
        with qtbot.waitSignal(barrier.recover, timeout=2000):  # and it starts counting afresh
            QTimer.singleShot(0, _boom)


def test_the_fault_window_slides():
    now = [0.0]
    window = FaultWindow(limit=5, seconds=60, clock=lambda: now[0])
    assert [window.add() for _ in range(4)] == [False] * 4
    now[0] = 61.0                                   # the first four have expired
    assert [window.add() for _ in range(4)] == [False] * 4
    assert window.add() is True


def test_a_fault_while_recovering_does_not_loop(qtbot, caplog):
    with _installed(FaultBarrier()) as barrier:
        calls = []
        barrier.recover.connect(lambda: calls.append(1) or _boom())
        QTimer.singleShot(0, _boom)
        qtbot.waitUntil(lambda: calls == [1])
        qtbot.wait(100)
    assert calls == [1]
    assert any(r.levelno == logging.CRITICAL for r in caplog.records)


def test_uninstall_restores_the_previous_hooks():
    hook, thread_hook = sys.excepthook, threading.excepthook
    barrier = FaultBarrier()
    barrier.install()
    assert sys.excepthook != hook and threading.excepthook != thread_hook
    barrier.uninstall()
    assert sys.excepthook is hook and threading.excepthook is thread_hook


# --- logging -------------------------------------------------------------------

def test_configure_logging_writes_a_file_and_is_idempotent(tmp_path: Path, qapp):
    from PySide6.QtCore import qWarning

    root = logging.getLogger()
    saved = root.handlers[:], root.level
    try:
        path = configure_logging("debug", tmp_path)
        added = [h for h in root.handlers if h not in saved[0]]
        assert path == tmp_path / "kiosk.log" and root.level == logging.DEBUG
        assert configure_logging("nonsense", tmp_path) == path
        assert len([h for h in root.handlers if h not in saved[0]]) == len(added) == 2
        assert root.level == logging.INFO
        logging.getLogger("kiosk.test").info("hello from the kiosk")
        qWarning("a warning from Qt")
        for handler in root.handlers:
            handler.flush()
        text = path.read_text(encoding="utf-8")
        assert "unknown log level 'nonsense'" in text
        assert "INFO kiosk.test: hello from the kiosk" in text
        assert "WARNING qt: a warning from Qt" in text
    finally:
        for handler in [h for h in root.handlers if h not in saved[0]]:
            root.removeHandler(handler)
            handler.close()
        root.setLevel(saved[1])
