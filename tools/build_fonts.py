"""Build the subset fonts bundled in assets/fonts/.

Why: the kiosk must render Latin, Cyrillic and Simplified Chinese exhibit
text identically on every machine, without relying on system fonts. The full
Noto fonts are tens of megabytes, so we keep only the characters we need
(see tools/fontchars.py) with hinting and vertical-layout data stripped.
The output is byte-for-byte deterministic, so re-running this script after
exhibit text changes only produces a diff when the fonts really change.

Sources are Debian's fonts-noto-core and fonts-noto-cjk packages:

    apt-get install -y fonts-noto-core fonts-noto-cjk
    python tools/build_fonts.py
"""

from __future__ import annotations

import logging
import re
from pathlib import Path

import fontchars
from fontTools import subset
from fontTools.ttLib import TTCollection

log = logging.getLogger("build_fonts")

OUT_DIR = fontchars.ROOT / "assets" / "fonts"
NOTO_DIR = Path("/usr/share/fonts/truetype/noto")
CJK_DIR = Path("/usr/share/fonts/opentype/noto")
CJK_COPYRIGHT = Path("/usr/share/doc/fonts-noto-cjk/copyright")
SC_FAMILY = "Noto Sans CJK SC"

# Only horizontal Simplified Chinese is shown: drop vertical layout data and
# the 'locl' alternates for Japanese/Korean/Traditional Chinese, which would
# nearly double the size of the CJK subsets.
CJK_DROP_TABLES = ["vhea", "vmtx", "VORG"]
CJK_DROP_FEATURES = {"locl", "vert", "vrt2", "vkrn", "vpal", "valt", "vhal", "vchw", "vjmo"}


def sc_face_index(ttc: Path) -> int:
    """Index of the Simplified Chinese face inside a Noto Sans CJK collection."""
    for index, face in enumerate(TTCollection(ttc, lazy=True).fonts):
        if face["name"].getDebugName(1) == SC_FAMILY:
            return index
    raise SystemExit(f"{ttc}: no face named {SC_FAMILY!r}")


def build(src: Path, dst: Path, chars: set[str], cjk_face: int | None = None) -> str:
    """Subset src (face cjk_face of a CJK collection) to chars and write dst.

    Returns the source's copyright notice for OFL.txt.
    """
    options = subset.Options()
    options.hinting = False
    options.glyph_names = False
    options.recalc_timestamp = False  # keep head.modified: deterministic output
    if cjk_face is not None:
        options.font_number = cjk_face
        options.drop_tables += CJK_DROP_TABLES
        options.layout_features = sorted(set(options.layout_features) - CJK_DROP_FEATURES)
    font = subset.load_font(str(src), options)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=sorted(map(ord, chars)))
    subsetter.subset(font)
    subset.save_font(font, str(dst), options)
    log.info("%s: %d glyphs, %d bytes", dst.name, font["maxp"].numGlyphs, dst.stat().st_size)
    return font["name"].getDebugName(0)


def ofl_text(notices: list[str]) -> str:
    """Copyright notices followed by the OFL 1.1 text from Debian's copyright file."""
    copyright_text = CJK_COPYRIGHT.read_text(encoding="utf-8")
    match = re.search(r"^License: SIL-1\.1\n((?: .*\n)+)", copyright_text, re.M)
    if not match:
        raise SystemExit(f"{CJK_COPYRIGHT}: OFL 1.1 text not found")
    body = [line[1:] for line in match.group(1).splitlines()]
    body = ["" if line == "." else line for line in body]
    return "\n".join([*notices, "", *body]) + "\n"


def main() -> None:
    logging.basicConfig(level=logging.INFO, format="%(name)s: %(message)s")
    logging.getLogger("fontTools").setLevel(logging.WARNING)
    styles = ("Regular", "Bold")
    latin_src = {style: NOTO_DIR / f"NotoSans-{style}.ttf" for style in styles}
    cjk_src = {style: CJK_DIR / f"NotoSansCJK-{style}.ttc" for style in styles}
    sources = [*latin_src.values(), *cjk_src.values(), CJK_COPYRIGHT]
    missing = [str(path) for path in sources if not path.exists()]
    if missing:
        raise SystemExit(f"missing {missing}: apt-get install fonts-noto-core fonts-noto-cjk")

    OUT_DIR.mkdir(parents=True, exist_ok=True)
    latin, sc = fontchars.latin_charset(), fontchars.sc_charset()
    notices = set()
    for style in styles:
        notices.add(build(latin_src[style], OUT_DIR / f"NotoSans-{style}.ttf", latin))
        face = sc_face_index(cjk_src[style])
        notices.add(build(cjk_src[style], OUT_DIR / f"NotoSansSC-{style}.otf", sc, face))
    (OUT_DIR / "OFL.txt").write_text(ofl_text(sorted(notices)), encoding="utf-8")
    log.info("wrote %s", OUT_DIR / "OFL.txt")


if __name__ == "__main__":
    main()
