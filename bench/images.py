"""The long version of the suite's extreme images (tests/media/test_extreme_images.py).

Run:  .venv/bin/python bench/images.py [--corruptions 300] [--seed 1]
Writes a grid of stills (every format the kiosk reads, aspect ratios from 1:1
to 60000:1, sizes up to the decode limit and past it) and random corruptions
of them (truncations, flipped bytes, overwritten headers). Each goes through
validation; each accepted one through every decode path (contain, cover,
native), in batches in fresh processes whose peak memory must stay under the
documented limit. Exits 1 on a crash, a peak over the limit, or a refused
image that decodes.
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PIL import Image  # noqa: E402

from kiosk.content.images import MAX_DECODE_BYTES, ImageError, probe_image  # noqa: E402
from tests.media.extreme_images import make_all  # noqa: E402
from tests.media.test_extreme_images import DECODE_ALL  # noqa: E402

FORMATS = {"png": "PNG", "gif": "GIF", "bmp": "BMP", "jpg": "JPEG", "webp": "WEBP"}
SHAPES = [(1, 1), (16, 9), (9, 16), (100, 1), (1, 100), (4000, 1), (1, 4000), (60000, 1)]
PIXELS = [10_000, 1_000_000, 30_000_000]
BATCH = 12
SLACK = 96 * 2**20
"""Python, Qt and the decoder's own buffers, beside the image."""


def grid(folder: Path) -> list[Path]:
    written = []
    for extension, kind in FORMATS.items():
        for across, down in SHAPES:
            for pixels in PIXELS:
                scale = (pixels / (across * down)) ** 0.5
                width, height = max(1, round(across * scale)), max(1, round(down * scale))
                if max(width, height) > 65_000 or (kind == "WEBP" and max(width, height) > 16383):
                    continue  # beyond what the format can hold
                path = folder / f"{width}x{height}.{extension}"
                Image.new("RGB", (width, height), (30, 90, 160)).save(path, kind)
                written.append(path)
    return written


def corrupt(sources: list[Path], count: int, rng: random.Random, folder: Path) -> list[Path]:
    small = [path for path in sources if path.stat().st_size < 4 * 2**20]
    written = []
    for number in range(count):
        source = rng.choice(small)
        data = bytearray(source.read_bytes())
        how = rng.choice(("truncate", "flip", "header"))
        if how == "truncate":
            data = data[:rng.randrange(1, max(2, len(data)))]
        elif how == "flip":
            for _ in range(rng.randint(1, 20)):
                data[rng.randrange(len(data))] ^= 1 << rng.randrange(8)
        else:
            for offset in range(rng.randrange(8, 40), min(len(data), 64)):
                data[offset] = rng.randrange(256)
        path = folder / f"corrupt-{number}-{how}{source.suffix}"
        path.write_bytes(bytes(data))
        written.append(path)
    return written


def decode_batch(folder: Path, names: list[str]) -> dict:
    result = subprocess.run([sys.executable, "-c", DECODE_ALL, json.dumps(names), str(folder)],
                            cwd=ROOT, capture_output=True, text=True, timeout=600)
    if result.returncode != 0:
        return {"crash": result.stderr[-2000:]}
    return json.loads(result.stdout.splitlines()[-1])


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--corruptions", type=int, default=300)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    began = time.perf_counter()
    folder = Path(tempfile.mkdtemp(prefix="kiosk-images-"))
    paths = [folder / name for name in make_all(folder)] + grid(folder)
    paths += corrupt(paths, args.corruptions, random.Random(args.seed), folder)
    accepted, refused = [], 0
    for path in paths:
        try:
            probe_image(path)
        except ImageError:
            refused += 1
        else:
            accepted.append(path.name)
    print(f"{len(paths)} images: {len(accepted)} accepted, {refused} refused with a reason")
    failures, worst = 0, 0
    for start in range(0, len(accepted), BATCH):
        names = accepted[start:start + BATCH]
        report = decode_batch(folder, names)
        if "crash" in report:
            failures += 1
            print(f"CRASH decoding {names}:\n{report['crash']}")
            continue
        worst = max(worst, report["peak"])
        if report["peak"] > MAX_DECODE_BYTES + SLACK:
            failures += 1
            print(f"OVER THE LIMIT: {report['peak'] / 2**20:.0f} MB decoding {names}")
    print(f"worst batch peak {worst / 2**20:.0f} MB (limit {(MAX_DECODE_BYTES + SLACK) / 2**20:.0f} MB); "
          f"{failures} failures; {time.perf_counter() - began:.0f} s")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
