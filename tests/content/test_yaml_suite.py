"""The public YAML test suite's inputs, fed to the loader as exhibit files:
each must end in a loaded exhibit or located problems, never an exception."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kiosk.content.loader import load_exhibit_file

SUITE = Path(__file__).parents[1] / "data" / "yaml-test-suite"
CASES = sorted(p.parent for p in SUITE.rglob("in.yaml"))


def test_suite_is_complete():
    assert len(CASES) == 402


@pytest.fixture(scope="module")
def outcomes(tmp_path_factory):
    """Load every case once; map case folder -> (exhibit, problems)."""
    work = tmp_path_factory.mktemp("suite")
    results = {}
    for case in CASES:
        target = work / case.relative_to(SUITE).as_posix().replace("/", "_") / "exhibit.yaml"
        target.parent.mkdir()
        shutil.copy(case / "in.yaml", target)
        exhibit, report = load_exhibit_file(target)
        results[case] = exhibit, report.problems
    return results


def test_every_case_ends_in_an_exhibit_or_located_problems(outcomes):
    for case, (exhibit, problems) in outcomes.items():
        assert exhibit is not None or problems, case
        for problem in problems:
            assert problem.line >= 1 and problem.column >= 1, (case, problem)
            assert problem.message and "Traceback" not in problem.message, (case, problem)


def test_invalid_yaml_is_reported_as_an_error(outcomes):
    """PyYAML accepts a few inputs the spec calls invalid; most must be caught."""
    invalid = [case for case in CASES if (case / "error").exists()]
    caught = [case for case in invalid if any(p.is_error for p in outcomes[case][1])]
    assert len(invalid) == 94
    assert len(caught) == len(invalid)  # none of these is a valid exhibit either
    syntax = [case for case in invalid
              if any("YAML syntax" in p.message for p in outcomes[case][1])]
    assert len(syntax) >= 0.8 * len(invalid)


def _outcome(raw: bytes, fast: bool):
    from kiosk.content.yamlsource import YamlError, parse_yaml

    try:
        doc = parse_yaml(raw, fast=fast)
    except YamlError as error:
        return ("error", type(error).__name__, error.message, error.position, error.path)
    return ("data", repr(doc.data), doc.value_positions, doc.key_positions)


def test_libyaml_and_the_pure_python_reader_agree_on_hostile_input():
    """The same data, positions and messages whichever reader is installed
    (the broken-fixture table runs with both: tests/content/test_broken_exhibits.py)."""
    from kiosk.content import yamlsource
    from tests.content.test_broken_exhibits import BILLION_LAUGHS

    assert yamlsource.FAST_LOADER is not None, "the test environment has libyaml"
    inputs = [BILLION_LAUGHS.encode(), b"a: " + b"[" * 61 + b"]" * 61, b"a: " + b"[" * 5000,
              b"x: " + b"[" * 700 + b"]" * 700, b"a: 1\na: 2\n", b"k: !!binary aGk=\n",
              b"a: [1, 2\n", b"- &x [*x]\n", b"a: !!python/object:os.system ls\n"]
    for raw in inputs:
        assert _outcome(raw, fast=True) == _outcome(raw, fast=False), raw[:200]


def test_libyaml_reads_the_whole_suite_without_raising():
    """libyaml accepts a few spec-valid inputs PyYAML's own scanner refuses
    (tabs as separators); neither ever raises past a located problem."""
    for case in CASES:
        raw = (case / "in.yaml").read_bytes()
        assert _outcome(raw, fast=True)[0] in ("data", "error")
