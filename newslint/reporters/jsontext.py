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

import json
from json.encoder import c_make_encoder, encode_basestring
from typing import Any, Callable

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


_SCALARS = frozenset({str, int, float, bool, type(None)})
_flat_encoders: dict[str, Callable[[object], str]] = {}


def _flat(o: dict | list | tuple, newline: str) -> str | None:
    """A non-empty object or array of scalars only, through the standard library's C
    encoder: without ``indent`` it writes ``item_separator`` between items, so with the
    separator ``,`` + newline + indent the items come out as the indented encoder lays
    them out; only the line breaks after the opening and before the closing bracket are
    added here. None when a value is not a plain scalar."""
    values = o.values() if isinstance(o, dict) else o
    if not {type(v) for v in values} <= _SCALARS:
        return None
    inner = newline + INDENT
    encode = _flat_encoders.get(inner)
    if encode is None:
        encode = _flat_encoders[inner] = _flat_encoder("," + inner)
    text = "".join(encode(o, 0))
    return text[0] + inner + text[1:-1] + newline + text[-1]


def _flat_encoder(item_separator: str) -> Callable[[object, int], Any]:
    """What ``json.JSONEncoder(ensure_ascii=False, separators=(item_separator, ": "))``
    encodes with, made once rather than on every call (the C encoder when there is one)."""
    encoder = json.JSONEncoder(ensure_ascii=False, separators=(item_separator, ": "))
    if c_make_encoder is None:
        return lambda o, level: encoder.iterencode(o, _one_shot=True)
    return c_make_encoder({}, encoder.default, encode_basestring, None, ": ", item_separator,
                          False, False, True)


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
        flat = _flat(o, newline)
        if flat is not None:
            out.append(flat)
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
        flat = _flat(o, newline)
        if flat is not None:
            out.append(flat)
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
