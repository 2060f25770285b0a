"""The admin PIN: hashing, checking, and writing it into kiosk.yaml in place."""

from __future__ import annotations

import pytest

from kiosk.settings.edit import SettingsEditError, set_pin_in_file, with_pin_hash
from kiosk.settings.loading import load_settings
from kiosk.settings.pin import hash_pin, is_pin_hash, verify_pin
from tests.settings.files import write


def test_pin_hash_round_trip_and_format():
    stored = hash_pin("2468")
    assert stored.startswith("scrypt$n=16384,r=8,p=1$") and "2468" not in stored
    assert is_pin_hash(stored)
    assert verify_pin("2468", stored)
    assert not verify_pin("2469", stored)
    assert not verify_pin("", stored)


def test_the_salt_differs_between_two_hashes_of_one_pin():
    first, second = hash_pin("1234"), hash_pin("1234")
    assert first != second
    assert first.split("$")[2] != second.split("$")[2]
    assert verify_pin("1234", first) and verify_pin("1234", second)


@pytest.mark.parametrize("stored", [
    None, "", "1234", "scrypt$n=16384,r=8,p=1$abc", "scrypt$n=16384,r=8,p=1$!!!!$????",
    "md5$x=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA", "scrypt$n=1000,r=8,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA",
    "scrypt$n=1073741824,r=8,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA",
    "pbkdf2_sha256$i=10$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA", 1234,
])
def test_a_malformed_hash_never_verifies_and_never_raises(stored):
    assert verify_pin("1234", stored) is False
    assert not is_pin_hash(stored)


def test_a_tampered_hash_does_not_verify():
    scheme, params, salt, digest = hash_pin("1234").split("$")
    other = "A" + digest[1:] if digest[0] != "A" else "B" + digest[1:]
    assert not verify_pin("1234", "$".join([scheme, params, salt, other]))


def test_pbkdf2_hashes_verify_too():
    import base64
    import hashlib

    salt = b"0123456789abcdef"
    digest = hashlib.pbkdf2_hmac("sha256", b"98765", salt, 200_000)
    stored = "pbkdf2_sha256$i=200000${}${}".format(
        *(base64.b64encode(x).decode().rstrip("=") for x in (salt, digest)))
    assert verify_pin("98765", stored) and not verify_pin("98764", stored)


@pytest.mark.parametrize("pin", ["123", "123456789", "12a4", "", " 1234", "١٢٣٤"])
def test_pins_must_be_4_to_8_digits(pin):
    with pytest.raises(ValueError, match="4 to 8 digits"):
        hash_pin(pin)


def test_set_pin_in_a_missing_file_creates_it_and_its_folder(tmp_path):
    path = tmp_path / "new" / "folder" / "kiosk.yaml"
    stored = set_pin_in_file(path, "1357")
    assert path.read_text(encoding="utf-8") == f'admin:\n  pin_hash: "{stored}"\n'
    loaded = load_settings(path)
    assert loaded.problems == [] and verify_pin("1357", loaded.settings.admin.pin_hash)
    assert [p.name for p in path.parent.iterdir()] == ["kiosk.yaml"]  # no temporary file left


COMMENTED = """\
# Gallery 2 kiosk
idle:
  timeout_seconds: 60   # a minute
admin:
  # the corner nearest the staff door
  corner: bottom-left
  hold_seconds: 4
log_level: debug        # while we test
"""


def test_set_pin_keeps_comments_and_the_admin_section(tmp_path):
    path = write(tmp_path / "kiosk.yaml", COMMENTED)
    stored = set_pin_in_file(path, "24680")
    assert path.read_text(encoding="utf-8") == COMMENTED.replace(
        "admin:\n", f'admin:\n  pin_hash: "{stored}"\n')
    loaded = load_settings(path)
    assert loaded.problems == []
    assert verify_pin("24680", loaded.settings.admin.pin_hash)
    assert not verify_pin("24681", loaded.settings.admin.pin_hash)
    assert loaded.settings.admin.corner == "bottom-left" and loaded.settings.idle.timeout_seconds == 60
    assert loaded.source("admin.pin_hash") == "kiosk.yaml:5"

    again = set_pin_in_file(path, "1111")  # replaces the hash in place
    text = path.read_text(encoding="utf-8")
    assert text == COMMENTED.replace("admin:\n", f'admin:\n  pin_hash: "{again}"\n')
    assert verify_pin("1111", load_settings(path).settings.admin.pin_hash)


@pytest.mark.parametrize("before, after", [
    ("lockdown: true\n", 'lockdown: true\nadmin:\n  pin_hash: "H"\n'),
    ("lockdown: true", 'lockdown: true\nadmin:\n  pin_hash: "H"\n'),
    ("# only a comment\n", '# only a comment\nadmin:\n  pin_hash: "H"\n'),
    ("admin:   # staff only\nlockdown: true\n", 'admin:   # staff only\n  pin_hash: "H"\nlockdown: true\n'),
    ("admin: null\n", 'admin: {pin_hash: "H"}\n'),
    ("admin: {corner: top-right}\n", 'admin: {corner: top-right, pin_hash: "H"}\n'),
    ("admin: {}\n", 'admin: {pin_hash: "H"}\n'),
    ("admin:\n  pin_hash:   # set below\n  corner: top-right\n",
     'admin:\n  pin_hash: "H"   # set below\n  corner: top-right\n'),
    ("admin:\n    pin_hash: old # old one\n", 'admin:\n    pin_hash: "H" # old one\n'),
    ("lockdown: true\r\nadmin:\r\n  corner: top-right\r\n",
     'lockdown: true\r\nadmin:\r\n  pin_hash: "H"\r\n  corner: top-right\r\n'),
    ("{lockdown: true}\n", '{lockdown: true, admin: {pin_hash: "H"}}\n'),
])
def test_with_pin_hash_edits_text_in_place(before, after):
    assert with_pin_hash(before, "H") == after


@pytest.mark.parametrize("text, message", [
    ("idle: [1,\n", "line 2, column 1: YAML syntax"),
    ("- a list\n", "does not hold a map of settings"),
    ("admin: [1, 2]\n", "'admin' must be a map of settings"),
])
def test_set_pin_refuses_a_file_it_cannot_edit_safely(tmp_path, text, message):
    path = write(tmp_path / "kiosk.yaml", text)
    with pytest.raises(SettingsEditError, match=message.replace("[", r"\[")):
        set_pin_in_file(path, "1234")
    assert path.read_text(encoding="utf-8") == text


def test_set_pin_keeps_a_byte_order_mark(tmp_path):
    path = tmp_path / "kiosk.yaml"
    path.write_bytes(b"\xef\xbb\xbflockdown: true\n")
    set_pin_in_file(path, "1234")
    assert path.read_bytes().startswith(b"\xef\xbb\xbflockdown: true\nadmin:\n  pin_hash: ")
    assert verify_pin("1234", load_settings(path).settings.admin.pin_hash)


# --- command-line handlers -------------------------------------------------------
