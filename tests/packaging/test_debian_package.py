"""The Debian package, built by its documented command: its layout, its
units, and the installed kiosk validating and checking itself without a
network, from a scratch root (dpkg -x) rather than the source tree."""

from __future__ import annotations

import os
import subprocess

import pytest

from tests.helpers.exhibits import PROJECT_ROOT

LINUX = PROJECT_ROOT / "packaging" / "linux"


@pytest.fixture(scope="module")
def deb():
    result = subprocess.run([str(LINUX / "build-deb.sh")], capture_output=True, text=True, cwd=PROJECT_ROOT,
                            timeout=900)
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-4000:]
    return PROJECT_ROOT / result.stdout.strip().splitlines()[-1].split(" ")[0]


@pytest.fixture(scope="module")
def installed(deb, tmp_path_factory):
    root = tmp_path_factory.mktemp("scratch-root")
    subprocess.run(["dpkg-deb", "-x", str(deb), str(root)], check=True)
    return root


def _dpkg(*args: str) -> str:
    return subprocess.run(["dpkg-deb", *args], capture_output=True, text=True, check=True).stdout


def test_the_package_holds_the_kiosk_its_session_and_its_settings(deb):
    info = _dpkg("--info", str(deb))
    assert "Package: exhibit-kiosk" in info and "python3 (>= 3.11)" in info
    assert "cage, xwayland," in info  # Debian's cage refuses to start without Xwayland
    assert "libpulse0" in info  # Qt Multimedia loads it; Ubuntu's minimal install lacks it
    assert "python3 (<< 3.12)" in info  # its compiled packages are for this Python
    contents = {line.split()[5].lstrip(".") for line in _dpkg("--contents", str(deb)).splitlines()}
    for path in ("/usr/bin/kiosk", "/opt/exhibit-kiosk/bin/kiosk", "/lib/systemd/system/exhibit-kiosk.service",
                 "/lib/systemd/system/exhibit-kiosk-x11.service", "/etc/exhibit-kiosk/kiosk.yaml",
                 "/opt/exhibit-kiosk/lib/kiosk/__init__.py", "/opt/exhibit-kiosk/share/hardening/apply",
                 "/opt/exhibit-kiosk/lib/share/exhibit-kiosk/assets/fonts/NotoSansSC-Regular.otf",
                 "/opt/exhibit-kiosk/lib/share/exhibit-kiosk/exhibits/shenzhou-13/exhibit.yaml"):
        assert path in contents, path
    assert not any("lupdate" in path or path.endswith(".pyi") for path in contents)
    assert "/etc/exhibit-kiosk/kiosk.yaml" in _dpkg("--info", str(deb), "conffiles")


def _installed_kiosk(root, tmp_path, *args: str) -> subprocess.CompletedProcess[str]:
    """The installed `kiosk`, its network cut off (unshare), run away from the source tree."""
    env = {"PATH": os.environ["PATH"], "QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path),
           "XDG_CONFIG_HOME": str(tmp_path / "etc"), "XDG_DATA_HOME": str(tmp_path / "lib"),
           "XDG_STATE_HOME": str(tmp_path / "lib"), "XDG_CACHE_HOME": str(tmp_path / "cache")}
    return subprocess.run(["unshare", "-rn", str(root / "opt/exhibit-kiosk/bin/kiosk"), *args],
                          capture_output=True, text=True, env=env, cwd=tmp_path, timeout=120)


def test_the_installed_kiosk_validates_and_passes_its_doctor_offline(installed, tmp_path):
    validate = _installed_kiosk(installed, tmp_path, "validate")
    assert validate.returncode == 0, validate.stdout + validate.stderr
    assert validate.stdout.strip().endswith("2 exhibits, 0 errors, 0 warnings")
    doctor = _installed_kiosk(installed, tmp_path, "doctor")
    assert doctor.returncode == 0, doctor.stdout + doctor.stderr
    assert f"content: {installed}/opt/exhibit-kiosk/lib/share/exhibit-kiosk/exhibits" in doctor.stdout
    assert "first frame: attract mode" in doctor.stdout


def test_the_units_pass_systemd_verification(tmp_path):
    units = [LINUX / "exhibit-kiosk.service", LINUX / "exhibit-kiosk-x11.service"]
    result = subprocess.run(["systemd-analyze", "verify", *map(str, units)], capture_output=True, text=True)
    assert result.returncode == 0 and not result.stderr.strip(), result.stderr


def test_the_maintainer_scripts_are_valid_shell():
    for script in ("postinst", "prerm", "postrm"):
        subprocess.run(["sh", "-n", str(LINUX / "debian" / script)], check=True)
    for script in (LINUX / "kiosk", LINUX / "kiosk-x11-session", LINUX / "hardening" / "apply"):
        subprocess.run(["sh", "-n", str(script)], check=True)
