"""One place for what differs between languages: every string in every language."""

from __future__ import annotations

import pytest

from kiosk import locale
from kiosk.content.schema import PartialDate
from kiosk.locale.strings import STRINGS, tr


def test_every_interface_string_exists_in_every_interface_language():
    missing = {key: sorted(set(locale.INTERFACE_LANGUAGES) - set(table))
               for key, table in STRINGS.items() if set(locale.INTERFACE_LANGUAGES) - set(table)}
    assert missing == {}


def test_languages_are_named_in_themselves():
    assert [locale.language(code).name for code in ("en", "zh", "ru")] == ["English", "中文", "Русский"]


def test_a_language_without_rules_falls_back_to_english_conventions():
    record = locale.language("fr")
    assert record.code == "fr" and record.format_date(PartialDate(2022, 5, 1)) == "1 May 2022"
    assert tr("home", "fr") == "Home"
    assert tr("home", "zh-Hans") == tr("home", "zh")


@pytest.mark.parametrize("code, text, expected", [
    ("en", "a “b”", "“a ‘b’”"), ("ru", "a «b»", "«a „b“»"), ("zh", "a “b”", "“a ‘b’”")])
def test_quotation_marks_nest(code, text, expected):
    assert locale.language(code).quoted(text) == expected
