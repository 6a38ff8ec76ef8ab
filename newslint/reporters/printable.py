"""Text from files and file names made safe to print on a terminal.

A file name or an article can hold raw control characters: an ESC that starts a
terminal escape sequence (recolouring, retitling, hiding output), a line break that forges
a line of output, or a bidirectional override that reorders what is shown. Each becomes
a visible escape (``\\x1b``, ``\\n``, ``\\u202e``); tabs stay.
"""
from __future__ import annotations

import re

_UNSAFE = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
_NAMED = {"\n": "\\n", "\r": "\\r"}


def _escape(match: re.Match) -> str:
    ch = match.group()
    if ch in _NAMED:
        return _NAMED[ch]
    code = ord(ch)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: str) -> str:
    """``text`` with every control, line-separator and bidi-control character escaped."""
    return _UNSAFE.sub(_escape, text) if _UNSAFE.search(text) else text
