"""Memory the image cache lets go goes back to the system.

glibc gives each thread that allocates its own arena. Stills are decoded on
the decoder threads and freed on the GUI thread, so every arena ends up holding
free pages between live blocks, and after a day of stills of different sizes
hundreds of MB the kiosk no longer uses are still counted as its own. Two
things keep it flat:
- one arena for every thread (`use_one_arena`, at start, before any thread
  allocates), where the blocks a still frees are the ones the next still reuses;
- `release_free_memory` (malloc_trim) once decoding has been quiet for a moment,
  not on every eviction, so that decodes in a row reuse pages already mapped
  (a page fault costs much more in a virtual machine than a reuse).
"""

from __future__ import annotations

import ctypes
import ctypes.util
import logging

log = logging.getLogger(__name__)

M_ARENA_MAX = -8
"""mallopt's parameter for the number of arenas (malloc.h)."""


def _glibc() -> ctypes.CDLL | None:
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c"))
        libc.mallopt.argtypes = [ctypes.c_int, ctypes.c_int]
        libc.malloc_trim.argtypes = [ctypes.c_size_t]
    except (OSError, AttributeError, TypeError):
        log.debug("not glibc: freed memory returns to the system as the C library decides")
        return None
    return libc


_LIBC = _glibc()


def use_one_arena() -> bool:
    """One arena for every thread (at start, before stills are decoded); False without glibc."""
    return _LIBC is not None and bool(_LIBC.mallopt(M_ARENA_MAX, 1))


def release_free_memory() -> bool:
    """Give the allocator's free pages back to the system; False without glibc."""
    return _LIBC is not None and bool(_LIBC.malloc_trim(0))
