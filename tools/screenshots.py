"""Regenerate the README's screenshots from `kiosk render`, so that they always
show the kiosk as it is: `python tools/screenshots.py`."""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

from PIL import Image

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "screenshots"
WIDTH = 960
SHOTS = {  # README name: (render size, path under the render's size folder)
    "home-en": ("1920x1080", "en/home.png"),
    "title-en": ("1920x1080", "en/the-challenge/00-title.png"),
    "text-ru": ("1920x1080", "ru/the-challenge/01-text.png"),
    "gallery-zh": ("1920x1080", "zh/shenzhou-13/02-gallery.png"),
    "viewer-en": ("1920x1080", "en/shenzhou-13/02-gallery-still-1.png"),
    "compare-ru": ("1920x1080", "ru/the-challenge/07-compare.png"),
    "wipe-en": ("1920x1080", "en/the-challenge/04-wipe.png"),
    "timeline-zh": ("3840x2160", "zh/shenzhou-13/08-timeline.png"),
}


def main() -> int:
    with tempfile.TemporaryDirectory() as folder:
        sizes = sorted({size for size, _ in SHOTS.values()})
        command = [sys.executable, "-m", "kiosk", "render", "--out", folder, "--lang", "all"]
        for size in sizes:
            command += ["--size", size]
        subprocess.run(command, check=True, cwd=ROOT)
        for name, (size, path) in SHOTS.items():
            with Image.open(Path(folder) / size / path) as image:
                shot = image.convert("RGB")
                shot = shot.resize((WIDTH, round(shot.height * WIDTH / shot.width)), Image.Resampling.LANCZOS)
                shot.save(OUT / f"{name}.jpg", quality=85, optimize=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
