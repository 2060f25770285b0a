"""A clock the test moves by hand: the kiosk's rules run an hour in no time."""

from __future__ import annotations

from collections.abc import Callable


class FakeTimer:
    def __init__(self, clock: FakeClock, callback: Callable[[], object]):
        self.clock = clock
        self.callback = callback
        self.due: float | None = None

    def start(self, seconds: float) -> None:
        self.due = self.clock.now() + seconds

    def stop(self) -> None:
        self.due = None

    @property
    def active(self) -> bool:
        return self.due is not None


class FakeClock:
    """`kiosk.ui.clock.Clock` for tests: `advance` fires due timers in order."""

    def __init__(self, start: float = 1000.0):
        self.time = start
        self.timers: list[FakeTimer] = []

    def now(self) -> float:
        return self.time

    def timer(self, callback: Callable[[], object]) -> FakeTimer:
        timer = FakeTimer(self, callback)
        self.timers.append(timer)
        return timer

    def advance(self, seconds: float) -> None:
        end = self.time + seconds
        while True:
            due = [t for t in self.timers if t.due is not None and t.due <= end]
            if not due:
                break
            timer = min(due, key=lambda t: t.due)
            self.time = max(self.time, timer.due)
            timer.due = None
            timer.callback()
        self.time = end
