"""The long soak: visits and attract slides on a fake clock, with memory watched.

Run:  .venv/bin/python bench/soak.py [--visits 1000]
Each visit wakes the kiosk, reads every panel of an exhibit, opens and zooms a
still, moves a wipe, switches language, waits out the idle reset and watches
three attract slides. Prints the resident memory and the live objects of the
kiosk's and Qt's classes every 100 visits; the target is under 5 MB of growth
over 1,000 visits after a warm-up.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import qInstallMessageHandler  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from kiosk.ui.fonts import load_bundled_fonts  # noqa: E402
from tests.helpers.soak import Soak  # noqa: E402

WARM_UP = 20


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--visits", type=int, default=1000)
    args = parser.parse_args()
    qInstallMessageHandler(lambda *_: None)  # the offscreen platform's notes, once per window shown
    app = QApplication.instance() or QApplication([])
    assert app is not None
    load_bundled_fonts()
    logging.disable(logging.WARNING)
    soak = Soak(Path(tempfile.mkdtemp(prefix="kiosk-soak-")))
    for _ in range(WARM_UP):
        soak.visit()
    objects, resident = soak.measure()
    began = time.perf_counter()
    print(f"after {WARM_UP} warm-up visits: {resident / 2**20:.1f} MB resident, {objects} objects")
    for done in range(1, args.visits + 1):
        soak.visit()
        if done % 100 == 0 or done == args.visits:
            now_objects, now_resident = soak.measure()
            print(f"{done:>5} visits  {(now_resident - resident) / 2**20:+7.2f} MB  "
                  f"{now_objects - objects:+6d} objects  {time.perf_counter() - began:6.0f} s")
    grown = (soak.measure()[1] - resident) / 2**20
    soak.close()
    print(f"growth over {args.visits} visits: {grown:+.2f} MB (target < 5 MB)")
    return 0 if grown < 5 else 1


if __name__ == "__main__":
    sys.exit(main())
