"""The kiosk as a Wayland client of compositors with no display: weston's
headless backend, and cage, the kiosk session's own compositor, on wlroots'
headless backend (both rendering in software). Its window is mapped and
drawn, and it is the only window it ever opens: under cage the newest window
is the one on screen, so a stray one would blank the kiosk."""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from PIL import Image

from tests.helpers.exhibits import PROJECT_ROOT

SIZE = (1280, 720)
"""weston's output is set to it; wlroots' headless output starts at it."""
NOBODY = 65534


@dataclass
class Compositor:
    client_env: dict[str, str]
    screenshot: Callable[[Path], Path]
    """Captures the screen into a folder; the image's path."""


def _wait_for(path: Path, server: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + 20
    while not path.exists() and time.monotonic() < deadline and server.poll() is None:
        time.sleep(0.05)
    assert path.exists(), f"the compositor did not start: {log.read_text(errors='replace')[-2000:]}"


def _stop(server: subprocess.Popen) -> None:
    server.terminate()
    server.wait(10)


@pytest.fixture
def weston(tmp_path):
    for tool in ("weston", "weston-screenshooter"):
        assert shutil.which(tool), f"{tool} is missing: run tools/install-system-packages.sh"
    runtime = tmp_path / "runtime"
    runtime.mkdir(mode=0o700)
    env = {**os.environ, "XDG_RUNTIME_DIR": str(runtime), "WAYLAND_DISPLAY": "kiosk-test"}
    log = tmp_path / "weston.log"
    with log.open("w") as errors:
        server = subprocess.Popen(["weston", "--backend=headless-backend.so", "--use-pixman", "--debug",
                                   "--socket=kiosk-test", f"--width={SIZE[0]}", f"--height={SIZE[1]}",
                                   "--idle-time=0"], env=env, cwd=tmp_path,
                                  stdout=subprocess.DEVNULL, stderr=errors)
    _wait_for(runtime / "kiosk-test", server, log)

    def screenshot(folder: Path) -> Path:
        for earlier in folder.glob("wayland-screenshot-*.png"):
            earlier.unlink()
        shot = subprocess.run(["weston-screenshooter"], cwd=folder, env=env, capture_output=True,
                              text=True, timeout=30)
        assert shot.returncode == 0, shot.stderr
        return next(folder.glob("wayland-screenshot-*.png"))

    yield Compositor(env, screenshot)
    _stop(server)


def _unprivileged() -> list[str]:
    """cage refuses to run as root: the test runs it as nobody when it is root
    (the kiosk session runs it as its own system user)."""
    if os.geteuid() != 0:
        return []
    return ["setpriv", f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups"]


@pytest.fixture
def cage(tmp_path):
    """The kiosk session's compositor (packaging/linux/exhibit-kiosk.service),
    on wlroots' headless backend with software rendering. It holds a stand-in
    child; the kiosk joins it as a client through the socket's full path (as
    nobody it could not read a root's checkout), and grim captures the output."""
    for tool in ("cage", "grim", "Xwayland"):
        assert shutil.which(tool), f"{tool} is missing: run tools/install-system-packages.sh"
    runtime = Path(tempfile.mkdtemp(prefix="kiosk-cage-"))  # pytest's folders are closed to nobody
    if os.geteuid() == 0:
        os.chown(runtime, NOBODY, NOBODY)
    env = {key: value for key, value in os.environ.items() if not key.startswith("WAYLAND_")}
    env.update(XDG_RUNTIME_DIR=str(runtime), WLR_BACKENDS="headless", WLR_RENDERER="pixman",
               WLR_LIBINPUT_NO_DEVICES="1")
    log = tmp_path / "cage.log"
    with log.open("w") as errors:
        server = subprocess.Popen([*_unprivileged(), *_session_compositor(), "sleep", "600"], env=env,
                                  cwd=runtime, stdout=subprocess.DEVNULL, stderr=errors)
    _wait_for(runtime / "wayland-0", server, log)
    client_runtime = tmp_path / "client-runtime"
    client_runtime.mkdir(mode=0o700)

    def screenshot(folder: Path) -> Path:
        image = runtime / "screen.png"
        shot = subprocess.run([*_unprivileged(), "grim", str(image)], env=env, capture_output=True,
                              text=True, timeout=30)
        assert shot.returncode == 0, shot.stderr
        return Path(shutil.copy(image, folder / "screen.png"))

    yield Compositor({**env, "XDG_RUNTIME_DIR": str(client_runtime),
                      "WAYLAND_DISPLAY": str(runtime / "wayland-0")}, screenshot)
    _stop(server)
    shutil.rmtree(runtime, ignore_errors=True)


def _session_compositor() -> list[str]:
    """The compositor and its options from the kiosk unit's ExecStart, up to the kiosk."""
    unit = (PROJECT_ROOT / "packaging" / "linux" / "exhibit-kiosk.service").read_text()
    command = next(line for line in unit.splitlines() if line.startswith("ExecStart="))
    words = command.removeprefix("ExecStart=").split()
    assert words[0].endswith("/cage"), command
    return ["cage", *words[1:words.index("--") + 1]]


def _ready(notify: socket.socket, deadline: float) -> bool:
    while time.monotonic() < deadline:
        try:
            if "READY=1" in notify.recv(4096).decode():
                return True
        except BlockingIOError:
            time.sleep(0.05)
    return False


def _run_kiosk(compositor, tmp_path: Path, name: str) -> tuple[str, Path]:
    """`kiosk run --kiosk` until its first frame and a moment after: its log
    (with the Wayland protocol) and a screenshot of the compositor's screen."""
    notify = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    notify.bind(str(tmp_path / f"notify-{name}"))
    notify.setblocking(False)
    env = {**compositor.client_env, "QT_QPA_PLATFORM": "wayland", "WAYLAND_DEBUG": "client",
           "NOTIFY_SOCKET": str(tmp_path / f"notify-{name}"), "XDG_CONFIG_HOME": str(tmp_path / "config"),
           "XDG_STATE_HOME": str(tmp_path / "state"), "XDG_DATA_HOME": str(tmp_path / "data"),
           "XDG_CACHE_HOME": str(tmp_path / "cache")}
    log = (tmp_path / f"{name}.log").open("w")
    kiosk = subprocess.Popen([sys.executable, "-m", "kiosk", "run", "--kiosk"], cwd=PROJECT_ROOT, env=env,
                             stdout=subprocess.DEVNULL, stderr=log)
    try:
        assert _ready(notify, time.monotonic() + 60), "the kiosk never drew its first frame"
        time.sleep(3)  # past the exhibit screens built in the background
        deadline = time.monotonic() + 15  # the compositor shows the frame at its next repaint
        while len(_colours(screenshot := compositor.screenshot(tmp_path))) <= 200 \
                and time.monotonic() < deadline:
            time.sleep(0.5)
        assert kiosk.poll() is None, "the kiosk stopped"
    finally:
        kiosk.terminate()
        kiosk.wait(10)
        log.close()
        notify.close()
    return (tmp_path / f"{name}.log").read_text(errors="replace"), screenshot


@pytest.mark.parametrize("server", ["weston", "cage"])
def test_the_kiosk_maps_one_window_and_draws_attract_mode_in_it(server, request, tmp_path):
    """And at the next start, the frame the first one kept shows first, in a window
    of its own that goes once the kiosk's window has drawn the same pixels."""
    compositor = request.getfixturevalue(server)
    protocol, screenshot = _run_kiosk(compositor, tmp_path, "first")
    assert protocol.count(".get_toplevel(") == 1, "the kiosk opened a second window"
    assert "xdg_toplevel@" in protocol and ".set_fullscreen(" in protocol
    with Image.open(screenshot) as image:
        assert image.size == SIZE
    assert len(_colours(screenshot)) > 200, "the screen is not showing a still"  # not a flat fill
    assert "kept the first frame for the next start" in protocol

    protocol, screenshot = _run_kiosk(compositor, tmp_path, "next")
    assert "showing the first frame kept by the last start" in protocol
    toplevels = re.findall(r"get_toplevel\(new id xdg_toplevel@(\d+)\)", protocol)
    assert len(toplevels) == 2, "the kept frame and the kiosk's window, and no other"
    assert f"xdg_toplevel@{toplevels[0]}.destroy()" in protocol, "the kept frame stayed"
    assert protocol.count(".set_fullscreen(") >= 2
    assert len(_colours(screenshot)) > 200, "the screen is not showing a still"


def _colours(screenshot: Path) -> list:
    """The colours of a thumbnail: hundreds for a still and its words."""
    with Image.open(screenshot) as image:
        return image.convert("RGB").resize((64, 36)).getcolors(64 * 36) or []
