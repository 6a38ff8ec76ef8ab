"""Reading a file for fixing and writing it back with only the fixed spans changed.

The text is decoded exactly as the linter decodes it (so finding offsets fit) and the
encoding is remembered: a UTF-8 byte-order mark stays, UTF-16 stays UTF-16, and line
endings are never touched because the text is never normalised. Before anything is
written, the unchanged text must encode back to the very bytes that were read;
otherwise the file is left alone.

Writing keeps what the file is: a read-only file is not rewritten; a file with hard
links is rewritten in place, so every name sees the fix; the replacement gets the
original's permissions and owner, or, when the owner cannot be kept, the file is
rewritten in place. Right before the new content replaces the old, the file must still
be the one that was read (same inode, size and modification time).
"""
from __future__ import annotations

import codecs
import os
import shutil
import stat
import tempfile
from dataclasses import dataclass

from newslint.documents.decode import decode_bytes
from newslint.errors import NewslintError

_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


class FixWriteError(NewslintError):
    """A fixed file could not be written back (the original is left as it was)."""

    def __init__(self, path: str, message: str):
        self.path = path
        self.message = message
        super().__init__(f"{path}: {message}")


@dataclass(frozen=True)
class SourceFile:
    """A file's bytes, its decoded text, and how to turn edited text back into bytes."""

    path: str
    data: bytes
    text: str
    bom: bytes
    encoding: str
    stat: os.stat_result | None = None     # the file as it was read

    @classmethod
    def read(cls, path: str) -> "SourceFile":
        """Read and decode ``path``; raises DocumentError / OSError like the linter would."""
        with open(path, "rb") as handle:
            data = handle.read()
            status = os.fstat(handle.fileno())
        text = decode_bytes(data, path)
        bom, encoding = b"", "utf-8"
        for mark, name in _BOMS:
            if data.startswith(mark):
                bom, encoding = mark, name
                break
        return cls(path, data, text, bom, encoding, status)

    def encode(self, text: str) -> bytes:
        return self.bom + text.encode(self.encoding)

    @property
    def round_trips(self) -> bool:
        """Whether the decoded text encodes back to exactly the bytes on disk."""
        try:
            return self.encode(self.text) == self.data
        except UnicodeEncodeError:
            return False


def _same_file(a: os.stat_result, b: os.stat_result) -> bool:
    return (a.st_dev, a.st_ino, a.st_size, a.st_mtime_ns) == (b.st_dev, b.st_ino, b.st_size, b.st_mtime_ns)


def write_atomically(path: str, data: bytes, expected: os.stat_result | None = None) -> None:
    """Replace ``path``'s content with ``data``, keeping what the file is.

    Writes a temporary file in the same folder, flushes it to disk and renames it over
    the original, so a crash leaves either the old file or the new one, never half of
    one, and no temporary file behind. A symbolic link is followed: its target changes.
    A read-only file is refused; a file with hard links, or whose owner the temporary
    file cannot take, is rewritten in place instead. With ``expected``, the file must
    still match it right before it is replaced (FixWriteError otherwise).
    """
    target = os.path.realpath(path)
    try:
        before = os.stat(target)
    except OSError as exc:
        raise FixWriteError(path, f"cannot read it again: {exc.strerror or exc}") from None
    if expected is not None and not _same_file(before, expected):
        raise FixWriteError(path, "the file changed while it was being fixed; run --fix again")
    if not before.st_mode & stat.S_IWUSR:
        raise FixWriteError(path, "the file is read-only; make it writable to fix it")
    if before.st_nlink > 1:
        _write_in_place(path, target, data, expected)
        return
    folder = os.path.dirname(target) or "."
    try:
        fd, temp = tempfile.mkstemp(prefix=f".{os.path.basename(target)}.", suffix=".newslint-fix", dir=folder)
    except OSError as exc:
        raise FixWriteError(path, f"cannot write a temporary file in {folder}: {exc.strerror or exc}") from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        shutil.copymode(target, temp)
        if not _take_owner(temp, before):
            os.unlink(temp)
            _write_in_place(path, target, data, expected)
            return
        if expected is not None and not _same_file(os.stat(target), expected):
            raise FixWriteError(path, "the file changed while it was being fixed; run --fix again")
        os.replace(temp, target)
    except BaseException as exc:
        try:
            os.unlink(temp)
        except FileNotFoundError:
            pass
        if isinstance(exc, OSError):
            raise FixWriteError(path, f"could not write the fixed file: {exc.strerror or exc}") from None
        raise


def _take_owner(temp: str, original: os.stat_result) -> bool:
    """Give the temporary file the original's owner and group; False when it cannot."""
    current = os.stat(temp)
    if (current.st_uid, current.st_gid) == (original.st_uid, original.st_gid):
        return True
    try:
        os.chown(temp, original.st_uid, original.st_gid)
    except OSError:
        return False
    return True


def _write_in_place(path: str, target: str, data: bytes, expected: os.stat_result | None) -> None:
    """Overwrite the file itself (its inode, links, owner and mode stay)."""
    try:
        with open(target, "r+b") as handle:
            if expected is not None and not _same_file(os.fstat(handle.fileno()), expected):
                raise FixWriteError(path, "the file changed while it was being fixed; run --fix again")
            handle.write(data)
            handle.truncate()
            handle.flush()
            os.fsync(handle.fileno())
    except OSError as exc:
        raise FixWriteError(path, f"could not write the fixed file: {exc.strerror or exc}") from None
