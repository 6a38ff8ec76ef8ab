"""Reading a file that must be a regular file, without hanging and within a size limit.

A FIFO, a device (a symbolic link to ``/dev/zero`` committed to a repository) or a socket
is refused instead of read: the file is opened without blocking and checked once open,
so nothing can swap it between the check and the read. ``limit`` bounds what is read.
:func:`read_settings_text` reads a file of settings (a config, a names list) as UTF-8 text,
with a :class:`~newslint.errors.ConfigError` naming the file for every way that fails.
"""
from __future__ import annotations

import errno
import os
import stat

from newslint.errors import ConfigError


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


def read_settings_text(path: str, limit: int, what: str = "") -> str:
    """The UTF-8 text (a byte-order mark dropped) of regular file ``path``; a ConfigError
    naming the file, its message prefixed with ``what`` (``"names list: "``), otherwise."""
    try:
        data = read_regular_file(path, limit)
    except FileNotFoundError:
        raise ConfigError(path, f"{what}no such file") from None
    except IsADirectoryError:
        raise ConfigError(path, f"{what}is a folder, not a file") from None
    except OSError as exc:
        raise ConfigError(path, f"{what}cannot read: {exc.strerror or exc}") from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ConfigError(path, f"{what}not UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start})") from None
