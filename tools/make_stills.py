"""Draw the stills shown by the orbital-film exhibits.

Why: the kiosk needs pictures for SHENZHOU 13 and The Challenge, but we hold no
rights to frames from either film. Every still is therefore an original,
flat illustration drawn with Pillow by the scenes in tools/stills/. Each picture
uses its own seeded random.Random, so re-running the script reproduces the
files byte for byte and a diff only appears when a drawing really changes:

    python tools/make_stills.py            # every still
    python tools/make_stills.py earth-8k   # only the paths containing "earth-8k"

The 8K still is drawn at native size with texture down to single pixels, since
visitors zoom into it; the others are mostly drawn at twice their size and
reduced, for clean edges. Two worker processes share the work.
"""

from __future__ import annotations

import random
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from PIL import Image
from stills.challenge import (
    ch_earth_window,
    ch_gravity_tile,
    ch_launch,
    ch_module,
    ch_surgery,
    ch_tile,
    ch_wipe_orbit,
    ch_wipe_studio,
)
from stills.shenzhou import sz_cabin, sz_camera, sz_crew, sz_earth8k, sz_experiment, sz_tianzhou, sz_tile

EXHIBITS = Path(__file__).resolve().parent.parent / "exhibits"

# path under exhibits/ -> (final size, scene, drawing scale (2 = supersampled for smooth edges), JPEG quality)
# All stills together stay under 14 MB and the 8K one under 6 MB (tests/content/test_bundled.py).
STILLS = {
    "shenzhou-13/stills/earth-8k.jpg": ((7680, 4320), sz_earth8k, 1, 88),
    "shenzhou-13/stills/tile.jpg": ((3840, 2160), sz_tile, 1, 84),
    "shenzhou-13/stills/cabin.png": ((1600, 1200), sz_cabin, 2, None),
    "shenzhou-13/stills/camera.jpg": ((2400, 1600), sz_camera, 2, 86),
    "shenzhou-13/stills/experiment.png": ((1200, 1200), sz_experiment, 2, None),
    "shenzhou-13/stills/tianzhou.jpg": ((2400, 1600), sz_tianzhou, 1, 86),
    "shenzhou-13/stills/crew.jpg": ((2400, 1600), sz_crew, 2, 86),
    "the-challenge/stills/tile.jpg": ((3840, 2160), ch_tile, 1, 84),
    "the-challenge/stills/launch.jpg": ((1080, 1920), ch_launch, 2, 88),
    "the-challenge/stills/module.png": ((2000, 1125), ch_module, 2, None),
    "the-challenge/stills/wipe-studio.jpg": ((2400, 1350), ch_wipe_studio, 2, 86),
    "the-challenge/stills/wipe-orbit.jpg": ((2400, 1350), ch_wipe_orbit, 2, 86),
    "the-challenge/stills/earth-window.jpg": ((3000, 2000), ch_earth_window, 2, 86),
    "the-challenge/stills/gravity-tile.jpg": ((1920, 1080), ch_gravity_tile, 2, 88),
    "the-challenge/stills/surgery.jpg": ((2400, 1600), ch_surgery, 2, 86),
}


def draw(rel):
    """Draw and save one still; returns a line for the log."""
    started = time.monotonic()
    (w, h), scene, scale, quality = STILLS[rel]
    img = Image.new("RGB", (w * scale, h * scale))
    scene(img, random.Random(rel))
    img = img.resize((w, h), Image.LANCZOS) if scale != 1 else img
    out = EXHIBITS / rel
    out.parent.mkdir(parents=True, exist_ok=True)
    if out.suffix == ".png":
        img.save(out, optimize=True)
    else:
        img.save(out, quality=quality, subsampling=0, optimize=True)  # full-resolution colour keeps red labels crisp
    return f"{out.relative_to(EXHIBITS.parent)}  {w}x{h}  {out.stat().st_size // 1024} KiB  {time.monotonic() - started:.0f} s"


def main(only=()):
    """Write every still, or only those whose path contains one of `only`."""
    chosen = [rel for rel in STILLS if not only or any(o in rel for o in only)]
    with ProcessPoolExecutor(max_workers=2) as pool:
        for line in pool.map(draw, chosen):
            print(line, flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
