"""Checks that need a whole validated exhibit: files, translations, readability.

Each check yields (path, severity, message); the loader turns the path into a
line and column. Paths use the YAML keys, so `panels[2].stills[0].file`.
"""

from __future__ import annotations

import os
from pathlib import Path, PurePosixPath, PureWindowsPath
from typing import Any, Iterator

from pydantic import BaseModel

from kiosk.content.images import ImageError, probe_image
from kiosk.content.located import os_error_text
from kiosk.content.problems import Severity, did_you_mean
from kiosk.content.schema import ComparePanel, Exhibit, FactsPanel, Image
from kiosk.content.text import Text, count_words, parse_markup, plain_text, sentences
from kiosk.content.yamlsource import DataPath

Finding = tuple[DataPath, Severity, str]

MAX_BLOCK_WORDS = 100
MAX_SENTENCE_WORDS = 25
LONG_TEXT_FIELDS = {"body", "summary", "text", "caption"}
"""Fields read as prose, held to the Smithsonian's block and sentence lengths."""

IMAGE_SUFFIXES = {".jpg", ".jpeg", ".png", ".gif", ".bmp", ".webp"}
MAX_NAME_BYTES = 255
"""The longest file or folder name the common file systems store."""


def walk(value: Any, path: DataPath = ()) -> Iterator[tuple[DataPath, Any]]:
    """Every value in a validated model, with its path in YAML keys."""
    yield path, value
    if isinstance(value, BaseModel):
        for name, field in type(value).model_fields.items():
            yield from walk(getattr(value, name), path + (field.alias or name,))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from walk(item, path + (index,))


def check_files(data: Any, folder: Path, path: DataPath = ()) -> Iterator[Finding]:
    """Every `file:` in the raw data, so missing stills are reported even when
    the rest of the file still has schema errors."""
    if isinstance(data, dict):
        for key, value in data.items():
            if key == "file" and isinstance(value, str) and value:
                yield from _check_file(value, folder, path + (key,))
            else:
                yield from check_files(value, folder, path + (key,))
    elif isinstance(data, list):
        for index, item in enumerate(data):
            yield from check_files(item, folder, path + (index,))
    elif isinstance(data, str) and path and path[-1] in ("tile", "poster"):
        yield from _check_file(data, folder, path)


def check_exhibit(exhibit: Exhibit) -> Iterator[Finding]:
    if exhibit.show_from and exhibit.show_until and exhibit.show_until < exhibit.show_from:
        yield (("show_until",), Severity.ERROR,
               f"{exhibit.show_until} is before show_from ({exhibit.show_from}): the exhibit would never show")
    values = list(walk(exhibit))
    yield from _check_languages(exhibit, values)
    yield from _check_readability(exhibit, values)
    yield from _check_alt_texts(exhibit, values)
    yield from _check_fact_keys(exhibit)
    for index, panel in enumerate(exhibit.panels):
        if isinstance(panel, ComparePanel):
            yield from _check_compare_rows(exhibit, panel, ("panels", index))
            yield from _check_compare_marks(panel, ("panels", index))
            yield from _check_compare_bars(exhibit, panel, ("panels", index))


def _check_languages(exhibit: Exhibit, values: list[tuple[DataPath, Any]]) -> Iterator[Finding]:
    wanted = exhibit.all_languages
    for path, value in values:
        if isinstance(value, Text):
            missing = [lang for lang in wanted if lang not in value.languages(exhibit.default_language)]
            if missing:
                yield (path, Severity.WARNING,
                       f"no {', '.join(missing)} translation; visitors will see the "
                       f"{exhibit.default_language} text")
            extra = sorted(set(value.translations) - set(wanted))
            if extra:
                yield (path, Severity.WARNING,
                       f"translation {', '.join(extra)} is not in the exhibit's languages "
                       f"({', '.join(wanted)}) and will not be shown")


def _check_readability(exhibit: Exhibit, values: list[tuple[DataPath, Any]]) -> Iterator[Finding]:
    for path, value in values:
        if not (isinstance(value, Text) and path and path[-1] in LONG_TEXT_FIELDS):
            continue
        for text in value.variants():
            blocks = plain_text(parse_markup(text))
            words = sum(count_words(block) for block in blocks)
            if words > MAX_BLOCK_WORDS:
                yield (path, Severity.WARNING,
                       f"{words} words in one text block; keep blocks under "
                       f"{MAX_BLOCK_WORDS} words so visitors read them (split it into panels)")
            for sentence in (s for block in blocks for s in sentences(block)):
                if count_words(sentence) > MAX_SENTENCE_WORDS:
                    yield (path, Severity.WARNING,
                           f"a sentence of {count_words(sentence)} words (limit "
                           f"{MAX_SENTENCE_WORDS}): \"{sentence[:60]}…\"")


def _check_alt_texts(exhibit: Exhibit, values: list[tuple[DataPath, Any]]) -> Iterator[Finding]:
    """Alt text a visitor who cannot see the picture can use: not the file's name, which
    tells them nothing, and not the caption again, which a screen reader would read twice."""
    default = exhibit.default_language
    for path, value in values:
        if not isinstance(value, Image) or value.alt is None:
            continue
        file = PurePosixPath(value.file)
        names = {file.name.lower(), file.stem.lower()}
        if any(text.strip().lower() in names for text in value.alt.variants()):
            yield (path + ("alt",), Severity.WARNING,
                   f"the alt text is the file's name ({file.name}): describe what the picture shows")
        caption = getattr(value, "caption", None)
        if caption is not None and any(value.alt.get(lang, default).strip() == caption.get(lang, default).strip()
                                       for lang in value.alt.languages(default)):
            yield (path + ("alt",), Severity.WARNING,
                   "the alt text repeats the caption: say what the picture shows that the caption does not")


def name_problem(name: str) -> str | None:
    """Why `name` cannot be a file inside the exhibit folder, from the name alone."""
    if any(ord(c) < 32 or ord(c) == 127 for c in name):
        return f"{name!r} contains a control character; give the file's plain name"
    if PurePosixPath(name).is_absolute() or PureWindowsPath(name).is_absolute() or PureWindowsPath(name).drive:
        return (f"'{name}' is an absolute path; give a path inside the exhibit folder, "
                f"such as stills/{PurePosixPath(name).name}")
    if "\\" in name:
        return f"'{name}' uses '\\'; write paths with '/', such as {name.replace(chr(92), '/')}"
    if ".." in PurePosixPath(name).parts:
        return f"'{name}' leaves the exhibit folder ('..'); keep the file inside it"
    if any(len(part.encode("utf-8", "surrogateescape")) > MAX_NAME_BYTES for part in PurePosixPath(name).parts):
        return f"a part of '{name[:60]}…' is longer than {MAX_NAME_BYTES} bytes, more than file systems allow"
    return None


def _check_file(name: str, folder: Path, path: DataPath) -> Iterator[Finding]:
    problem = name_problem(name)
    if problem is None:
        try:
            problem = _file_problem(name, folder)
        except OSError as exc:
            problem = f"{name} cannot be read: {os_error_text(exc)}"
    if problem is not None:
        yield path, Severity.ERROR, problem


def _file_problem(name: str, folder: Path) -> str | None:
    """Why the file `name` in `folder` cannot be shown, from the file itself."""
    target = folder / name
    if not target.exists():
        nearby = [str(p.relative_to(folder)).replace(os.sep, "/") for p in folder.rglob("*")
                  if p.suffix.lower() in IMAGE_SUFFIXES]
        return f"file not found: {name}{did_you_mean(name, nearby)}"
    if not target.resolve().is_relative_to(folder.resolve()):
        return f"'{name}' is a link that points outside the exhibit folder"
    if not target.is_file():
        return f"'{name}' is a folder, not an image file"
    try:
        probe_image(target)
    except ImageError as exc:
        return f"{name}: {exc}"
    return None


def _check_fact_keys(exhibit: Exhibit) -> Iterator[Finding]:
    seen: set[str] = set()
    for i, panel in enumerate(exhibit.panels):
        for j, fact in enumerate(panel.facts if isinstance(panel, FactsPanel) else ()):
            if fact.key in seen:
                yield (("panels", i, "facts", j, "key"), Severity.ERROR,
                       f"fact key '{fact.key}' is used twice in this exhibit")
            if fact.key:
                seen.add(fact.key)


def _check_compare_rows(exhibit: Exhibit, panel: ComparePanel, path: DataPath) -> Iterator[Finding]:
    ours = exhibit.facts_by_key()
    for index, key in enumerate(panel.rows):
        if key not in ours:
            yield (path + ("rows", index), Severity.ERROR,
                   f"no fact with key '{key}' in this exhibit's facts panels{did_you_mean(key, ours)}; "
                   "each compare row needs one for its label and value")
    if not isinstance(panel.other, str):
        theirs = {fact.key for fact in panel.other.facts if fact.key}
        for index, key in enumerate(panel.rows):
            if key in ours and key not in theirs:
                yield (path + ("rows", index), Severity.WARNING,
                       f"the compared item has no fact '{key}'; its cell will show a dash")


def _check_compare_marks(panel: ComparePanel, path: DataPath) -> Iterator[Finding]:
    """`highlight` and `bars` name rows of the panel; any other name is a slip."""
    for field in ("highlight", "bars"):
        for index, key in enumerate(getattr(panel, field)):
            if key not in panel.rows:
                yield (path + (field, index), Severity.ERROR,
                       f"'{key}' is not one of this panel's rows{did_you_mean(key, panel.rows)}; "
                       f"{field} can only name rows ({', '.join(panel.rows)})")


def _check_compare_bars(exhibit: Exhibit, panel: ComparePanel, path: DataPath) -> Iterator[Finding]:
    """A bar needs an amount on both sides in one unit; without them the row
    shows its values as plain text. A compared exhibit's facts are not known
    here: the view falls back to plain values when they lack a quantity."""
    ours = exhibit.facts_by_key()
    theirs = None if isinstance(panel.other, str) else {f.key: f for f in panel.other.facts if f.key}
    for index, key in enumerate(panel.bars):
        if key not in panel.rows or key not in ours:
            continue  # reported above, or by the rows check
        where = path + ("bars", index)
        mine = ours[key].quantity
        other = theirs.get(key) if theirs is not None else None
        if mine is None:
            yield (where, Severity.WARNING,
                   f"this exhibit's fact '{key}' has no quantity (amount and unit); "
                   "the row will show plain values, without bars")
        elif other is not None and other.quantity is None:
            yield (where, Severity.WARNING,
                   f"the compared item's fact '{key}' has no quantity (amount and unit); "
                   "the row will show plain values, without bars")
        elif other is not None and other.quantity is not None and other.quantity.unit != mine.unit:
            yield (where, Severity.WARNING,
                   f"'{key}' is in {mine.unit} here but in {other.quantity.unit} in the compared item; "
                   "bars compare only like units, so the row will show plain values")
