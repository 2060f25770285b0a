"""What a kiosk loads before its first frame: nothing that frame does not need.
The Prometheus client (health files), webvtt (captions), Qt Multimedia (clips)
and Qt TextToSpeech (audio mode) cost start-up time and memory (the
Prometheus client alone 12 MB) and load with their first use."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from tests.helpers.exhibits import PROJECT_ROOT

FIRST_FRAME = """
import json, sys
from pathlib import Path
from PySide6.QtCore import QEventLoop, QSize
from PySide6.QtWidgets import QApplication
from kiosk.content.loader import load_catalog
from kiosk.operation.content import ContentSource
from kiosk.operation.controller import KioskController
from kiosk.paths import bundled_exhibits_dir
from kiosk.settings.loading import LoadedSettings
from kiosk.settings.schema import KioskSettings
from kiosk.statistics.background import BackgroundStats
from kiosk.ui.app import build_context, create_application, display_metrics
from kiosk.ui.window import KioskWindow

create_application()
ctx = build_context(load_catalog([bundled_exhibits_dir()]), display_metrics(QSize(1920, 1080), 55.0, None))
window = KioskWindow(ctx, 1920)
window.resize(1920, 1080)
controller = KioskController(window, LoadedSettings(KioskSettings()), ContentSource.of(bundled_exhibits_dir()),
                             BackgroundStats(Path(sys.argv[1]) / "stats.sqlite3", enabled=False))
window.show()
controller.start()
attract = controller.mode.attract
while attract.is_placeholder(attract.index):
    QApplication.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)
attract.repaint()
print(json.dumps(sorted(sys.modules)))
"""

LATER = ("prometheus_client", "webvtt", "PySide6.QtMultimedia", "PySide6.QtTextToSpeech")


def test_the_first_frame_loads_no_module_it_does_not_need(tmp_path):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CACHE_HOME": str(tmp_path / "cache"),
           "XDG_STATE_HOME": str(tmp_path / "state"), "XDG_CONFIG_HOME": str(tmp_path / "config")}
    done = subprocess.run([sys.executable, "-c", FIRST_FRAME, str(tmp_path)], capture_output=True, text=True,
                          timeout=120, cwd=PROJECT_ROOT, env=env)
    assert done.returncode == 0, done.stderr[-2000:]
    loaded = set(json.loads(done.stdout.strip().splitlines()[-1]))
    assert "kiosk.ui.screens.attract" in loaded
    assert [module for module in LATER if module in loaded] == []
