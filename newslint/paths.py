"""Paths as rules, globs, baselines and shards read them: relative, with ``/`` separators."""
from __future__ import annotations

import os


def relative_path(path: str, base: str | None = None) -> str:
    """``path`` relative to ``base`` (the working directory when None), with ``/``
    separators; the absolute path when no relative one exists (another drive on Windows)."""
    try:
        rel = os.path.relpath(os.path.abspath(path), os.path.abspath(base) if base is not None else None)
    except ValueError:
        rel = os.path.abspath(path)
    return rel.replace(os.sep, "/")
