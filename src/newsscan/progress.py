"""The progress bar on stderr (a terminal only): what the run is doing (listing, loading the model,
analyzing), the files done out of the total as soon as the inputs are listed, and the articles done."""
from __future__ import annotations

from typing import Any, Self


class ProgressBar:
    """An `api.Progress` drawn with rich; `with ProgressBar() as bar: api.analyze(paths, progress=bar)`."""

    def __init__(self) -> None:
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            SpinnerColumn,
            TextColumn,
            TimeElapsedColumn,
        )

        self._bar = Progress(SpinnerColumn(), TextColumn("{task.description}"), BarColumn(),
                             MofNCompleteColumn(), TextColumn("files"), TextColumn("{task.fields[articles]}"),
                             TimeElapsedColumn(), console=Console(stderr=True), transient=True)
        self._task: Any = self._bar.add_task("listing inputs…", total=None, articles="")
        self._articles = 0

    def __enter__(self) -> Self:
        self._bar.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._bar.stop()

    def listed(self, files: int) -> None:
        self._bar.update(self._task, total=files, description="reading")

    def loading(self) -> None:
        self._bar.update(self._task, description="loading model…")

    def advance(self, articles: int, files_done: int) -> None:
        self._articles += articles
        task = self._bar.tasks[0]
        rate = f" ({self._articles / task.elapsed:.0f}/s)" if task.elapsed else ""
        self._bar.update(self._task, completed=files_done, description="analyzing",
                         articles=f"{self._articles} articles{rate}")
