"""Ctrl-C that never cuts a write in half.

While findings are written, SIGINT is held and raised as KeyboardInterrupt as soon as
the write ends; at any other time (waiting for files to be checked) it is raised at
once. So an interrupted JSON or SARIF document can still be closed properly.
"""
from __future__ import annotations

import contextlib
import signal
import threading
from typing import Iterator


class HeldInterrupts:
    """Install with ``with HeldInterrupts() as held:``; wrap each write in ``held.writing()``.
    Outside the main thread (where handlers cannot be set) it changes nothing."""

    def __init__(self) -> None:
        self._writing = False
        self._pending = False
        self._previous = None
        self._installed = False

    def __enter__(self) -> "HeldInterrupts":
        if threading.current_thread() is threading.main_thread():
            self._previous = signal.signal(signal.SIGINT, self._on_sigint)
            self._installed = True
        return self

    def __exit__(self, *exc) -> None:
        if self._installed:
            signal.signal(signal.SIGINT, self._previous)

    def _on_sigint(self, signum, frame) -> None:
        if self._writing:
            self._pending = True
        else:
            raise KeyboardInterrupt

    @contextlib.contextmanager
    def writing(self) -> Iterator[None]:
        self._writing = True
        try:
            yield
        finally:
            self._writing = False
        if self._pending:
            self._pending = False
            raise KeyboardInterrupt
