"""Logging for a kiosk nobody watches: to stderr, and to a rotating file in the
per-user log folder that an administrator can read afterwards. Qt's own
warnings go to the same place."""

from __future__ import annotations

import logging
import logging.handlers
import sys
from pathlib import Path
from typing import TextIO

import platformdirs

from kiosk.paths import APP_NAME

LOG_FILE = "kiosk.log"
MAX_BYTES = 1_000_000
BACKUPS = 5
FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"

log = logging.getLogger(__name__)


class _KioskHandler:
    """Marks the handlers configure_logging adds, so a second call replaces them."""


class _StreamHandler(_KioskHandler, logging.StreamHandler):  # type: ignore[type-arg]
    """Writes to whatever sys.stderr is now, not the stream it was when the
    handler was made, which may since have been replaced and closed."""

    def __init__(self) -> None:
        super().__init__(sys.stderr)

    @property
    def stream(self) -> TextIO:
        return sys.stderr

    @stream.setter
    def stream(self, _value: object) -> None:
        pass


class _FileHandler(_KioskHandler, logging.handlers.RotatingFileHandler):
    pass


def log_to_stderr() -> None:
    """Plain messages on stderr, for the one-shot commands."""
    root = logging.getLogger()
    _remove_kiosk_handlers(root)
    handler = _StreamHandler()
    handler.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    root.setLevel(logging.INFO)


def _remove_kiosk_handlers(root: logging.Logger) -> None:
    for old in [h for h in root.handlers if isinstance(h, _KioskHandler)]:
        root.removeHandler(old)
        old.close()


def configure_logging(level: str, log_dir: Path | None = None) -> Path | None:
    """Log at `level` (debug, info, warning, error; an unknown one means info)
    to stderr and to `log_dir` (default the per-user log folder). Returns the
    log file, or None when it cannot be written: the kiosk then runs on with
    stderr alone rather than not at all."""
    root = logging.getLogger()
    _remove_kiosk_handlers(root)
    number = logging.getLevelNamesMapping().get(str(level).upper())
    root.setLevel(number if number is not None else logging.INFO)
    formatter = logging.Formatter(FORMAT)
    handlers: list[logging.Handler] = [_StreamHandler()]
    path: Path | None = (Path(log_dir) if log_dir else platformdirs.user_log_path(APP_NAME)) / LOG_FILE
    file_error = None
    try:
        assert path is not None
        path.parent.mkdir(parents=True, exist_ok=True)
        handlers.append(_FileHandler(path, maxBytes=MAX_BYTES, backupCount=BACKUPS,
                                     encoding="utf-8"))
    except OSError as error:
        file_error, path = error, None
    for handler in handlers:
        handler.setFormatter(formatter)
        root.addHandler(handler)
    if number is None:
        log.warning("unknown log level %r; using info", level)
    if file_error is not None:
        log.warning("cannot write the log file: %s; logging to stderr only", file_error)
    _route_qt_messages()
    return path


def _route_qt_messages() -> None:
    from PySide6.QtCore import QtMsgType, qInstallMessageHandler

    levels = {QtMsgType.QtDebugMsg: logging.DEBUG, QtMsgType.QtInfoMsg: logging.INFO,
              QtMsgType.QtWarningMsg: logging.WARNING, QtMsgType.QtCriticalMsg: logging.ERROR,
              QtMsgType.QtFatalMsg: logging.CRITICAL}
    qt_log = logging.getLogger("qt")

    def handle(kind: QtMsgType, _context: object, message: str) -> None:
        qt_log.log(levels.get(kind, logging.WARNING), "%s", message)

    qInstallMessageHandler(handle)
