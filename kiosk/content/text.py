"""Translatable text and the light markup curators write in body text.

Plain Python so that validation, the command line and the screens share one
reading of the text: what counts as a paragraph, a list item, a word.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

LANGUAGE_TAG = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$")
"""BCP 47 language tags in the forms curators meet: `en`, `zh`, `zh-Hans`, `pt-BR`."""


@dataclass(frozen=True)
class Text:
    """A text field: one plain string (the default language) or translations.

    `plain` is what the curator wrote without a language code; it stands for
    the exhibit's default language.
    """

    translations: dict[str, str] = field(default_factory=dict)
    plain: str | None = None

    def get(self, language: str, default_language: str) -> str:
        """The text in `language`, falling back to the default language."""
        for candidate in (self.translations.get(language), self.translations.get(default_language),
                          self.plain):
            if candidate is not None:
                return candidate
        return next(iter(self.translations.values()), "")

    def languages(self, default_language: str) -> set[str]:
        found = set(self.translations)
        if self.plain is not None:
            found.add(default_language)
        return found

    def variants(self) -> list[str]:
        return ([self.plain] if self.plain is not None else []) + list(self.translations.values())


def parse_text(value: object) -> Text:
    """Build a Text from YAML data; raises ValueError with a curator-readable message."""
    if isinstance(value, Text):
        return value
    if isinstance(value, bool) or value is None:
        raise ValueError(f"expected text, got {_describe(value)}")
    if isinstance(value, (str, int, float)):
        return Text(plain=str(value))
    if isinstance(value, dict):
        translations = {}
        for code, text in value.items():
            if not isinstance(code, str) or not LANGUAGE_TAG.match(code):
                raise ValueError(
                    f"'{code}' is not a language code; use codes such as en, zh, ru"
                )
            if isinstance(text, bool) or not isinstance(text, (str, int, float)):
                raise ValueError(f"the '{code}' text must be a string, got {_describe(text)}")
            translations[code] = str(text)
        if not translations:
            raise ValueError("expected text, got an empty map")
        return Text(translations=translations)
    raise ValueError(
        f"expected a string or a map from language code to string, got {_describe(value)}"
    )


def _describe(value: object) -> str:
    if value is None:
        return "nothing (an empty value)"
    if isinstance(value, bool):
        return f"the yes/no value {str(value).lower()} (put the text in quotes)"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a map"
    return f"{type(value).__name__} {value!r}"


# --- markup -----------------------------------------------------------------


@dataclass(frozen=True)
class Span:
    text: str
    emphasis: bool = False
    strong: bool = False


@dataclass(frozen=True)
class Paragraph:
    spans: tuple[Span, ...]


@dataclass(frozen=True)
class BulletList:
    items: tuple[tuple[Span, ...], ...]


Block = Paragraph | BulletList

_INLINE = re.compile(r"\*\*(.+?)\*\*|\*(.+?)\*")
_BULLET = re.compile(r"^\s*[-•]\s+")


def parse_spans(text: str) -> tuple[Span, ...]:
    """`**strong**` and `*emphasis*`; anything unmatched stays literal."""
    spans, last = [], 0
    for match in _INLINE.finditer(text):
        if match.start() > last:
            spans.append(Span(text[last:match.start()]))
        if match.group(1) is not None:
            spans.append(Span(match.group(1), strong=True))
        else:
            spans.append(Span(match.group(2), emphasis=True))
        last = match.end()
    if last < len(text):
        spans.append(Span(text[last:]))
    return tuple(spans)


def parse_markup(text: str) -> list[Block]:
    """Blank lines separate paragraphs; lines starting with `- ` form a list."""
    blocks: list[Block] = []
    for chunk in re.split(r"\n\s*\n", text.strip()):
        lines = [line for line in chunk.splitlines() if line.strip()]
        if lines and all(_BULLET.match(line) for line in lines):
            blocks.append(BulletList(tuple(parse_spans(_BULLET.sub("", line)) for line in lines)))
        elif lines:
            blocks.append(Paragraph(parse_spans(" ".join(line.strip() for line in lines))))
    return blocks


def plain_text(blocks: list[Block]) -> list[str]:
    """Each paragraph or list item as plain text, for counting and searching."""
    out: list[str] = []
    for block in blocks:
        groups = block.items if isinstance(block, BulletList) else (block.spans,)
        out.extend("".join(span.text for span in spans) for spans in groups)
    return out


# --- readability --------------------------------------------------------------

_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_WORD = re.compile(r"[^\W\d_\u3400-\u9fff\uf900-\ufaff]+(?:['’-][^\W\d_]+)*|\d+(?:[.,]\d+)*")
_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+|(?<=[。！？；])")

HAN_CHARACTERS_PER_WORD = 2
"""Chinese has no spaces: two characters count as one word for length limits."""


def count_words(text: str) -> int:
    han = len(_HAN.findall(text))
    return len(_WORD.findall(text)) + (han + HAN_CHARACTERS_PER_WORD - 1) // HAN_CHARACTERS_PER_WORD


def sentences(text: str) -> list[str]:
    return [s for s in (part.strip() for part in _SENTENCE_END.split(text)) if s]
