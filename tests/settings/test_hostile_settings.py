"""A hostile or unlucky kiosk.yaml never stops the kiosk: located problems, defaults."""

from __future__ import annotations

import os

import pytest

from kiosk.settings.loading import load_settings
from tests.settings.files import messages, write


@pytest.mark.parametrize("text, where, message", [
    ("idle:\n  timeout_seconds: 90\x00\x00\n", "2:22", "NUL (U+0000)"),
    ("lockdown: true\x0c\n", "1:15", "form feed"),
    ("lockdown: !!bool maybe\n", "1:11", "'maybe' is not a valid !!bool"),
    ("idle: " + "[" * 800 + "]" * 800 + "\n", "1:", "nested far more"),
])
def test_a_file_that_cannot_be_read_as_yaml_gives_every_default(tmp_path, text, where, message):
    loaded = load_settings(write(tmp_path / "kiosk.yaml", text))
    assert loaded.settings.lockdown is False and loaded.settings.idle.timeout_seconds == 90
    assert len(loaded.problems) == 1
    line = messages(loaded)[0]
    assert line.startswith(f"kiosk.yaml:{where}") and message in line and line.endswith("using the defaults")


def test_an_idle_timeout_no_timer_can_hold_falls_back(tmp_path):
    loaded = load_settings(write(tmp_path / "kiosk.yaml", "idle:\n  timeout_seconds: 9999999\n"))
    assert loaded.settings.idle.timeout_seconds == 90
    assert "must be at most 3600 seconds" in messages(loaded)[0]


def test_a_link_to_an_endless_device_is_refused_unread(tmp_path):
    link = tmp_path / "kiosk.yaml"
    os.symlink("/dev/zero", link)
    loaded = load_settings(link)
    assert loaded.settings.idle.timeout_seconds == 90
    assert "not a regular file" in messages(loaded)[0]


def test_a_settings_path_too_long_to_look_at_is_a_problem(tmp_path):
    loaded = load_settings(tmp_path / ("x" * 300) / "kiosk.yaml")
    assert "cannot be read: File name too long" in messages(loaded)[0]
