"""The shipped unit's supervision, run by a real systemd: a killed kiosk comes
back, a hung one is caught by the watchdog and comes back, and a stop ends it
cleanly with exit status 0.

There is no systemd as PID 1 on these machines, so the test starts a systemd
user manager in a private mount namespace (it only needs /run/systemd/system
to exist). The unit it runs takes every supervision setting from
packaging/linux/exhibit-kiosk.service; only what a user manager cannot do
(the system user, tty1, cage) is left out, the watchdog is shortened from 30
to 3 seconds to keep the test short, and the kiosk draws off screen.
"""

from __future__ import annotations

import configparser
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.helpers.exhibits import PROJECT_ROOT

UNIT = PROJECT_ROOT / "packaging" / "linux" / "exhibit-kiosk.service"
SUPERVISION = {"Unit": ("StartLimitIntervalSec", "StartLimitBurst"),
               "Service": ("Type", "NotifyAccess", "Restart", "RestartSec", "KillSignal", "TimeoutStopSec")}


def _supervised_unit(state: Path) -> str:
    shipped = configparser.ConfigParser(strict=False, interpolation=None)
    shipped.optionxform = str  # type: ignore[assignment,method-assign]
    shipped.read(UNIT)
    lines = ["[Unit]", "DefaultDependencies=no"]
    lines += [f"{key}={shipped['Unit'][key]}" for key in SUPERVISION["Unit"]]
    lines += ["[Service]"] + [f"{key}={shipped['Service'][key]}" for key in SUPERVISION["Service"]]
    environment = {"QT_QPA_PLATFORM": "offscreen", "HOME": state, "XDG_CONFIG_HOME": state / "etc",
                   "XDG_DATA_HOME": state / "lib", "XDG_STATE_HOME": state / "lib",
                   "XDG_CACHE_HOME": state / "cache", "PYTHONPATH": PROJECT_ROOT}
    lines += [f'Environment="{key}={value}"' for key, value in environment.items()]
    lines += ["WatchdogSec=3", "TimeoutAbortSec=2", f"WorkingDirectory={PROJECT_ROOT}",
              f"ExecStart={sys.executable} -m kiosk run --kiosk"]
    return "\n".join(lines) + "\n"


@pytest.fixture
def systemd(tmp_path: Path) -> Iterator[Callable[..., str]]:
    """`systemctl --user` of a fresh user manager running the kiosk's unit."""
    home, runtime = tmp_path / "home", tmp_path / "run"
    units = home / ".config" / "systemd" / "user"
    units.mkdir(parents=True)
    runtime.mkdir(mode=0o700)
    (units / "exhibit-kiosk.service").write_text(_supervised_unit(tmp_path / "state"), encoding="utf-8")
    env = {"PATH": os.environ["PATH"], "HOME": str(home), "XDG_CONFIG_HOME": str(home / ".config"),
           "XDG_RUNTIME_DIR": str(runtime)}
    boot = ("mount -t tmpfs tmpfs /run/systemd && mkdir -p /run/systemd/system && "
            "exec /lib/systemd/systemd --user --unit=exhibit-kiosk.service")
    manager = subprocess.Popen(["unshare", "-m", "--propagation", "private", "sh", "-c", boot], env=env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    def systemctl(*args: str) -> str:
        done = subprocess.run(["systemctl", "--user", *args], env=env, capture_output=True, text=True, timeout=30)
        return done.stdout + done.stderr
    try:
        yield systemctl
    finally:
        systemctl("stop", "exhibit-kiosk.service")
        manager.terminate()
        manager.wait(timeout=30)


def _show(systemctl: Callable[..., str]) -> dict[str, str]:
    properties = "ActiveState,SubState,MainPID,NRestarts,Result,ExecMainStatus,ExecMainCode"
    output = systemctl("show", "exhibit-kiosk.service", "-p", properties)
    return dict(line.split("=", 1) for line in output.splitlines() if "=" in line)


def _wait_for(systemctl: Callable[..., str], done: Callable[[dict[str, str]], bool], seconds: float) -> dict[str, str]:
    deadline = time.monotonic() + seconds
    state = _show(systemctl)
    while not done(state) and time.monotonic() < deadline:
        time.sleep(0.2)
        state = _show(systemctl)
    assert done(state), state
    return state


def _ready(restarts: int) -> Callable[[dict[str, str]], bool]:
    """Active (a notify unit is active only after the kiosk's READY=1, sent at its first frame)."""
    return lambda state: (state.get("ActiveState") == "active" and state.get("NRestarts") == str(restarts)
                          and state.get("MainPID", "0") != "0")


def test_a_killed_or_hung_kiosk_comes_back_and_a_stop_exits_cleanly(systemd):
    first = _wait_for(systemd, _ready(0), 90)

    os.kill(int(first["MainPID"]), signal.SIGKILL)
    second = _wait_for(systemd, _ready(1), 90)
    assert second["MainPID"] != first["MainPID"]

    # A hang: the process lives, but its event loop no longer turns, so its watchdog pings stop.
    os.kill(int(second["MainPID"]), signal.SIGSTOP)
    third = _wait_for(systemd, _ready(2), 90)
    assert third["MainPID"] != second["MainPID"]

    systemd("stop", "exhibit-kiosk.service")
    stopped = _wait_for(systemd, lambda state: state.get("ActiveState") == "inactive", 30)
    assert stopped["Result"] == "success" and stopped["ExecMainStatus"] == "0", stopped
