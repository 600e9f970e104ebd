"""The per-article work on a Dask cluster: the second backend beside `backends.LocalBackend`, same `map`.

    with DaskBackend("tcp://scheduler:8786") as b:   # or "local:4": a LocalCluster of 4 worker processes
        for results in b.map(analyze_batch, batches): ...

Each batch (many articles) is one task; a task is pure (batch in, records out), so a task whose worker was lost
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


def _worker_version() -> str:
    from .analysis import pipeline_version

    return pipeline_version()


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

    def _connect(self) -> None:
        from dask.distributed import Client, LocalCluster

        n = local_workers(self.address)
        if n is not None:
            # loopback only: a cluster started for one run is nobody else's to reach
            self._cluster = LocalCluster(n_workers=n, threads_per_worker=1, processes=True, host="127.0.0.1",
                                         dashboard_address=_dashboard_option(), silence_logs=40)
            self.client = Client(self._cluster)
            link = self.client.dashboard_link if _dashboard_option() else "off (install bokeh for it)"
            self.announce(f"dask cluster of {n} workers at {self._cluster.scheduler_address}, dashboard {link}")
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
            if nxt < len(futures) and self.client is not None:  # interrupted or failed: the rest is not wanted
                self.client.cancel(futures[nxt:])


def scheduler_address(option: str | None) -> str | None:
    """The --scheduler option, else NEWSSCAN_SCHEDULER, else None (the local process pool)."""
    return option or os.environ.get(ENV_SCHEDULER) or None
