"""Where a timeline's events and year ticks go along its axis (plain Python).

Events sit at distances proportional to the time between them, so that three
events in one month look clustered and a gap of years looks long. Clustered
events are then pushed apart just enough to stay readable: each dot keeps a
small gap from its neighbour, and each card from the next card on its side of
the axis (cards alternate above and below it, so that is two events on).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from kiosk.locale import PartialDate

DAYS_A_YEAR = 365.2425


def moment(date: PartialDate) -> float:
    """A date in years on a continuous scale; a date known only to the month
    or the year sits in the middle of it."""
    if date.month is None:
        day = dt.date(date.year, 7, 1)
    else:
        day = dt.date(date.year, date.month, date.day or 15)
    return day.toordinal() / DAYS_A_YEAR


def year_start(year: int) -> float:
    return dt.date(year, 1, 1).toordinal() / DAYS_A_YEAR


@dataclass(frozen=True)
class Spacing:
    """The least distances, in pixels, between neighbouring events' dots and
    between cards on one side of the axis (one event on when every card is on
    the same side, two on when they alternate)."""

    neighbours: float
    same_side: float
    alternate: bool

    def least_gap(self, steps_back: int) -> float:
        """How far an event must be from the one `steps_back` before it."""
        if steps_back == 1:
            return self.neighbours if self.alternate else self.same_side
        return self.same_side if self.alternate else 0.0


def _proportional(moments: Sequence[float], start: float, length: float) -> list[float]:
    first, last = min(moments), max(moments)
    if last == first:
        return [start + length / 2 for _ in moments]
    return [start + (m - first) / (last - first) * length for m in moments]


def _push_forward(wanted: Sequence[float], spacing: Spacing, start: float) -> list[float]:
    placed: list[float] = []
    for index, x in enumerate(wanted):
        bounds = [start, x] + [placed[index - back] + spacing.least_gap(back)
                               for back in (1, 2) if index >= back]
        placed.append(max(bounds))
    return placed


def _pull_back(placed: list[float], spacing: Spacing, end: float) -> list[float]:
    pulled = list(placed)
    for index in range(len(pulled) - 1, -1, -1):
        bounds = [end, pulled[index]] + [pulled[index + ahead] - spacing.least_gap(ahead)
                                         for ahead in (1, 2) if index + ahead < len(pulled)]
        pulled[index] = min(bounds)
    return pulled


def least_length(count: int, spacing: Spacing) -> float:
    """The shortest axis that holds `count` events at their least gaps."""
    return _push_forward([0.0] * count, spacing, 0.0)[-1] if count else 0.0


def place(moments: Sequence[float], spacing: Spacing, start: float, end: float) -> list[float]:
    """Event positions between `start` and `end` (the first and last dot's
    furthest places), in the curator's order; past `end` when they cannot fit,
    and then stretched so that time still shows in the gaps."""
    if not moments:
        return []
    length = end - start
    needed = least_length(len(moments), spacing)
    if needed > length:
        length = needed * 1.5
    placed = _push_forward(_proportional(moments, start, length), spacing, start)
    if placed[-1] > start + length:
        placed = _pull_back(placed, spacing, start + length)
    return placed


def years_between(first: float, last: float, step: int) -> list[int]:
    """The years whose first day lies in [first, last], every `step` years."""
    years = []
    year = dt.date.fromordinal(max(1, int(first * DAYS_A_YEAR))).year
    while year_start(year) <= last:
        if year_start(year) >= first and year % step == 0:
            years.append(year)
        year += 1
    return years


def position_of(when: float, moments: Sequence[float], xs: Sequence[float]) -> float | None:
    """Where a moment falls on the axis, between the events around it (so that
    a year tick agrees with the dots that were pushed apart); None outside them."""
    pairs = sorted(zip(moments, xs))
    for (t0, x0), (t1, x1) in zip(pairs, pairs[1:]):
        if t0 <= when <= t1 and t1 > t0:
            return x0 + (when - t0) / (t1 - t0) * (x1 - x0)
    return None
