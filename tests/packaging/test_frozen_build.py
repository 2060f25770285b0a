"""The PyInstaller spec (the Windows build, built here on Linux): the one-folder
app finds its bundled exhibits and fonts, validates, and passes its doctor,
whose display probe runs the frozen executable itself, not a Python."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from tests.helpers.exhibits import PROJECT_ROOT


@pytest.fixture(scope="module")
def frozen(tmp_path_factory):
    work = tmp_path_factory.mktemp("pyinstaller")
    result = subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "ERROR",
                             "--distpath", str(work / "dist"), "--workpath", str(work / "work"),
                             str(PROJECT_ROOT / "packaging" / "windows" / "exhibit-kiosk.spec")],
                            capture_output=True, text=True, cwd=PROJECT_ROOT, timeout=900)
    assert result.returncode == 0, result.stderr[-4000:]
    return work / "dist" / "exhibit-kiosk" / "exhibit-kiosk"


def test_the_frozen_kiosk_validates_and_passes_its_doctor(frozen, tmp_path):
    env = {"PATH": os.environ["PATH"], "QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path),
           "XDG_CONFIG_HOME": str(tmp_path / "config"), "XDG_DATA_HOME": str(tmp_path / "data"),
           "XDG_STATE_HOME": str(tmp_path / "state"), "XDG_CACHE_HOME": str(tmp_path / "cache")}
    validate = subprocess.run([str(frozen), "validate"], capture_output=True, text=True, env=env, cwd=tmp_path,
                              timeout=120)
    assert validate.returncode == 0 and validate.stdout.strip().endswith("2 exhibits, 0 errors, 0 warnings")
    doctor = subprocess.run([str(frozen), "doctor"], capture_output=True, text=True, env=env, cwd=tmp_path,
                            timeout=120)
    assert doctor.returncode == 0, doctor.stdout + doctor.stderr
    assert "display: platform offscreen" in doctor.stdout and "first frame: attract mode" in doctor.stdout
    assert "ok    stills: JPEGs decode through simplejpeg" in doctor.stdout  # the fast decoder is in the build
