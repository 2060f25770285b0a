"""The `kiosk` command: `kiosk` alone is `kiosk run`, with run's options."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time

import pytest

from kiosk.cli import _parser, _with_default_command, main
from tests.helpers.exhibits import PROJECT_ROOT


@pytest.mark.parametrize("argv, command", [
    ([], "run"), (["--kiosk"], "run"), (["--windowed", "--size", "1600x900"], "run"),
    (["--lang", "zh"], "run"), (["validate"], "validate"), (["present", "--lang", "ru"], "present"),
])
def test_options_alone_mean_kiosk_run(argv, command):
    args = _parser().parse_args(_with_default_command(argv))
    assert args.command == command


def test_help_and_version_stay_at_the_top(capsys):
    assert main(["--version"]) == 0
    assert "kiosk" in capsys.readouterr().out


def test_a_language_the_settings_do_not_enable_is_a_usage_error(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    config = tmp_path / "kiosk.yaml"
    config.write_text("languages: {enabled: [en, ru]}\n")
    assert main(["--config", str(config), "--lang", "zh"]) == 2
    assert "--lang zh is not an enabled language (en, ru)" in capsys.readouterr().err
    assert main(["--lang", "not a code"]) == 2


def _environment(tmp_path) -> dict[str, str]:
    return {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path / "config"),
            "XDG_STATE_HOME": str(tmp_path / "state"), "XDG_DATA_HOME": str(tmp_path / "data")}


@pytest.mark.parametrize("argv", [["--kiosk"], ["--windowed", "--size", "800x600"], ["--lang", "zh"]])
def test_the_kiosk_starts_from_the_bare_command(tmp_path, argv):
    process = subprocess.Popen([sys.executable, "-m", "kiosk", *argv], cwd=PROJECT_ROOT,
                               env=_environment(tmp_path), stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 60
        lines = []
        while time.monotonic() < deadline:
            line = process.stderr.readline()
            if not line:
                break
            lines.append(line)
            if "kiosk started" in line:
                break
        assert any("kiosk started: 2 exhibits" in line for line in lines), "".join(lines)[-3000:]
    finally:
        process.kill()
        process.wait(10)
        process.stderr.close()


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT])
def test_a_stop_signal_closes_the_visit_and_exits_0_within_a_second(tmp_path, sig):
    """A service stop must end the session in progress as a quit, not leave it
    for the next start to find interrupted as after a crash."""
    env = _environment(tmp_path)
    process = subprocess.Popen([sys.executable, "-m", "kiosk", "present", "--windowed"], cwd=PROJECT_ROOT,
                               env=env, stderr=subprocess.PIPE, text=True)
    try:
        for line in process.stderr:
            if "kiosk started" in line:
                break
        time.sleep(0.5)
        sent = time.monotonic()
        process.send_signal(sig)
        assert process.wait(10) == 0
        assert time.monotonic() - sent < 1.0
    finally:
        process.kill()
        process.stderr.close()
    database = tmp_path / "data" / "exhibit-kiosk" / "stats.sqlite3"
    with sqlite3.connect(database) as conn:
        reasons = [row[0] for row in conn.execute("SELECT end_reason FROM sessions")]
    assert reasons == ["quit"]


def test_the_kiosk_starts_with_the_good_content_whatever_the_files_hold(tmp_path):
    from tests.content.test_hostile_files import HOSTILE
    from tests.helpers.exhibits import make_exhibit

    exhibits = tmp_path / "exhibits"
    make_exhibit(exhibits, "good")
    for name, (data, _, _) in HOSTILE.items():
        folder = exhibits / name.replace(" ", "-")
        folder.mkdir()
        (folder / "exhibit.yaml").write_bytes(data)
    config = tmp_path / "kiosk.yaml"
    config.write_bytes(b"exhibits: exhibits\nidle: {timeout_seconds: 9999999}\nlockdown: !!bool maybe\x00")
    process = subprocess.Popen([sys.executable, "-m", "kiosk", "--config", str(config), "--windowed",
                                "--exhibits", str(exhibits)], cwd=PROJECT_ROOT, env=_environment(tmp_path),
                               stderr=subprocess.PIPE, text=True)
    try:
        lines = []
        for line in process.stderr:
            lines.append(line)
            if "kiosk started" in line:
                break
        assert "kiosk started: 1 exhibits" in lines[-1], "".join(lines)[-3000:]
        assert not any("Traceback" in line for line in lines)
    finally:
        process.kill()
        process.wait(10)
        process.stderr.close()
