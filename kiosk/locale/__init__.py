"""Everything that differs between the kiosk's languages, in one place.

A language is one `Language` record: its code, its name written in itself
(so a visitor finds it without reading another script), its quotation marks,
month names and whether Chinese type leads its font order. Adding a language
is one record here and one column in `kiosk.locale.strings`.

Plain Python, no Qt: the content checks, the settings and the screens share it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol


class PartialDate(Protocol):
    """A date known to the year, the month or the day (kiosk.content.schema's)."""

    @property
    def year(self) -> int: ...
    @property
    def month(self) -> int | None: ...
    @property
    def day(self) -> int | None: ...


@dataclass(frozen=True)
class Language:
    code: str
    name: str
    """The language's name in itself: English, 中文, Русский."""
    short: str
    """The switcher's label: EN, 中文, РУ."""
    quotes: tuple[str, str] = ("“", "”")
    inner_quotes: tuple[str, str] = ("‘", "’")
    """Quotes inside a quote change to these so that the nesting reads."""
    attribution: str = "— "
    """What stands before the name under a quote."""
    months: tuple[str, ...] = ()
    months_after_day: tuple[str, ...] = ()
    """Month names after a day number, where grammar changes them (Russian genitive)."""
    cjk_first: bool = False
    """Chinese type leads the font order, so that punctuation and digits come
    from the CJK face (a Latin face gives narrow, slanted “” in Chinese)."""

    def format_date(self, date: PartialDate) -> str:
        """A date as precise as it is known, written the way the language writes it."""
        year, month, day = date.year, date.month, date.day
        if self.code == "zh":
            return f"{year}年" + (f"{month}月" if month else "") + (f"{day}日" if day else "")
        if month is None:
            return str(year)
        if day is None:
            return f"{self.months[month - 1]} {year}"
        return f"{day} {(self.months_after_day or self.months)[month - 1]} {year}"

    def quoted(self, text: str) -> str:
        opening, closing = self.quotes
        inner_opening, inner_closing = self.inner_quotes
        inner = text.translate({ord(opening): inner_opening, ord(closing): inner_closing})
        return f"{opening}{inner}{closing}"

    def attributed(self, name: str) -> str:
        return f"{self.attribution}{name}"


_EN_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
              "September", "October", "November", "December")

LANGUAGES: dict[str, Language] = {
    "en": Language("en", "English", "EN", months=_EN_MONTHS),
    "zh": Language("zh", "中文", "中文", attribution="——", cjk_first=True),
    "ru": Language(
        "ru", "Русский", "РУ", quotes=("«", "»"), inner_quotes=("„", "“"),
        months=("январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август",
                "сентябрь", "октябрь", "ноябрь", "декабрь"),
        months_after_day=("января", "февраля", "марта", "апреля", "мая", "июня", "июля",
                          "августа", "сентября", "октября", "ноября", "декабря")),
}
"""The languages the interface is written in, in the order the switcher shows them."""

INTERFACE_LANGUAGES = tuple(LANGUAGES)
FALLBACK = LANGUAGES["en"]


def language(code: str) -> Language:
    """The record for `code`; a code the kiosk has no rules for (any BCP 47 tag
    a curator enables) gets English conventions under its own code and name."""
    found = LANGUAGES.get(code) or LANGUAGES.get(code.split("-")[0])
    if found is not None:
        return found
    return Language(code, code, code.upper(), months=_EN_MONTHS)
