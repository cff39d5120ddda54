"""Ctrl-C while serving: stop the schedule and the run in progress, not only the loop that waits for it.

The flow runs a served deployment starts lead sessions of their own, out of the terminal's reach, and a plain
KeyboardInterrupt leaves the server waiting for the run in progress however long it takes. Prefect's runner
already knows how to stop everything on SIGTERM (it cancels the runs in flight, then returns); Ctrl-C asks it
to do that. The run it cancels leaves the warehouse as the last complete run left it: publishing is atomic.
"""

import signal
import sys
from collections.abc import Iterator
from contextlib import contextmanager


def _stop(signum: int, frame: object) -> None:
    """SIGINT -> the runner's SIGTERM shutdown once it is installed, else a KeyboardInterrupt as usual."""
    if callable(signal.getsignal(signal.SIGTERM)):
        sys.stderr.write("stopping: no new runs; a run in progress is cancelled, and the warehouse keeps the last "
                         "complete run\n")
        signal.raise_signal(signal.SIGTERM)
    else:
        signal.default_int_handler(signum, frame)


@contextmanager
def ctrl_c_stops_runs() -> Iterator[None]:
    """Within the block, Ctrl-C shuts the runner down through its own SIGTERM handler -> None."""
    previous = signal.signal(signal.SIGINT, _stop)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
