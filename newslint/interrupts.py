"""Ctrl-C that never cuts a write in half.

While findings are written, SIGINT is held and raised as KeyboardInterrupt as soon as
the write ends; at any other time (waiting for files to be checked) it is raised at
once, and again at the next write if it was lost on the way. So an interrupted JSON or
SARIF document can still be closed properly.
"""
from __future__ import annotations

import contextlib
import signal
import sys
import threading
from typing import Iterator


class HeldInterrupts:
    """Install with ``with HeldInterrupts() as held:``; wrap each write in ``held.writing()``.
    Outside the main thread (where handlers cannot be set) it changes nothing."""

    def __init__(self) -> None:
        self._writing = False
        self._pending = False
        self._previous = None
        self._previous_unraisable = sys.unraisablehook
        self._installed = False

    def __enter__(self) -> "HeldInterrupts":
        if threading.current_thread() is threading.main_thread():
            self._previous = signal.signal(signal.SIGINT, self._on_sigint)
            self._previous_unraisable = sys.unraisablehook
            sys.unraisablehook = self._on_unraisable
            self._installed = True
        return self

    def __exit__(self, *exc) -> None:
        if self._installed:
            signal.signal(signal.SIGINT, self._previous)
            sys.unraisablehook = self._previous_unraisable

    def _on_unraisable(self, unraisable) -> None:
        # Ctrl-C raised in a __del__ method is not printed as a traceback: it is pending,
        # and the next write raises it.
        if not (self._pending and unraisable.exc_type is KeyboardInterrupt):
            self._previous_unraisable(unraisable)

    def _on_sigint(self, signum, frame) -> None:
        # Noted as well as raised: raised in a ``__del__`` method or a callback, the
        # interrupt is only printed and lost, so the next write raises it again.
        self._pending = True
        if not self._writing:
            raise KeyboardInterrupt

    def handled(self) -> None:
        """The interrupt was caught and the run is ending: forget it (and any pressed since)."""
        self._pending = False

    @contextlib.contextmanager
    def writing(self) -> Iterator[None]:
        self._raise_pending()
        self._writing = True
        try:
            yield
        finally:
            self._writing = False
        self._raise_pending()

    def _raise_pending(self) -> None:
        if self._pending:
            self._pending = False
            raise KeyboardInterrupt
