"""Reading a file for fixing and writing it back with only the fixed spans changed.

The text is decoded exactly as the linter decodes it (so finding offsets fit) and the
encoding is remembered: a UTF-8 byte-order mark stays, UTF-16 stays UTF-16, and line
endings are never touched because the text is never normalised. Before anything is
written, the unchanged text must encode back to the very bytes that were read;
otherwise the file is left alone.
"""
from __future__ import annotations

import codecs
import os
import shutil
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

    @classmethod
    def read(cls, path: str) -> "SourceFile":
        """Read and decode ``path``; raises DocumentError / OSError like the linter would."""
        with open(path, "rb") as handle:
            data = handle.read()
        text = decode_bytes(data, path)
        bom, encoding = b"", "utf-8"
        for mark, name in _BOMS:
            if data.startswith(mark):
                bom, encoding = mark, name
                break
        return cls(path, data, text, bom, encoding)

    def encode(self, text: str) -> bytes:
        return self.bom + text.encode(self.encoding)

    @property
    def round_trips(self) -> bool:
        """Whether the decoded text encodes back to exactly the bytes on disk."""
        try:
            return self.encode(self.text) == self.data
        except UnicodeEncodeError:
            return False


def write_atomically(path: str, data: bytes) -> None:
    """Replace ``path``'s content with ``data`` in one step, keeping its permissions.

    Writes a temporary file in the same folder, flushes it to disk and renames it over
    the original, so a crash leaves either the old file or the new one, never half of
    one, and no temporary file behind. A symbolic link is followed: its target changes.
    """
    target = os.path.realpath(path)
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
        os.replace(temp, target)
    except BaseException as exc:
        try:
            os.unlink(temp)
        except FileNotFoundError:
            pass
        if isinstance(exc, OSError):
            raise FixWriteError(path, f"could not write the fixed file: {exc.strerror or exc}") from None
        raise
