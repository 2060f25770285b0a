"""A scripted day of visits, recorded through the store, and what it must report."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from kiosk.statistics.store import StatsStore

DAY1 = datetime(2024, 5, 1, 10, 0, 0).timestamp()   # local time, like the report's dates
DAY2 = datetime(2024, 5, 2, 14, 30, 0).timestamp()


class FakeClock:
    def __init__(self, now: float = DAY1) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now

    def at(self, t: float) -> None:
        self.now = t


def scripted_visits(path: Path) -> StatsStore:
    """Two visits on two days; returns the (still open) store."""
    clock = FakeClock()
    store = StatsStore(path, clock=clock)
    # Day 1: 200 s, en then zh, ends with an idle reset.
    clock.at(DAY1)
    store.start_session("en")
    store.screen_viewed(None, None, None)                 # home: 20 s
    clock.at(DAY1 + 20)
    store.screen_viewed("nanook", 0, "text")              # opens the exhibit: 30 s
    clock.at(DAY1 + 50)
    store.screen_viewed("nanook", 1, "gallery")           # 45 s
    clock.at(DAY1 + 95)
    store.screen_viewed("nanook", 2, "wipe")              # 60 s
    clock.at(DAY1 + 100)
    store.language_chosen("zh")
    store.screen_viewed("nanook", 2, "wipe")              # re-rendered in zh: same view
    clock.at(DAY1 + 110)
    store.still_zoomed("nanook", "still-03.jpg")
    clock.at(DAY1 + 120)
    store.wipe_used("nanook", 2)
    clock.at(DAY1 + 155)
    store.screen_viewed(None, None, None)                 # home: 5 s
    clock.at(DAY1 + 160)
    store.screen_viewed("metropolis", 0, "text")          # 40 s until the idle reset
    clock.at(DAY1 + 200)
    store.idle_reset()
    # Day 2: 100 s in en, ends with quit.
    clock.at(DAY2)
    store.start_session("en")
    clock.at(DAY2 + 5)
    store.screen_viewed("metropolis", 0, "text")          # 10 s
    clock.at(DAY2 + 15)
    store.screen_viewed("metropolis", 1, "quote")         # 85 s
    clock.at(DAY2 + 100)
    store.end_session("quit")
    return store


EXPECTED_ALL = """\
Visitor statistics: all time
Sessions: 2
Median session length: 2m 30s
Sessions per day:
  2024-05-01  1
  2024-05-02  1
Most viewed exhibits (views, time spent):
  metropolis  2  2m 15s
  nanook      1  2m 15s
Most viewed panels (views, time spent):
  metropolis #0 text   2     50s
  metropolis #1 quote  1  1m 25s
  nanook #2 wipe       1  1m 00s
  nanook #1 gallery    1     45s
  nanook #0 text       1     30s
Languages (sessions):
  en  2
  zh  1
Stills zoomed: 1
Wipes used: 1
Idle resets: 1"""
