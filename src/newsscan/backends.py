"""Where the per-article work runs: in this process, or spread over a local process pool.

Both give the results in input order, so `--jobs 1` and `--jobs N` print the same bytes. Workers load the
spaCy pipeline once (pool initializer) and receive articles in batches, so that `nlp.pipe` can batch too.
`dask_backend.DaskBackend` sits behind the same `map` call; `guarded` turns an article whose analysis
raises into an issue naming it, in either.
"""
from __future__ import annotations

import contextlib
import functools
import multiprocessing as mp
import os
import signal
import threading
from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from typing import Any, Self, TypeVar

T = TypeVar("T")


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def batched(items: Iterable[T], size: int) -> Iterator[list[T]]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


def batched_by_size(items: Iterable[T], size: Callable[[T], int], max_items: int, max_size: int,
                    ) -> Iterator[list[T]]:
    """Batches of at most `max_items` items and, unless one item alone is larger, `max_size` in total: one
    long article makes a task of its own, so that the other workers take the rest meanwhile."""
    batch: list[T] = []
    total = 0
    for item in items:
        n = size(item)
        if batch and (len(batch) >= max_items or total + n > max_size):
            yield batch
            batch, total = [], 0
        batch.append(item)
        total += n
    if batch:
        yield batch


def guarded(fn: Callable[[list], list]) -> Callable[[list], list]:
    """`fn` over a batch of articles where one article that raises costs only itself: the batch is run again
    article by article, and each one that still raises becomes an `Issue` in its place (named by its path),
    the same in a local process and in a task on a cluster's worker."""
    return functools.partial(_guarded, fn)


def _guarded(fn: Callable[[list], list], batch: list) -> list:
    try:
        return fn(batch)
    except Exception:  # some article of the batch: found below, one at a time
        pass
    out = []
    for article in batch:
        try:
            out.extend(fn([article]))
        except Exception as exc:  # the article's analysis failed: reported like an unreadable file
            from .records import Issue

            why = " ".join(f"{type(exc).__name__}: {exc}".split())[:200]
            out.append(Issue(article.path, f"analysis failed ({why.rstrip(': ')})"))
    return out


class LocalBackend:
    """`with LocalBackend(jobs, init) as b: b.map(fn, batches)`; one pool for the whole run."""

    def __init__(self, jobs: int, initializer: Callable[[], None] | None = None):
        self.jobs = max(1, jobs)
        self.initializer = initializer
        self._pool: Any = None
        self._warm = False

    @property
    def warm(self) -> bool:
        """Whether the pipeline is loaded (here) or being loaded (by the pool's workers) already."""
        return self._warm or self._pool is not None

    def __enter__(self) -> Self:
        return self

    def __exit__(self, exc_type: object, *exc: object) -> None:
        if self._pool is not None:
            if exc_type is None:
                self._pool.close()
                self._pool.join()
            else:  # Ctrl-C or an error: the queued batches are not wanted, so stop the workers now; a second
                # Ctrl-C waits until they are stopped (then ends the run the same way)
                with _sigint_blocked():
                    self._pool.terminate()
                    self._pool.join()
            self._pool = None

    def map(self, fn: Callable[[Any], Any], batches: Iterable[Any]) -> Iterator[Any]:
        """`fn` over each batch, results in input order."""
        batches = list(batches)
        if not batches:  # everything came from the cache: no need to load the pipeline at all
            return
        if self.jobs == 1 or len(batches) <= 1:
            if self.initializer and not self._warm:
                self.initializer()
                self._warm = True
            yield from map(fn, batches)
            return
        if self._pool is None:
            # fork shares the imported modules; spawn (macOS, Windows) works too, only slower to start
            method = "fork" if "fork" in mp.get_all_start_methods() else "spawn"
            # Ctrl-C reaches the whole process group: the parent alone handles it (and terminates the pool)
            with _sigint_blocked():
                self._pool = mp.get_context(method).Pool(self.jobs, initializer=_worker_init,
                                                         initargs=(self.initializer,))
        yield from self._pool.imap(fn, batches, chunksize=1)


@contextlib.contextmanager
def _sigint_blocked() -> Iterator[None]:
    """SIGINT held back (blocked, so a Ctrl-C meanwhile stays pending and is taken when this ends) while the
    workers are forked: each starts with it blocked and ignores it before unblocking (`_worker_init`)."""
    if not hasattr(signal, "pthread_sigmask") or threading.current_thread() is not threading.main_thread():
        yield
        return
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})


def _worker_init(initializer: Callable[[], None] | None) -> None:
    """A worker ignores SIGINT (the parent decides what an interrupt means), then warms up."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
    if initializer is not None:
        initializer()
