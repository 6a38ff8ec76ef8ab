"""Bytes -> text: the one place a file's encoding is decided.

Files are UTF-8 (a UTF-8 byte-order mark is dropped). A UTF-16 byte-order mark means
UTF-16. Line endings are kept exactly as they are: :class:`LineIndex` understands
``\\n``, ``\\r\\n`` and ``\\r``, and keeping them keeps file offsets true.
"""
from __future__ import annotations

import codecs
import re

from newslint.errors import DocumentError

# How much of a file is sampled to tell text from binary.
_SAMPLE = 8192
# Share of control characters (other than tab, line breaks, form feed) that makes a file binary.
_BINARY_SHARE = 0.10
# The control characters that count: C0 and C1 controls other than tab, line feed,
# vertical tab, form feed, carriage return and escape.
_CONTROL = re.compile("[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f-\x9f]")


def decode_bytes(data: bytes, path: str) -> str:
    """Decode a file's bytes, raising :class:`DocumentError` with a clear message.

    An empty file is empty text: it is checked, and clean."""
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8):]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _checked(_decode_utf16(data, path), path)
    if b"\x00" in data:
        raise DocumentError(path, "binary file, not text")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        if _mostly_controls(data[:_SAMPLE].decode("latin-1")):
            raise DocumentError(path, "binary file, not text") from None
        bad = data[exc.start]
        raise DocumentError(path, f"not UTF-8 (byte 0x{bad:02x} at offset {exc.start})") from None
    return _checked(text, path)


def _decode_utf16(data: bytes, path: str) -> str:
    try:
        return data.decode("utf-16")  # the BOM picks the byte order and is dropped
    except UnicodeDecodeError as exc:
        raise DocumentError(path, f"not UTF-16 (bad bytes at offset {exc.start})") from None


def _checked(text: str, path: str) -> str:
    if "\x00" in text or _mostly_controls(text[:_SAMPLE]):
        raise DocumentError(path, "binary file, not text")
    return text


def _mostly_controls(sample: str) -> bool:
    if not sample:
        return False
    controls = len(_CONTROL.findall(sample))
    return controls / len(sample) > _BINARY_SHARE
