"""Garbage collection stays on the GUI thread and follows the end of a visit."""

from __future__ import annotations

import gc
import threading
import weakref

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QObject

from kiosk.operation.collector import AFTER_VISIT_SECONDS, MainThreadCollector
from tests.helpers.clock import FakeClock
from tests.helpers.exhibits import make_context


class _Cycle:
    def __init__(self):
        self.me = self


@pytest.fixture
def running(qapp):
    ctx = make_context(clock=FakeClock())
    owner = QObject()
    collector = MainThreadCollector(ctx, parent=owner)
    collector.start()
    yield ctx, collector
    collector.stop()
    owner.deleteLater()


def _old_garbage() -> weakref.ref:
    """A cycle that survived into the oldest generation, then was dropped:
    only a full collection frees it, as it frees a screen a visitor left."""
    held = _Cycle()
    gc.collect()
    ref = weakref.ref(held)
    del held
    return ref


def test_a_left_screen_is_freed_once_attract_has_faded_in(running):
    ctx, _ = running
    leftover = _old_garbage()
    ctx.visit.wake("shenzhou-13")
    ctx.clock.advance(5)
    assert leftover() is not None
    ctx.visit.reset("idle_reset")
    ctx.clock.advance(AFTER_VISIT_SECONDS - 0.1)
    assert leftover() is not None, "a collection during the fade would stutter it"
    ctx.clock.advance(0.2)
    assert leftover() is None


def test_collection_never_runs_on_another_thread_while_the_kiosk_runs(running):
    ctx, _ = running
    threads: list[int] = []

    def note(phase: str, _info: dict) -> None:
        if phase == "start":
            threads.append(threading.get_ident())

    def allocate() -> None:
        for _ in range(50_000):
            _Cycle()

    gc.callbacks.append(note)
    try:
        worker = threading.Thread(target=allocate)
        worker.start()
        worker.join()
        assert threads == []
        ctx.clock.advance(1.0)
        assert threads and set(threads) == {threading.get_ident()}
    finally:
        gc.callbacks.remove(note)


def _collector_gone(started: bool) -> None:
    owner = QObject()
    collector = MainThreadCollector(make_context(clock=FakeClock()), parent=owner)
    if started:
        collector.start()
        assert not gc.isenabled()
    del collector
    owner.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def test_automatic_collection_resumes_when_the_collector_goes(qapp):
    gc.enable()  # as a kiosk process starts
    _collector_gone(started=True)
    assert gc.isenabled()


def test_a_collector_that_never_ran_leaves_collection_off(qapp):
    """`kiosk render`'s controllers and the suite's turn it off themselves: one
    going mid-way turned it back on, and a decoder thread then freed widgets."""
    assert not gc.isenabled()
    _collector_gone(started=False)
    assert not gc.isenabled()


def test_no_test_frees_widgets_on_a_decoder_thread(qapp):
    """The suite collects as the kiosk does (conftest): widgets a test dropped
    are not freed by another thread's allocations while the next one paints."""
    from PySide6.QtWidgets import QWidget

    dropped = QWidget()
    dropped.me = dropped
    ref = weakref.ref(dropped)
    del dropped
    worker = threading.Thread(target=lambda: [_Cycle() for _ in range(50_000)])
    worker.start()
    worker.join()
    assert ref() is not None
    gc.collect()
    assert ref() is None
