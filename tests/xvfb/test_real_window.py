"""The kiosk in a real X window on Xvfb, driven by real X input from xdotool:
presenter keys under lockdown, and mouse drags that page, scroll and pan."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers.exhibits import PROJECT_ROOT, make_long_exhibit

pytestmark = pytest.mark.xvfb
SCENARIO = Path(__file__).with_name("scenario.py")


@pytest.fixture(scope="module")
def display(tmp_path_factory):
    for tool in ("Xvfb", "xdotool"):
        assert shutil.which(tool), f"{tool} is missing: run tools/install-system-packages.sh"
    number = 90 + os.getpid() % 100
    server = subprocess.Popen(["Xvfb", f":{number}", "-screen", "0", "1920x1080x24", "-nolisten", "tcp"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    yield f":{number}"
    server.terminate()
    server.wait(10)


def run(display, scenario: str, exhibits: Path, tmp_path: Path) -> dict:
    out = tmp_path / "observed.json"
    env = {**os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb",
           "XDG_CONFIG_HOME": str(tmp_path / "config"), "XDG_STATE_HOME": str(tmp_path / "state"),
           "XDG_DATA_HOME": str(tmp_path / "data")}
    result = subprocess.run([sys.executable, str(SCENARIO), scenario, str(exhibits), str(out)],
                            cwd=PROJECT_ROOT, env=env, capture_output=True, text=True, timeout=180)
    assert result.returncode == 0, result.stderr[-4000:]
    return json.loads(out.read_text())


def test_presenter_mode_under_lockdown_moves_with_the_clicker_keys(display, tmp_path):
    observed = run(display, "presenter-under-lockdown", PROJECT_ROOT / "exhibits", tmp_path)
    first = observed["start"][0]
    assert observed["start"] == [first, 0]
    assert observed["after_two_rights"] == [first, 2]
    assert observed["still_shown"] is True  # Esc, Ctrl+Q, Alt+F4 and Ctrl+W are swallowed
    assert observed["after_left"] == [first, 1]


def test_mouse_drags_page_scroll_and_pan_in_a_real_window(display, tmp_path):
    exhibits = tmp_path / "exhibits"
    make_long_exhibit(exhibits)
    observed = run(display, "mouse-drags", exhibits, tmp_path)
    assert observed["page_after_drag"] == 1
    for name, page in (("gallery", 2), ("facts", 3), ("timeline", 4)):
        scrolled = observed[name]
        assert scrolled["maximum"] > 0 and scrolled["value"] > 0, (name, scrolled)
        assert scrolled["page"] == page, name  # scrolled, not paged
    pan = observed["pan"]
    assert pan["zoom"] >= 2 and pan["still"] == 0
    assert pan["moved"] == pytest.approx(-0.2 * pan["stage_width"], abs=6)
