"""The per-article work on a Dask cluster: the second backend beside `backends.LocalBackend`, same `map`.

    with DaskBackend("tcp://scheduler:8786") as b:   # or "local:4": a LocalCluster of 4 worker processes
        for results in b.map(analyze_batch, batches): ...

The workers also read the input files (in tasks of a few files, a little ahead of the client, which keeps the
checks across files: duplicates) when they can reach them: a local cluster, or URLs (`s3://…`). Each batch of
articles to analyze is one task; a task is pure (batch in, records out), so a task whose worker was lost
is run again by Dask and its result still lands once, in its place: results come back in input order, whatever
order the tasks finish in. A worker loads the pipeline once, on its first task (`nlp.pipeline` is cached per
process), never per article. Only this module imports dask, and only `api.analyze(scheduler=...)` imports it.
"""
from __future__ import annotations

import os
import sys
import threading
from collections.abc import Callable, Iterable, Iterator
from typing import Any, Self

ENV_SCHEDULER = "NEWSSCAN_SCHEDULER"
LOCAL = "local:"

# spaCy's vocab (and its memory zone) is not shared safely between threads: a worker that runs several tasks
# at once (`--nthreads` > 1) runs them one after the other in each of its processes
_PIPELINE_LOCK = threading.Lock()


def run_batch(fn: Callable[[Any], Any], batch: Any) -> Any:
    """The task: `fn(batch)` on a worker, one at a time per process."""
    with _PIPELINE_LOCK:
        return fn(batch)


FILES_PER_TASK = 8  # files read (and their articles cleaned) per task on a worker
READ_AHEAD = 4  # tasks of files queued per worker ahead of the one the client waits for


def read_files(paths: list[str], text_column: str | None) -> list[list]:
    """The task: each file's articles and issues, as the loader makes them (the corpus-wide checks, such as
    duplicates across files, stay with the client, which sees every file in order)."""
    from .loader import read_items

    return [read_items(p, text_column) for p in paths]


def _worker_version() -> str:
    from .analysis import code_version

    return code_version()


def local_workers(address: str) -> int | None:
    """N for `local:N` (a LocalCluster of N processes started here); None for a scheduler's address."""
    if not address.startswith(LOCAL):
        return None
    try:
        n = int(address[len(LOCAL):])
    except ValueError:
        n = 0
    if n < 1:
        from .errors import NewsscanError

        raise NewsscanError(f"--scheduler {address}: want local:N with N >= 1 worker processes")
    return n


def _dashboard_option() -> str | None:
    """A free port on the loopback for the dashboard, or none when bokeh (which draws it) is missing."""
    try:
        import bokeh  # noqa: F401
    except ImportError:
        return None
    return "127.0.0.1:0"


class DaskBackend:
    """`with DaskBackend(address, announce=print) as b: b.map(fn, batches)`; one client for the whole run."""

    def __init__(self, address: str, announce: Callable[[str], None] | None = None,
                 expect_version: str | None = None):
        self.address = address
        self.announce = announce or (lambda line: print(f"newsscan: {line}", file=sys.stderr))
        self.expect_version = expect_version
        self.client: Any = None
        self._cluster: Any = None

    warm = True  # the workers load the pipeline on their first task; the client never does

    def __enter__(self) -> Self:
        if local_workers(self.address) is None:  # a running cluster: connect now (cheap), it sizes the chunks
            self._connect()
        return self  # a local cluster is started on the first batch: a run wholly from the cache needs none

    def connected(self) -> Any:
        """The client, the cluster started (or reached) first if it is not yet."""
        if self.client is None:
            self._connect()
        return self.client

    def _connect(self) -> None:
        from dask.distributed import Client, LocalCluster

        n = local_workers(self.address)
        if n is not None:
            # loopback only: a cluster started for one run is nobody else's to reach
            self._cluster = LocalCluster(n_workers=n, threads_per_worker=1, processes=True, host="127.0.0.1",
                                         dashboard_address=_dashboard_option(), silence_logs=40)
            self.client = Client(self._cluster)
            link = self.client.dashboard_link if _dashboard_option() else "off (install bokeh for it)"
            address = self._cluster.scheduler_address
            self.announce(f"dask cluster of {n} workers at {address}; dashboard: {link}")
        else:
            self.client = Client(self.address)
        try:
            self._check_versions()
        except BaseException:  # a failed start leaves nothing open (`with` calls no __exit__ for __enter__)
            self.__exit__(None)
            raise

    def _check_versions(self) -> None:
        """Workers running another newsscan would give results the client files under its own cache key."""
        if self.expect_version is None:
            return
        found = set(self.client.run(_worker_version).values())
        if found - {self.expect_version}:
            from .errors import NewsscanError

            raise NewsscanError(f"the workers at {self.address} run newsscan {sorted(found)}, this is "
                                f"{self.expect_version}: install the same version on the workers")

    def __exit__(self, exc_type: object, *exc: object) -> None:
        if self.client is not None:
            self.client.close()
            self.client = None
        if self._cluster is not None:
            self._cluster.close()
            self._cluster = None

    @property
    def workers(self) -> int:
        n = local_workers(self.address)
        if n is not None or self.client is None:
            return n or 1
        return max(1, len(self.client.scheduler_info().get("workers", {})))

    def file_reader(self, files: list[str], text_column: str | None) -> Callable[[str], list | None] | None:
        """`read(path)` for `loader.iter_files`: the files the workers can reach are read there, a few tasks
        ahead of the client; None for a file the client reads itself (standard input; a local path or a
        process's memory:// when the cluster runs elsewhere)."""
        local = local_workers(self.address) is not None
        mine = [f for f in files if f != "-" and not f.startswith("memory://") and (local or "://" in f)]
        return _ReadAhead(self, mine, text_column, READ_AHEAD * self.workers) if mine else None

    def map(self, fn: Callable[[Any], Any], batches: Iterable[Any]) -> Iterator[Any]:
        """`fn` over each batch as one task each; results in input order, each released as soon as every
        earlier one is in (the tasks themselves finish in any order)."""
        from dask.distributed import as_completed

        batches = list(batches)
        if not batches:
            return
        if self.client is None:
            self._connect()
        # pure=False: two equal batches are still two tasks (a key from the content would hash every article)
        futures = self.client.map(run_batch, [fn] * len(batches), batches, pure=False)
        place = {f.key: i for i, f in enumerate(futures)}
        done: dict[int, Any] = {}
        nxt = 0
        try:
            for future in as_completed(futures):
                done[place[future.key]] = future.result()  # a task's error is raised here, as locally
                future.release()
                while nxt in done:
                    item = done.pop(nxt)
                    nxt += 1  # counted before it is handed over: the caller may stop at the last one
                    yield item
        finally:
            # interrupted or failed: the rest is not wanted
            if nxt < len(futures) and self.client is not None:
                self.client.cancel(futures[nxt:])


def block_scorer(client: Any, per_worker: int = 4) -> Callable[..., list]:
    """`group_stories(items, score=block_scorer(client))`: story grouping's candidate blocks scored as tasks,
    a few per worker (the TF-IDF and entity rows sent to each worker once), the pairs gathered in the order
    of the blocks, so the stories are those of a local run. The linking itself stays on the client: it is a
    pass over the sorted pairs."""

    def score(fn: Callable[..., list], X: Any, E: Any, blocks: list) -> list:
        if not blocks:
            return []
        rows, names = client.scatter([X, E], broadcast=True)
        workers = max(1, len(client.scheduler_info().get("workers", {})))
        size = -(-len(blocks) // (workers * per_worker))
        chunks = [blocks[k:k + size] for k in range(0, len(blocks), size)]
        futures = client.map(fn, [rows] * len(chunks), [names] * len(chunks), chunks, pure=False)
        return [pair for part in client.gather(futures) for pair in part]

    return score


def scheduler_address(option: str | None) -> str | None:
    """The --scheduler option, else NEWSSCAN_SCHEDULER, else None (the local process pool)."""
    return option or os.environ.get(ENV_SCHEDULER) or None


class _ReadAhead:
    """Files read on the workers in tasks of FILES_PER_TASK, at most `window` tasks ahead of the file the
    client asks for (the client asks in file order, for the files its cache does not hold), so that the
    workers' memory holds a few tasks' articles only. The cluster is started on the first file asked for."""

    def __init__(self, backend: DaskBackend, files: list[str], text_column: str | None, window: int):
        from .backends import batched

        self.backend, self.text_column, self.window = backend, text_column, max(1, window)
        self.groups = list(batched(files, FILES_PER_TASK))
        self.where = {f: g for g, group in enumerate(self.groups) for f in group}
        self.pending: dict[int, Any] = {}
        self.submitted = 0
        self.current: tuple[int, dict[str, list]] = (-1, {})

    def __call__(self, path: str) -> list | None:
        g = self.where.get(path)
        if g is None:
            return None
        if self.current[0] != g:
            if self.backend.client is None:
                self.backend._connect()
            while self.submitted < len(self.groups) and self.submitted <= g + self.window:
                self.pending[self.submitted] = self.backend.client.submit(
                    read_files, self.groups[self.submitted], self.text_column, pure=False)
                self.submitted += 1
            future = self.pending.pop(g)
            self.current = (g, dict(zip(self.groups[g], future.result(), strict=True)))
            future.release()
        return self.current[1][path]
