"""Reading a file that must be a regular file, without hanging and within a size limit.

A FIFO, a device (a symbolic link to ``/dev/zero`` committed to a repository) or a socket
is refused instead of read: the file is opened without blocking and checked once open,
so nothing can swap it between the check and the read. ``limit`` bounds what is read.
"""
from __future__ import annotations

import errno
import os
import stat


class FileTooLarge(OSError):
    def __init__(self, path: str, limit: int):
        super().__init__(errno.EFBIG, f"larger than {limit:,} bytes", path)


def read_regular_file(path: str, limit: int | None = None) -> bytes:
    """The bytes of regular file ``path``; OSError for anything else or past ``limit`` bytes."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0) | getattr(os, "O_NONBLOCK", 0))
    with open(fd, "rb") as handle:
        mode = os.fstat(handle.fileno()).st_mode
        if stat.S_ISDIR(mode):
            raise IsADirectoryError(errno.EISDIR, "Is a directory", path)
        if not stat.S_ISREG(mode):
            raise OSError(errno.EINVAL, "Not a regular file", path)
        if limit is None:
            return handle.read()
        data = handle.read(limit + 1)
        if len(data) > limit:
            raise FileTooLarge(path, limit)
        return data
