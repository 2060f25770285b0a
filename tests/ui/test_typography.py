"""Headings and captions never end on a lone word."""

from __future__ import annotations

from kiosk.ui.typography import NO_BREAK_SPACE, WORD_JOINER, no_widow


def test_the_last_two_words_stay_together():
    assert no_widow("Cameras in the crew's hands", "en") == f"Cameras in the crew's{NO_BREAK_SPACE}hands"
    assert no_widow("Камеры в руках экипажа", "ru").endswith(f"руках{NO_BREAK_SPACE}экипажа")


def test_short_texts_and_long_last_words_are_left_alone():
    assert no_widow("At a glance", "en") == f"At a{NO_BREAK_SPACE}glance"
    assert no_widow("Two words", "en") == "Two words"
    assert no_widow("The extraordinarilylongword", "en") == "The extraordinarilylongword"


def test_chinese_keeps_its_last_two_characters_together_before_the_punctuation():
    assert no_widow("航天员就是摄影师", "zh") == f"航天员就是摄影{WORD_JOINER}师"
    assert no_widow("吊威亚，还是真失重？", "zh") == f"吊威亚，还是真失{WORD_JOINER}重？"
    assert no_widow("挑战", "zh") == "挑战"


def test_chinese_text_ending_in_latin_is_left_alone():
    assert no_widow("插画：Exhibit Kiosk", "zh") == "插画：Exhibit Kiosk"
