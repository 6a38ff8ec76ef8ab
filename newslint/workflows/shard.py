"""``--shard I/N``: split the expanded file list across CI jobs.

A file's shard depends only on its own path (relative to the working directory), never
on its position in the list, so adding or removing a file moves no other file.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from typing import Iterable

from newslint.errors import NewslintError
from newslint.paths import relative_path

_SPEC = re.compile(r"\s*(\d+)\s*/\s*(\d+)\s*")


class ShardSpecError(NewslintError, ValueError):
    """A ``--shard`` value that is not ``I/N`` with 1 <= I <= N."""


@dataclass(frozen=True)
class Shard:
    index: int      # 1-based
    count: int

    @classmethod
    def parse(cls, spec: str) -> "Shard":
        match = _SPEC.fullmatch(spec)
        if match is None:
            raise ShardSpecError(f"{spec!r} is not I/N (e.g. 2/4: the second of four shards)")
        index, count = int(match.group(1)), int(match.group(2))
        if count < 1:
            raise ShardSpecError(f"{spec!r}: the number of shards must be at least 1")
        if not 1 <= index <= count:
            raise ShardSpecError(f"{spec!r}: the shard number must be between 1 and {count}")
        return cls(index, count)

    def __str__(self) -> str:
        return f"{self.index}/{self.count}"

    def owns(self, path: str) -> bool:
        return shard_of(path, self.count) == self.index

    def select(self, paths: Iterable[str]) -> list[str]:
        """The paths this shard checks, in their original order."""
        return [p for p in paths if self.owns(p)]


def shard_key(path: str) -> str:
    """The path relative to the working directory with '/' separators: what gets hashed."""
    return relative_path(path)


def shard_of(path: str, count: int) -> int:
    """The 1-based shard of ``path`` among ``count`` shards (stable across runs and machines)."""
    digest = hashlib.sha256(shard_key(path).encode("utf-8", "surrogateescape")).digest()
    return int.from_bytes(digest[:8], "big") % count + 1
