"""Plain-text articles: blocks separated by blank lines.

A block's lines join with one space (an atomic run standing for the line break and the
whitespace around it), so a sentence wrapped over lines reads as one. Lines stacked
without a blank line between (as scrapers leave paragraphs, menus and widgets) are
paragraphs of their own: a block is cut after a line that ends a sentence or a label
(".", "!", "?", ":") unless it ends in an abbreviation or the next line goes on in
lowercase, and after a line that stops short of the block's width with room left for the
next line's first word (so it was not wrapped there). A short first block of one line
without closing punctuation is the headline.
"""
from __future__ import annotations

import re
from typing import Iterator

from newslint.documents.model import (
    Document, LineIndex, SegmentKind, SourceMap, SourceMapBuilder, make_segments,
)

_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n|$)")
_HEADLINE_MAX_WORDS = 15
_CLOSING = "\"'”’»)]*_ \t"
_TERMINAL = ".!?:"
_SPACE = " \t\f\v\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"


def parse_text(text: str, path: str) -> Document:
    lines = LineIndex(text)
    parts: list[tuple[SegmentKind, str, SourceMap]] = []
    stacked = (part for block in _blocks(text) for part in _split_stacked(text, block))
    for number, block in enumerate(stacked):
        seg_text, smap = _join_lines(text, block)
        kind = SegmentKind.PARAGRAPH
        if number == 0 and len(block) == 1 and looks_like_headline(seg_text):
            kind = SegmentKind.HEADLINE
        parts.append((kind, seg_text, smap))
    return Document(path, "text", text, make_segments(parts, lines), lines, ())


def looks_like_headline(line: str) -> bool:
    """Short, and not ending like a sentence (closing quotes and brackets ignored)."""
    words = line.split()
    if not words or len(words) > _HEADLINE_MAX_WORDS:
        return False
    return line.rstrip(_CLOSING)[-1:] not in _TERMINAL


def _blocks(text: str) -> Iterator[list[tuple[int, int]]]:
    """Runs of non-blank lines, each line as (start, end) of its content without whitespace."""
    block: list[tuple[int, int]] = []
    for m in _LINE.finditer(text):
        line = m.group().rstrip("\r\n")
        body = line.strip(_SPACE)
        if not body:
            if block:
                yield block
                block = []
            if m.end() >= len(text):
                break
            continue
        lead = len(line) - len(line.lstrip(_SPACE))
        block.append((m.start() + lead, m.start() + lead + len(body)))
        if m.end() >= len(text):
            break
    if block:
        yield block


_ENDS_LINE = re.compile(r"""(?:[.!?:…])["'”’)\]]*$""")
# A period that ends an abbreviation, not a sentence: "U.S.", "Mr.", "Jan.".
_ABBREVIATION = re.compile(
    r"(?:\b(?:[A-Za-z]\.){1,3}|\b(?:Mr|Mrs|Ms|Dr|St|Sen|Rep|Gov|Gen|Lt|Col|Sgt|Capt|Prof|Rev|No|Nos|Jr|Sr|"
    r"Inc|Co|Corp|Ltd|vs|etc|approx|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Mt|Ft|Ave|Blvd)\.)$"
)
_FIRST_WORD = re.compile(r"\S+")


def _split_stacked(text: str, block: list[tuple[int, int]]) -> Iterator[list[tuple[int, int]]]:
    """A block cut where a line break cannot be a wrap (see the module doc)."""
    if len(block) == 1:
        yield block
        return
    width = max(end - start for start, end in block)
    part: list[tuple[int, int]] = []
    for (start, end), (next_start, next_end) in zip(block, block[1:]):
        part.append((start, end))
        line = text[start:end]
        first = _FIRST_WORD.match(text, next_start, next_end)
        first_word = first.group() if first else ""
        room = (end - start) + 1 + len(first_word) <= width
        ends = bool(_ENDS_LINE.search(line)) and not _ABBREVIATION.search(line) and not first_word[:1].islower()
        if ends or room:
            yield part
            part = []
    part.append(block[-1])
    yield part


def _join_lines(text: str, block: list[tuple[int, int]]) -> tuple[str, SourceMap]:
    out = SourceMapBuilder()
    previous_end = None
    for start, end in block:
        if previous_end is not None:
            # The whitespace and line break between two lines read as one space.
            out.replace(" ", previous_end, start)
        out.copy(text[start:end], start)
        previous_end = end
    return out.build()
