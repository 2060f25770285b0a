"""`kiosk config --show` and `kiosk set-pin`."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.settings.edit import set_pin_in_file
from kiosk.settings.loading import load_settings
from kiosk.settings.pin import verify_pin
from kiosk.settings.show import config_show, set_pin
from tests.settings.files import write


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
