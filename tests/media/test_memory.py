"""Stills the image cache lets go go back to the system: a kiosk that shows
stills of many sizes all day keeps the memory of those it holds, not of all it
has shown (kiosk.media.memory)."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

CHURN = textwrap.dedent("""
    import random, sys, time
    from pathlib import Path
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtGui import QImage
    import kiosk.media.images as images
    from kiosk.ui.app import create_application
    if sys.argv[2] == "without":  # the allocator left to itself
        images.release_free_memory = lambda: False
        import kiosk.ui.app
        kiosk.ui.app.use_one_arena = lambda: False
    create_application()

    def pss_mb():
        for line in open("/proc/self/smaps_rollup"):
            if line.startswith("Pss:"):
                return int(line.split()[1]) / 1024

    stills = sorted(Path(sys.argv[1]).glob("*.png"))
    loader = images.ImageLoader(budget_bytes=4 * 1920 * 1080 * 4)
    loader.request(images.ImageKey(stills[0], 64, 64, images.Fit.CONTAIN))
    loader.wait()
    before = pss_mb()
    random.seed(1)
    sizes = [(3840, 2160), (2208, 1242), (1920, 1080), (1024, 1024), (600, 400)]
    for _ in range(60):  # stills at the sizes of screens, attract, tiles and cards, in a visitor's order
        width, height = random.choice(sizes)
        loader.request(images.ImageKey(random.choice(stills), width, height, images.Fit.COVER))
        loader.wait()
    held = loader.cached_bytes / 2**20
    until = time.monotonic() + images.RELEASE_AFTER_MS / 1000 + 0.5  # the kiosk at rest a moment
    while time.monotonic() < until:
        QCoreApplication.processEvents()
        time.sleep(0.01)
    print(round(pss_mb() - before - held))
""")


@pytest.fixture(scope="module")
def stills(tmp_path_factory) -> Path:
    from PIL import Image

    folder = tmp_path_factory.mktemp("stills")
    for index, (width, height) in enumerate([(3840, 2160), (4000, 3000), (2000, 2000)]):
        Image.new("RGB", (width, height), (40 * index, 80, 120)).save(folder / f"still-{index}.png")
    return folder


def _kept_beyond_the_cache(stills: Path, allocator: str) -> int:
    """MB the process holds after the churn, beyond what the cache holds."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    out = subprocess.run([sys.executable, "-c", CHURN, str(stills), allocator], capture_output=True, text=True,
                         check=True, env=env, cwd=Path(__file__).resolve().parents[2])
    return int(out.stdout.split()[-1])


def test_the_kiosk_gives_the_stills_it_let_go_back_to_the_system(stills):
    kept = _kept_beyond_the_cache(stills, "with")
    assert kept < 15, f"{kept} MB kept beyond the cache's stills"


def test_left_to_itself_the_allocator_keeps_them(stills):
    """The reference, so that the test above can fail: the same stills without the kiosk's care."""
    assert _kept_beyond_the_cache(stills, "without") > 40
