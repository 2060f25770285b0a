"""Logging to stderr and a rotating file."""

from __future__ import annotations

import io
import logging
from pathlib import Path

from kiosk.operation.logs import configure_logging, log_to_stderr


def _exhibit_text(order: int, title: str, panels: int) -> str:
    bodies = "".join(f"  - type: text\n    body: Panel {i + 1}.\n" for i in range(panels))
    return f"schema: 1\norder: {order}\ntitle: {title}\ntile: tile.png\npanels:\n{bodies}"


# --- logging -------------------------------------------------------------------

def test_configure_logging_writes_a_file_and_is_idempotent(tmp_path: Path, qapp):
    from PySide6.QtCore import qWarning

    root = logging.getLogger()
    before = root.handlers[:]
    path = configure_logging("debug", tmp_path)
    added = [h for h in root.handlers if h not in before]
    assert path == tmp_path / "kiosk.log" and root.level == logging.DEBUG
    assert configure_logging("nonsense", tmp_path) == path
    assert len([h for h in root.handlers if h not in before]) == len(added) == 2
    assert root.level == logging.INFO
    logging.getLogger("kiosk.test").info("hello from the kiosk")
    qWarning("a warning from Qt")
    for handler in root.handlers:
        handler.flush()
    text = path.read_text(encoding="utf-8")
    assert "unknown log level 'nonsense'" in text
    assert "INFO kiosk.test: hello from the kiosk" in text
    assert "WARNING qt: a warning from Qt" in text


def test_stderr_logging_follows_a_replaced_stderr(monkeypatch):
    """A handler made before stderr was swapped (as tests and service managers
    do) writes to the new stream, never to the closed old one."""
    log_to_stderr()
    replacement = io.StringIO()
    monkeypatch.setattr("sys.stderr", replacement)
    logging.getLogger("kiosk.test").info("after the swap")
    assert "INFO kiosk.test: after the swap" in replacement.getvalue()
