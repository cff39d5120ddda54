"""The split every cleaning benchmark reports: hosts (or outlets) hashed into a tuned part and a held-out part.

Rules, thresholds and the line model are fitted on the tuned part only; the held-out part stands for the hosts a
user's corpus brings, which the project never saw. The split is by host so that no page of a held-out site helps.
"""

import zlib
from collections.abc import Callable, Iterable

HELD_OUT_EVERY = 3
PARTS = ("tuned", "held-out")


def is_held_out(host: str) -> bool:
    """Host or outlet name -> True for the held-out part (one name in three, by CRC-32 of the folded name)."""
    return zlib.crc32((host or "").casefold().encode("utf-8")) % HELD_OUT_EVERY == 0


def part_of(host: str) -> str:
    """Host or outlet name -> 'tuned' or 'held-out'."""
    return PARTS[is_held_out(host)]


def split(rows: Iterable, host_of: Callable) -> dict[str, list]:
    """Rows + their host -> {'tuned': [...], 'held-out': [...]}, order kept."""
    parts: dict[str, list] = {part: [] for part in PARTS}
    for row in rows:
        parts[part_of(host_of(row))].append(row)
    return parts
