"""The long version of the display-mode checks: no cut text on any screen, in
every language, on every display, in every text size and in high contrast
(the suite runs the cases that differ most). About 5 minutes on 2 cores.

    .venv/bin/python bench/modes.py
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

if __name__ == "__main__":
    env = {**os.environ, "KIOSK_EVERY_MODE": "1"}
    sys.exit(subprocess.call([sys.executable, "-m", "pytest", "-q", "-p", "no:randomly",
                              "tests/ui/test_clipping.py"], cwd=ROOT, env=env))
