"""Documents as LanguageTool annotated-text requests, and match offsets back to segments.

A request carries several prose segments joined by ``\\par`` markup that LanguageTool
reads as a paragraph break. Offsets in its answer count the markup, so each piece's
start in the annotated text is known and a match maps back to (segment, offset).
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
    """Cut ``text`` under ``max_length``, preferring sentence ends, then whitespace."""
    pieces: list[Piece] = []
    start = 0
    while len(text) - start > max_length:
        window = text[start:start + max_length]
        cut = _best_cut(window)
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
    """Group consecutive pieces into requests whose annotated text stays under ``max_length``."""
    batches: list[list[Piece]] = []
    current: list[Piece] = []
    size = 0
    for piece in pieces:
        extra = len(piece.text) + (len(PARAGRAPH_MARKUP) if current else 0)
        if current and size + extra > max_length:
            batches.append(current)
            current, size = [], 0
            extra = len(piece.text)
        current.append(piece)
        size += extra
    if current:
        batches.append(current)
    return batches


class AnnotatedText:
    """One request's annotated text: the pieces and where each starts in it."""

    def __init__(self, pieces: Sequence[Piece]):
        self.pieces = tuple(pieces)
        starts: list[int] = []
        pos = 0
        for i, piece in enumerate(self.pieces):
            if i:
                pos += len(PARAGRAPH_MARKUP)
            starts.append(pos)
            pos += len(piece.text)
        self.starts = starts
        self.length = pos

    def data(self) -> str:
        """The ``data`` form field: JSON with text parts and paragraph markup between them."""
        parts: list[dict] = []
        for i, piece in enumerate(self.pieces):
            if i:
                parts.append({"markup": PARAGRAPH_MARKUP, "interpretAs": PARAGRAPH_BREAK})
            parts.append({"text": piece.text})
        return json.dumps({"annotation": parts}, ensure_ascii=False, separators=(",", ":"))

    def locate(self, offset: int, length: int) -> Located | None:
        """Segment offsets of a match at ``offset`` in the annotated text (None if it
        starts in the markup). A match running past its piece is cut at the piece's end."""
        i = bisect.bisect_right(self.starts, offset) - 1
        if i < 0:
            return None
        piece = self.pieces[i]
        local = offset - self.starts[i]
        if local >= len(piece.text) and length > 0:
            return None
        end = min(local + max(length, 0), len(piece.text))
        return Located(piece.segment, piece.offset + local, piece.offset + end)
