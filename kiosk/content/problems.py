"""Located problems: what curators see when an exhibit file is wrong.

Every problem carries file, line, column and field path so that editors can
jump straight to it (the `file:line:col: severity: message` form compilers use).
"""

from __future__ import annotations

import difflib
from dataclasses import asdict, dataclass
from enum import Enum
from typing import Iterable

Position = tuple[int, int]
"""(line, column), both counted from 1."""


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class Problem:
    file: str
    line: int
    column: int
    severity: Severity
    field: str
    message: str

    def format(self) -> str:
        where = f"{self.file}:{self.line}:{self.column}: {self.severity.value}: "
        return where + (f"{self.field}: {self.message}" if self.field else self.message)

    def as_dict(self) -> dict[str, object]:
        return {**asdict(self), "severity": self.severity.value}

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR


def field_path(path: Iterable[str | int]) -> str:
    """Render a data path the way curators read it: `panels[2].stills[0].file`."""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """A ` (did you mean 'x'?)` hint for a misspelt name, or an empty string."""
    close = difflib.get_close_matches(str(word), list(choices), n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""


def summary_line(exhibit_count: int, problems: list[Problem]) -> str:
    errors = sum(p.is_error for p in problems)
    warnings = len(problems) - errors

    def plural(n: int, word: str) -> str:
        return f"{n} {word}{'' if n == 1 else 's'}"

    return ", ".join(
        [plural(exhibit_count, "exhibit"), plural(errors, "error"), plural(warnings, "warning")]
    )
