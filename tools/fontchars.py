"""Character sets the bundled fonts must cover.

Shared by tools/build_fonts.py (what to keep when subsetting) and
tests/test_fonts.py (what the bundled fonts are checked against), so the
two can never disagree.
"""

from __future__ import annotations

import sys
import unicodedata
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
EXHIBITS_DIR = ROOT / "exhibits"

# Latin and Cyrillic letters: Noto Sans covers these blocks completely.
LATIN_SCRIPT_RANGES = (
    (0x0020, 0x007E),  # Basic Latin
    (0x00A0, 0x00FF),  # Latin-1 Supplement
    (0x0100, 0x017F),  # Latin Extended-A
    (0x0400, 0x04FF),  # Cyrillic
)

# Inclusive code point ranges kept in the Latin/Cyrillic font (Noto Sans);
# code points the source font lacks are skipped by the subsetter.
LATIN_RANGES = LATIN_SCRIPT_RANGES + (
    (0x2000, 0x206F),  # General Punctuation
    (0x20A0, 0x20CF),  # Currency Symbols
    (0x2190, 0x21FF),  # Arrows
    (0x2212, 0x2212),  # Minus sign
    (0x00D7, 0x00D7),  # Multiplication sign
)

# Inclusive code point ranges kept in the Simplified Chinese font, besides
# GB2312 level 1. Noto Sans has no arrows and no U+2212, so the CJK font
# (which has the common ones) also carries those as a fallback.
SC_RANGES = (
    (0x0020, 0x007E),  # Basic Latin, so mixed strings render in one font
    (0x00D7, 0x00D7),  # Multiplication sign
    (0x2190, 0x21FF),  # Arrows
    (0x2212, 0x2212),  # Minus sign
    (0x3000, 0x303F),  # CJK Symbols and Punctuation
    (0xFF00, 0xFFEF),  # Halfwidth and Fullwidth Forms
)

# Blocks treated as CJK: exhibit characters in them go to the SC font only.
CJK_RANGES = (
    (0x2E80, 0x9FFF),  # Radicals, CJK symbols, kana, bopomofo, ext. A, URO
    (0xF900, 0xFAFF),  # CJK Compatibility Ideographs
    (0xFE30, 0xFE4F),  # CJK Compatibility Forms
    (0xFF00, 0xFFEF),  # Halfwidth and Fullwidth Forms
    (0x20000, 0x3FFFF),  # Supplementary ideographic planes
)


def chars_in(ranges) -> set[str]:
    """Every character in the given inclusive code point ranges."""
    return {chr(cp) for lo, hi in ranges for cp in range(lo, hi + 1)}


def is_cjk(ch: str) -> bool:
    return any(lo <= ord(ch) <= hi for lo, hi in CJK_RANGES)


def gb2312_level1() -> set[str]:
    """The 3755 level-1 hanzi: GB2312 rows 0xB0-0xD7, cells 0xA1-0xFE."""
    chars = set()
    for row in range(0xB0, 0xD8):
        for cell in range(0xA1, 0xFF):
            try:
                chars.add(bytes((row, cell)).decode("gb2312"))
            except UnicodeDecodeError:
                continue  # unassigned cells at the end of row 0xD7
    return chars


def _strings(node):
    if isinstance(node, str):
        yield node
    elif isinstance(node, dict):
        for key, value in node.items():
            yield from _strings(key)
            yield from _strings(value)
    elif isinstance(node, list):
        for item in node:
            yield from _strings(item)


def interface_chars() -> set[str]:
    """Characters of the kiosk's own interface strings and language records (kiosk/locale/)."""
    sys.path.insert(0, str(ROOT))
    from kiosk.locale import LANGUAGES
    from kiosk.locale.strings import STRINGS

    records = [[language.name, language.short, *language.quotes, *language.inner_quotes,
                language.attribution, *language.months, *language.months_after_day]
               for language in LANGUAGES.values()]
    return {ch for text in _strings([STRINGS, records]) for ch in text}


def exhibit_chars(exhibits_dir: Path = EXHIBITS_DIR) -> set[str]:
    """Printable characters in the strings of every exhibits/*/exhibit.yaml.

    An absent exhibits folder simply contributes nothing.
    """
    chars = set()
    for path in sorted(exhibits_dir.glob("*/exhibit.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for text in _strings(data):
            chars.update(text)
    return {ch for ch in chars if unicodedata.category(ch) != "Cc"}


def latin_charset(exhibits_dir: Path = EXHIBITS_DIR) -> set[str]:
    """Characters to keep in the Noto Sans (Latin/Cyrillic) subset."""
    extra = {ch for ch in shown_chars(exhibits_dir) if not is_cjk(ch)}
    return chars_in(LATIN_RANGES) | extra


def sc_charset(exhibits_dir: Path = EXHIBITS_DIR) -> set[str]:
    """Characters to keep in the Noto Sans CJK SC subset."""
    return gb2312_level1() | chars_in(SC_RANGES) | shown_chars(exhibits_dir)


def shown_chars(exhibits_dir: Path = EXHIBITS_DIR) -> set[str]:
    """Everything the kiosk can show: exhibit text and interface text."""
    return exhibit_chars(exhibits_dir) | interface_chars()
