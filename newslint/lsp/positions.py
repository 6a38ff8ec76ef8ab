"""Character offsets <-> LSP positions.

LSP positions are a 0-based line and a column counted in the code units of the
negotiated encoding (UTF-16 unless the client offered UTF-8 or UTF-32). Lines end at
``\\n``, ``\\r\\n`` or ``\\r`` only, the same breaks the linter counts; Python's
``str.splitlines`` also splits on form feeds and U+2028, which would shift every later
line, so it is not used here.
"""
from __future__ import annotations

import bisect
import re

from lsprotocol import types

_LINE_BREAK = re.compile(r"\r\n|\r|\n")

UTF8, UTF16, UTF32 = "utf-8", "utf-16", "utf-32"


def code_units(text: str, encoding: str) -> int:
    """How many code units ``text`` takes in ``encoding`` (an LSP position encoding)."""
    if encoding == UTF32:
        return len(text)
    if encoding == UTF8:
        return len(text.encode("utf-8", "surrogatepass"))
    return len(text) + sum(1 for ch in text if ord(ch) > 0xFFFF)


class PositionMap:
    """Converts between offsets into ``text`` and LSP positions in one encoding."""

    def __init__(self, text: str, encoding: str = UTF16):
        self.text = text
        self.encoding = str(encoding)
        self._starts = [0] + [m.end() for m in _LINE_BREAK.finditer(text)]

    @property
    def line_count(self) -> int:
        return len(self._starts)

    def line_start(self, line: int) -> int:
        """Offset where 0-based ``line`` starts (the text's end past the last line)."""
        if line >= len(self._starts):
            return len(self.text)
        return self._starts[max(line, 0)]

    def line_end(self, line: int) -> int:
        """Offset of the line break ending 0-based ``line`` (or the text's end)."""
        end = self.line_start(line + 1) if line + 1 < len(self._starts) else len(self.text)
        start = self.line_start(line)
        while end > start and self.text[end - 1] in "\r\n":
            end -= 1
        return end

    def line_break(self, line: int) -> str:
        """The characters ending 0-based ``line`` ("" for a last line with no break)."""
        nxt = self.line_start(line + 1) if line + 1 < len(self._starts) else len(self.text)
        return self.text[self.line_end(line):nxt]

    def line_of(self, offset: int) -> int:
        return bisect.bisect_right(self._starts, offset) - 1

    def position(self, offset: int) -> types.Position:
        offset = min(max(offset, 0), len(self.text))
        line = self.line_of(offset)
        return types.Position(line, code_units(self.text[self._starts[line]:offset], self.encoding))

    def range(self, start: int, end: int) -> types.Range:
        return types.Range(self.position(start), self.position(end))

    def offset(self, position: types.Position) -> int:
        """The offset of ``position``; a column past the line's end means the line's end."""
        if position.line >= len(self._starts):
            return len(self.text)
        start, end = self.line_start(position.line), self.line_end(position.line)
        units = 0
        for i in range(start, end):
            if units >= position.character:
                return i
            units += code_units(self.text[i], self.encoding)
        return end
