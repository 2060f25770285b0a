"""The fault barrier: a bug in a handler never takes the kiosk down."""

from __future__ import annotations

import logging
import sys
import threading
from contextlib import contextmanager

from PySide6.QtCore import QEvent, QPointF, Qt, QTimer
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication, QWidget

from kiosk.operation.faults import FaultBarrier, FaultWindow


def _exhibit_text(order: int, title: str, panels: int) -> str:
    bodies = "".join(f"  - type: text\n    body: Panel {i + 1}.\n" for i in range(panels))
    return f"schema: 1\norder: {order}\ntitle: {title}\ntile: tile.png\npanels:\n{bodies}"


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


