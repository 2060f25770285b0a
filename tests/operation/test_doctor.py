"""`kiosk doctor`, as a technician runs it: each problem a PC can have gets a
clear line and a non-zero exit; a healthy PC exits 0. Each run is a fresh
process, as on the PC (Qt's font database and display are per process)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

import pytest

from tests.helpers.exhibits import PROJECT_ROOT, make_exhibit

DOCTOR_WITHOUT_CHINESE_FONT = """
import sys
from pathlib import Path
import kiosk.ui.fonts
kiosk.ui.fonts.assets_dir = lambda: Path(sys.argv[1])
from kiosk.cli import main
sys.exit(main(["doctor"]))
"""

DOCTOR_WITHOUT_SIMPLEJPEG = """
import sys
sys.modules["simplejpeg"] = None  # as on a PC where it did not install: importing it fails
from kiosk.cli import main
sys.exit(main(["doctor"]))
"""


@pytest.fixture
def env(tmp_path):
    """A PC of its own: per-user folders in `tmp_path`, no settings file."""
    return {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path / "config"),
            "XDG_STATE_HOME": str(tmp_path / "state"), "XDG_DATA_HOME": str(tmp_path / "data"),
            "XDG_CACHE_HOME": str(tmp_path / "cache")}


def _doctor(env, *args: str, script: str | None = None) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-c", script, *args] if script else [sys.executable, "-m", "kiosk", "doctor", *args]
    return subprocess.run(command, capture_output=True, text=True, env=env, timeout=120, cwd=PROJECT_ROOT)


def _line(result, name: str) -> str:
    return next(line for line in result.stdout.splitlines() if line.split(":")[0].split(None, 1)[-1] == name)


def test_a_healthy_pc_passes_and_says_what_it_found(env):
    result = _doctor(env)
    assert result.returncode == 0, result.stdout + result.stderr
    assert _line(result, "display").startswith("ok") and "offscreen" in _line(result, "display")
    assert _line(result, "font for 中文 (zh)").startswith("ok")
    assert "2 exhibits, 0 errors" in _line(result, "content")
    assert _line(result, "admin PIN").startswith("warn")  # not set: a warning, not a failure
    assert "drawn off screen in" in _line(result, "first frame")
    assert _line(result, "stills").startswith("ok") and "simplejpeg" in _line(result, "stills")
    report = json.loads(_doctor(env, "--json").stdout)
    assert report["healthy"] is True
    assert {"display", "settings", "content", "logs folder", "first frame", "service"} <= {
        check["name"] for check in report["checks"]}


def test_a_missing_chinese_font_fails_with_its_language(env, tmp_path):
    fonts = tmp_path / "assets" / "fonts"
    shutil.copytree(PROJECT_ROOT / "assets" / "fonts", fonts)
    for name in fonts.glob("NotoSansSC-*"):
        name.unlink()
    empty = tmp_path / "system-fonts"
    empty.mkdir()
    config = tmp_path / "fonts.conf"
    config.write_text(f'<?xml version="1.0"?><fontconfig><dir>{empty}</dir>'
                      f"<cachedir>{tmp_path / 'fc-cache'}</cachedir></fontconfig>")
    result = _doctor({**env, "FONTCONFIG_FILE": str(config)}, str(fonts.parent),
                     script=DOCTOR_WITHOUT_CHINESE_FONT)
    assert result.returncode == 1, result.stdout + result.stderr
    line = _line(result, "font for 中文 (zh)")
    assert line.startswith("FAIL") and "boxes" in line
    assert _line(result, "font for English (en)").startswith("ok")


def test_without_simplejpeg_stills_still_decode_and_the_doctor_says_why_they_are_slower(env):
    result = _doctor(env, script=DOCTOR_WITHOUT_SIMPLEJPEG)
    assert result.returncode == 0, result.stdout + result.stderr
    line = _line(result, "stills")
    assert line.startswith("warn") and "half as fast" in line and "pip install simplejpeg" in line
    assert "drawn off screen in" in _line(result, "first frame")  # Qt's decoder drew it


def test_an_unwritable_state_folder_fails_with_its_path(env, tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the folder should be")
    result = _doctor({**env, "XDG_STATE_HOME": str(blocker)})
    assert result.returncode == 1
    line = _line(result, "logs folder")
    assert line.startswith("FAIL") and str(blocker) in line and "Not a directory" in line


def test_a_broken_exhibit_fails_with_its_file_and_line(env, tmp_path):
    exhibits = tmp_path / "exhibits"
    make_exhibit(exhibits, "good")
    make_exhibit(exhibits, "broken", "schema: 1\ntitle: Broken\ntile: tile.png\npanels:\n  - type: nonsense\n")
    result = _doctor(env, "--exhibits", str(exhibits))
    assert result.returncode == 1
    line = _line(result, "content")
    assert line.startswith("FAIL") and "1 error" in line and "broken" in line and "exhibit.yaml:5:" in line


def test_no_display_is_a_clear_failure_not_a_crash(env):
    result = _doctor({key: value for key, value in env.items() if key not in ("QT_QPA_PLATFORM", "DISPLAY",
                                                                              "WAYLAND_DISPLAY")})
    assert result.returncode == 1, result.stdout + result.stderr
    assert _line(result, "display").startswith("FAIL")
    assert _line(result, "content").startswith("ok")  # the rest is still checked
