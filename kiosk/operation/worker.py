"""Slow work (reading a folder, unpacking a bundle) on a thread of its own,
its result handed back on the GUI thread.

The result travels through one courier that lives as long as the
application, and reaches its receiver through a weak reference: a receiver
deleted while the work still runs is never called (and never destroyed on
the worker thread); its result is simply dropped.
"""

from __future__ import annotations

import threading
import weakref
from collections.abc import Callable
from typing import Any, TypeVar

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, Signal, Slot

T = TypeVar("T")


class _Courier(QObject):
    carry = Signal(object, object)   # WeakMethod of the receiver, the result

    def __init__(self) -> None:
        super().__init__(QCoreApplication.instance())
        self.carry.connect(self._deliver)

    @Slot(object, object)
    def _deliver(self, method: weakref.WeakMethod[Callable[[Any], None]], result: object) -> None:
        deliver = method()
        if deliver is not None and shiboken6.isValid(getattr(deliver, "__self__", None)):
            deliver(result)


_COURIER: list[_Courier] = []


def prepare_courier() -> None:
    """Made on the GUI thread, before any worker needs it."""
    if not _COURIER:
        _COURIER.append(_Courier())


def run_in_worker(work: Callable[[], T], deliver: Callable[[T], None], name: str) -> None:
    """`work()` on a daemon thread, then `deliver(result)` (a QObject's method) on
    the GUI thread. `work` must catch its own errors and hold no reference to the receiver."""
    prepare_courier()
    method = weakref.WeakMethod(deliver)
    courier = _COURIER[0]

    def run() -> None:
        courier.carry.emit(method, work())

    threading.Thread(target=run, name=name, daemon=True).start()
