"""When the kiosk counts as idle, in plain Python, on any clock the caller keeps."""

from __future__ import annotations

from collections.abc import Hashable, Iterable

STUCK_FACTOR = 10
"""A pointer held down without any input for this many timeouts counts as lifted."""
MOUSE = "mouse"
"""The pointer id of a held mouse button (touch points use their integer ids)."""


class IdleRules:
    """When the kiosk counts as idle: `timeout_ms` after the last input, and
    never while a pointer (finger or mouse button) is down, since a visitor
    reading under a held finger or in the middle of a pinch is still there.

    The one exception: a pointer down with no input at all for `stuck_ms`
    counts as lifted, so a release lost by a touch frame (or eaten by a
    program bug) cannot keep the kiosk from ever starting over.

    Times are milliseconds on any monotonic clock, passed in by the caller.
    """

    def __init__(self, timeout_ms: float, stuck_ms: float | None = None, now: float = 0.0):
        self.timeout_ms = timeout_ms
        self.stuck_ms = STUCK_FACTOR * timeout_ms if stuck_ms is None else stuck_ms
        self.down: set[Hashable] = set()
        self.last_input = now
        self.held = False
        """A clip is playing: no idle until it stops, then a whole timeout."""

    def input(self, now: float) -> None:
        """Any input: the idle time starts again."""
        self.last_input = now

    def press(self, now: float, pointers: Iterable[Hashable]) -> None:
        self.down.update(pointers)
        self.last_input = now

    def release(self, now: float, pointers: Iterable[Hashable]) -> None:
        self.down.difference_update(pointers)
        self.last_input = now

    def release_all(self, now: float) -> None:
        self.down.clear()
        self.last_input = now

    def hold(self, now: float, held: bool) -> None:
        """A clip started (True) or stopped (False) playing; either way the idle time starts again."""
        self.held = held
        self.last_input = now

    def remaining_ms(self, now: float) -> float:
        """Milliseconds until idle (0: idle now). While a pointer is down or a clip
        plays, this is the time until it is worth looking again."""
        if self.held:
            return self.timeout_ms
        quiet = now - self.last_input
        if self.down and quiet < self.stuck_ms:
            return min(self.timeout_ms, self.stuck_ms - quiet)
        return max(0.0, self.timeout_ms - quiet)
