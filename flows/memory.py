"""Freed memory given back to the system between a run's phases, so that one phase's peak does not stay resident
through the next ones."""

import ctypes
import ctypes.util
import gc

import pyarrow as pa


def _libc():
    try:
        return ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
    except OSError:  # no C library to load by name (not on Linux, say): nothing to trim
        return None


_LIBC = _libc()


def give_back() -> None:
    """Python's cycles collected, Arrow's pool released, the C heap trimmed. glibc keeps freed blocks in its heap for
    later use: without a trim, the Python objects of parsing the input (JSON records, strings) would keep the flow
    process at that peak through the batches and the run-wide steps. Arrow's allocator keeps what is freed too."""
    gc.collect()
    pa.default_memory_pool().release_unused()
    trim = getattr(_LIBC, "malloc_trim", None)
    if trim is not None:
        trim(0)
