"""The last resort for an error nobody expected: one line, exit 2, no traceback.

Every error newslint raises on purpose is typed and reported where it happens. Anything
else reaching the command line is a fault: it is said in one line naming what failed
(the output could not be written, or the place in newslint that raised), the run exits
2, and the traceback is printed only when ``NEWSLINT_DEBUG`` is set.
"""
from __future__ import annotations

import errno
import os
import sys
import traceback

DEBUG_ENV = "NEWSLINT_DEBUG"
EXIT_ERROR = 2
_OUTPUT_ERRNOS = frozenset({errno.ENOSPC, errno.EPIPE, errno.EIO, errno.EBADF, errno.EFBIG, errno.EDQUOT})


def report_unexpected(exc: BaseException) -> int:
    """Say what failed on stderr and return exit status 2."""
    if _is_output_error(exc):
        _silence_stdout()
        _say(f"newslint: error: cannot write the output: {_reason(exc)}")
    else:
        _say(f"newslint: error: {_where(exc)} failed: {type(exc).__name__}: {_reason(exc)} "
             f"(set {DEBUG_ENV}=1 for the traceback)")
    if os.environ.get(DEBUG_ENV):
        traceback.print_exception(type(exc), exc, exc.__traceback__, file=sys.stderr)
    return EXIT_ERROR


def flush_output() -> None:
    """Flush stdout now, so a full disk or a closed pipe is an error of this run (exit 2),
    not a message from the interpreter on its way out."""
    sys.stdout.flush()


def _is_output_error(exc: BaseException) -> bool:
    if not isinstance(exc, OSError) or exc.errno not in _OUTPUT_ERRNOS or exc.filename:
        return False
    frames = traceback.extract_tb(exc.__traceback__)
    return any("/newslint/reporters/" in f.filename.replace(os.sep, "/") for f in frames) \
        or not frames or frames[-1].name in ("flush_output", "write", "flush")


def _where(exc: BaseException) -> str:
    """The innermost newslint frame that raised: ``newslint/engine.py:120 (lint_file)``."""
    for frame in reversed(traceback.extract_tb(exc.__traceback__)):
        path = frame.filename.replace(os.sep, "/")
        at = path.rfind("/newslint/")
        if at >= 0:
            return f"{path[at + 1:]}:{frame.lineno} ({frame.name})"
    return "newslint"


def _reason(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    text = " ".join(str(exc).split())
    return text[:300] or "no details"


def _say(line: str) -> None:
    try:
        print(line, file=sys.stderr, flush=True)
    except (OSError, ValueError):
        pass


def _silence_stdout() -> None:
    """Point stdout at /dev/null so the interpreter's final flush cannot fail again."""
    try:
        fd = sys.stdout.fileno()
    except (AttributeError, OSError, ValueError):
        return
    try:
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, fd)
        os.close(null)
    except OSError:
        pass
