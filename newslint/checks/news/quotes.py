"""Finding quotations in a paragraph: double quote marks paired by context.

Only double marks (“ ” and ") delimit quotations here. Single marks are left alone:
they are apostrophes (don’t, ’90s, the Joneses’, rock ’n’ roll) or nested quotes, and
neither changes whether a paragraph's quotations balance.

A mark's direction comes from its surroundings when they are clear (space before and a
letter after opens; a letter or punctuation before and a space after closes), so
wrong-facing curly marks and straight marks pair the way a reader pairs them.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

DOUBLE_MARKS = "“”\""
_MARK = re.compile("[“”\"]")
_OPENING_CONTEXT = "([{—–-/‘'"
_CLOSING_CONTEXT = ".,;:!?)]}—–-’'…"
# Zero-width and direction marks that scrapers leave before a paragraph's first character.
_INVISIBLE = "\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2060\ufeff"
_FEET_INCHES = re.compile(r"\b\d[’']\d{1,2}$")
_FEET_INCHES_WIDTH = 8      # what it needs to see before a mark: 6’10 and the boundary before it


@dataclass(frozen=True)
class Quote:
    """A quotation: ``start`` is its opening mark, ``end`` is just past its closing mark.

    ``end`` is None for a quotation still open when the paragraph ends.
    """

    start: int
    end: int | None

    @property
    def closed(self) -> bool:
        return self.end is not None

    @property
    def inner_start(self) -> int:
        return self.start + 1

    def inner_end(self, text_len: int) -> int:
        return text_len if self.end is None else self.end - 1

    def inner(self, text: str) -> str:
        return text[self.inner_start:self.inner_end(len(text))]


@dataclass(frozen=True)
class QuoteScan:
    quotes: tuple[Quote, ...]
    # Offsets of closing marks that had no opening mark before them.
    stray_closes: tuple[int, ...]

    @property
    def ends_open(self) -> bool:
        """The paragraph ends inside a quotation (the multi-paragraph convention, or an error)."""
        return bool(self.quotes) and not self.quotes[-1].closed

    def unclosed(self) -> tuple[Quote, ...]:
        return tuple(q for q in self.quotes if not q.closed)

    def inside(self, start: int, end: int) -> bool:
        """Whether ``start..end`` overlaps any quotation (open-ended ones run to the end)."""
        for q in self.quotes:
            q_end = q.end if q.end is not None else 1 << 62
            if start < q_end and q.start < end:
                return True
        return False


def _opens(text: str, i: int, currently_open: bool) -> bool | None:
    """True if the mark at ``i`` opens, False if it closes, None if it is no quote mark."""
    at = i                    # back past invisible characters, not copying the text before
    while at > 0 and text[at - 1] in _INVISIBLE:
        at -= 1
    before = at > 0
    prev = text[at - 1] if before else ""
    nxt = text[i + 1] if i + 1 < len(text) else ""
    mark = text[i]
    if mark == '"' and prev.isdigit() and not currently_open:
        return None  # inches: 5'10"
    if mark == "”" and _FEET_INCHES.search(text, max(0, i - _FEET_INCHES_WIDTH), i):
        return None  # inches: 6’2”
    if not before and not currently_open:
        return True  # nothing opens a paragraph but an opening mark, whichever way it faces
    opening = prev == "" or prev.isspace() or prev in _OPENING_CONTEXT
    closing = nxt == "" or nxt.isspace() or nxt in _CLOSING_CONTEXT
    if opening and not closing:
        return True
    if closing and not opening:
        return False
    if mark == "“":
        return True
    if mark == "”":
        return False
    return not currently_open


_NO_QUOTES = QuoteScan((), ())


def scan_quotes(text: str) -> QuoteScan:
    if '"' not in text and "“" not in text and "”" not in text:
        return _NO_QUOTES
    quotes: list[Quote] = []
    strays: list[int] = []
    open_at: int | None = None
    for m in _MARK.finditer(text):
        i = m.start()
        direction = _opens(text, i, open_at is not None)
        if direction is None:
            continue
        if direction:
            if open_at is not None:
                quotes.append(Quote(open_at, None))
            open_at = i
        elif open_at is not None:
            quotes.append(Quote(open_at, i + 1))
            open_at = None
        else:
            strays.append(i)
    if open_at is not None:
        quotes.append(Quote(open_at, None))
    return QuoteScan(tuple(quotes), tuple(strays))


_LEADING_SPACE = re.compile(r"\s*")


def opens_with_quote(text: str) -> bool:
    """Whether a paragraph's first visible character is an opening double quote mark."""
    i = _LEADING_SPACE.match(text).end()
    return i < len(text) and text[i] in DOUBLE_MARKS and _opens(text, i, False) is True
