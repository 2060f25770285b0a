"""Guards against PySide6 builds that drop a reference to None per Qt call.

PySide6 6.12.0 on CPython 3.11 aborts with `none_dealloc` after about 5,000
calls of Qt methods that return None; a kiosk makes that many in minutes. The
calls run in a child process so that an abort fails this test instead of
killing the test run.
"""

from __future__ import annotations

import os
import subprocess
import sys

CALLS = 20_000

CHILD = f"""
import sys
from PySide6.QtWidgets import QApplication, QWidget
app = QApplication([])
widget = QWidget()
before = sys.getrefcount(None)
for i in range({CALLS}):
    widget.update()
    widget.setWindowTitle("x")
app.processEvents()
after = sys.getrefcount(None)
print(before, after)
"""

IMMORTAL_REFCOUNT = 2**30


def test_many_qt_calls_returning_none_keep_the_process_alive():
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run([sys.executable, "-c", CHILD], capture_output=True, text=True,
                            env=env, timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
    before, after = map(int, result.stdout.split())
    if sys.version_info >= (3, 12):
        # None is immortal: its count is pinned high and cannot reach zero.
        assert before >= IMMORTAL_REFCOUNT and after >= IMMORTAL_REFCOUNT
    else:
        assert after >= before, f"Qt calls dropped {before - after} references to None"
