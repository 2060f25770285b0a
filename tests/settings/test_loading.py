"""kiosk.yaml: the declared settings, field-level fallback, provenance."""

from __future__ import annotations

from kiosk.locale.strings import translations
from kiosk.settings.loading import load_settings
from kiosk.settings.pin import verify_pin
from kiosk.settings.schema import KioskSettings, default_config_path, setting_names
from kiosk.settings.show import format_settings
from tests.settings.files import messages, write

# --- defaults and a good file ------------------------------------------------------


def test_no_file_gives_the_defaults(user_config):
    assert default_config_path() == user_config / "kiosk.yaml"
    loaded = load_settings(None)
    assert loaded.settings == KioskSettings()
    assert loaded.problems == [] and not loaded.found
    s = loaded.settings
    assert (s.idle.timeout_seconds, s.idle.countdown_seconds) == (90, 20)
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


def test_the_built_in_call_to_action_is_the_interface_strings():
    assert KioskSettings().attract.call_to_action.translations == translations("touch_to_explore")


GOOD = """\
# Settings for the gallery 2 kiosk
exhibits: content          # next to this file
idle:
  timeout_seconds: 120
  countdown_seconds: 30
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
    assert (s.idle.timeout_seconds, s.idle.countdown_seconds) == (120, 30)
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
    assert row("idle.countdown_seconds") == ("30", f"from {name}:5")
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
    path = write(tmp_path / "kiosk.yaml", "idle: {timeout_seconds: 5, countdown_seconds: 25}\nlockdown: true\n")
    loaded = load_settings(path)
    assert loaded.settings.idle.timeout_seconds == 90
    assert loaded.settings.idle.countdown_seconds == 25
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
    top = ("accessibility, admin, attract, bundles, clips, cursor, display, exhibits, health, idle, languages, "
           "lockdown, log_level, presenter, schedule, statistics")
    assert messages(loaded) == [
        f"kiosk.yaml:1:1: error: idle_timout: unknown field 'idle_timout' (did you mean "
        f"'timeout_seconds' under 'idle:'?); expected one of: {top}",
        "kiosk.yaml:3:3: error: idle.countdown_secs: unknown field 'countdown_secs' (did you mean "
        "'countdown_seconds'?); expected one of: countdown_seconds, timeout_seconds",
        f"kiosk.yaml:5:1: error: log_levl: unknown field 'log_levl' (did you mean 'log_level'?); "
        f"expected one of: {top}",
    ]
    s = loaded.settings
    assert (s.idle.timeout_seconds, s.idle.countdown_seconds, s.log_level) == (45, 20, "info")


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


def test_a_language_without_interface_text_is_a_located_warning_and_is_kept(tmp_path):
    loaded = load_settings(write(tmp_path / "kiosk.yaml", "languages:\n  enabled: [en, de, zh-Hant]\n"))
    assert loaded.settings.languages.enabled == ["en", "de", "zh-Hant"]
    [problem] = loaded.problems
    assert not problem.is_error and (problem.line, problem.column) == (2, 17)
    assert "languages.enabled[1]: 'de' has no interface text" in problem.format()


def test_the_accessibility_settings_are_shown_with_their_sources(tmp_path):
    path = write(tmp_path / "kiosk.yaml", "accessibility:\n  text_size: largest\n  audio_idle_seconds: 300\n")
    shown = format_settings(load_settings(path))
    assert "accessibility.text_size = largest                   # from kiosk.yaml:2" in shown
    assert "accessibility.audio_idle_seconds = 300" in shown
    assert "accessibility.high_contrast = false" in shown and "display.mounting_height_mm = 800.0" in shown
