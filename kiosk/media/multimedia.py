"""Whether Qt Multimedia loads on this computer.

It needs system libraries that Qt's wheels do not carry (PulseAudio's client
library among them), which a stripped-down system may lack: Ubuntu 24.04's
minimal install does. Clips, curators' recordings and the clip check then step
aside with one clear message (a poster and transcript, synthetic speech, a
located warning) instead of failing at the first play.
"""

from __future__ import annotations

import functools
import logging

log = logging.getLogger(__name__)


@functools.cache
def multimedia_missing() -> str | None:
    """Why clips cannot play here, or None when Qt Multimedia loads."""
    try:
        import PySide6.QtMultimedia  # noqa: F401 - loading it is the question
    except ImportError as error:
        log.error("clips and recordings cannot play: Qt Multimedia does not load (%s)", error)
        return f"Qt Multimedia does not load on this computer ({error})"
    return None
