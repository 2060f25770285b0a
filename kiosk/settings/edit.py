"""Writing the PIN hash into `kiosk.yaml` without disturbing anything else.

`set_pin_in_file` edits the file's text in place so that the curator's
comments and layout survive, and refuses any edit that would change more than
`admin.pin_hash`. Plain Python, no Qt.
"""

from __future__ import annotations

import copy
import os
from pathlib import Path

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode

from kiosk.content.yamlsource import YamlError, parse_yaml
from kiosk.settings.pin import hash_pin, holds_no_settings


class SettingsEditError(Exception):
    """The settings file could not be updated safely; it was left unchanged."""


def _pair(mapping: MappingNode, key: str) -> tuple[Node, Node] | None:
    for key_node, value_node in mapping.value:
        if isinstance(key_node, ScalarNode) and key_node.value == key:
            return key_node, value_node
    return None


def _line_end(text: str, index: int) -> int:
    """Index of the end of the line holding `index`, before any line break."""
    end = text.find("\n", index)
    end = len(text) if end < 0 else end
    return end - 1 if end > 0 and text[end - 1] == "\r" else end


def _insert_in_flow(text: str, mapping: MappingNode, entry: str) -> str:
    close = text.rindex("}", 0, mapping.end_mark.index)
    return text[:close] + (", " if mapping.value else "") + entry + text[close:]


def with_pin_hash(text: str, stored: str) -> str:
    """`text` of a settings file with `admin: pin_hash:` set to `stored`.

    Raises SettingsEditError when the file cannot be read as settings.
    """
    value = f'"{stored}"'
    nl = "\r\n" if "\r\n" in text else "\n"
    if holds_no_settings(text):
        return text + ("" if not text or text.endswith("\n") else nl) + f"admin:{nl}  pin_hash: {value}{nl}"
    try:
        doc = parse_yaml(text.encode("utf-8"))
    except YamlError as exc:
        line, column = exc.position
        raise SettingsEditError(f"line {line}, column {column}: {exc.message}; fix the file first") from None
    if not isinstance(doc.data, dict):
        raise SettingsEditError("the file does not hold a map of settings (idle:, admin: ...); fix it first")
    root = yaml.compose(text, Loader=yaml.SafeLoader)
    assert isinstance(root, MappingNode)  # the text parsed to a map just above
    found = _pair(root, "admin")
    if found is None:
        if root.flow_style:
            return _insert_in_flow(text, root, f"admin: {{pin_hash: {value}}}")
        indent = " " * root.start_mark.column
        ending = "" if text.endswith("\n") else nl
        return text + ending + f"{indent}admin:{nl}{indent}  pin_hash: {value}{nl}"
    return _with_admin_pin(text, found, doc.data.get("admin") is None, value, nl)


def _with_admin_pin(text: str, admin_pair: tuple[Node, Node], admin_empty: bool, value: str,
                    nl: str) -> str:
    """`text` with `pin_hash: value` set in the existing `admin:` section."""
    admin_key, admin = admin_pair
    if isinstance(admin, ScalarNode) and admin_empty:
        if admin.start_mark.index == admin.end_mark.index:  # `admin:` with nothing after it
            end = _line_end(text, admin_key.end_mark.index)
            indent = " " * (admin_key.start_mark.column + 2)
            return text[:end] + f"{nl}{indent}pin_hash: {value}" + text[end:]
        return text[:admin.start_mark.index] + f"{{pin_hash: {value}}}" + text[admin.end_mark.index:]
    if not isinstance(admin, MappingNode):
        raise SettingsEditError(
            f"line {admin.start_mark.line + 1}: 'admin' must be a map of settings "
            "(corner:, hold_seconds:, pin_hash:); fix the file first")
    found = _pair(admin, "pin_hash")
    if found is not None:
        key, old = found
        if isinstance(old, ScalarNode) and old.start_mark.index == old.end_mark.index:
            colon = text.index(":", key.end_mark.index)
            return text[:colon + 1] + " " + value + text[colon + 1:]
        span = text[old.start_mark.index:old.end_mark.index]
        kept = span[len(span.rstrip("\r\n")):]  # a block value's trailing line break
        return text[:old.start_mark.index] + value + kept + text[old.end_mark.index:]
    if admin.flow_style:
        return _insert_in_flow(text, admin, f"pin_hash: {value}")
    # A new first line of the block, right under `admin:`, indented like the others.
    first = admin.value[0][0]
    line_start = text.find("\n", admin_key.end_mark.index) + 1
    if not 0 < line_start <= first.start_mark.index:
        raise SettingsEditError("the admin section is written in an unusual layout; "
                                "put each admin setting on its own line and try again")
    indent = " " * first.start_mark.column
    return text[:line_start] + f"{indent}pin_hash: {value}{nl}" + text[line_start:]


def _check_edit(old_text: str, new_text: str, stored: str) -> None:
    """Refuse any edit that changes more than `admin.pin_hash`."""
    old = {} if holds_no_settings(old_text) else parse_yaml(old_text.encode("utf-8")).data
    expected = copy.deepcopy(old)
    if not isinstance(expected.get("admin"), dict):
        expected["admin"] = {}
    expected["admin"]["pin_hash"] = stored
    try:
        new = parse_yaml(new_text.encode("utf-8")).data
    except YamlError:
        new = None
    if new != expected:
        raise SettingsEditError(
            "the PIN could not be added without disturbing other settings; write the admin "
            "section as a plain block (admin: on its own line, one setting per line) and try again")


def set_pin_in_file(path: Path, pin: str) -> str:
    """Hash `pin` and store it as `admin: pin_hash:` in the settings file at `path`.

    The rest of the file (comments, order, layout) is kept; the file and its
    folder are created when missing. Returns the stored hash. Raises ValueError
    for a PIN that is not 4-8 digits, SettingsEditError when the file cannot be
    updated safely (it is then left unchanged) and OSError when it cannot be
    read or written.
    """
    stored = hash_pin(pin)
    bom = b""
    if path.exists():
        raw = path.read_bytes()
        if raw.startswith(b"\xef\xbb\xbf"):
            bom, raw = raw[:3], raw[3:]
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            raise SettingsEditError("the file is not UTF-8 text; save it as UTF-8 first") from None
    else:
        text = ""
    new_text = with_pin_hash(text, stored)
    _check_edit(text, new_text, stored)
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        temporary.write_bytes(bom + new_text.encode("utf-8"))
        if path.exists():
            os.chmod(temporary, path.stat().st_mode & 0o7777)
        os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)
    return stored
