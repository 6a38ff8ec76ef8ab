"""Files checked in a pool of worker processes (``-j N``).

Under fork each worker starts from the parent's very Linter, compiled rules included;
tasks carry only paths. Each worker process keeps that Linter in ``_worker_linter``, set
once by the pool's initializer: the only module state, and only ever inside a worker.
"""
from __future__ import annotations

import contextlib
import os
import signal
import threading
from typing import TYPE_CHECKING, Iterator, Sequence

from newslint.results import FileResult

if TYPE_CHECKING:
    from newslint.engine.linter import Linter

_worker_linter: "Linter | None" = None


def lint_in_pool(linter: "Linter", files: list[str], jobs: int) -> Iterator[FileResult]:
    """Results of ``files``, in order, checked by up to ``jobs`` worker processes."""
    import multiprocessing      # on use: a run of one file does not pay for importing these
    from concurrent.futures import ProcessPoolExecutor

    batches = _batches(files, jobs)
    context = multiprocessing.get_context("fork" if hasattr(os, "fork") else "spawn")
    # Under fork initargs are not pickled: each worker starts from this very Linter.
    pool = ProcessPoolExecutor(max_workers=min(jobs, len(batches)), mp_context=context,
                               initializer=_start_worker, initargs=(linter,))
    try:
        # Workers are forked while SIGINT is blocked, so none gets a Ctrl-C before
        # _start_worker tells it to ignore them; a Ctrl-C meanwhile waits for the unblock.
        with _sigint_blocked():
            futures = [pool.submit(_lint_batch_in_worker, batch) for batch in batches]
        # Not pool.map: its iterator cancels the futures left when it is interrupted,
        # and on Python 3.11 the executor's own thread then raises on them once the
        # workers are terminated. Each future is dropped once read, so results already
        # handed on are not held to the end of the run.
        futures.reverse()
        while futures:
            yield from futures.pop().result()
    except BaseException:
        # Ctrl-C, or the consumer stopped reading: end the workers now rather than
        # wait for their batches (they ignore SIGINT, so only this says when).
        _stop_workers(pool)
        raise
    pool.shutdown()


def _start_worker(linter: "Linter") -> None:
    global _worker_linter
    # Ctrl-C reaches the whole process group: the parent alone decides what happens then.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
    linter.services.forget()      # threads and sockets do not cross a fork
    _worker_linter = linter


@contextlib.contextmanager
def _sigint_blocked() -> Iterator[None]:
    can_block = hasattr(signal, "pthread_sigmask") and threading.current_thread() is threading.main_thread()
    if can_block:
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        if can_block:
            signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})


def _stop_workers(pool) -> None:
    """Terminate a ProcessPoolExecutor's workers without waiting (the executor has no
    public way to end running tasks before Python 3.14). Queued work is not cancelled:
    the executor fails it as broken once its workers are gone (on Python 3.11 its own
    thread raises on a future already cancelled).

    A worker terminated while it sends a result leaves half a message in the result
    pipe, and the executor's thread, reading it, would wait for the rest for ever (and
    the interpreter waits for that thread at exit). Once the workers are gone, this
    process's copy of the pipe's writing end is closed too: the read then ends (EOF),
    and the executor's thread winds up as it does for a pool that broke."""
    processes = list((getattr(pool, "_processes", None) or {}).values())
    results = getattr(pool, "_result_queue", None)
    for process in processes:
        if process.is_alive():
            process.terminate()
    pool.shutdown(wait=False)
    for process in processes:
        process.join(timeout=1.0)
    writer = getattr(results, "_writer", None)
    if writer is not None and not any(process.is_alive() for process in processes):
        with contextlib.suppress(OSError):
            writer.close()


def _lint_batch_in_worker(paths: Sequence[str]) -> list[FileResult]:
    assert _worker_linter is not None
    return _worker_linter.lint_batch(paths)


def _batches(files: Sequence[str], jobs: int) -> list[list[str]]:
    """Consecutive batches that shrink as the run nears its end (guided scheduling): up
    to 64 files while much is left, so tasks stay cheap, then about a quarter of each
    worker's share of what is left, down to single files, so no worker is left checking
    a long batch alone at the end (with LanguageTool, that would leave server threads idle)."""
    out: list[list[str]] = []
    start = 0
    while start < len(files):
        size = max(1, min(64, (len(files) - start) // (jobs * 4)))
        out.append(list(files[start:start + size]))
        start += size
    return out
