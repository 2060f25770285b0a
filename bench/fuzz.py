"""The long version of the suite's hostile-input properties (tests/content/test_fuzz.py).

Run:  .venv/bin/python bench/fuzz.py [--examples N]   (default 5000 per property)
Prints each property's example count and time; a failure prints Hypothesis's
smallest falsifying example and exits 1.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from tests.content import test_fuzz  # noqa: E402
from tests.helpers.fuzzing import DATA, as_yaml, mutated_exhibits  # noqa: E402


def properties(examples: int):
    long = settings(max_examples=examples, deadline=None, database=None,
                    suppress_health_check=list(HealthCheck))

    @long
    @given(st.binary(max_size=2000))
    def any_bytes(raw):
        test_fuzz._parses_or_says_where(raw)

    @long
    @given(DATA)
    def any_exhibit_data(data):
        test_fuzz._checked(as_yaml(data))

    @long
    @given(mutated_exhibits())
    def mutated_exhibit(exhibit):
        test_fuzz._checked(as_yaml(exhibit))

    @long
    @given(DATA)
    def any_settings(data):
        test_fuzz.test_any_settings_file_gives_settings_and_located_problems.hypothesis.inner_test(data)

    return [any_bytes, any_exhibit_data, mutated_exhibit, any_settings]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--examples", type=int, default=5000)
    args = parser.parse_args()
    for prop in properties(args.examples):
        began = time.perf_counter()
        prop()
        print(f"{prop.__name__:<20} {args.examples:>6} examples  {time.perf_counter() - began:6.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
