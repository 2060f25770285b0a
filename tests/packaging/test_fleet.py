"""The fleet recipes of packaging/fleet, run for real where this machine can:
Prometheus's own tools check the scrape config and unit-test the alert rules;
Debian's node_exporter serves a kiosk's health file through its textfile
collector; rsync carries a bundle into kiosk inboxes; the deploy script runs
against stand-ins for ssh and scp that record what each host was asked to do."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

from kiosk.bundles.bundle import pack
from kiosk.bundles.library import Library
from kiosk.content.loader import Catalog
from kiosk.operation.health import HealthFile, HealthMetrics, HealthState
from tests.helpers.exhibits import PROJECT_ROOT, make_exhibit

FLEET = PROJECT_ROOT / "packaging" / "fleet"


def run(*command, **options) -> subprocess.CompletedProcess:
    return subprocess.run([str(part) for part in command], capture_output=True, text=True, timeout=120, **options)


def test_the_scrape_config_is_valid_and_the_alert_rules_pass_their_unit_tests():
    checked = run("promtool", "check", "config", "prometheus.yml", cwd=FLEET)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    tested = run("promtool", "test", "rules", "kiosk-alerts.test.yml", cwd=FLEET)
    assert tested.returncode == 0 and "SUCCESS" in tested.stdout, tested.stdout + tested.stderr


def test_the_alert_rules_name_only_metrics_the_kiosk_writes(tmp_path):
    written = HealthMetrics(HealthState(Catalog(), lambda: "attract"), time.time).text()
    rules = (FLEET / "kiosk-alerts.yml").read_text()
    named = set(re.findall(r"\bkiosk_[a-z_]+", rules))
    assert named and all(name in written for name in named), named - {n for n in named if n in written}


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_node_exporters_textfile_collector_serves_the_kiosks_health(tmp_path):
    state = HealthState(Catalog(), lambda: "attract")
    HealthFile(tmp_path / "exhibit-kiosk.prom", HealthMetrics(state, lambda: 1234.5), 1).write()
    port = _free_port()
    exporter = subprocess.Popen(
        ["prometheus-node-exporter", "--collector.disable-defaults", "--collector.textfile",
         f"--collector.textfile.directory={tmp_path}", f"--web.listen-address=127.0.0.1:{port}"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline, page = time.monotonic() + 30, ""
        while not page and time.monotonic() < deadline:
            try:
                page = urllib.request.urlopen(f"http://127.0.0.1:{port}/metrics", timeout=2).read().decode()
            except OSError:
                time.sleep(0.2)
    finally:
        exporter.terminate()
        exporter.wait(10)
    assert "kiosk_last_frame_timestamp_seconds 1234.5" in page
    assert 'kiosk_state{kiosk_state="attract"} 1' in page
    assert "node_textfile_scrape_error 0" in page, "node_exporter must read the file without an error"
    assert 'node_textfile_mtime_seconds{file=' in page and "exhibit-kiosk.prom" in page


def test_publish_bundle_copies_into_every_inbox_and_names_the_one_that_failed(tmp_path):
    make_exhibit(tmp_path / "content", "first")
    bundle = tmp_path / "museum.kiosk-bundle"
    pack(tmp_path / "content", bundle)
    inboxes = [tmp_path / "kiosk-1" / "inbox", tmp_path / "kiosk-2" / "inbox"]
    for inbox in inboxes:
        inbox.mkdir(parents=True)
    unreachable = tmp_path / "absent" / "deeper" / "inbox"
    published = run(FLEET / "publish-bundle.sh", bundle, f"{inboxes[0]}/", f"{unreachable}/", f"{inboxes[1]}/")
    assert published.returncode == 1 and f"{unreachable}/: FAILED" in published.stderr
    assert "failed for 1 of 3 destinations" in published.stderr
    for inbox in inboxes:
        shelf = Library(inbox.parent / "library")
        assert shelf.inbox_files(inbox) == [inbox / bundle.name]
        assert shelf.receive(inbox / bundle.name).catalog is not None
    assert run(FLEET / "publish-bundle.sh", tmp_path / "content", f"{inboxes[0]}/").returncode == 2


def _stand_ins(tmp_path: Path) -> dict[str, str]:
    """ssh and scp that record their calls; ssh checks the remote script's syntax
    and fails for the host "broken"."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    log = tmp_path / "calls.log"
    (bin_dir / "scp").write_text(f'#!/bin/sh\necho "scp $*" >> {log}\n')
    (bin_dir / "ssh").write_text(
        f'#!/bin/sh\nscript=$(cat)\necho "ssh $*" >> {log}\nprintf "%s\\n" "$script" >> {log}\n'
        f'printf "%s\\n" "$script" | bash -n || exit 3\n[ "$1" != broken ]\n')
    for tool in ("scp", "ssh"):
        (bin_dir / tool).chmod(0o755)
    return {**os.environ, "PATH": f"{bin_dir}:{os.environ['PATH']}"}


def test_deploy_installs_the_package_and_settings_on_every_host_and_names_the_one_that_failed(tmp_path):
    package, settings = tmp_path / "exhibit-kiosk_0.1.0_amd64.deb", tmp_path / "kiosk.yaml"
    package.write_bytes(b"a package")
    settings.write_text("idle:\n  timeout_seconds: 120\n")
    deployed = run(FLEET / "deploy.sh", package, settings, "kiosk-1", "broken", "kiosk-3", env=_stand_ins(tmp_path))
    assert deployed.returncode == 1, deployed.stdout + deployed.stderr
    assert "failed on 1 of 3 kiosks: broken" in deployed.stderr
    calls = (tmp_path / "calls.log").read_text()
    for host in ("kiosk-1", "broken", "kiosk-3"):
        assert f"scp -q {package} {host}:/tmp/{package.name}" in calls
        assert f"ssh {host} sudo bash -s" in calls
    assert calls.count(f'apt-get install -y -q "/tmp/{package.name}"') == 3
    assert "install -D -m 0644 \"/tmp/exhibit-kiosk-settings.yaml\" /etc/exhibit-kiosk/kiosk.yaml" in calls


def test_deploy_refuses_settings_with_errors_before_touching_any_host(tmp_path):
    package, settings = tmp_path / "exhibit-kiosk.deb", tmp_path / "kiosk.yaml"
    package.write_bytes(b"a package")
    settings.write_text("idle:\n  timeout_seconds: 5\n")
    env = _stand_ins(tmp_path)
    env["PATH"] = f"{PROJECT_ROOT / '.venv' / 'bin'}:{env['PATH']}"
    deployed = run(FLEET / "deploy.sh", package, settings, "kiosk-1", env=env)
    assert deployed.returncode == 1 and "nothing deployed" in deployed.stderr
    assert not (tmp_path / "calls.log").exists()
