"""Keeping opening hours and the calendar: the kiosk closes when they end (the visit in
progress ends as at a reset; a staff screen open stays until staff close it)
and opens when they begin, into attract mode. The display's power command
runs on each change, on a thread of its own; its failure is logged and
reported in health, never fatal. A new day re-stages the content, since
exhibits come and go by their show_from and show_until dates."""

from __future__ import annotations

import logging
import subprocess
import threading
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

from PySide6.QtCore import QObject, QTimer

from kiosk.settings.hours import OpeningHours
from kiosk.settings.schema import ScheduleSettings
from kiosk.ui.screens.closed import ClosedScreen
from kiosk.visit.model import Overlay, Visit

log = logging.getLogger(__name__)

CHECK_MS = 15_000
"""How often the time is compared with the opening hours."""
POWER_TIMEOUT_S = 30


class HoursKeeper(QObject):
    def __init__(self, visit: Visit, schedule: ScheduleSettings, closed_screen: Callable[[], ClosedScreen],
                 power_failed: Callable[[], None], new_day: Callable[[date], None] = lambda day: None,
                 now: Callable[[], datetime] = datetime.now, closed_still: Path | None = None,
                 parent: QObject | None = None):
        super().__init__(parent)
        self.visit = visit
        self.hours: OpeningHours = schedule.opening_hours()
        self.schedule = schedule
        self.closed_screen = closed_screen
        self.closed_still = closed_still
        self.now = now
        self.power_failed = power_failed
        self.new_day = new_day
        """Called when the date changes: exhibits' show_from and show_until dates come and go."""
        self._day: date | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(CHECK_MS)
        self._timer.timeout.connect(self.check)

    def start(self) -> None:
        self.check()
        self._timer.start()

    def check(self) -> None:
        moment = self.now()
        day, last = moment.date(), self._day
        self._day = day
        if last is not None and day != last:
            self.new_day(day)
        if self.hours.always_open:
            return
        open_now = self.hours.is_open(moment)
        staff_busy = self.visit.overlay in (Overlay.PIN, Overlay.ADMIN)
        if not open_now and not self.visit.closed and not staff_busy:
            log.info("opening hours are over: closing")
            screen = self.closed_screen()
            screen.set_still(self.closed_still)
            screen.set_opening(self.hours.next_opening(moment))
            self.visit.close_for_the_day()
            self._power(self.schedule.power_off_command, "off")
        elif open_now and self.visit.closed:
            log.info("opening hours begin: opening")
            self.visit.reset("opening")
            self._power(self.schedule.power_on_command, "on")

    def _power(self, command: list[str] | None, which: str) -> None:
        if command:
            threading.Thread(target=self._run, args=(command, which), name="display-power", daemon=True).start()

    def _run(self, command: list[str], which: str) -> None:
        try:
            result = subprocess.run(command, capture_output=True, text=True, timeout=POWER_TIMEOUT_S)
        except (OSError, subprocess.TimeoutExpired) as error:
            problem = str(error)
        else:
            if result.returncode == 0:
                log.info("display power %s: %s", which, " ".join(command))
                return
            problem = f"exit status {result.returncode}: {result.stderr.strip()[-300:]}"
        self.power_failed()  # from this thread: the health only counts
        log.error("the display power %s command %s failed (%s); the kiosk runs on", which, command, problem)
