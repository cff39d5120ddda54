"""Progress of a long run: on a terminal, a rich bar per stage with counts, elapsed and remaining time; otherwise
one log line per stage when it ends. The CLI turns it on; the flow only reports stages and counts."""

import sys
import time

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)


class _Reporter:
    def __init__(self) -> None:
        self._progress: Progress | None = None
        self._on = False
        self._tasks: dict[str, int] = {}
        self._stages: dict[str, list] = {}  # name -> [total, done, started, what]

    def start(self, live: bool, console: Console | None = None) -> None:
        """Report from now on: bars when live (a terminal), else a line per finished stage on stderr."""
        self._on = True
        if live:
            self._progress = Progress(TextColumn("{task.description:<34}"), BarColumn(), MofNCompleteColumn(),
                                      TimeElapsedColumn(), TextColumn("left"), TimeRemainingColumn(),
                                      console=console or Console(stderr=True), transient=False)
            self._progress.start()

    def stop(self) -> None:
        if self._progress:
            self._progress.stop()
        else:
            for name in list(self._stages):
                self._finish(name)
        self._progress, self._on, self._tasks, self._stages = None, False, {}, {}

    def stage(self, name: str, total: int, what: str = "") -> None:
        """A stage of `total` units (files, articles, steps) begins."""
        if not self._on:
            return
        self._stages[name] = [total, 0, time.monotonic(), what]
        if self._progress:
            self._tasks[name] = self._progress.add_task(self._label(name, what), total=total)
        elif total == 0:
            self._finish(name)

    def advance(self, name: str, amount: int = 1, now: str | None = None) -> None:
        """`amount` units of a stage done; `now` names what the stage does next."""
        if name not in self._stages:
            return
        found = self._stages[name]
        found[1] += amount
        if self._progress:
            label = {"description": self._label(name, now)} if now is not None else {}
            self._progress.update(self._tasks[name], advance=amount, **label)
        elif found[1] >= found[0]:
            self._finish(name)

    @staticmethod
    def _label(name: str, what: str | None) -> str:
        return f"{name}: {what}" if what else name

    def _finish(self, name: str) -> None:
        total, done, started, _ = self._stages.pop(name)
        # not print(): the flow logs prints (log_prints), and its log is quiet unless --verbose
        sys.stderr.write(f"crosswire: {name}: {done:,} of {total:,} done in {time.monotonic() - started:.1f} s\n")
        sys.stderr.flush()


PROGRESS = _Reporter()
