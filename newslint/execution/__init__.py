"""Where files are checked: in this process, in a pool of processes (the engine's own
``-j``), or on a Dask cluster (:mod:`newslint.execution.dask`).

An executor has one method, ``lint_files(linter, files) -> Iterator[FileResult]``: a
result for every file it was given, each file's result once (in any order; the engine
puts them in path order). A file it could not get checked comes back as a result with
a :class:`~newslint.findings.FileError` naming why, never as a missing result.
"""
from __future__ import annotations

from typing import Iterator, Protocol, Sequence

from newslint.results import FileResult


class Executor(Protocol):
    def lint_files(self, linter, files: Sequence[str]) -> Iterator[FileResult]: ...
