"""Reading one YAML file into plain data plus the position of every value.

PyYAML composes the node tree, with libyaml (`CSafeLoader`, about 15 times
faster) where it is installed; we build the Python data from the nodes
ourselves so that we can (1) remember where each key and value stands, for
located messages, (2) reject duplicate keys, which PyYAML silently collapses,
(3) reject tags that would construct Python objects, and (4) stop alias bombs
before they expand.

A file libyaml cannot parse is parsed again by the pure-Python loader, so a
curator reads the same message at the same position whichever is installed;
libyaml's composer is recursive C, so nesting is measured on its events
before it composes.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.constructor import ConstructorError, SafeConstructor
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from kiosk.content.problems import Position

MAX_FILE_BYTES = 1024 * 1024
"""Exhibit files are prose, not data dumps: a larger file is refused unread."""

MAX_NODES = 100_000
"""Values a document may hold, aliases followed (an alias bomb expands far past it)."""

MAX_DEPTH = 60
"""Lists and maps nested in each other: exhibits need about eight levels."""

SCALAR_TAGS = frozenset(f"tag:yaml.org,2002:{name}"
                        for name in ("str", "int", "float", "bool", "null", "timestamp"))
"""Plain values only: no !!binary (bytes would slip past every path check), no
!!set, !!omap or !!pairs, and of course no Python objects."""

CONTROL_NAMES = {0: "NUL", 8: "backspace", 11: "vertical tab", 12: "form feed", 27: "escape",
                 127: "delete"}

DataPath = tuple[Any, ...]
"""Keys and list indices from the document's root: ("panels", 2, "stills", 0, "file")."""


class YamlError(Exception):
    """A problem that stops the whole file from being read."""

    def __init__(self, message: str, position: Position = (1, 1), path: DataPath = ()):
        super().__init__(message)
        self.message = message
        self.position = position
        self.path = path


class EmptyDocument(YamlError):
    """The file holds nothing but whitespace and comments."""


@dataclass
class YamlDocument:
    data: Any
    value_positions: dict[DataPath, Position] = field(default_factory=dict)
    key_positions: dict[DataPath, Position] = field(default_factory=dict)

    def locate(self, path: DataPath, *, key: bool = False) -> Position:
        """Position of the value (or key) at `path`, or of its nearest ancestor."""
        if key and path in self.key_positions:
            return self.key_positions[path]
        for end in range(len(path), -1, -1):
            prefix = path[:end]
            if prefix in self.value_positions:
                return self.value_positions[prefix]
        return (1, 1)


def _position(node: Node) -> Position:
    return (node.start_mark.line + 1, node.start_mark.column + 1)


def _short_tag(tag: str) -> str:
    return tag.replace("tag:yaml.org,2002:", "!!")


class _Builder:
    """Turns a composed node tree into Python data, recording positions."""

    def __init__(self, doc: YamlDocument):
        self.doc = doc
        self.constructor = SafeConstructor()
        self.visited = 0
        self.distinct: set[int] = set()
        self.open_nodes: set[int] = set()

    def build(self, node: Node, path: DataPath) -> Any:
        self.visited += 1
        self.distinct.add(id(node))
        if self.visited > MAX_NODES:
            raise YamlError(self._too_many(), self.doc.key_positions.get(path[:1], _position(node)),
                            path[:1])
        if len(path) > MAX_DEPTH:
            raise YamlError(f"lists and maps are nested more than {MAX_DEPTH} deep here; "
                            "exhibit files need only a few levels", _position(node), path[:MAX_DEPTH])
        if id(node) in self.open_nodes:
            raise YamlError("an alias refers to a value that contains it", _position(node), path)
        self.doc.value_positions.setdefault(path, _position(node))
        if isinstance(node, ScalarNode):
            return self._scalar(node, path)
        self.open_nodes.add(id(node))
        try:
            if isinstance(node, SequenceNode):
                self._check_tag(node, "tag:yaml.org,2002:seq", path)
                return [self.build(item, path + (i,)) for i, item in enumerate(node.value)]
            self._check_tag(node, "tag:yaml.org,2002:map", path)
            assert isinstance(node, MappingNode)
            return self._mapping(node, path)
        finally:
            self.open_nodes.discard(id(node))

    def _check_tag(self, node: Node, expected: str, path: DataPath) -> None:
        if node.tag != expected:
            raise YamlError(self._tag_message(node.tag), _position(node), path)

    @staticmethod
    def _tag_message(tag: str) -> str:
        if tag.startswith("tag:yaml.org,2002:python/"):
            return (
                f"the tag {_short_tag(tag)} is not allowed: exhibit files hold plain "
                "text, numbers, lists and maps, never Python objects"
            )
        return f"the tag {_short_tag(tag)} is not supported; remove it"

    def _too_many(self) -> str:
        if len(self.distinct) * 2 < self.visited:
            return (f"the document expands to more than {MAX_NODES:,} values through aliases "
                    "(*name); this looks like an alias bomb")
        return (f"the document holds more than {MAX_NODES:,} values; exhibit files are "
                "prose and a few lists, not data dumps")

    def _scalar(self, node: ScalarNode, path: DataPath) -> Any:
        if node.tag not in SCALAR_TAGS:
            raise YamlError(self._tag_message(node.tag), _position(node), path)
        try:
            return self.constructor.construct_object(node)
        except Exception:  # noqa: BLE001 - e.g. !!bool maybe, !!timestamp yesterday
            kind = _short_tag(node.tag)
            raise YamlError(f"{node.value!r} is not a valid {kind} value; remove the tag {kind} "
                            "or write a value of that kind", _position(node), path) from None

    def _mapping(self, node: MappingNode, path: DataPath) -> dict[Any, Any]:
        explicit = sum(1 for key, _ in node.value if key.tag != "tag:yaml.org,2002:merge")
        try:
            self.constructor.flatten_mapping(node)
        except ConstructorError as exc:
            raise YamlError(str(exc.problem), _position(node), path) from None
        merged = len(node.value) - explicit
        result: dict[Any, Any] = {}
        seen_at: dict[Any, Position] = {}
        for index, (key_node, value_node) in enumerate(node.value):
            if not isinstance(key_node, ScalarNode):
                raise YamlError("a key must be a plain value, not a list or map",
                                _position(key_node), path)
            key = self._scalar(key_node, path)
            if index >= merged and key in seen_at:
                line, column = seen_at[key]
                raise YamlError(
                    f"duplicate key '{key}' (first given at line {line}, column {column}); "
                    "YAML would silently keep only the last one",
                    _position(key_node),
                    path + (key,),
                )
            if index >= merged:
                seen_at[key] = _position(key_node)
            self.doc.key_positions[path + (key,)] = _position(key_node)
            self.doc.value_positions.pop(path + (key,), None)
            result[key] = self.build(value_node, path + (key,))
        return result


def _decode(raw: bytes) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        raise YamlError(
            f"the file is not UTF-8 text (byte 0x{raw[exc.start]:02x} cannot be read); "
            "save it as UTF-8",
            (line, column),
        ) from None


def _line_column(text: str, index: int) -> Position:
    line = text.count("\n", 0, index) + 1
    return line, index - (text.rfind("\n", 0, index) + 1) + 1


def _refuse_control_characters(text: str) -> None:
    """YAML allows no control characters but tab and line breaks; say where one is."""
    for index, character in enumerate(text):
        code = ord(character)
        if (code < 32 and character not in "\t\n\r") or code == 127:
            name = CONTROL_NAMES.get(code, "a control character")
            raise YamlError(
                f"the file contains {name} (U+{code:04X}), which YAML does not allow; remove it "
                "(NUL bytes are often left by a power cut while saving, a form feed by a word "
                "processor)", _line_column(text, index))


FAST_LOADER: type | None = getattr(yaml, "CSafeLoader", None)
"""libyaml's loader, None where PyYAML was built without it."""
_NESTING_EVENTS = (yaml.MappingStartEvent, yaml.SequenceStartEvent)
_END_EVENTS = (yaml.MappingEndEvent, yaml.SequenceEndEvent)


def _compose(text: str, fast: bool = True) -> Node | None:
    if fast and FAST_LOADER is not None:
        try:
            return _compose_fast(text, FAST_LOADER)
        except (yaml.YAMLError, RecursionError):
            pass  # the pure-Python loader says what and where, as it always has
    return _compose_pure(text)


def _compose_fast(text: str, loader_type: type) -> Node | None:
    loader = loader_type(text)
    try:
        depth = 0
        while (event := loader.get_event()) is not None:
            depth += isinstance(event, _NESTING_EVENTS) - isinstance(event, _END_EVENTS)
            if depth > MAX_DEPTH + 1:  # too deep to compose in C: the pure loader says where
                raise yaml.YAMLError("nested too deep")
    finally:
        loader.dispose()
    loader = loader_type(text)
    try:
        node: Node | None = loader.get_single_node()
        return node
    finally:
        loader.dispose()


def _compose_pure(text: str) -> Node | None:
    try:
        loader = yaml.SafeLoader(text)  # its reader refuses a character YAML does not allow, here
    except yaml.reader.ReaderError as exc:
        before = text[:exc.position]
        raise YamlError(f"YAML syntax: character U+{exc.character:04X} is not allowed (a control "
                        "character, often pasted from another program: retype the text around it)"
                        if isinstance(exc.character, int) else f"YAML syntax: {exc}",
                        (before.count("\n") + 1, len(before) - before.rfind("\n"))) from None
    try:
        return loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        message = " ".join(part for part in (exc.context, exc.problem) if part)
        position = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        raise YamlError(f"YAML syntax: {message}", position) from None
    except yaml.YAMLError as exc:
        raise YamlError(f"YAML syntax: {exc}") from None
    except RecursionError:
        raise YamlError(f"lists and maps are nested far more than {MAX_DEPTH} deep; exhibit "
                        "files need only a few levels", _too_deep_at(text)) from None
    finally:
        loader.dispose()


_OPENING = (yaml.BlockMappingStartToken, yaml.BlockSequenceStartToken, yaml.FlowMappingStartToken,
            yaml.FlowSequenceStartToken)
_CLOSING = (yaml.BlockEndToken, yaml.FlowMappingEndToken, yaml.FlowSequenceEndToken)


def _too_deep_at(text: str) -> Position:
    """Where nesting first passes MAX_DEPTH (the scanner, unlike the composer, is not recursive)."""
    depth = 0
    try:
        for token in yaml.scan(text, Loader=yaml.SafeLoader):
            depth += isinstance(token, _OPENING) - isinstance(token, _CLOSING)
            if depth > MAX_DEPTH:
                return token.start_mark.line + 1, token.start_mark.column + 1
    except yaml.YAMLError:
        pass
    return 1, 1


def parse_yaml(raw: bytes, fast: bool = True) -> YamlDocument:
    """Parse one YAML document; raises YamlError with a position on any
    problem. `fast`: with libyaml where installed (the same result)."""
    if len(raw) > MAX_FILE_BYTES:
        raise YamlError(f"the file is {len(raw):,} bytes; the limit is {MAX_FILE_BYTES:,}")
    text = _decode(raw)
    if not text.strip():
        raise EmptyDocument("the file is empty")
    _refuse_control_characters(text)
    node = _compose(text, fast)
    if node is None:
        raise EmptyDocument("the file holds only comments")
    doc = YamlDocument(data=None)
    doc.data = _Builder(doc).build(node, ())
    return doc


def read_yaml(path: Path) -> YamlDocument:
    """Read and parse a regular file, never more than MAX_FILE_BYTES of it: a link
    to /dev/zero or a pipe is refused, not read until memory runs out."""
    with path.open("rb") as stream:
        status = os.fstat(stream.fileno())
        if not stat.S_ISREG(status.st_mode):
            raise YamlError("this is not a regular file (a device, a pipe or a socket); "
                            "give the path of a YAML file")
        if status.st_size > MAX_FILE_BYTES:
            raise YamlError(f"the file is {status.st_size:,} bytes; the limit is {MAX_FILE_BYTES:,}")
        raw = stream.read(MAX_FILE_BYTES + 1)  # a file still being written may have grown
    return parse_yaml(raw)
