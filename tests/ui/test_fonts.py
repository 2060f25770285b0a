"""The bundled fonts in assets/fonts/ cover the text the kiosk shows, and Qt loads them.

If a coverage test fails after exhibit text changed, rebuild the fonts with
`python tools/build_fonts.py` (see assets/fonts/README.md).
"""

import sys
import unicodedata
from functools import cache
from pathlib import Path

import pytest
from fontTools.ttLib import TTFont

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))

import fontchars  # noqa: E402

FONT_DIR = ROOT / "assets" / "fonts"
FAMILIES = {
    "NotoSans-Regular.ttf": "Noto Sans",
    "NotoSans-Bold.ttf": "Noto Sans",
    "NotoSansSC-Regular.otf": "Noto Sans CJK SC",
    "NotoSansSC-Bold.otf": "Noto Sans CJK SC",
}
LATIN_FONTS = [name for name in FAMILIES if name.startswith("NotoSans-")]
SC_FONTS = [name for name in FAMILIES if name.startswith("NotoSansSC-")]


@cache
def covered(font_name: str) -> frozenset[str]:
    with TTFont(FONT_DIR / font_name, lazy=True) as font:
        cmap = font.getBestCmap()
    return frozenset(map(chr, cmap))


@cache
def shown_chars() -> frozenset[str]:
    return frozenset(fontchars.shown_chars())


def assert_covers(font_name: str, required: set[str], what: str) -> None:
    missing = sorted(required - covered(font_name))
    listed = " ".join(f"U+{ord(ch):04X} {ch!r}" for ch in missing[:40])
    assert not missing, (
        f"{font_name} lacks {len(missing)} {what}: {listed}"
        " -- run `python tools/build_fonts.py`"
    )


@pytest.mark.parametrize("font_name", SC_FONTS)
def test_sc_font_covers_gb2312_level1_and_exhibit_hanzi(font_name):
    assert_covers(font_name, fontchars.gb2312_level1(), "GB2312 level-1 hanzi")
    cjk = {ch for ch in shown_chars() if fontchars.is_cjk(ch)}
    assert_covers(font_name, cjk, "CJK characters used by exhibits")


@pytest.mark.parametrize("font_name", LATIN_FONTS)
def test_latin_font_covers_latin_cyrillic_and_exhibit_letters(font_name):
    assert_covers(font_name, fontchars.chars_in(fontchars.LATIN_SCRIPT_RANGES), "Latin/Cyrillic")
    letters = {
        ch
        for ch in shown_chars()
        if unicodedata.name(ch, "").startswith(("LATIN ", "CYRILLIC "))
    }
    assert_covers(font_name, letters, "Latin/Cyrillic letters used by exhibits")


@pytest.mark.parametrize("style", ["Regular", "Bold"])
def test_every_exhibit_character_has_a_glyph(style):
    fonts = [name for name in FAMILIES if Path(name).stem.endswith(f"-{style}")]
    available = frozenset().union(*map(covered, fonts))
    missing = sorted(shown_chars() - available)
    listed = " ".join(f"U+{ord(ch):04X} {ch!r}" for ch in missing[:40])
    assert not missing, f"no {style} font has {len(missing)} exhibit characters: {listed}"


def test_fonts_stay_small():
    total = sum((FONT_DIR / name).stat().st_size for name in FAMILIES)
    assert total < 8 * 1024 * 1024, f"bundled fonts total {total} bytes"


def test_licence_is_bundled():
    assert "SIL OPEN FONT LICENSE Version 1.1" in (FONT_DIR / "OFL.txt").read_text(encoding="utf-8")


def test_fontchars_character_sets(tmp_path):
    level1 = fontchars.gb2312_level1()
    assert len(level1) == 3755 and {"啊", "座"} <= level1
    assert fontchars.exhibit_chars(tmp_path / "absent") == set()
    (tmp_path / "vase").mkdir()
    (tmp_path / "vase" / "exhibit.yaml").write_text(
        'title: {en: "Vase", ru: "Ваза", zh: "花瓶"}\nnote: "\\u9f8d\\n"\n', encoding="utf-8"
    )
    chars = fontchars.exhibit_chars(tmp_path)
    assert set("Vase" "Ваза" "花瓶" "龍") <= chars and "\n" not in chars
    assert "花" in fontchars.sc_charset(tmp_path) and "花" not in fontchars.latin_charset(tmp_path)
    assert "В" in fontchars.latin_charset(tmp_path)


def test_qt_loads_bundled_fonts(qapp):
    from PySide6.QtGui import QFontDatabase

    for name, family in FAMILIES.items():
        font_id = QFontDatabase.addApplicationFont(str(FONT_DIR / name))
        assert font_id != -1, f"Qt could not load {name}"
        try:
            assert QFontDatabase.applicationFontFamilies(font_id) == [family], name
        finally:
            QFontDatabase.removeApplicationFont(font_id)
