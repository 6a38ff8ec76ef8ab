"""Progress of a long run on the terminal: files done of the total, rate and time left.

Drawn by tqdm on standard error, only when standard error is a terminal and the run is
not quiet; the bar is erased when the run ends, so a terminal keeps only the report.
Output for machines (json, sarif, github, html on standard output) never sees it; text
findings printed to the same terminal are written around the bar (:meth:`wrap`).
"""
from __future__ import annotations

import io
import os
import sys
from typing import TextIO


class Progress:
    """A bar over the files of one run (``start`` once, ``advance`` per file, ``close``)."""

    def __init__(self, stream: TextIO, *, delay: float = 0.0, mininterval: float = 0.2):
        self._stream = stream
        self._delay = delay
        self._mininterval = mininterval
        self._bar = None

    def start(self, total: int) -> None:
        from tqdm import tqdm   # on use: runs without a terminal never import it

        # A terminal that reports no size (some pseudo-terminals) counts as 80 by 24.
        columns, rows = _size(self._stream)
        sized = columns > 0 and rows > 0
        self._bar = tqdm(total=total, unit="file", file=self._stream, leave=False, delay=self._delay,
                         dynamic_ncols=sized, ncols=None if sized else 80, nrows=None if sized else 24,
                         mininterval=self._mininterval, smoothing=0.05, desc="checking")

    def advance(self, files: int = 1) -> None:
        if self._bar is not None:
            self._bar.update(files)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()
            self._bar = None

    def wrap(self, stream: TextIO) -> TextIO:
        """``stream`` unchanged, or, when it is the same terminal, a stream that clears
        the bar before each write and draws it again after."""
        if not _is_tty(stream):
            return stream
        return _AroundBar(stream, self)

    def _clear(self) -> None:
        if self._bar is not None:
            self._bar.clear()

    def _refresh(self) -> None:
        if self._bar is not None:
            self._bar.refresh()


class _AroundBar:
    def __init__(self, stream: TextIO, progress: Progress):
        self._stream = stream
        self._progress = progress

    def write(self, text: str) -> int:
        self._progress._clear()
        written = self._stream.write(text)
        self._stream.flush()
        self._progress._refresh()
        return written

    def __getattr__(self, name: str):
        return getattr(self._stream, name)


def _size(stream) -> tuple[int, int]:
    try:
        return tuple(os.get_terminal_size(stream.fileno()))
    except (AttributeError, ValueError, OSError, io.UnsupportedOperation):
        return 0, 0


def _is_tty(stream) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def progress_for(quiet: bool, stream: TextIO | None = None) -> Progress | None:
    """A progress bar on ``stream`` (standard error), or None: quiet, not a terminal,
    or ``NEWSLINT_PROGRESS=0``."""
    stream = sys.stderr if stream is None else stream
    if quiet or not _is_tty(stream) or os.environ.get("NEWSLINT_PROGRESS") == "0":
        return None
    return Progress(stream)
