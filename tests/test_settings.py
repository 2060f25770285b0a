"""kiosk.yaml: the declared settings, field-level fallback, provenance, the admin PIN."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import platformdirs
import pytest

from kiosk.operation import settings as settings_module
from kiosk.operation.pin import (
    SettingsEditError,
    hash_pin,
    is_pin_hash,
    set_pin_in_file,
    verify_pin,
    with_pin_hash,
)
from kiosk.operation.settings import (
    KioskSettings,
    config_show,
    default_config_path,
    format_settings,
    load_settings,
    set_pin,
    setting_names,
)

PROJECT_ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def user_config(tmp_path, monkeypatch) -> Path:
    """The per-user config folder, redirected so tests never touch the real one.
    Tests run in tmp_path so that problems name files relative to it."""
    folder = tmp_path / "user-config"
    monkeypatch.setattr(platformdirs, "user_config_path", lambda app, *a, **k: folder / app)
    monkeypatch.chdir(tmp_path)
    return folder / "exhibit-kiosk"


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def messages(loaded) -> list[str]:
    return [p.format() for p in loaded.problems]


# --- defaults and a good file ------------------------------------------------------


def test_no_file_gives_the_defaults(user_config):
    assert default_config_path() == user_config / "kiosk.yaml"
    loaded = load_settings(None)
    assert loaded.settings == KioskSettings()
    assert loaded.problems == [] and not loaded.found
    s = loaded.settings
    assert (s.idle.timeout_seconds, s.idle.countdown_seconds) == (90, 15)
    assert (s.attract.slide_seconds, s.attract.exhibits, s.attract.include_stills) == (8, None, "all")
    assert s.attract.call_to_action.get("zh", "en") == "触摸屏幕开始探索"
    assert s.attract.call_to_action.get("en", "en") == "Touch to explore"
    assert (s.languages.default, s.languages.enabled) == ("en", ["en", "zh", "ru"])
    assert (s.display.screen, s.display.diagonal_inches) == (0, None)
    assert (s.lockdown, s.cursor, loaded.cursor_hidden) == (False, "auto", False)
    assert (s.admin.corner, s.admin.hold_seconds, s.admin.pin_hash) == ("top-left", 3, None)
    assert (s.presenter.enabled, s.presenter.auto_advance_seconds, s.presenter.loop) == (False, None, False)
    assert s.statistics.enabled is True and s.log_level == "info"
    assert loaded.exhibits_dir is None
    assert all(loaded.source(".".join(name)) == "default" for name in setting_names())


def test_the_built_in_call_to_action_matches_the_interface_strings():
    from kiosk.ui.strings import STRINGS

    assert settings_module.TOUCH_TO_EXPLORE == STRINGS["touch_to_explore"]


GOOD = """\
# Settings for the gallery 2 kiosk
exhibits: content          # next to this file
idle:
  timeout_seconds: 120
  countdown_seconds: 10
attract:
  slide_seconds: 12
  exhibits: [shenzhou-13]
  include_stills: tile
  call_to_action: {en: Tap to start, zh: 点击开始, ru: Нажмите}
languages:
  default: zh
  enabled: [zh, en]
display: {screen: 1, diagonal_inches: 55}
lockdown: true
admin:
  corner: bottom-right
presenter:
  enabled: true
  auto_advance_seconds: 20
log_level: debug
"""


def test_a_good_file_gives_its_values_and_where_they_came_from(tmp_path, user_config):
    (user_config / "content").mkdir(parents=True)
    write(user_config / "kiosk.yaml", GOOD)
    loaded = load_settings(None)
    assert loaded.problems == [] and loaded.found
    s = loaded.settings
    assert loaded.exhibits_dir == user_config / "content"
    assert (s.idle.timeout_seconds, s.idle.countdown_seconds) == (120, 10)
    assert s.attract.exhibits == ["shenzhou-13"] and s.attract.include_stills == "tile"
    assert s.attract.call_to_action.get("ru", "en") == "Нажмите"
    assert (s.languages.default, s.languages.enabled) == ("zh", ["zh", "en"])
    assert (s.display.screen, s.display.diagonal_inches) == (1, 55.0)
    assert s.lockdown and loaded.cursor_hidden
    assert s.admin.corner == "bottom-right" and s.admin.hold_seconds == 3
    assert s.presenter.enabled and s.presenter.auto_advance_seconds == 20
    name = "user-config/exhibit-kiosk/kiosk.yaml"
    assert loaded.source("idle.timeout_seconds") == f"{name}:4"
    assert loaded.source("display.diagonal_inches") == f"{name}:14"
    assert loaded.source("admin.hold_seconds") == "default"

    lines = format_settings(loaded).splitlines()
    assert lines[0] == f"# settings file: {name}"
    table = {line.split(" = ")[0]: line.split(" = ", 1)[1] for line in lines[1:]}
    assert [key for key in table] == [".".join(n) for n in setting_names()]

    def row(key):
        value, _, comment = table[key].partition("#")
        return value.strip(), comment.strip()

    assert row("exhibits") == ("content", f"from {name}:2")
    assert row("idle.timeout_seconds") == ("120", f"from {name}:4")
    assert row("idle.countdown_seconds") == ("10", f"from {name}:5")
    assert row("attract.exhibits") == ("[shenzhou-13]", f"from {name}:8")
    assert row("attract.call_to_action") == ("{en: Tap to start, zh: 点击开始, ru: Нажмите}", f"from {name}:10")
    assert row("languages.enabled") == ("[zh, en]", f"from {name}:13")
    assert row("lockdown") == ("true", f"from {name}:15")
    assert row("cursor") == ("auto", "default")
    assert row("admin.pin_hash") == ("not set", "default")
    assert row("presenter.auto_advance_seconds") == ("20", f"from {name}:20")
    assert row("display.diagonal_inches") == ("55.0", f"from {name}:14")
    assert row("statistics.enabled") == ("true", "default")


def test_explicit_config_wins_over_the_user_file(tmp_path, user_config):
    write(user_config / "kiosk.yaml", "log_level: debug\n")
    explicit = write(tmp_path / "other.yaml", "log_level: error\n")
    loaded = load_settings(explicit)
    assert loaded.settings.log_level == "error" and loaded.source("log_level") == "other.yaml:1"


def test_empty_files_and_empty_sections_mean_defaults(tmp_path):
    assert load_settings(write(tmp_path / "a.yaml", "")).problems == []
    loaded = load_settings(write(tmp_path / "b.yaml", "# idle:\n#   timeout_seconds: 60\n\n"))
    assert loaded.problems == [] and loaded.settings == KioskSettings()
    loaded = load_settings(write(tmp_path / "c.yaml", "idle:\n  # timeout_seconds: 60\nlockdown: true\n"))
    assert loaded.problems == []
    assert loaded.settings.idle.timeout_seconds == 90 and loaded.settings.lockdown


# --- bad files: located problems, defaults for the bad parts only ----------------


def test_syntax_error_gives_all_defaults_and_a_located_problem(tmp_path):
    path = write(tmp_path / "kiosk.yaml", "idle:\n  timeout_seconds: 60\n   countdown_seconds: 10\n")
    loaded = load_settings(path)
    assert loaded.settings == KioskSettings()
    assert messages(loaded) == [
        "kiosk.yaml:3:21: error: YAML syntax: mapping values are not allowed here; using the defaults"]


def test_idle_timeout_under_30_seconds_falls_back_and_keeps_the_rest(tmp_path):
    path = write(tmp_path / "kiosk.yaml", "idle: {timeout_seconds: 5, countdown_seconds: 20}\nlockdown: true\n")
    loaded = load_settings(path)
    assert loaded.settings.idle.timeout_seconds == 90
    assert loaded.settings.idle.countdown_seconds == 20
    assert loaded.settings.lockdown is True
    assert messages(loaded) == [
        "kiosk.yaml:1:25: error: idle.timeout_seconds: must be at least 30 seconds "
        "(museum guidance: under 30 s feels jumpy)"]
    assert loaded.source("idle.timeout_seconds") == "default"
    assert loaded.source("idle.countdown_seconds") == "kiosk.yaml:1"


def test_unknown_key_is_reported_with_did_you_mean_and_ignored(tmp_path):
    path = write(tmp_path / "kiosk.yaml",
                 "idle_timout: 45\nidle:\n  countdown_secs: 20\n  timeout_seconds: 45\nlog_levl: debug\n")
    loaded = load_settings(path)
    top = ("admin, attract, cursor, display, exhibits, idle, languages, lockdown, log_level, "
           "presenter, statistics")
    assert messages(loaded) == [
        f"kiosk.yaml:1:1: error: idle_timout: unknown field 'idle_timout' (did you mean "
        f"'timeout_seconds' under 'idle:'?); expected one of: {top}",
        "kiosk.yaml:3:3: error: idle.countdown_secs: unknown field 'countdown_secs' (did you mean "
        "'countdown_seconds'?); expected one of: countdown_seconds, timeout_seconds",
        f"kiosk.yaml:5:1: error: log_levl: unknown field 'log_levl' (did you mean 'log_level'?); "
        f"expected one of: {top}",
    ]
    s = loaded.settings
    assert (s.idle.timeout_seconds, s.idle.countdown_seconds, s.log_level) == (45, 15, "info")


def test_a_file_with_many_mistakes_keeps_every_good_setting(tmp_path):
    path = write(tmp_path / "kiosk.yaml", """\
idle:
  timeout_seconds: 5
  countdown_seconds: 20
attract:
  slide_seconds: 10
  exhibits: [shenzhou-13, "Bad Id"]
  include_stills: some
languages:
  default: fr
  enabled: [en, zh]
display: {screen: -1, diagonal_inches: 32}
lockdown: "yes"
cursor: hidden
admin: {corner: middle, hold_seconds: 5}
presenter: {enabled: true, auto_advance_seconds: 1}
statistics: 7
log_level: loud
""")
    loaded = load_settings(path)
    s = loaded.settings
    assert (s.idle.timeout_seconds, s.idle.countdown_seconds) == (90, 20)
    assert (s.attract.slide_seconds, s.attract.exhibits, s.attract.include_stills) == (10, None, "all")
    assert (s.languages.default, s.languages.enabled) == ("en", ["en", "zh"])
    assert (s.display.screen, s.display.diagonal_inches) == (0, 32.0)
    assert (s.lockdown, s.cursor) == (False, "hidden")
    assert (s.admin.corner, s.admin.hold_seconds) == ("top-left", 5)
    assert (s.presenter.enabled, s.presenter.auto_advance_seconds) == (True, None)
    assert s.statistics.enabled is True and s.log_level == "info"
    assert messages(loaded) == [
        "kiosk.yaml:2:20: error: idle.timeout_seconds: must be at least 30 seconds "
        "(museum guidance: under 30 s feels jumpy)",
        "kiosk.yaml:6:27: error: attract.exhibits[1]: 'Bad Id' is not a valid name: use lowercase "
        "letters, digits, '-' and '_', such as 'shenzhou-13'",
        "kiosk.yaml:7:19: error: attract.include_stills: expected 'tile' or 'all', got 'some'",
        "kiosk.yaml:9:12: error: languages.default: the default language 'fr' must be one of the "
        "enabled languages (en, zh)",
        "kiosk.yaml:11:19: error: display.screen: input should be greater than or equal to 0, got -1",
        "kiosk.yaml:12:11: error: lockdown: input should be a valid boolean, got 'yes'",
        "kiosk.yaml:14:17: error: admin.corner: expected 'top-left', 'top-right', 'bottom-left' or "
        "'bottom-right', got 'middle'",
        "kiosk.yaml:15:50: error: presenter.auto_advance_seconds: input should be greater than or "
        "equal to 3, got 1",
        "kiosk.yaml:16:13: error: statistics: expected a map of fields, got 7",
        "kiosk.yaml:17:12: error: log_level: expected 'debug', 'info', 'warning' or 'error', got 'loud'",
    ]
    assert loaded.source("idle.countdown_seconds") == "kiosk.yaml:3"
    assert loaded.source("attract.exhibits") == "default"
    assert loaded.source("cursor") == "kiosk.yaml:13"


def test_a_default_language_left_out_of_enabled_falls_back_once(tmp_path):
    loaded = load_settings(write(tmp_path / "kiosk.yaml", "languages:\n  enabled: [zh, ru]\n"))
    assert (loaded.settings.languages.default, loaded.settings.languages.enabled) == ("en", ["en", "zh", "ru"])
    assert messages(loaded) == [
        "kiosk.yaml:2:3: error: languages.default: the default language 'en' must be one of the "
        "enabled languages (zh, ru)"]


def test_missing_explicit_config_file(tmp_path):
    loaded = load_settings(tmp_path / "nope.yaml")
    assert loaded.settings == KioskSettings()
    assert messages(loaded) == ["nope.yaml:1:1: error: the settings file does not exist; using the defaults"]


def test_duplicate_keys(tmp_path):
    path = write(tmp_path / "kiosk.yaml", "idle:\n  timeout_seconds: 60\n  timeout_seconds: 45\n")
    loaded = load_settings(path)
    assert loaded.settings == KioskSettings()
    assert messages(loaded) == [
        "kiosk.yaml:3:3: error: idle.timeout_seconds: duplicate key 'timeout_seconds' (first given "
        "at line 2, column 3); YAML would silently keep only the last one; using the defaults"]


def test_not_a_map_and_python_tags(tmp_path):
    loaded = load_settings(write(tmp_path / "list.yaml", "- idle\n"))
    assert messages(loaded) == ["list.yaml:1:1: error: expected a map of settings (idle:, languages:, "
                                "admin: ...); using the defaults"]
    loaded = load_settings(write(tmp_path / "tag.yaml", "log_level: !!python/name:os.system debug\n"))
    assert loaded.settings == KioskSettings() and "is not allowed" in messages(loaded)[0]


def test_missing_exhibits_folder_falls_back_to_the_bundled_exhibits(tmp_path):
    loaded = load_settings(write(tmp_path / "kiosk.yaml", "exhibits: nowhere\nlockdown: true\n"))
    assert loaded.exhibits_dir is None and loaded.settings.lockdown
    assert loaded.source("exhibits") == "default"
    assert messages(loaded) == [f"kiosk.yaml:1:11: error: exhibits: no such exhibits folder: "
                                f"{tmp_path / 'nowhere'}; using the bundled exhibits"]


def test_a_wrong_pin_hash_is_reported_but_kept_so_the_admin_screen_stays_locked(tmp_path):
    loaded = load_settings(write(tmp_path / "kiosk.yaml", "admin:\n  pin_hash: 1234\n"))
    assert loaded.settings.admin.pin_hash == "1234"
    assert not verify_pin("1234", loaded.settings.admin.pin_hash)
    assert messages(loaded) == ["kiosk.yaml:2:13: error: admin.pin_hash: this is not a PIN hash written "
                                "by `kiosk set-pin`; the admin screen stays locked until you run "
                                "`kiosk set-pin` again"]


def test_fallback_is_generic_and_bounded(tmp_path):
    text = "".join(f"{section}: {{{', '.join(f'{name}: [1]' for name in fields)}}}\n"
                   for section, fields in (("idle", ["timeout_seconds", "countdown_seconds"]),
                                           ("admin", ["corner", "hold_seconds"]),
                                           ("presenter", ["enabled", "auto_advance_seconds", "loop"])))
    loaded = load_settings(write(tmp_path / "kiosk.yaml", text))
    assert loaded.settings == KioskSettings()
    assert len(loaded.errors) == 7


# --- the PIN --------------------------------------------------------------------


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


def test_config_show_prints_the_settings_and_exits_0(tmp_path, capsys):
    path = write(tmp_path / "kiosk.yaml", "idle:\n  timeout_seconds: 60\n")
    set_pin_in_file(path, "1234")
    assert config_show(path) == 0
    out, err = capsys.readouterr()
    assert err == ""
    lines = out.splitlines()
    assert lines[0] == "# settings file: kiosk.yaml"
    assert lines[1] == f"{'exhibits = null (the bundled exhibits)':<48}    # default"
    assert lines[2] == f"{'idle.timeout_seconds = 60':<48}    # from kiosk.yaml:2"
    assert f"{'admin.pin_hash = set':<48}    # from kiosk.yaml:4" in lines
    assert "scrypt" not in out


def test_config_show_with_errors_exits_1_and_reports_on_stderr(tmp_path, capsys):
    path = write(tmp_path / "kiosk.yaml", "idle: {timeout_seconds: 5}\n")
    assert config_show(path) == 1
    out, err = capsys.readouterr()
    assert f"{'idle.timeout_seconds = 90':<48}    # default" in out.splitlines()
    assert err == ("kiosk.yaml:1:25: error: idle.timeout_seconds: must be at least 30 seconds "
                   "(museum guidance: under 30 s feels jumpy)\n")


def test_config_show_without_any_file(capsys, user_config):
    assert config_show(None) == 0
    out, err = capsys.readouterr()
    assert out.splitlines()[0] == ("# settings file: user-config/exhibit-kiosk/kiosk.yaml "
                                   "(not found: every setting is the default)")
    assert err == ""
    assert config_show(Path("missing.yaml")) == 1
    assert capsys.readouterr().err == ("missing.yaml:1:1: error: the settings file does not exist; "
                                       "using the defaults\n")


def test_set_pin_handler_writes_the_user_file(user_config, capsys):
    assert set_pin(None, "8642") == 0
    assert capsys.readouterr().out == "admin PIN set in user-config/exhibit-kiosk/kiosk.yaml\n"
    assert verify_pin("8642", load_settings(None).settings.admin.pin_hash)


@pytest.mark.parametrize("pin", ["12", "12345678901", "abcd", "12 34"])
def test_set_pin_handler_refuses_a_bad_pin_with_exit_2(tmp_path, capsys, pin):
    path = tmp_path / "kiosk.yaml"
    assert set_pin(path, pin) == 2
    assert capsys.readouterr().err == ("kiosk set-pin: the PIN must be 4 to 8 digits (0-9); "
                                       "nothing was changed\n")
    assert not path.exists()


def test_set_pin_handler_asks_twice(tmp_path, capsys, monkeypatch):
    path = tmp_path / "kiosk.yaml"
    answers = iter(["4321", "4321", "4321", "4322"])
    monkeypatch.setattr("getpass.getpass", lambda prompt="": next(answers))
    assert set_pin(path, None) == 0
    assert verify_pin("4321", load_settings(path).settings.admin.pin_hash)
    capsys.readouterr()
    before = path.read_text(encoding="utf-8")
    assert set_pin(path, None) == 2
    assert "the two PINs differ" in capsys.readouterr().err
    assert path.read_text(encoding="utf-8") == before


def test_set_pin_handler_reports_a_broken_file_with_exit_1(tmp_path, capsys):
    path = write(tmp_path / "kiosk.yaml", "admin: [1\n")
    assert set_pin(path, "1234") == 1
    assert capsys.readouterr().err.startswith("kiosk set-pin: kiosk.yaml: line 2, column 1: YAML syntax")
    assert path.read_text(encoding="utf-8") == "admin: [1\n"


def test_settings_and_pin_never_import_qt():
    code = ("import sys, kiosk.operation.settings, kiosk.operation.pin; "
            "print([m for m in sys.modules if m.startswith(('PySide6', 'qtawesome', 'kiosk.ui'))])")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            cwd=PROJECT_ROOT, check=True)
    assert result.stdout.strip() == "[]"
