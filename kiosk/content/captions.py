"""Captions read from WebVTT files (webvtt-py), with every mistake located.

webvtt-py reads the cues but passes over a malformed one in silence; a curator
needs to know which cue is wrong, so each block is also looked at here and a
mistake is reported with its line: a timing line that is not
`00:01.000 --> 00:04.000`, a cue that ends before it starts, or one that
starts before the one above it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

TIMESTAMP = r"(?:\d{2,}:)?[0-5]\d:[0-5]\d\.\d{3}"
TIMING = re.compile(rf"^({TIMESTAMP})[ \t]+-->[ \t]+({TIMESTAMP})(?:[ \t].*)?$")
NON_CUE_BLOCKS = ("NOTE", "STYLE", "REGION")


@dataclass(frozen=True)
class Cue:
    start_ms: int
    end_ms: int
    text: str


def _ms(stamp: str) -> int:
    parts = stamp.split(":")
    seconds = float(parts[-1]) + 60 * int(parts[-2]) + (3600 * int(parts[0]) if len(parts) == 3 else 0)
    return round(seconds * 1000)


def _blocks(lines: list[str]) -> list[tuple[int, list[str]]]:
    """The blocks between blank lines, each with its first line's number (from 1)."""
    blocks: list[tuple[int, list[str]]] = []
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        if blocks and lines[number - 2].strip():
            blocks[-1][1].append(line)
        else:
            blocks.append((number, [line]))
    return blocks


def cue_problems(text: str) -> list[tuple[int, str]]:
    """(line, problem) for each mistake in a WebVTT file's text."""
    lines = text.lstrip("\ufeff").splitlines()
    if not lines or not re.match(r"^WEBVTT(?:[ \t].*)?$", lines[0]):
        return [(1, "a WebVTT file starts with the line WEBVTT")]
    problems, previous_start = [], -1
    for first, block in _blocks(lines)[1:]:
        if block[0].split(" ")[0] in NON_CUE_BLOCKS:
            continue
        timing_at = next((i for i, line in enumerate(block[:2]) if "->" in line), None)
        if timing_at is None:
            problems.append((first, "a cue without a timing line (such as 00:01.000 --> 00:04.000)"))
            continue
        line, number = block[timing_at], first + timing_at
        match = TIMING.match(line.strip())
        if match is None:
            problems.append((number, f"'{line.strip()[:60]}' is not a cue timing: write 00:01.000 --> 00:04.000"))
            continue
        start, end = _ms(match[1]), _ms(match[2])
        if end <= start:
            problems.append((number, f"this cue ends ({match[2]}) before it starts ({match[1]})"))
        elif start < previous_start:
            problems.append((number, "this cue starts before the one above it: cues must be in time order"))
        previous_start = max(previous_start, start)
    return problems


def read_cues(path: Path) -> list[Cue]:
    """The cues of `path` as webvtt-py reads them (a malformed one left out); [] for an unreadable file."""
    import webvtt  # with the first clip's page, not before the first frame
    from webvtt.errors import MalformedFileError

    try:
        captions = webvtt.read(str(path))
    except (OSError, UnicodeDecodeError, MalformedFileError):
        return []
    return [Cue(_ms(c.start), _ms(c.end), c.text) for c in captions.captions if _ms(c.end) > _ms(c.start)]
