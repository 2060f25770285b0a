"""Where the bundled files live: beside the package in a source checkout or an
editable install, under `<prefix>/share/exhibit-kiosk` after `pip install .`,
under `share/exhibit-kiosk` beside the package after `pip install --target`
(the Debian package's /opt/exhibit-kiosk/lib); and the per-user folders the
kiosk keeps its own files in (platformdirs)."""

from __future__ import annotations

import os
import sys
from importlib.util import find_spec
from pathlib import Path

APP_NAME = "exhibit-kiosk"
SETTINGS_FILE = "kiosk.yaml"
PROJECT_ROOT = Path(__file__).resolve().parent.parent
INSTALLED_DATA = Path(sys.prefix) / "share" / "exhibit-kiosk"
TARGET_DATA = PROJECT_ROOT / "share" / "exhibit-kiosk"


def _data_root() -> Path:
    if (PROJECT_ROOT / "exhibits").is_dir():
        return PROJECT_ROOT
    return TARGET_DATA if TARGET_DATA.is_dir() else INSTALLED_DATA


def bundled_exhibits_dir() -> Path:
    return _data_root() / "exhibits"


def assets_dir() -> Path:
    return _data_root() / "assets"


def checked_cache_dir() -> Path:
    """Results of exhibit checks kept between runs (kiosk.content.cache)."""
    import platformdirs

    return platformdirs.user_cache_path(APP_NAME) / "checked"


def first_frame_dir() -> Path:
    """The first frame kept for the next start (kiosk.operation.first_frame)."""
    import platformdirs

    return platformdirs.user_cache_path(APP_NAME) / "first-frame"


def default_settings_file() -> Path:
    """The settings file when no `--config` is given."""
    import platformdirs

    return platformdirs.user_config_path(APP_NAME) / SETTINGS_FILE


def tiles_cache_dir() -> Path:
    """Tiles of very large stills, cut once for zooming (kiosk.media.tiles)."""
    import platformdirs

    return platformdirs.user_cache_path(APP_NAME) / "tiles"


def default_library_dir() -> Path:
    """Content versions received as bundles (kiosk.bundles.library)."""
    import platformdirs

    return platformdirs.user_data_path(APP_NAME) / "content"


def qt_identity() -> str:
    """Which Qt is installed (its path and time), found without importing it (70 ms):
    what remembered clip checks depend on."""
    spec = find_spec("PySide6")
    origin = spec.origin if spec is not None and spec.origin else "none"
    try:
        return f"{origin} {os.stat(origin).st_mtime_ns}"
    except OSError:
        return origin
