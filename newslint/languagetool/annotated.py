"""Documents as LanguageTool annotated-text requests, and match offsets back to segments.

A request carries several prose segments joined by ``\\par`` markup that LanguageTool
reads as a paragraph break. Offsets in its answer count the markup, so each piece's
start in the annotated text is known and a match maps back to (segment, offset).

LanguageTool is Java: its offsets, lengths and text limit count UTF-16 code units, in
which a character outside the Basic Multilingual Plane (an emoji) takes two. Everything
here measures the annotated text the way the server does and converts its offsets back
to Python's code points, piece by piece.
"""
from __future__ import annotations

import bisect
import json
import re
from dataclasses import dataclass
from typing import Sequence

from newslint.documents.model import Document, SegmentKind

PARAGRAPH_MARKUP = "\\par"
PARAGRAPH_BREAK = "\n\n"
# Page furniture (nav, footer, forms) is chrome for the news checks, not prose to proofread.
SKIPPED_KINDS = frozenset({SegmentKind.FURNITURE})

_BREAK_BEFORE = re.compile(r"(?<=[.!?…])\s+|\n|\s+")


def utf16_length(text: str) -> int:
    """``text``'s length as LanguageTool (Java) counts it: astral characters count twice."""
    if text.isascii():
        return len(text)
    return len(text.encode("utf-16-le")) // 2


def utf16_prefix(text: str, start: int, units: int) -> int:
    """The largest end (a code-point index) such that ``text[start:end]`` takes at most
    ``units`` UTF-16 code units."""
    end = min(len(text), start + units)
    taken = utf16_length(text[start:end])
    while taken > units:
        # Each astral character in the window costs one unit beyond its code point.
        end -= max(1, (taken - units) // 2)
        taken = utf16_length(text[start:end])
    return end


class Utf16Index:
    """Converts UTF-16 offsets into one string to code-point offsets."""

    __slots__ = ("_units",)

    def __init__(self, text: str):
        # _units[i]: UTF-16 offset of code point i; None when the two measures agree.
        if utf16_length(text) == len(text):
            self._units = None
        else:
            units, pos = [], 0
            for ch in text:
                units.append(pos)
                pos += 2 if ord(ch) > 0xFFFF else 1
            units.append(pos)
            self._units = units

    def start(self, unit: int) -> int:
        """Code point at UTF-16 offset ``unit`` (inside a surrogate pair: that character)."""
        if self._units is None:
            return unit
        return bisect.bisect_right(self._units, unit) - 1

    def end(self, unit: int) -> int:
        """Code-point end for a UTF-16 end offset (inside a surrogate pair: after it)."""
        if self._units is None:
            return unit
        return bisect.bisect_left(self._units, unit)


def utf16_slice(text: str, offset: int, length: int) -> str:
    """``text``'s part at UTF-16 ``offset`` with UTF-16 ``length`` (how LanguageTool cuts)."""
    index = Utf16Index(text)
    return text[index.start(offset):index.end(offset + length)]


@dataclass(frozen=True)
class Piece:
    """``text`` is segment ``segment``'s text from offset ``offset`` on."""

    segment: int
    offset: int
    text: str


@dataclass(frozen=True)
class Located:
    segment: int
    start: int
    end: int


def document_pieces(doc: Document, max_length: int) -> list[Piece]:
    """The document's prose segments, a segment longer than ``max_length`` cut in pieces."""
    out: list[Piece] = []
    for seg in doc.segments:
        if seg.kind in SKIPPED_KINDS or not seg.text.strip():
            continue
        out.extend(split_text(seg.index, seg.text, max_length))
    return out


def split_text(segment: int, text: str, max_length: int) -> list[Piece]:
    """Cut ``text`` under ``max_length`` UTF-16 units, preferring sentence ends, then whitespace."""
    pieces: list[Piece] = []
    start = 0
    while True:
        end = max(start + 1, utf16_prefix(text, start, max_length))
        if end >= len(text):
            break
        cut = _best_cut(text[start:end])
        pieces.append(Piece(segment, start, text[start:start + cut]))
        start += cut
    pieces.append(Piece(segment, start, text[start:]))
    return pieces


def _best_cut(window: str) -> int:
    half = len(window) // 2
    sentence = [m.end() for m in re.finditer(r"[.!?…][\"'”’)]*\s+", window) if m.end() > half]
    if sentence:
        return sentence[-1]
    space = [m.end() for m in re.finditer(r"\s+", window) if m.end() > half]
    return space[-1] if space else len(window)


def batch_pieces(pieces: Sequence[Piece], max_length: int) -> list[list[Piece]]:
    """Group consecutive pieces into requests whose annotated text stays under ``max_length``
    (UTF-16 units)."""
    batches: list[list[Piece]] = []
    current: list[Piece] = []
    size = 0
    for piece in pieces:
        length = utf16_length(piece.text)
        extra = length + (len(PARAGRAPH_MARKUP) if current else 0)
        if current and size + extra > max_length:
            batches.append(current)
            current, size = [], 0
            extra = length
        current.append(piece)
        size += extra
    if current:
        batches.append(current)
    return batches


class AnnotatedText:
    """One request's annotated text: the pieces and where each starts in it (UTF-16 units)."""

    def __init__(self, pieces: Sequence[Piece]):
        self.pieces = tuple(pieces)
        starts: list[int] = []
        sizes: list[int] = []
        pos = 0
        for i, piece in enumerate(self.pieces):
            if i:
                pos += len(PARAGRAPH_MARKUP)
            starts.append(pos)
            sizes.append(utf16_length(piece.text))
            pos += sizes[-1]
        self.starts = starts
        self.sizes = sizes
        self.length = pos
        self._indexes: dict[int, Utf16Index] = {}

    def data(self) -> str:
        """The ``data`` form field: JSON with text parts and paragraph markup between them."""
        parts: list[dict] = []
        for i, piece in enumerate(self.pieces):
            if i:
                parts.append({"markup": PARAGRAPH_MARKUP, "interpretAs": PARAGRAPH_BREAK})
            parts.append({"text": piece.text})
        return json.dumps({"annotation": parts}, ensure_ascii=False, separators=(",", ":"))

    def locate(self, offset: int, length: int) -> Located | None:
        """Segment offsets (code points) of a match at UTF-16 ``offset`` in the annotated
        text (None if it starts in the markup). A match running past its piece is cut at
        the piece's end."""
        i = bisect.bisect_right(self.starts, offset) - 1
        if i < 0:
            return None
        piece, size = self.pieces[i], self.sizes[i]
        local = offset - self.starts[i]
        if local >= size and length > 0:
            return None
        end = min(local + max(length, 0), size)
        index = self._indexes.get(i)
        if index is None:
            index = self._indexes[i] = Utf16Index(piece.text)
        return Located(piece.segment, piece.offset + index.start(local), piece.offset + index.end(end))
