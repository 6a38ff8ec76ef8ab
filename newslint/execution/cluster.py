"""Checking files on a Dask cluster (``newslint check --dask [ADDRESS]``).

Each task is a batch of paths and the linter (a few hundred bytes pickled: options, no
compiled rules); a worker keeps the first copy of a run's linter and reuses it, compiled
rules and LanguageTool connection included, for the run's later batches. Workers read
the files themselves, so they must be readable at the same paths on every worker (a
shared or copied archive). Each worker
talks to LanguageTool through its own stage: the ``--languagetool-url`` pool when one
is given, else newslint's daemon on the worker's machine, started there on first use
(one per machine: workers on one machine share it through its lock and state file).

Batches are sized from the run: each takes about a second of a worker's time at the
rate the batches back so far were checked (8 files until one is back; at most 512), so
the scheduler's few milliseconds a task stay a small share whether a file takes 3 ms
(rules alone) or 300 (LanguageTool), and a lost batch or a progress step stays short;
near the end, no more than a quarter of each worker thread's share of what is left
(guided scheduling), down to single files, so the workers finish together.

Back-pressure: at most ``window`` batches are being checked at once (two per worker
thread by default) and at most ``AHEAD`` times that many are submitted or finished but
not yet handed on, and a worker checks one batch at a time with the requests of at most
two files out at once (see ``Linter.iter_files``), so a slow server slows the run rather than
piling up requests or results. Batches are collected as they finish
(``as_completed``), so one slow batch does not leave the other workers idle, and handed
on in submission order from a reorder buffer.

The LocalCluster newslint starts has no dashboard, no per-worker statistical profiler
(a sampling thread that competes with checking for the GIL), and its monitors tick
seldom, and its workers are spawned, never forked (see ``LOCAL_CLUSTER_CONFIG``).

Lost work: when a worker dies, the scheduler gives its batch to another worker (Dask's
``allowed-failures``, 3 by default). A batch that still fails (``KilledWorker``, or an
exception) is split and its files are tried one by one, and each that fails once more alone (a file
queued on a worker another file killed is counted as failing with it), so one file that
kills workers costs only itself; a file that cannot be checked comes back as an error naming it
("not checked on the Dask cluster: ..."), which makes the run exit 2. If the cluster
itself goes away every file not yet back gets that error.
"""
from __future__ import annotations

import collections
import gc
import logging
import re
import time
import uuid
from typing import Iterator, Sequence

from newslint.findings import FileError
from newslint.interrupts import HeldInterrupts
from newslint.results import FileResult

BATCHES_PER_THREAD = 4
FIRST_BATCH_FILES = 8
MAX_BATCH_FILES = 512
BATCH_SECONDS = 1.0
WINDOW_PER_THREAD = 2
AHEAD = 4
# Settings of the LocalCluster newslint starts, for its scheduler and workers.
# Without a dashboard nobody reads the monitors: they look less often (the event-loop
# tick every 1 s, not 20 ms; CPU and memory figures every 5 s; a worker's memory against
# its limit every 1 s, not 100 ms), which leaves the cores to the checking.
# The nannies spawn their workers, fresh interpreters, everywhere. Forking them from this
# process saved about 0.4 CPU-s and 0.25 s a worker, but this process runs the scheduler's
# event-loop thread, which logs: a fork while it held a log stream's lock left the worker
# waiting on that lock for ever at its first log line (a hung test run).
LOCAL_CLUSTER_CONFIG = {
    "distributed.worker.profile.enabled": False,
    "distributed.admin.tick.interval": "1s",
    "distributed.admin.system-monitor.interval": "5s",
    "distributed.worker.memory.monitor-interval": "1s",
    "distributed.worker.multiprocessing-method": "spawn",
    "distributed.worker.preload": ["newslint.execution.worker_signals"],
}

# Its scheduler's HTTP server (health and metrics routes; the dashboard is off) on a
# free local port: not 8787, which a user's own cluster may hold (with a warning then).
LOCAL_SCHEDULER_OPTIONS = {"dashboard_address": "127.0.0.1:0"}

_TEARDOWN_LOGGERS = ("distributed.", "tornado.")

_ADDRESS = re.compile(r"^[a-z][a-z0-9+.-]*://|^[\w.-]+:\d+$", re.IGNORECASE)


def is_address(value: str) -> bool:
    """``tcp://host:8786``, ``host:8786``, ``tls://...``: what a scheduler address looks like."""
    return bool(_ADDRESS.match(value))


class DaskExecutor:
    """Check files on a Dask cluster: the scheduler at ``address``, an existing
    ``client``, or (neither) a LocalCluster of ``workers`` processes on this machine,
    one thread each. Use as a context manager, or call :meth:`close`."""

    def __init__(self, address: str | None = None, *, client=None, workers: int | None = None,
                 batch_files: int | None = None, window: int | None = None):
        self.address = address
        self.batch_files = None if batch_files is None else max(1, batch_files)
        self._window = window
        self._workers = workers
        self._client = client
        self._owns_client = client is None
        self._cluster = None
        # Loggers quietened for the teardown of an interrupted run, with their levels.
        self._quietened: list[tuple[logging.Logger, int]] = []

    # -- the cluster ---------------------------------------------------------------------

    @property
    def local(self) -> bool:
        """True when the workers run on this machine (a LocalCluster newslint made)."""
        return self.address is None and not (self._client is not None and not self._owns_client)

    def client(self):
        if self._client is None:
            from distributed import Client, LocalCluster

            if self.address is None:
                import dask

                # Nannies copy the configuration into their workers when they start them;
                # the workers ignore Ctrl-C (worker_signals), so a Ctrl-C stops the run from
                # this process alone (its nannies stop the workers). While the cluster
                # starts, Ctrl-C is held as during a write and raised once it has started.
                held = HeldInterrupts()
                with dask.config.set(LOCAL_CLUSTER_CONFIG), held, held.writing():
                    self._cluster = LocalCluster(n_workers=max(1, self._workers or 1), threads_per_worker=1,
                                                 processes=True, dashboard_address=None,
                                                 scheduler_kwargs=LOCAL_SCHEDULER_OPTIONS,
                                                 silence_logs=logging.ERROR)
                self._client = Client(self._cluster, set_as_default=False)
            else:
                self._client = Client(self.address, set_as_default=False)
        return self._client

    def close(self) -> None:
        try:
            if self._owns_client and self._client is not None:
                self._client.close()
                self._client = None
            if self._cluster is not None:
                self._cluster.close()
                self._cluster = None
        finally:
            for logger, level in self._quietened:
                logger.setLevel(level)
            self._quietened = []

    def _quieten_teardown(self) -> None:
        """After an interrupted or failed run on the LocalCluster newslint started, that
        cluster's own errors while it is torn down (a result forgotten mid-transfer, a
        connection closed) are not shown: the run's report already says what was not
        checked. Undone by :meth:`close`."""
        if self._cluster is None or self._quietened:
            return
        # Dask's and Tornado's loggers, and those below them that have a level of their own.
        names = ["distributed", "tornado"] + [
            name for name, logger in logging.Logger.manager.loggerDict.items()
            if name.startswith(_TEARDOWN_LOGGERS) and isinstance(logger, logging.Logger)
            and logger.level != logging.NOTSET]
        for name in dict.fromkeys(names):
            logger = logging.getLogger(name)
            self._quietened.append((logger, logger.level))
            logger.setLevel(logging.CRITICAL + 1)

    def __enter__(self) -> "DaskExecutor":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def _threads(self, client) -> int:
        try:
            return max(1, sum(client.nthreads().values()))
        except Exception:       # noqa: BLE001 - a scheduler that cannot answer: the run says so later
            return 1

    # -- checking ------------------------------------------------------------------------

    def lint_files(self, linter, files: Sequence[str]) -> Iterator[FileResult]:
        if not files:
            return
        if self.local:
            linter.prepare_workers()     # one LanguageTool daemon on this machine, started once
        try:
            from distributed import as_completed

            client = self.client()
            threads = self._threads(client)
        except Exception as exc:     # noqa: BLE001 - no cluster: every file says so
            yield from _not_checked(files, exc)
            return
        window = self._window or WINDOW_PER_THREAD * threads
        run = uuid.uuid4().hex[:8]
        shared = (run, linter)
        sizer = BatchSizer(threads, self.batch_files)
        futures: dict[int, tuple[object, list[str]]] = {}   # submitted, not yet handed on
        indexes: dict[str, int] = {}           # their keys
        done: set[int] = set()                 # of those, finished
        finished = as_completed(loop=client.loop)
        start = submitted = handed = 0
        completed = False
        try:
            while start < len(files) or handed < submitted:
                while (start < len(files) and len(futures) - len(done) < window
                       and len(futures) < AHEAD * window):
                    size = sizer.size(len(files) - start)
                    batch = list(files[start:start + size])
                    start += size
                    future = client.submit(lint_batch, shared, batch, pure=False,
                                           key=f"newslint-{run}-{submitted}")
                    futures[submitted], indexes[future.key] = (future, batch), submitted
                    finished.add(future)
                    submitted += 1
                if handed not in done:
                    done.add(indexes.pop(next(finished).key))
                    continue
                future, batch = futures.pop(handed)
                done.discard(handed)
                yield from self._results(client, shared, run, batch, future, sizer)
                handed += 1
            completed = True
        finally:
            if not completed:
                self._quieten_teardown()
            for future, _ in futures.values():
                future.cancel()

    def _results(self, client, shared, run: str, batch: list[str], future,
                 sizer: "BatchSizer") -> Iterator[FileResult]:
        try:
            seconds, results = future.result()
            sizer.observe(len(batch), seconds)
        except Exception as exc:     # noqa: BLE001 - a dead worker, a lost cluster, a bug: named per file
            if len(batch) == 1:
                yield from _not_checked(batch, exc)
                return
            singles = [client.submit(lint_batch, shared, [path], pure=False, key=f"newslint-{run}-{path}")
                       for path in batch]
            outcomes: list = []
            for single in singles:
                try:
                    outcomes.append(single.result()[1])
                except Exception as again:   # noqa: BLE001
                    outcomes.append(again)
            # A file may fail only for having waited on the worker another file killed
            # (the scheduler counts every task queued there): each failed file is tried
            # once more, alone, so only a file that fails by itself is named.
            for i, path in enumerate(batch):
                if isinstance(outcomes[i], BaseException):
                    try:
                        outcomes[i] = client.submit(lint_batch, shared, [path], pure=False,
                                                    key=f"newslint-{run}-alone-{path}").result()[1]
                    except Exception as again:   # noqa: BLE001
                        outcomes[i] = again
            for path, outcome in zip(batch, outcomes):
                if isinstance(outcome, BaseException):
                    yield from _not_checked([path], outcome)
                else:
                    yield from outcome
            return
        yield from results


# The linter of each run this worker process has seen (run id -> Linter): the first task
# of a run unpickles it, later tasks reuse it with its compiled rules and warm
# LanguageTool connection. Only ever set inside a Dask worker; at most a few runs kept.
_linters: "collections.OrderedDict[str, object]" = collections.OrderedDict()
KEPT_RUNS = 4


def lint_batch(shared: tuple, paths: Sequence[str]) -> tuple[float, list[FileResult]]:
    """A task: check ``paths`` on a worker; the seconds it took, and the results. Every
    task carries the (small, cache-free) linter, so a worker that joins or restarts
    mid-run needs nothing else."""
    started = time.perf_counter()
    run, linter = shared
    kept = _linters.get(run)
    first = kept is None
    if first:
        kept = _linters[run] = linter
        while len(_linters) > KEPT_RUNS:
            _linters.popitem(last=False)
    results = kept.lint_batch(paths)
    if first:
        _freeze_heap()
    return time.perf_counter() - started, results


def _freeze_heap() -> None:
    """Once a run's first batch has imported the checks and compiled the rules: move
    every object the worker holds (Dask's own machinery, newslint's modules and rules)
    out of the garbage collector's reach, so its full collections during the run walk
    only what checking creates (half the cost here). Objects that become garbage later
    are still freed by reference counting."""
    gc.collect()
    gc.freeze()


class BatchSizer:
    """How many files the next batch takes: about ``BATCH_SECONDS`` of a worker thread's
    time at the rate the batches back so far took (a moving average of their seconds a
    file, recent ones weighing more), or ``FIRST_BATCH_FILES`` before one is back; never
    more than ``MAX_BATCH_FILES``, nor a ``BATCHES_PER_THREAD``-th of each thread's share
    of what is left; at least one. ``fixed``: that many files a batch, whatever the rate."""

    DECAY = 0.75      # the weight of the rate seen before each new batch

    def __init__(self, threads: int, fixed: int | None = None):
        self.threads = max(1, threads)
        self.fixed = fixed
        self._rate: float | None = None        # seconds a file

    def observe(self, files: int, seconds: float) -> None:
        rate = max(0.0, seconds) / max(1, files)
        self._rate = rate if self._rate is None else self._rate * self.DECAY + rate * (1 - self.DECAY)

    def size(self, remaining: int) -> int:
        if self.fixed:
            return max(1, min(self.fixed, remaining))
        if self._rate is None:
            timed = FIRST_BATCH_FILES
        elif self._rate <= 0:
            timed = MAX_BATCH_FILES
        else:
            timed = int(BATCH_SECONDS / self._rate)
        guided = remaining // (BATCHES_PER_THREAD * self.threads)
        return max(1, min(MAX_BATCH_FILES, timed, guided, remaining))


def _not_checked(paths: Sequence[str], exc: BaseException) -> Iterator[FileResult]:
    reason = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
    reason = " ".join(reason.split())
    for path in paths:
        yield FileResult(path, errors=[FileError(path, f"not checked on the Dask cluster ({reason})")])
