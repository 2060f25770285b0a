"""Hypothesis strategies for hostile YAML, exhibits and settings (suite and bench/fuzz.py)."""

from __future__ import annotations

import copy
from typing import Any

import yaml
from hypothesis import strategies as st

SCALARS = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True),
                    st.text(max_size=40), st.sampled_from(["en", "zh", "ru", "text", "gallery", "../x",
                                                           "/etc/passwd", "tile.png", "*", "!!binary"]))
KEYS = st.one_of(st.text(max_size=12), st.sampled_from([
    "schema", "title", "tile", "panels", "type", "file", "alt", "body", "stills", "with", "rows",
    "facts", "key", "label", "value", "events", "date", "before", "after", "start", "idle",
    "timeout_seconds", "languages", "enabled", "default", "admin", "pin_hash", "attract"]))
DATA = st.recursive(SCALARS, lambda inner: st.one_of(st.lists(inner, max_size=5),
                                                     st.dictionaries(KEYS, inner, max_size=6)),
                    max_leaves=40)

TOKENS = ["title", "tile", ": ", "- ", "[", "]", "{", "}", ", ", "\n", "  ", "!!bool ", "!!timestamp ",
          "!!binary ", "!!int ", "!!float ", "!!set ", "!!python/object/apply:os.system ", "!custom ",
          "&a ", "*a ", "<<: ", "? ", "\x00", "\x0c", "\t", "yesterday", "maybe", "2021-13-45", "1e999",
          '"', "'", "|", ">", "# ", "%YAML 1.1\n", "---\n", "...\n", "中文", "\\0", "\ufeff"]
YAML_FRAGMENTS = st.lists(st.sampled_from(TOKENS), max_size=40).map("".join)
"""YAML-ish text built from the syntax that has broken readers before: tags, anchors,
control characters, odd documents."""

VALID_EXHIBIT: dict[str, Any] = {
    "schema": 1, "title": {"en": "A film", "zh": "电影"}, "tile": "tile.png", "year": 2021,
    "panels": [
        {"type": "text", "heading": "Heading", "body": "Some *words*.\n\n- a list"},
        {"type": "gallery", "stills": [{"file": "tile.png", "alt": "A still", "focus": [0.5, 0.5]}]},
        {"type": "facts", "facts": [{"key": "days", "label": "Days", "value": 12}]},
        {"type": "compare", "with": {"title": "Other", "facts": [{"key": "days", "label": "D", "value": 3}]},
         "rows": ["days"]},
        {"type": "timeline", "events": [{"date": "2021-10", "title": "Launch"}]},
        {"type": "quote", "text": "Words", "by": "Someone"},
    ],
}


def _paths(value: Any, path: tuple = ()) -> list[tuple]:
    found = [path]
    if isinstance(value, dict):
        for key, item in value.items():
            found += _paths(item, path + (key,))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found += _paths(item, path + (index,))
    return found


@st.composite
def mutated_exhibits(draw: st.DrawFn) -> dict[str, Any]:
    """A valid exhibit with a few values anywhere in it replaced by anything."""
    exhibit = copy.deepcopy(VALID_EXHIBIT)
    for _ in range(draw(st.integers(1, 4))):
        path = draw(st.sampled_from(_paths(exhibit)[1:]))
        parent = exhibit
        for part in path[:-1]:
            parent = parent[part]
        parent[path[-1]] = draw(DATA)
    return exhibit


def as_yaml(data: Any) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
