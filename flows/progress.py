"""Progress of a long run: a rich bar on a terminal, nothing otherwise. The CLI turns it on."""

from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn


class _Reporter:
    def __init__(self) -> None:
        self._progress: Progress | None = None
        self._tasks: dict[str, int] = {}

    def start(self) -> None:
        self._progress = Progress(TextColumn("{task.description:<10}"), BarColumn(), MofNCompleteColumn(),
                                  TimeElapsedColumn(), transient=False)
        self._progress.start()

    def stop(self) -> None:
        if self._progress:
            self._progress.stop()
        self._progress, self._tasks = None, {}

    def stage(self, name: str, total: int) -> None:
        if self._progress:
            self._tasks[name] = self._progress.add_task(name, total=total)

    def advance(self, name: str, amount: int) -> None:
        if self._progress and name in self._tasks:
            self._progress.advance(self._tasks[name], amount)


PROGRESS = _Reporter()
