"""Corrupt and extreme images go through validation and every decode path
with memory bounded: nothing crashes, nothing decodes past the limit."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from kiosk.content.images import MAX_DECODE_BYTES, ImageError, probe_image
from tests.helpers.exhibits import PROJECT_ROOT
from tests.media.extreme_images import make_all

DECODE_ALL = r"""
import json, os, sys
from pathlib import Path
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from PySide6.QtGui import QGuiApplication
app = QGuiApplication([])
from kiosk.media.images import Fit, ImageKey, decode
# VmHWM, not ru_maxrss: a child starts with its parent's ru_maxrss, which
# would hide any peak below the test runner's own.
rss = lambda: int(next(line for line in open("/proc/self/status") if line.startswith("VmHWM")).split()[1]) * 1024
base = rss()
results = {}
for name in json.loads(sys.argv[1]):
    path = Path(sys.argv[2]) / name
    sizes = {}
    for fit, box in ((Fit.CONTAIN, (1920, 1080)), (Fit.COVER, (400, 225)), (Fit.NATIVE, (1, 1))):
        image = decode(ImageKey(path, *box, fit))
        sizes[fit.value] = None if image.isNull() else [image.width(), image.height()]
    results[name] = sizes
print(json.dumps({"peak": rss() - base, "results": results}))
"""


@pytest.fixture(scope="module")
def images(tmp_path_factory):
    folder = tmp_path_factory.mktemp("extreme")
    return folder, make_all(folder)


def test_validation_accepts_or_refuses_each_with_a_reason(images):
    folder, cases = images
    for name, accepted in cases.items():
        try:
            probe_image(folder / name)
        except ImageError as error:
            assert not accepted, (name, str(error))
            assert str(error)
        else:
            assert accepted, name


def test_every_decode_path_stays_within_the_memory_limit(images):
    folder, cases = images
    accepted = [name for name, ok in cases.items() if ok]
    result = subprocess.run([sys.executable, "-c", DECODE_ALL, json.dumps(accepted), str(folder)],
                            cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-3000:]
    report = json.loads(result.stdout.splitlines()[-1])
    assert report["peak"] < MAX_DECODE_BYTES + 96 * 2**20, report["peak"] / 2**20
    sizes = report["results"]
    assert sizes["strip.png"]["cover"] == [400, 225]      # cropped, then only the crop enlarged
    assert sizes["wide.gif"]["cover"] == [400, 225] and sizes["wide.bmp"]["contain"] == [1920, 4]
    assert sizes["huge-ok.png"]["contain"] == [1080, 1080]
    assert sizes["deep-ok.png"]["native"] == [4000, 4000]
    assert sizes["cmyk.jpg"]["contain"] == [640, 480] and sizes["animated.gif"]["cover"] == [400, 225]
    assert all(size is None for size in sizes["truncated.png"].values())
    assert sizes["big-claim.png"]["contain"] is None          # the data is not there: a placeholder
