"""The kiosk as a systemd notify service: ready after its first frame, a
watchdog ping only while the event loop turns and the window paints, and
STOPPING on a stop. systemd's side is a datagram socket here, as sd_notify(3)
describes it."""

from __future__ import annotations

import signal
import socket
import subprocess
import sys
import time

import pytest
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QWidget

from kiosk.operation.service import ServiceHeartbeat, SystemdNotifier
from tests.helpers.exhibits import PROJECT_ROOT
from tests.test_cli import _environment


@pytest.fixture
def systemd(tmp_path):
    """The socket systemd would listen on, and what it has been told."""
    path = tmp_path / "notify"
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    sock.bind(str(path))
    sock.setblocking(False)
    told: list[str] = []

    def receive() -> list[str]:
        while True:
            try:
                told.extend(sock.recv(4096).decode().splitlines())
            except BlockingIOError:
                return told
    yield str(path), receive
    sock.close()


@pytest.fixture
def beats(qtbot):
    """Heartbeats made by a test, stopped when it ends (their socket goes with it)."""
    made: list[ServiceHeartbeat] = []
    yield made
    for heartbeat in made:
        heartbeat.stop()


def _heartbeat(qtbot, address: str, beats, watchdog_usec: int = 300_000):
    window = QWidget()
    window.resize(200, 100)
    qtbot.addWidget(window)
    window.show()
    notifier = SystemdNotifier({"NOTIFY_SOCKET": address, "WATCHDOG_USEC": str(watchdog_usec)})
    heartbeat = ServiceHeartbeat(window, notifier)
    beats.append(heartbeat)
    heartbeat.start()
    return window, heartbeat


def test_ready_after_the_first_frame_then_a_ping_at_half_the_watchdog(qtbot, systemd, beats):
    address, receive = systemd
    _window, heartbeat = _heartbeat(qtbot, address, beats)
    qtbot.waitUntil(lambda: receive().count("WATCHDOG=1") >= 2, timeout=3000)
    told = receive()
    assert told[0] == "READY=1" and told.index("READY=1") < told.index("WATCHDOG=1")
    assert heartbeat._timer.interval() == 150


def test_a_window_that_no_longer_paints_gets_no_ping(qtbot, systemd, monkeypatch, beats):
    address, receive = systemd
    window, _heartbeat_ = _heartbeat(qtbot, address, beats)
    qtbot.waitUntil(lambda: "READY=1" in receive(), timeout=3000)
    monkeypatch.setattr(window, "grab", lambda *args: QPixmap())  # painting fails from now on
    receive().clear()
    qtbot.wait(600)
    assert receive() == []


def test_a_blocked_event_loop_gets_no_ping(qtbot, systemd, beats):
    address, receive = systemd
    _heartbeat(qtbot, address, beats)
    qtbot.waitUntil(lambda: "WATCHDOG=1" in receive(), timeout=3000)
    receive().clear()
    time.sleep(0.6)  # a hang: four intervals without a turn of the loop
    assert receive() == []


def test_under_cage_the_kiosk_pings_the_watchdog_of_its_parent():
    """The unit's main process is the compositor; the kiosk, its child, is the one that knows."""
    import os

    environ = {"NOTIFY_SOCKET": "/run/x", "WATCHDOG_USEC": "30000000", "WATCHDOG_PID": str(os.getppid())}
    assert SystemdNotifier(environ).watchdog_ms == 30000


def test_outside_systemd_nothing_is_sent():
    notifier = SystemdNotifier({})
    assert not notifier.enabled and not notifier.send("READY=1")
    assert SystemdNotifier({"NOTIFY_SOCKET": "/run/x", "WATCHDOG_USEC": "1000000",
                            "WATCHDOG_PID": "4194305"}).watchdog_ms is None  # another process's


def test_the_kiosk_tells_systemd_ready_pings_and_stops_cleanly(tmp_path, systemd):
    address, receive = systemd
    env = {**_environment(tmp_path), "NOTIFY_SOCKET": address, "WATCHDOG_USEC": "400000"}
    process = subprocess.Popen([sys.executable, "-m", "kiosk", "run", "--windowed"], cwd=PROJECT_ROOT,
                               env=env, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 60
        while receive().count("WATCHDOG=1") < 2 and time.monotonic() < deadline and process.poll() is None:
            time.sleep(0.05)
        assert receive()[0] == "READY=1" and receive().count("WATCHDOG=1") >= 2
        process.send_signal(signal.SIGTERM)
        assert process.wait(10) == 0
    finally:
        process.kill()
    assert receive()[-1] == "STOPPING=1"
