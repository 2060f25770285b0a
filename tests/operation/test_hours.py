"""Opening hours on a fake clock: the kiosk closes when they end and opens
when they begin, ignores visitors' touches while closed (but not the admin
corner), runs the display's power commands, and holds off while staff work."""

from __future__ import annotations

import sys
from datetime import date, datetime, time

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest

from kiosk.settings.hours import OpeningHours, parse_hours
from kiosk.settings.loading import load_settings
from kiosk.visit.model import Overlay
from tests.helpers.exhibits import make_context, make_exhibit

TUESDAY = date(2026, 12, 1)
MARK = "import pathlib, sys; pathlib.Path(sys.argv[1]).write_text('{}')"


def test_hours_are_read_checked_and_answered():
    assert parse_hours("10:00-13:00, 14:00-24:00") == [(time(10), time(13)), (time(14), time.max)]
    assert parse_hours("Closed") == []
    for wrong, says in (("9-18", "is not opening hours"), ("18:00-10:00", "ends before it starts"),
                        ("10:00-14:00, 13:00-18:00", "overlap"), ("25:00-26:00", "not a time of day")):
        with pytest.raises(ValueError, match=says):
            parse_hours(wrong)
    hours = OpeningHours({1: parse_hours("10:00-18:00"), 2: parse_hours("10:00-18:00")},
                         frozenset({date(2026, 12, 2)}), {date(2026, 12, 3): parse_hours("18:00-22:00")})
    assert hours.is_open(datetime(2026, 12, 1, 10, 0)) and not hours.is_open(datetime(2026, 12, 1, 18, 0))
    assert not hours.is_open(datetime(2026, 12, 2, 12, 0))  # a date closed
    assert hours.is_open(datetime(2026, 12, 3, 21, 0))      # a late opening on a closed weekday
    assert hours.next_opening(datetime(2026, 12, 1, 19, 0)) == datetime(2026, 12, 3, 18, 0)
    assert OpeningHours().always_open and OpeningHours().is_open(datetime(2026, 12, 1, 3, 0))


def test_mistakes_in_the_schedule_are_located_in_kiosk_yaml(tmp_path):
    settings = tmp_path / "kiosk.yaml"
    settings.write_text('schedule:\n  weekly:\n    tuesday: "10:00-14:00, 13:00-18:00"\n'
                        '    funday: "10:00-18:00"\n  closed_dates: ["2026-02-30"]\n', encoding="utf-8")
    messages = [problem.format() for problem in load_settings(settings).problems]
    assert any("kiosk.yaml:3:14: error: schedule.weekly.tuesday" in m and "overlap" in m
               for m in messages), messages
    assert any("kiosk.yaml:4:" in m and "funday" in m for m in messages), messages
    assert any("kiosk.yaml:5:" in m and "is not a date" in m for m in messages), messages


@pytest.fixture
def kiosk(qapp, qtbot, tmp_path):
    from kiosk.operation.content import ContentSource
    from kiosk.operation.controller import KioskController
    from kiosk.statistics.background import BackgroundStats
    from kiosk.ui.fonts import load_bundled_fonts
    from kiosk.ui.window import KioskWindow

    load_bundled_fonts()
    off, on = tmp_path / "off", tmp_path / "on"
    settings = tmp_path / "kiosk.yaml"
    settings.write_text(
        "admin:\n  hold_seconds: 1\nschedule:\n  weekly:\n    tuesday: '10:00-18:00'\n"
        "    wednesday: '10:00-18:00'\n"
        f"  power_off_command: ['{sys.executable}', '-c', \"{MARK}\", '{off}']\n"
        f"  power_on_command: ['{sys.executable}', '-c', \"{MARK}\", '{on}']\n", encoding="utf-8")
    loaded = load_settings(settings)
    assert not loaded.problems, loaded.problems
    ctx = make_context(size=(960, 540))
    window = KioskWindow(ctx, 960)
    window.resize(960, 540)
    qtbot.addWidget(window)
    stats = BackgroundStats(tmp_path / "stats.sqlite3")
    controller = KioskController(window, loaded, ContentSource.of(tmp_path), stats)
    clock = {"now": datetime.combine(TUESDAY, time(17, 59))}
    controller.hours.now = lambda: clock["now"]
    window.show()
    controller.start()
    yield controller, clock, off, on
    stats.close()


def _at(controller, clock, moment: datetime) -> None:
    clock["now"] = moment
    controller.hours.check()


def test_the_kiosk_closes_at_the_end_of_its_hours_and_opens_at_the_start(kiosk, qtbot):
    controller, clock, off, on = kiosk
    visit, window = controller.visit, controller.window
    assert visit.attracting
    _at(controller, clock, datetime.combine(TUESDAY, time(18, 0)))
    assert visit.closed and window.stack.currentWidget() is window.closed
    assert not controller.mode.attract.isVisible()  # no attract loop all night
    assert window.closed.lines[0][1].text() == "Closed · Opens 2 December 2026 at 10:00"
    assert controller.health.summary()[0] == "state         closed"
    qtbot.waitUntil(off.exists, timeout=10_000)  # the display's power command ran
    QTest.mouseClick(window.windowHandle(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     window.rect().center())
    assert visit.closed, "a visitor's touch does nothing while closed"
    _at(controller, clock, datetime(2026, 12, 2, 10, 0))
    assert visit.attracting
    qtbot.waitUntil(on.exists, timeout=10_000)


def test_closing_ends_a_visit_but_waits_for_staff(kiosk, qtbot):
    controller, clock, _off, _on = kiosk
    visit = controller.visit
    visit.wake(None)
    _at(controller, clock, datetime.combine(TUESDAY, time(18, 0)))
    assert visit.closed and visit.overlay is None
    _at(controller, clock, datetime(2026, 12, 2, 10, 0))
    visit.open_overlay(Overlay.ADMIN)
    _at(controller, clock, datetime(2026, 12, 2, 18, 30))
    assert not visit.closed and visit.overlay is Overlay.ADMIN  # staff at work
    visit.close_overlay()
    controller.hours.check()
    assert visit.closed


def test_the_admin_corner_works_while_closed(kiosk, qtbot):
    controller, clock, _off, _on = kiosk
    window = controller.window
    _at(controller, clock, datetime.combine(TUESDAY, time(19, 0)))
    corner, handle, no = QPoint(3, 3), window.windowHandle(), Qt.KeyboardModifier.NoModifier
    QTest.mousePress(handle, Qt.MouseButton.LeftButton, no, corner)
    qtbot.waitUntil(lambda: controller.visit.overlay is Overlay.PIN, timeout=4000)
    QTest.mouseRelease(handle, Qt.MouseButton.LeftButton, no, corner)


def test_a_failing_power_command_is_reported_never_fatal(qtbot, tmp_path):
    from kiosk.operation.hours import HoursKeeper
    from kiosk.settings.schema import ScheduleSettings

    ctx = make_context(size=(960, 540))
    failures = []
    schedule = ScheduleSettings(weekly={"tuesday": "10:00-18:00"}, power_off_command=["/nonexistent/cec-ctl"])
    keeper = HoursKeeper(ctx.visit, schedule, lambda: _Screen(), lambda: failures.append(1),
                         now=lambda: datetime.combine(TUESDAY, time(20, 0)))
    keeper.check()
    assert ctx.visit.closed
    qtbot.waitUntil(lambda: failures == [1], timeout=5000)


class _Screen:
    def set_opening(self, _opening) -> None:
        pass

    def set_still(self, _still) -> None:
        pass


def test_a_configured_still_shows_dimmed_behind_the_opening_times(qapp, qtbot, tmp_path):
    from PIL import Image

    from kiosk.operation.content import ContentSource
    from kiosk.operation.controller import KioskController
    from kiosk.statistics.background import BackgroundStats
    from kiosk.ui.window import KioskWindow

    Image.new("RGB", (320, 180), (230, 40, 40)).save(tmp_path / "closed.jpg")
    settings = tmp_path / "kiosk.yaml"
    settings.write_text("schedule:\n  weekly: {tuesday: '10:00-18:00'}\n  closed_still: closed.jpg\n")
    loaded = load_settings(settings)
    assert not loaded.problems and loaded.closed_still == tmp_path / "closed.jpg"
    ctx = make_context(size=(960, 540))
    window = KioskWindow(ctx, 960)
    window.resize(960, 540)
    qtbot.addWidget(window)
    stats = BackgroundStats(tmp_path / "stats.sqlite3", enabled=False)
    controller = KioskController(window, loaded, ContentSource.of(tmp_path), stats)
    controller.hours.now = lambda: datetime.combine(TUESDAY, time(20, 0))
    window.show()
    controller.start()
    assert controller.visit.closed
    background = ctx.theme.colour("background")

    def corner():
        return window.grab().toImage().pixelColor(20, 20)
    qtbot.waitUntil(lambda: corner().red() > background.red() + 30, timeout=5000)
    pixel = corner()
    assert pixel.red() < 230 * 0.5 + background.red(), "dimmed, so the opening times stay readable"
    assert window.closed.lines[0][1].text().startswith("Closed · Opens")
    stats.close()


def test_a_missing_closed_still_is_reported_and_the_screen_stays_dark(tmp_path):
    settings = tmp_path / "kiosk.yaml"
    settings.write_text("schedule:\n  closed_still: absent.jpg\n")
    loaded = load_settings(settings)
    assert loaded.closed_still is None
    assert any("kiosk.yaml:2:" in p.format() and "schedule.closed_still" in p.format() and "no such still" in
               p.format() for p in loaded.problems), [p.format() for p in loaded.problems]


DATED = """\
schema: 1
title: {name}
tile: tile.png
{dates}
panels:
  - type: text
    body: Text.
"""


def _dated_collection(root, **dates: str):
    for name, line in dates.items():
        make_exhibit(root, name, DATED.format(name=name, dates=line))
    return root


def test_exhibits_show_between_their_dates_and_something_always_shows(tmp_path):
    from kiosk.content.loader import load_catalog, on_show

    root = _dated_collection(tmp_path, past="show_until: 2026-11-30", now="show_from: 2026-12-01",
                             later="show_from: 2026-12-02\nshow_until: 2026-12-31")
    catalog = load_catalog([root])
    assert not catalog.problems
    assert [i.id for i in on_show(catalog, TUESDAY).exhibits] == ["now"]
    assert [i.id for i in on_show(catalog, date(2026, 12, 2)).exhibits] == ["later", "now"]
    expired = load_catalog([_dated_collection(tmp_path / "old", a="show_until: 2026-01-01",
                                              b="show_until: 2026-02-01")])
    assert [i.id for i in on_show(expired, TUESDAY).exhibits] == ["a", "b"]  # never a blank kiosk


def test_dates_that_can_never_show_are_a_located_error(tmp_path):
    from kiosk.content.loader import load_catalog

    root = _dated_collection(tmp_path, never="show_from: 2026-12-10\nshow_until: 2026-12-01")
    problems = [p.format() for p in load_catalog([root]).problems]
    assert any("exhibit.yaml:5:" in p and "show_until" in p and "never show" in p for p in problems), problems


def test_a_new_day_brings_the_exhibits_of_that_day(qapp, qtbot, tmp_path):
    from kiosk.operation.content import ContentSource
    from kiosk.operation.controller import KioskController
    from kiosk.statistics.background import BackgroundStats
    from kiosk.ui.window import KioskWindow

    root = _dated_collection(tmp_path / "exhibits", past="show_until: 2026-11-30", now="",
                             later="show_from: 2026-12-02")
    ctx = make_context([root], size=(960, 540))
    window = KioskWindow(ctx, 960)
    qtbot.addWidget(window)
    stats = BackgroundStats(None, enabled=False)
    controller = KioskController(window, load_settings(tmp_path / "absent.yaml"), ContentSource.of(root), stats)
    controller.hours.now = lambda: datetime.combine(TUESDAY, time(12, 0))
    window.show()
    controller.start()
    try:
        assert [i.id for i in controller.visit.catalog.exhibits] == ["now"]  # today, 1 December
        controller.hours.now = lambda: datetime(2026, 12, 2, 0, 1)
        controller.hours.check()
        assert [i.id for i in controller.visit.catalog.exhibits] == ["later", "now"]
    finally:
        stats.close()



def test_a_presenter_keeps_their_own_hours(qapp, qtbot, tmp_path):
    from kiosk.operation.content import ContentSource
    from kiosk.operation.controller import KioskController
    from kiosk.statistics.background import BackgroundStats
    from kiosk.ui.window import KioskWindow

    settings = tmp_path / "kiosk.yaml"
    settings.write_text("schedule:\n  weekly:\n    monday: '10:00-11:00'\n", encoding="utf-8")
    ctx = make_context(size=(960, 540))
    window = KioskWindow(ctx, 960)
    qtbot.addWidget(window)
    stats = BackgroundStats(None, enabled=False)
    controller = KioskController(window, load_settings(settings), ContentSource.of(tmp_path), stats, presenting=True)
    controller.hours.now = lambda: datetime.combine(TUESDAY, time(20, 0))
    window.show()
    controller.start()
    try:
        assert not controller.visit.closed  # an evening talk is not stopped by the gallery's hours
    finally:
        stats.close()


def test_render_at_a_moment_shows_what_the_kiosk_would(qapp, tmp_path):
    from PySide6.QtCore import QSize

    from kiosk.content.loader import load_catalog
    from kiosk.render import render_all

    root = _dated_collection(tmp_path / "exhibits", winter="show_until: 2026-12-31",
                             spring="show_from: 2027-03-01")
    hours = OpeningHours({3: parse_hours("10:00-17:00")})  # Thursdays
    catalog, size = load_catalog([root]), QSize(640, 360)
    closed = render_all(catalog, tmp_path / "eve", [size], ["en"], 55.0, root,
                        datetime(2026, 12, 24, 18, 0), hours)
    assert [p.relative_to(tmp_path / "eve").as_posix() for p in closed] == ["640x360/en/closed.png"]
    open_ = render_all(catalog, tmp_path / "noon", [size], ["en"], 55.0, root,
                       datetime(2027, 3, 4, 12, 0), hours)
    shown = {p.parent.name for p in open_ if p.parent.name not in ("en",)}
    assert shown == {"spring"}  # the exhibit of that day, not the one whose dates are over


def test_validate_checks_the_schedule_of_a_settings_file(tmp_path, capsys):
    from kiosk.cli import main

    settings = tmp_path / "kiosk.yaml"
    settings.write_text('schedule:\n  weekly:\n    tuesday: "10:00-14:00, 13:00-18:00"\n', encoding="utf-8")
    assert main(["validate", "--config", str(settings)]) == 1
    out = capsys.readouterr().out
    assert "kiosk.yaml:3:14: error: schedule.weekly.tuesday" in out and out.strip().endswith(
        "2 exhibits, 1 error, 0 warnings")
