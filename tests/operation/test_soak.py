"""A short soak: many visits and attract slides on a fake clock, with memory
and the count of live objects flat. `bench/soak.py` runs the long one."""

from __future__ import annotations

import logging

from tests.helpers.soak import Soak

WARM_UP, VISITS = 6, 40


def test_visits_leave_memory_and_objects_flat(qapp, tmp_path):
    from kiosk.ui.fonts import load_bundled_fonts

    load_bundled_fonts()
    logging.disable(logging.WARNING)  # pytest keeps every log record: not the kiosk's memory
    soak = Soak(tmp_path)
    try:
        for _ in range(WARM_UP):
            soak.visit()
        objects, resident = soak.measure()
        for _ in range(VISITS):
            soak.visit()
        now_objects, now_resident = soak.measure()
        grown_objects, grown_resident = now_objects - objects, now_resident - resident
        report = soak.stats.report()
    finally:
        soak.close()
        logging.disable(logging.NOTSET)
    # A leak of one screen's widget wrappers per visit (a language switch once
    # left ~35) or of a gesture registration per scroll area shows at once.
    assert grown_objects < VISITS, grown_objects
    assert grown_resident < 4 * 2**20, grown_resident / 2**20
    assert report.sessions == WARM_UP + VISITS and report.idle_resets == WARM_UP + VISITS
