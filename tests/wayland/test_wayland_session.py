"""The kiosk as a Wayland client of a compositor with no display (weston's
headless backend, pixman rendering): its window is mapped and drawn, and it
is the only window it ever opens; under cage, the kiosk session's
compositor, the newest window is the one on screen, so a stray one blanks
the kiosk. cage itself needs a DRM device these machines lack (see
packaging/README.md)."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time

import pytest
from PIL import Image

from tests.helpers.exhibits import PROJECT_ROOT

SIZE = (1280, 720)


@pytest.fixture
def compositor(tmp_path):
    for tool in ("weston", "weston-screenshooter"):
        assert shutil.which(tool), f"{tool} is missing: run tools/install-system-packages.sh"
    runtime = tmp_path / "runtime"
    runtime.mkdir(mode=0o700)
    env = {**os.environ, "XDG_RUNTIME_DIR": str(runtime)}
    server = subprocess.Popen(["weston", "--backend=headless-backend.so", "--use-pixman", "--debug",
                               "--socket=kiosk-test", f"--width={SIZE[0]}", f"--height={SIZE[1]}",
                               "--idle-time=0"], env=env, cwd=tmp_path,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 20
    while not (runtime / "kiosk-test").exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    yield {**env, "WAYLAND_DISPLAY": "kiosk-test"}
    server.terminate()
    server.wait(10)


def _ready(notify: socket.socket, deadline: float) -> bool:
    while time.monotonic() < deadline:
        try:
            if "READY=1" in notify.recv(4096).decode():
                return True
        except BlockingIOError:
            time.sleep(0.05)
    return False


def test_the_kiosk_maps_one_window_and_draws_attract_mode_in_it(compositor, tmp_path):
    notify = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    notify.bind(str(tmp_path / "notify"))
    notify.setblocking(False)
    env = {**compositor, "QT_QPA_PLATFORM": "wayland", "WAYLAND_DEBUG": "client",
           "NOTIFY_SOCKET": str(tmp_path / "notify"), "XDG_CONFIG_HOME": str(tmp_path / "config"),
           "XDG_STATE_HOME": str(tmp_path / "state"), "XDG_DATA_HOME": str(tmp_path / "data")}
    log = (tmp_path / "client.log").open("w")
    kiosk = subprocess.Popen([sys.executable, "-m", "kiosk", "run", "--kiosk"], cwd=PROJECT_ROOT, env=env,
                             stdout=subprocess.DEVNULL, stderr=log)
    try:
        assert _ready(notify, time.monotonic() + 60), "the kiosk never drew its first frame"
        time.sleep(3)  # past the exhibit screens built in the background
        shot = subprocess.run(["weston-screenshooter"], cwd=tmp_path, env=compositor, capture_output=True,
                              text=True, timeout=30)
        assert shot.returncode == 0, shot.stderr
        assert kiosk.poll() is None, "the kiosk stopped"
    finally:
        kiosk.terminate()
        kiosk.wait(10)
        log.close()
        notify.close()
    protocol = (tmp_path / "client.log").read_text(errors="replace")
    assert protocol.count(".get_toplevel(") == 1, "the kiosk opened a second window"
    assert "xdg_toplevel@" in protocol and ".set_fullscreen(" in protocol
    image = Image.open(next(tmp_path.glob("wayland-screenshot-*.png"))).convert("RGB")
    assert image.size == SIZE
    colours = image.resize((64, 36)).getcolors(64 * 36) or []
    assert len(colours) > 200, "the screen is not showing a still"  # a still and its words, not a flat fill
