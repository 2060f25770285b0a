"""Small typographic rules for headings and captions (plain text, no Qt)."""

from __future__ import annotations

import re

NO_BREAK_SPACE = "\u00a0"
WORD_JOINER = "\u2060"


def no_widow(text: str, language: str) -> str:
    """Keep the last two words (the last two characters in Chinese) together,
    so that a wrapped heading or caption never ends on a lone word. A line
    that fits is unchanged to the eye."""
    text = text.strip()
    if language.split("-")[0] in ("zh", "ja"):
        body = text.rstrip("。，、！？；：”’）》」』")
        if len(body) >= 4 and all(_cjk(character) for character in body[-2:]):
            cut = len(body) - 1
            return text[:cut] + WORD_JOINER + text[cut:]
        return text
    head, space, last = text.rpartition(" ")
    if not space or " " not in head or len(last) > 12:
        return text
    return f"{head}{NO_BREAK_SPACE}{last}"


def _cjk(character: str) -> bool:
    """A character that lines break around by itself (CJK ideographs and kana)."""
    return "\u3040" <= character <= "\u9fff" or "\uf900" <= character <= "\ufaff"


def unbreakable_words(text: str) -> list[str]:
    """The parts of `text` a line cannot break inside: words (joined by no-break
    spaces), split after a hyphen not before a digit; Chinese breaks anywhere."""
    return [word for word in re.split(r"[ \t\n]+|(?<=-)(?=\D)", text) if word and not any(map(_cjk, word))]

