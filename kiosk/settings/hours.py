"""Opening hours: when the kiosk is open to visitors, from a weekly timetable
with dates closed (holidays) and dates open with their own hours (late
openings). Plain Python: the operation layer asks `is_open(now)` and when
the next change comes; the settings schema checks what curators write.

Hours are written as "10:00-18:00", several as "10:00-13:00, 14:00-20:00",
or "closed".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
CLOSED = "closed"
SPAN = re.compile(r"^\s*(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})\s*$")
LOOK_AHEAD_DAYS = 400
"""How far ahead the next opening is looked for: past that, the kiosk says nothing."""

Span = tuple[time, time]


def _clock(hours: str, minutes: str, text: str) -> time:
    h, m = int(hours), int(minutes)
    if h == 24 and m == 0:
        return time.max
    if not (0 <= h < 24 and 0 <= m < 60):
        raise ValueError(f"{text!r}: {hours}:{minutes} is not a time of day")
    return time(h, m)


def parse_hours(text: str) -> list[Span]:
    """The spans of `text` in order; ValueError says what is wrong with it."""
    if text.strip().lower() == CLOSED:
        return []
    spans: list[Span] = []
    for part in text.split(","):
        match = SPAN.match(part)
        if match is None:
            raise ValueError(f"{part.strip()!r} is not opening hours: expected such as 10:00-18:00, "
                             f"several separated by commas, or {CLOSED!r}")
        start_h, start_m, end_h, end_m = match.groups()
        start, end = _clock(start_h, start_m, part), _clock(end_h, end_m, part)
        if start >= end:
            raise ValueError(f"{part.strip()!r} ends before it starts")
        spans.append((start, end))
    spans.sort()
    for (_, first_end), (second_start, _) in zip(spans, spans[1:]):
        if second_start < first_end:
            raise ValueError(f"{text!r}: the opening hours overlap")
    return spans


@dataclass(frozen=True)
class OpeningHours:
    weekly: dict[int, list[Span]] | None = None
    """Weekday (Monday 0) to its spans; a day missing is closed. None: always open."""
    closed_dates: frozenset[date] = frozenset()
    open_dates: dict[date, list[Span]] = field(default_factory=dict)

    @property
    def always_open(self) -> bool:
        return self.weekly is None and not self.closed_dates and not self.open_dates

    def spans_on(self, day: date) -> list[Span]:
        if day in self.open_dates:
            return self.open_dates[day]
        if day in self.closed_dates:
            return []
        if self.weekly is None:
            return [(time.min, time.max)]
        return self.weekly.get(day.weekday(), [])

    def is_open(self, moment: datetime) -> bool:
        now = moment.time()
        return any(start <= now < end or (end == time.max and now >= start)
                   for start, end in self.spans_on(moment.date()))

    def next_opening(self, moment: datetime) -> datetime | None:
        """When the kiosk next opens after `moment` (None: not within a year)."""
        for offset in range(LOOK_AHEAD_DAYS):
            day = moment.date() + timedelta(days=offset)
            for start, _end in self.spans_on(day):
                opening = datetime.combine(day, start, moment.tzinfo)
                if opening > moment:
                    return opening
        return None
