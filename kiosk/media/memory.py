"""Memory the image cache lets go goes back to the system.

glibc's allocator raises its mmap threshold to the size of each large block
freed, so after the first few stills every later one comes from the heap; a
day of decodes of different sizes then leaves hundreds of MB of free heap that
the kernel still counts as the kiosk's. Two things keep it flat:
- a fixed threshold (`keep_large_blocks_apart`): a block the size of a 4K
  still or larger gets a mapping of its own, unmapped the moment it is freed;
  smaller ones (tiles, 1080p stills) keep reusing pages already mapped, which
  decodes in a row need to stay quick;
- `release_free_memory` (malloc_trim) once decoding has been quiet for a moment,
  for the free pages left among the smaller blocks.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import logging

log = logging.getLogger(__name__)

M_MMAP_THRESHOLD = -3
"""mallopt's parameter (malloc.h); setting it also ends the threshold's adjustment."""
OWN_MAPPING_BYTES = 16 * 2**20
"""Blocks this large get a mapping of their own: a 4K still is 33 MB, a 1080p one 8 MB, a tile 4 MB."""


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


def keep_large_blocks_apart() -> bool:
    """Fix the allocator's mmap threshold (at start, before stills are decoded); False without glibc."""
    return _LIBC is not None and bool(_LIBC.mallopt(M_MMAP_THRESHOLD, OWN_MAPPING_BYTES))


def release_free_memory() -> bool:
    """Give the allocator's free pages back to the system; False without glibc."""
    return _LIBC is not None and bool(_LIBC.malloc_trim(0))
