"""Property-based hostile input (Hypothesis): the YAML reader, the exhibit
schema and the settings never raise, and every problem is located. Short runs
here; `bench/fuzz.py` runs the same properties for much longer."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kiosk.content.loader import load_exhibit_file
from kiosk.content.yamlsource import YamlError, parse_yaml
from kiosk.settings.loading import load_settings
from tests.helpers.exhibits import png_bytes
from tests.helpers.fuzzing import DATA, YAML_FRAGMENTS, as_yaml, mutated_exhibits

SHORT = settings(max_examples=150, deadline=None, database=None,
                 suppress_health_check=[HealthCheck.too_slow])
WORK = Path(tempfile.mkdtemp(prefix="kiosk-fuzz-"))
(WORK / "tile.png").write_bytes(png_bytes())


def _parses_or_says_where(raw: bytes) -> None:
    try:
        parse_yaml(raw)
    except YamlError as error:
        assert error.message and error.position[0] >= 1 and error.position[1] >= 1


@SHORT
@given(st.binary(max_size=400))
def test_any_bytes_parse_or_give_a_located_yaml_error(raw):
    _parses_or_says_where(raw)


@SHORT
@given(st.text(alphabet=st.sampled_from(list("ab: -[]{}&*!|>'\"#\n\t?,%@`~\\0\x00\x0c中")), max_size=200))
def test_yaml_punctuation_soup_never_escapes_as_an_exception(text):
    _parses_or_says_where(text.encode("utf-8"))


@SHORT
@given(YAML_FRAGMENTS)
def test_yaml_built_from_known_troublemakers_gives_located_problems(text):
    _parses_or_says_where(text.encode("utf-8"))
    _checked("schema: 1\ntile: tile.png\npanels: [{type: text, body: x}]\ntitle: " + text)


def _checked(text: str) -> None:
    path = WORK / "exhibit.yaml"
    path.write_text(text, encoding="utf-8")
    exhibit, report = load_exhibit_file(path)
    assert exhibit is not None or report.problems
    for problem in report.problems:
        assert problem.line >= 1 and problem.column >= 1 and problem.message


@SHORT
@given(DATA)
def test_any_yaml_data_as_an_exhibit_is_checked_without_raising(data):
    _checked(as_yaml(data))


@SHORT
@given(mutated_exhibits())
def test_an_exhibit_with_anything_anywhere_is_checked_without_raising(exhibit):
    _checked(as_yaml(exhibit))


@SHORT
@given(DATA)
def test_any_settings_file_gives_settings_and_located_problems(data):
    path = WORK / "kiosk.yaml"
    path.write_text(as_yaml(data), encoding="utf-8")
    loaded = load_settings(path)
    assert 30 <= loaded.settings.idle.timeout_seconds <= 3600
    for problem in loaded.problems:
        assert problem.line >= 1 and problem.message
