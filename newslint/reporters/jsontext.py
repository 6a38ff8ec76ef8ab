"""JSON text in pieces, byte for byte what ``json.dump(obj, indent=2, ensure_ascii=False)``
writes, so a reporter can write a long array one element at a time.

:func:`dumps_at` gives one value's text as it appears ``level`` steps deep in an indented
document; the standard library's own indented encoder is pure Python and general, this
one covers the JSON types only (the same checks in the same order) and is faster.
:class:`Mark` puts a placeholder in the text that a writer fills in later (SARIF's rule
index, known only once every finding is seen); JSON text never holds a raw control
character, so the placeholder cannot be confused with content.
"""
from __future__ import annotations

from json.encoder import encode_basestring

INDENT = "  "


class Mark:
    """A value written as ``\\x00<code>\\x01``, for :func:`fill` to replace."""

    __slots__ = ("code",)

    def __init__(self, code: int):
        self.code = code


def dumps_at(obj: object, level: int) -> str:
    """``obj`` as JSON text whose lines after the first are indented for ``level``."""
    out: list[str] = []
    _encode(obj, "\n" + INDENT * level, out)
    return "".join(out)


def _float(o: float) -> str:
    if o != o:
        return "NaN"
    if o == float("inf"):
        return "Infinity"
    if o == -float("inf"):
        return "-Infinity"
    return float.__repr__(o)


def _key(key: object) -> str:
    if isinstance(key, str):
        return encode_basestring(key)
    if isinstance(key, float):
        return encode_basestring(_float(key))
    if key is True:
        return '"true"'
    if key is False:
        return '"false"'
    if key is None:
        return '"null"'
    if isinstance(key, int):
        return encode_basestring(int.__repr__(key))
    raise TypeError(f"keys must be str, int, float, bool or None, not {key.__class__.__name__}")


def _encode(o: object, newline: str, out: list[str]) -> None:
    if isinstance(o, str):
        out.append(encode_basestring(o))
    elif o is None:
        out.append("null")
    elif o is True:
        out.append("true")
    elif o is False:
        out.append("false")
    elif isinstance(o, int):
        out.append(int.__repr__(o))
    elif isinstance(o, float):
        out.append(_float(o))
    elif isinstance(o, (list, tuple)):
        if not o:
            out.append("[]")
            return
        inner = newline + INDENT
        separator = "[" + inner
        for value in o:
            out.append(separator)
            separator = "," + inner
            _encode(value, inner, out)
        out.append(newline + "]")
    elif isinstance(o, dict):
        if not o:
            out.append("{}")
            return
        inner = newline + INDENT
        separator = "{" + inner
        for key, value in o.items():
            head = separator + (encode_basestring(key) if type(key) is str else _key(key)) + ": "
            separator = "," + inner
            # The common scalars inline (exact types only, so the order of the general
            # checks below still decides everything else).
            kind = type(value)
            if kind is str:
                out.append(head + encode_basestring(value))
            elif kind is int:
                out.append(head + int.__repr__(value))
            elif value is None:
                out.append(head + "null")
            else:
                out.append(head)
                _encode(value, inner, out)
        out.append(newline + "}")
    elif isinstance(o, Mark):
        out.append(f"\x00{o.code}\x01")
    else:
        raise TypeError(f"Object of type {o.__class__.__name__} is not JSON serializable")


def fill(chunks, values: dict[str, str], write) -> None:
    """Write text from ``chunks`` (an iterable of str) with each mark replaced by
    ``values[code]``; a mark may be split across chunks."""
    carry = ""
    for chunk in chunks:
        parts = (carry + chunk).split("\x00")
        carry = ""
        write(parts[0])
        last = len(parts) - 1
        for i in range(1, last + 1):
            code, found, rest = parts[i].partition("\x01")
            if not found:               # only the last part can be a mark cut short
                carry = "\x00" + parts[i]
                break
            write(values[code])
            write(rest)
    if carry:
        raise ValueError("unterminated mark in spooled JSON text")
