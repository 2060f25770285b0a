"""Logging to stderr and a rotating file."""

from __future__ import annotations

import logging
from pathlib import Path

from kiosk.operation.logs import configure_logging


def _exhibit_text(order: int, title: str, panels: int) -> str:
    bodies = "".join(f"  - type: text\n    body: Panel {i + 1}.\n" for i in range(panels))
    return f"schema: 1\norder: {order}\ntitle: {title}\ntile: tile.png\npanels:\n{bodies}"


# --- logging -------------------------------------------------------------------

def test_configure_logging_writes_a_file_and_is_idempotent(tmp_path: Path, qapp):
    from PySide6.QtCore import qWarning

    root = logging.getLogger()
    saved = root.handlers[:], root.level
    try:
        path = configure_logging("debug", tmp_path)
        added = [h for h in root.handlers if h not in saved[0]]
        assert path == tmp_path / "kiosk.log" and root.level == logging.DEBUG
        assert configure_logging("nonsense", tmp_path) == path
        assert len([h for h in root.handlers if h not in saved[0]]) == len(added) == 2
        assert root.level == logging.INFO
        logging.getLogger("kiosk.test").info("hello from the kiosk")
        qWarning("a warning from Qt")
        for handler in root.handlers:
            handler.flush()
        text = path.read_text(encoding="utf-8")
        assert "unknown log level 'nonsense'" in text
        assert "INFO kiosk.test: hello from the kiosk" in text
        assert "WARNING qt: a warning from Qt" in text
    finally:
        for handler in [h for h in root.handlers if h not in saved[0]]:
            root.removeHandler(handler)
            handler.close()
        root.setLevel(saved[1])
