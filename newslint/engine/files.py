"""Which files a run checks (paths expanded, folders walked, config include/exclude
applied) and how one file's bytes are read."""
from __future__ import annotations

import os
from typing import Callable, Iterable, Iterator

from newslint.config.discovery import is_excluded, is_included
from newslint.config.model import Config
from newslint.errors import ConfigError
from newslint.findings import FileError
from newslint.regular_files import read_regular_file

# Folders never descended into when a directory is given.
SKIPPED_DIRS = frozenset({".git", ".hg", ".svn", "node_modules", "__pycache__", ".venv", ".tox"})


def iter_targets(paths: Iterable[str], config_for: Callable[[str], Config]
                 ) -> Iterator[tuple[str, FileError | None]]:
    """Expand paths into files to check, in a stable order; yields errors for bad paths."""
    for path in paths:
        if os.path.isdir(path):
            found = False
            for file_path in _walk(path, config_for):
                found = True
                yield file_path, None
            if not found:
                yield path, FileError(path, "no files to check in this directory "
                                            "(looked for " + ", ".join(_include_hint(path, config_for)) + ")")
        elif os.path.lexists(path) and not os.path.exists(path):
            yield path, FileError(path, "broken symbolic link")
        elif not os.path.exists(path):
            yield path, FileError(path, "no such file or directory")
        else:
            try:
                if is_excluded(config_for(path), path):
                    continue
            except ConfigError as exc:
                yield path, config_error(exc)
                continue
            yield path, None


def _include_hint(path: str, config_for: Callable[[str], Config]) -> tuple[str, ...]:
    try:
        return config_for(os.path.join(path, "x")).include
    except ConfigError:
        return Config().include


def _walk(top: str, config_for: Callable[[str], Config]) -> Iterator[str]:
    for root, dirs, files in os.walk(top):
        dirs[:] = sorted(d for d in dirs if d not in SKIPPED_DIRS)
        for name in sorted(files):
            file_path = os.path.join(root, name)
            try:
                config = config_for(file_path)
            except ConfigError:
                yield file_path          # lint_file reports the config error
                continue
            if is_included(config, file_path) and not is_excluded(config, file_path):
                yield file_path


def config_error(exc: ConfigError) -> FileError:
    return FileError(exc.path, exc.message, exc.line)


def read_file(path: str) -> bytes:
    """A regular file's bytes. Anything else (a FIFO, a device, a socket) is an OSError:
    opening without blocking and checking the open file means a pipe never hangs the run."""
    return read_regular_file(path)


def os_message(exc: OSError) -> str:
    return (exc.strerror or str(exc)).lower() if exc.strerror else str(exc)
