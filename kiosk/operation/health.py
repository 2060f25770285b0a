"""Health the museum's monitoring can read: a Prometheus text file, written
atomically every few seconds by the official client's `write_to_textfile`
into node_exporter's textfile collector folder, and `kiosk status` reading it
back for a person.

The file is written from its own thread, so that it keeps coming while the
window is stuck: then its frame timestamp stops advancing ("stale frame"),
which is the alert that matters; a file that stops coming means the process
is gone ("stale file").
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from kiosk import __version__
from kiosk.bundles.versions import packed_at
from kiosk.content.identity import content_identity
from kiosk.content.loader import Catalog
from kiosk.content.problems import Problem
from kiosk.visit.model import Overlay, Place, Screen, Visit

log = logging.getLogger(__name__)

STATES = ["attract", "visit", "admin", "closed"]
ADMIN_OVERLAYS = (Overlay.PIN, Overlay.ADMIN)
REASON_CHARS = 300


@dataclass
class HealthState:
    """What the file reports; set on the GUI thread, read by the writer."""

    catalog: Catalog
    mode: Callable[[], str]
    """One of STATES, read when the metrics are."""
    settings_problems: int = 0
    started: float = field(default_factory=time.time)
    content_applied: float = field(default_factory=time.time)
    bundle: str = ""
    """The content bundle version on screen; empty: the exhibits folder itself."""
    refused_at: float = 0.0
    refused_problems: int = 0
    refused_reason: str = ""
    faults: int = 0
    power_failures: int = 0
    sessions_day: date = field(default_factory=date.today)
    sessions: int = 0

    def apply(self, catalog: Catalog) -> None:
        self.catalog, self.content_applied = catalog, time.time()

    def refuse(self, problems: list[Problem]) -> None:
        self.refused_at, self.refused_problems = time.time(), len(problems)
        self.refused_reason = problems[0].format()[:REASON_CHARS] if problems else ""

    def session_started(self) -> None:
        today = date.today()
        if today != self.sessions_day:
            self.sessions_day, self.sessions = today, 0
        self.sessions += 1

    def sessions_today(self) -> int:
        return self.sessions if self.sessions_day == date.today() else 0


class HealthMetrics:
    """The metrics of a HealthState, in the Prometheus client's registry."""

    def __init__(self, state: HealthState, last_frame: Callable[[], float]):
        from prometheus_client import CollectorRegistry, Enum, Gauge, Info  # made only when asked for

        self.state = state
        self.last_frame = last_frame
        self.registry = registry = CollectorRegistry()
        self.frame = Gauge("kiosk_last_frame_timestamp_seconds", "When the window last drew a frame.",
                           registry=registry)
        self.mode = Enum("kiosk_state", "What the kiosk is doing.", states=STATES, registry=registry)
        self.content = Info("kiosk_content", "The content on screen: its identity.", registry=registry)
        self.applied = Gauge("kiosk_content_applied_timestamp_seconds", "When that content was applied.",
                             registry=registry)
        self.packed = Gauge("kiosk_content_packed_timestamp_seconds",
                            "When the content bundle on screen was packed (0: no bundle).", registry=registry)
        self.exhibits = Gauge("kiosk_exhibits", "Exhibits shown to visitors.", registry=registry)
        self.problems = Gauge("kiosk_content_problems", "Problems in the content on screen.", ["severity"],
                              registry=registry)
        self.settings = Gauge("kiosk_settings_problems", "Problems in kiosk.yaml.", registry=registry)
        self.refused = Gauge("kiosk_content_refused_timestamp_seconds",
                             "When a content change was last refused (0: never).", registry=registry)
        self.refused_problems = Gauge("kiosk_content_refused_problems", "The refused change's problems.",
                                      registry=registry)
        self.refused_reason = Info("kiosk_content_refused", "Why: the refused change's first problem.",
                                   registry=registry)
        self.faults = Gauge("kiosk_faults", "Faults recovered from since start.", registry=registry)
        self.power = Gauge("kiosk_display_power_failures", "Display power commands that failed since start.",
                           registry=registry)
        self.sessions = Gauge("kiosk_sessions_today", "Visitor sessions started today.", registry=registry)
        self.uptime = Gauge("kiosk_uptime_seconds", "Seconds since the kiosk started.", registry=registry)
        Info("kiosk_build", "The kiosk's version.", registry=registry).info({"version": __version__})
        self._identity: tuple[int, str] = (0, "")

    def _content_id(self, catalog: Catalog) -> str:
        """The identity of `catalog`, worked out once per catalog (it reads every file)."""
        if self._identity[0] != id(catalog):
            self._identity = (id(catalog), content_identity(catalog))
        return self._identity[1]

    def update(self) -> None:
        state, catalog = self.state, self.state.catalog
        self.frame.set(self.last_frame())
        self.mode.state(state.mode())
        self.content.info({"hash": self._content_id(catalog), "bundle": state.bundle})
        self.applied.set(state.content_applied)
        self.packed.set(packed_at(state.bundle))
        self.exhibits.set(len(catalog.exhibits))
        errors = len(catalog.errors)
        self.problems.labels("error").set(errors)
        self.problems.labels("warning").set(len(catalog.problems) - errors)
        self.settings.set(state.settings_problems)
        self.refused.set(state.refused_at)
        self.refused_problems.set(state.refused_problems)
        self.refused_reason.info({"reason": state.refused_reason})
        self.faults.set(state.faults)
        self.power.set(state.power_failures)
        self.sessions.set(state.sessions_today())
        self.uptime.set(time.time() - state.started)

    def text(self) -> str:
        from prometheus_client import generate_latest

        self.update()
        return generate_latest(self.registry).decode()


class HealthFile:
    """The thread that writes the metrics to `path` every `interval` seconds."""

    def __init__(self, path: Path, metrics: HealthMetrics, interval: float):
        self.path = path
        self.metrics = metrics
        self.interval = interval
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="health", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=0.5)  # a stop must finish within a second

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                self.write()
            except Exception:  # noqa: BLE001 - monitoring must never take the kiosk down
                log.exception("cannot write the health file %s", self.path)
            self._stop.wait(self.interval)

    def write(self) -> None:
        self.metrics.update()
        self.path.parent.mkdir(parents=True, exist_ok=True)
        from prometheus_client import write_to_textfile

        write_to_textfile(str(self.path), self.metrics.registry)  # a temporary file, then a rename


class HealthReporter:
    """Keeps a HealthState in step with the kiosk, and its file written."""

    def __init__(self, visit: Visit, path: Path | None, interval: float, last_frame: Callable[[], float],
                 settings_problems: int):
        self.visit = visit
        self.state = HealthState(visit.catalog, self._mode, settings_problems)
        self._last_frame = last_frame
        self._metrics: HealthMetrics | None = None
        self.file = HealthFile(path, self.metrics, interval) if path is not None else None
        visit.events.place.connect(self._place)
        visit.events.catalog.connect(self.state.apply)

    @property
    def metrics(self) -> HealthMetrics:
        """Made with the first file or summary: the Prometheus client costs start-up
        time and memory that a kiosk without a health file never needs."""
        if self._metrics is None:
            self._metrics = HealthMetrics(self.state, self._last_frame)
        return self._metrics

    def start(self) -> None:
        if self.file is not None:
            self.file.start()
            log.info("writing health to %s every %g s", self.file.path, self.file.interval)

    def stop(self) -> None:
        if self.file is not None:
            self.file.stop()

    def summary(self) -> list[str]:
        """The health as `kiosk status` prints it, now, whether or not a file is written."""
        return describe(parse_health(self.metrics.text()), time.time())[1]

    def refused(self, problems: list[Problem]) -> None:
        self.state.refuse(problems)

    def bundle_shown(self, version: str | None) -> None:
        self.state.bundle = version or ""

    def fault(self) -> None:
        self.state.faults += 1

    def power_failed(self) -> None:
        self.state.power_failures += 1

    def _place(self, old: Place, new: Place) -> None:
        if old.screen is Screen.ATTRACT and new.screen not in (Screen.ATTRACT, Screen.CLOSED):
            self.state.session_started()

    def _mode(self) -> str:
        if self.visit.overlay in ADMIN_OVERLAYS:
            return "admin"
        if self.visit.closed:
            return "closed"
        return "attract" if self.visit.attracting else "visit"


def read_health(path: Path) -> dict[str, float | str]:
    return parse_health(path.read_text(encoding="utf-8"))


def parse_health(text: str) -> dict[str, float | str]:
    """Health samples by name (labelled ones as name{label=value}), parsed
    with the Prometheus client's own parser."""
    from prometheus_client.parser import text_string_to_metric_families

    samples: dict[str, float | str] = {}
    for family in text_string_to_metric_families(text):
        for sample in family.samples:
            if sample.name == "kiosk_state":
                if sample.value == 1:
                    samples["state"] = sample.labels["kiosk_state"]
            elif sample.name == "kiosk_content_info":
                samples["content"] = sample.labels["hash"]
                samples["bundle"] = sample.labels.get("bundle", "")
            elif sample.name == "kiosk_content_refused_info":
                samples["refused"] = sample.labels.get("reason", "")
            elif sample.name == "kiosk_build_info":
                samples["version"] = sample.labels["version"]
            elif sample.labels:
                samples[sample.name + "".join(f"{{{k}={v}}}" for k, v in sample.labels.items())] = sample.value
            else:
                samples[sample.name] = sample.value
    return samples


def _ago(now: float, then: float) -> str:
    if not then:
        return "never"
    return f"{now - then:.0f} s ago ({time.strftime('%Y-%m-%d %H:%M:%S', time.localtime(then))})"


def describe(health: dict[str, float | str], now: float, stale: float = 60) -> tuple[bool, list[str]]:
    """The health for a person, and whether frames are being drawn."""
    def number(name: str) -> float:
        return float(health.get(name, 0))

    frame, refused = number("kiosk_last_frame_timestamp_seconds"), number("kiosk_content_refused_timestamp_seconds")
    drawing = bool(frame) and now - frame <= stale
    return drawing, [
        f"state         {health.get('state', 'unknown')}",
        f"last frame    {_ago(now, frame)}{'' if drawing else ' (STALE: nothing is being drawn)'}",
        f"content       {health.get('content', '?')}, {number('kiosk_exhibits'):.0f} exhibits, "
        f"applied {_ago(now, number('kiosk_content_applied_timestamp_seconds'))}",
        f"bundle        {health.get('bundle') or 'none (the exhibits folder itself)'}",
        f"problems      content {number('kiosk_content_problems{severity=error}'):.0f} errors, "
        f"{number('kiosk_content_problems{severity=warning}'):.0f} warnings; "
        f"settings {number('kiosk_settings_problems'):.0f}",
        f"last refused  {_ago(now, refused)}"
        + (f", {number('kiosk_content_refused_problems'):.0f} problems: {health.get('refused', '')}"
           if refused else ""),
        f"faults        {number('kiosk_faults'):.0f} since start, "
        f"display power failures {number('kiosk_display_power_failures'):.0f}",
        f"sessions      {number('kiosk_sessions_today'):.0f} today",
        f"uptime        {number('kiosk_uptime_seconds') / 3600:.1f} h, version {health.get('version', '?')}",
    ]


def status_lines(path: Path, interval: float, now: float | None = None) -> tuple[bool, list[str]]:
    """What `kiosk status` prints, and whether the kiosk looks healthy: the
    file is fresh (at most three intervals old) and so is its last frame."""
    now = time.time() if now is None else now
    try:
        age = now - path.stat().st_mtime
        health = read_health(path)
    except (OSError, ValueError) as error:
        return False, [f"no health file at {path}: {error}; is the kiosk running with health.folder set?"]
    fresh = age <= 3 * interval
    drawing, lines = describe(health, now, max(3 * interval, 60))
    written = f"health file   {path}, written {age:.0f} s ago{'' if fresh else ' (STALE: the kiosk is not running)'}"
    return fresh and drawing, [written, *lines]
