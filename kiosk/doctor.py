"""`kiosk doctor`: what a technician runs first on a kiosk PC. Every check
prints one line (ok, warn or FAIL, what was found, what to do), and the exit
status is 0 only when the kiosk would run correctly: warnings (no admin PIN,
no systemd unit) do not fail it.

The display is probed in a child process, because Qt ends the process that
asks for a display it cannot open (an SSH session without one, say); the
fonts and the first frame are checked here, off screen.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from kiosk.paths import APP_NAME, bundled_exhibits_dir, checked_cache_dir

if TYPE_CHECKING:  # imported where used: the display probe needs neither
    from kiosk.content.loader import Catalog
    from kiosk.settings.loading import LoadedSettings

Status = Literal["ok", "warn", "FAIL"]
UNIT = f"{APP_NAME}.service"
UNIT_FOLDERS = (Path("/etc/systemd/system"), Path("/lib/systemd/system"), Path("/usr/lib/systemd/system"))
SAMPLE_KEY = "touch_to_explore"
"""The interface string whose every letter each enabled language's font must have."""


@dataclass(frozen=True)
class Check:
    name: str
    status: Status
    detail: str

    def line(self) -> str:
        return f"{self.status:<4}  {self.name}: {self.detail}"


def check_settings(config: Path | None) -> tuple[Check, LoadedSettings]:
    from kiosk.settings.loading import load_settings

    loaded = load_settings(config)
    where = str(loaded.path) if loaded.found else f"{loaded.path or 'kiosk.yaml'} (not found: the defaults)"
    if loaded.errors:
        first = loaded.errors[0].format()
        return Check("settings", "FAIL", f"{len(loaded.errors)} errors in {where}; first: {first}"), loaded
    warnings = len(loaded.problems)
    return Check("settings", "warn" if warnings else "ok",
                 f"{where}, {warnings} warnings" if warnings else where), loaded


def check_content(root: Path) -> tuple[Check, Catalog | None]:
    from kiosk.content.cache import CheckedCache
    from kiosk.content.loader import load_catalog
    from kiosk.content.problems import summary_line

    if not root.is_dir():
        return Check("content", "FAIL", f"no such exhibits folder: {root}"), None
    catalog = load_catalog([root], CheckedCache(checked_cache_dir()))
    summary = f"{root}: {summary_line(len(catalog.exhibits), catalog.problems)}"
    if catalog.errors:
        return Check("content", "FAIL", f"{summary}; first: {catalog.errors[0].format()}; "
                                        f"run `kiosk validate {root}` for all"), catalog
    if not catalog.exhibits:
        return Check("content", "FAIL", f"{summary}: visitors would see an empty home screen"), catalog
    return Check("content", "warn" if catalog.problems else "ok", summary), catalog


def _writable(folder: Path) -> str | None:
    """Why `folder` cannot take the kiosk's files, or None when it can."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=folder, prefix=".doctor-"):
            pass
    except OSError as error:
        return error.strerror or str(error)
    return None


def check_state_folders() -> list[Check]:
    import platformdirs

    from kiosk.statistics.database import default_stats_path

    folders = {"logs": platformdirs.user_log_path(APP_NAME), "statistics": default_stats_path().parent,
               "cache": checked_cache_dir().parent}
    checks = []
    for name, folder in folders.items():
        problem = _writable(folder)
        checks.append(Check(f"{name} folder", "FAIL" if problem else "ok",
                            f"cannot write to {folder}: {problem}" if problem else str(folder)))
    return checks


def check_pin(loaded: LoadedSettings) -> Check:
    from kiosk.settings.pin import is_pin_hash

    if is_pin_hash(loaded.settings.admin.pin_hash):
        return Check("admin PIN", "ok", "set")
    return Check("admin PIN", "warn", "not set: staff cannot open the admin screen; run `kiosk set-pin`")


def probe_display() -> int:
    """`kiosk doctor --display-probe`, the child: the platform and its screens as JSON."""
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication(sys.argv[:1])
    screens = [{"name": s.name(), "width": s.geometry().width(), "height": s.geometry().height(),
                "width_mm": s.physicalSize().width(), "height_mm": s.physicalSize().height(),
                "dpi": round(s.physicalDotsPerInch(), 1)} for s in app.screens()]
    print(json.dumps({"platform": app.platformName(), "screens": screens}))
    return 0


def _kiosk_command() -> list[str]:
    """This kiosk as a command: the frozen executable, or its Python running the package."""
    return [sys.executable] if getattr(sys, "frozen", False) else [sys.executable, "-m", "kiosk"]


def check_display(environment: dict[str, str] | None = None) -> tuple[Check, dict[str, object] | None]:
    """The platform Qt would use and its screens, from a child process."""
    try:
        result = subprocess.run([*_kiosk_command(), "doctor", "--display-probe"], capture_output=True,
                                text=True, timeout=30, env=environment)
    except (OSError, subprocess.TimeoutExpired) as error:
        return Check("display", "FAIL", f"cannot start the display probe: {error}"), None
    if result.returncode != 0:
        said = (result.stderr.strip().splitlines() or ["no message"])[0]  # Qt's reason comes first
        platform = os.environ.get("QT_QPA_PLATFORM", "the default platform")
        return Check("display", "FAIL", f"Qt cannot open a display with {platform}: {said}"), None
    found: dict[str, object] = json.loads(result.stdout.strip().splitlines()[-1])
    screens = found["screens"]
    assert isinstance(screens, list)
    if not screens:
        return Check("display", "FAIL", f"platform {found['platform']} reports no screen"), found
    described = "; ".join(
        f"{s['name'] or 'screen'} {s['width']}x{s['height']} px, {s['width_mm']:.0f}x{s['height_mm']:.0f} mm, "
        f"{s['dpi']} dpi" for s in screens)
    return Check("display", "ok", f"platform {found['platform']}: {described}"), found


def check_fonts(languages: list[str]) -> list[Check]:
    """Each enabled language's face draws every letter of its call to action."""
    from PySide6.QtGui import QFont, QFontInfo, QFontMetrics

    from kiosk.locale import language
    from kiosk.locale.strings import tr
    from kiosk.ui.fonts import families_for

    checks = []
    for code in languages:
        font = QFont()
        font.setFamilies(families_for(code)[:1])
        metrics = QFontMetrics(font)
        sample = tr(SAMPLE_KEY, code)
        missing = sorted({ch for ch in sample if not ch.isspace() and not metrics.inFontUcs4(ord(ch))})
        name = f"font for {language(code).name} ({code})"
        if missing:
            checks.append(Check(name, "FAIL", f"{QFontInfo(font).family()} has no {''.join(missing)}: "
                                              "text would show as boxes; reinstall the kiosk's fonts"))
        else:
            checks.append(Check(name, "ok", QFontInfo(font).family()))
    return checks


def check_first_frame(catalog: Catalog, loaded: LoadedSettings, root: Path, width: int, height: int) -> Check:
    """Attract mode drawn off screen at the display's size, as `kiosk run` starts it, timed."""
    from PySide6.QtCore import QSize
    from PySide6.QtWidgets import QApplication

    from kiosk.operation.content import ContentSource
    from kiosk.operation.controller import KioskController
    from kiosk.statistics.background import BackgroundStats
    from kiosk.ui.app import build_context, display_metrics
    from kiosk.ui.window import KioskWindow

    began = time.perf_counter()
    size = QSize(width, height)
    ctx = build_context(catalog, display_metrics(size, loaded.settings.display.diagonal_inches or 55.0, None))
    window = KioskWindow(ctx, width)
    window.resize(size)
    stats = BackgroundStats(None, enabled=False)
    controller = KioskController(window, loaded, ContentSource.of(root), stats)
    window.show()  # off screen: nothing appears
    controller.start()
    for _ in range(3):
        QApplication.processEvents()
        ctx.images.wait()
    image = window.grab().toImage()
    elapsed = (time.perf_counter() - began) * 1000
    stats.close()
    window.close()
    blank = image.isNull() or len({image.pixel(x, y) for x in range(0, width, max(1, width // 16))
                                   for y in range(0, height, max(1, height // 9))}) < 2
    if blank:
        return Check("first frame", "FAIL", f"attract mode drew an empty {width}x{height} frame")
    return Check("first frame", "ok", f"attract mode at {width}x{height} drawn off screen in {elapsed:.0f} ms")


SPEECH_MODULES = Path("/usr/lib/speech-dispatcher-modules")


def check_speech(loaded: LoadedSettings) -> Check:
    """Whether audio mode can speak: Qt's engine plugin, and on Linux speech-dispatcher with
    espeak-ng (checked as installed, without starting them). A FAIL only where every visit
    starts in audio mode; otherwise visitors who ask for it would hear nothing."""
    from PySide6.QtTextToSpeech import QTextToSpeech

    engines = [engine for engine in QTextToSpeech.availableEngines() if engine != "mock"]
    wanted = loaded.settings.accessibility.speech_engine
    missing = None
    if not engines or (wanted and wanted not in engines):
        missing = f"no text-to-speech engine {wanted or ''} for Qt (found: {', '.join(engines) or 'none'})"
    elif "speechd" in engines and sys.platform.startswith("linux"):
        if shutil.which("speech-dispatcher") is None:
            missing = "speech-dispatcher is not installed (apt install speech-dispatcher speech-dispatcher-espeak-ng)"
        elif not (SPEECH_MODULES / "sd_espeak-ng").exists():
            missing = "speech-dispatcher has no espeak-ng voice (apt install speech-dispatcher-espeak-ng)"
    if missing:
        return Check("speech", "FAIL" if loaded.settings.accessibility.audio else "warn",
                     f"audio mode cannot speak: {missing}")
    return Check("speech", "ok", f"engine {wanted or engines[0]}")


def check_clips(catalog: Catalog | None) -> Check:
    """Whether clips and curators' recordings can play: Qt Multimedia needs system
    libraries (PulseAudio's client among them) that a minimal install may lack.
    A FAIL when the exhibits have any: visitors would get posters instead."""
    from kiosk.content.clips import clips_of, narrations_of
    from kiosk.media.multimedia import multimedia_missing

    missing = multimedia_missing()
    if missing is None:
        return Check("clips", "ok", "Qt Multimedia loads")
    exhibits = catalog.exhibits if catalog is not None else []
    used = any(any(clips_of(item.exhibit)) or any(narrations_of(item.exhibit)) for item in exhibits)
    return Check("clips", "FAIL" if used else "warn",
                 f"clips and recordings cannot play: {missing} (apt install libpulse0)")


def check_stills() -> Check:
    from kiosk.media.images import jpeg_decoder_missing

    missing = jpeg_decoder_missing()
    if missing is None:
        return Check("stills", "ok", "JPEGs decode through simplejpeg (libjpeg-turbo with SIMD)")
    return Check("stills", "warn", f"JPEGs decode through Qt, about half as fast: {missing} "
                                   "(pip install simplejpeg)")


def check_service() -> Check:
    unit = next((folder / UNIT for folder in UNIT_FOLDERS if (folder / UNIT).exists()), None)
    if unit is None:
        return Check("service", "warn", f"{UNIT} is not installed: the kiosk does not start at boot")
    if shutil.which("systemctl") is None:
        return Check("service", "warn", f"{unit} is installed, but this system has no systemd to start it")
    states = []
    for query in ("is-enabled", "is-active"):
        try:
            result = subprocess.run(["systemctl", query, UNIT], capture_output=True, text=True, timeout=10)
            states.append(result.stdout.strip() or result.stderr.strip())
        except (OSError, subprocess.TimeoutExpired) as error:
            states.append(f"unknown ({error})")
    return Check("service", "ok" if states[0] == "enabled" else "warn", f"{unit}: {states[0]}, {states[1]}")


def run_checks(config: Path | None, exhibits: Path | None) -> list[Check]:
    display_environment = dict(os.environ)
    checks: list[Check] = []
    display, found = check_display(display_environment)
    checks.append(display)
    os.environ["QT_QPA_PLATFORM"] = "offscreen"  # the rest is drawn here, off screen
    from kiosk.ui.app import create_application

    create_application()
    settings, loaded = check_settings(config)
    checks.append(settings)
    checks += check_fonts(loaded.settings.languages.enabled)
    root = exhibits or loaded.exhibits_dir or bundled_exhibits_dir()
    content, catalog = check_content(root)
    checks.append(content)
    checks += check_state_folders()
    checks.append(check_pin(loaded))
    checks.append(check_speech(loaded))
    checks.append(check_clips(catalog))
    checks.append(check_stills())
    checks.append(check_service())
    screens = found.get("screens") if found else None
    width, height = ((screens[0]["width"], screens[0]["height"]) if isinstance(screens, list) and screens
                     else (1920, 1080))
    if catalog is not None and catalog.exhibits:
        checks.append(check_first_frame(catalog, loaded, root, width, height))
    return checks


def doctor_command(config: Path | None, exhibits: Path | None, as_json: bool) -> int:
    checks = run_checks(config, exhibits)
    healthy = not any(check.status == "FAIL" for check in checks)
    if as_json:
        print(json.dumps({"healthy": healthy, "checks": [asdict(check) for check in checks]},
                         ensure_ascii=False, indent=2))
    else:
        for check in checks:
            print(check.line())
        print("the kiosk would run correctly" if healthy else "the kiosk would not run correctly: see FAIL above")
    return 0 if healthy else 1
