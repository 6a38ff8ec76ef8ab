"""Documents as the checks see them: segments of plain text, each with a source map.

A parser (text, markdown, html) turns a file's decoded text into a :class:`Document`.
Every segment carries a :class:`SourceMap` from offsets in its plain text to offsets
in the file text; the document's :class:`LineIndex` turns file offsets into 1-based
line and column. Checks only ever report segment offsets; nothing searches the file
again to find where a match was.
"""
from __future__ import annotations

import bisect
import enum
import re
from dataclasses import dataclass, field
from typing import Iterable, Sequence


_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_NEWLINE = re.compile(r"\n")      # the same breaks in text without \r, found faster


class SegmentKind(str, enum.Enum):
    HEADLINE = "headline"        # the story's title (first heading / first short line)
    HEADING = "heading"          # subheads and other headings
    PARAGRAPH = "paragraph"
    BLOCKQUOTE = "blockquote"
    LIST_ITEM = "list_item"
    CAPTION = "caption"          # figcaption, image alt text
    TABLE_CELL = "table_cell"
    FURNITURE = "furniture"      # text inside nav/aside/footer/form: page chrome by structure
    FRONT_MATTER = "front_matter"  # a string value of Markdown front matter: YAML rules only


    def __str__(self) -> str:
        return self.value


@dataclass(frozen=True)
class Run:
    """A stretch of segment text taken from the file.

    When ``text_len == file_len`` the stretch is a verbatim copy and offsets map one to
    one. Otherwise (an entity such as ``&amp;``, a collapsed line break) the stretch is
    atomic: every offset inside it maps to ``file_start`` and its end to ``file_start +
    file_len``.
    """

    text_start: int
    file_start: int
    text_len: int
    file_len: int


class SourceMap:
    """Maps offsets in a segment's text to offsets in the file text."""

    __slots__ = ("runs", "_starts")

    def __init__(self, runs: Sequence[Run]):
        self.runs = tuple(runs)
        self._starts = [r.text_start for r in self.runs]

    @classmethod
    def identity(cls, file_start: int, length: int) -> "SourceMap":
        return cls([Run(0, file_start, length, length)])

    def _run_at(self, text_offset: int) -> Run:
        i = bisect.bisect_right(self._starts, text_offset) - 1
        return self.runs[max(i, 0)]

    def start(self, text_offset: int) -> int:
        """File offset of the character at ``text_offset``."""
        run = self._run_at(text_offset)
        delta = text_offset - run.text_start
        if run.text_len == run.file_len:
            return run.file_start + min(delta, run.file_len)
        return run.file_start if delta < run.text_len else run.file_start + run.file_len

    def end(self, text_offset: int) -> int:
        """File offset just past the character before ``text_offset`` (an exclusive end)."""
        if text_offset <= 0:
            return self.start(0)
        run = self._run_at(text_offset - 1)
        delta = text_offset - run.text_start
        if run.text_len == run.file_len:
            return run.file_start + min(delta, run.file_len)
        return run.file_start + run.file_len

    def span(self, start: int, end: int) -> tuple[int, int]:
        if end <= start:
            s = self.start(start)
            return s, s
        return self.start(start), self.end(end)


class SourceMapBuilder:
    """Accumulates segment text together with its runs, for parsers."""

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._runs: list[Run] = []
        self._len = 0

    def __len__(self) -> int:
        return self._len

    def copy(self, text: str, file_start: int) -> None:
        """Append text that appears verbatim in the file at ``file_start``."""
        if not text:
            return
        last = self._runs[-1] if self._runs else None
        if (last is not None and last.text_len == last.file_len
                and last.text_start + last.text_len == self._len
                and last.file_start + last.file_len == file_start):
            self._runs[-1] = Run(last.text_start, last.file_start, last.text_len + len(text), last.file_len + len(text))
        else:
            self._runs.append(Run(self._len, file_start, len(text), len(text)))
        self._parts.append(text)
        self._len += len(text)

    def replace(self, text: str, file_start: int, file_end: int) -> None:
        """Append text that stands for the file span ``file_start..file_end`` (an entity, a break)."""
        if not text:
            return
        if len(text) == file_end - file_start:
            self.copy(text, file_start)
            return
        self._runs.append(Run(self._len, file_start, len(text), file_end - file_start))
        self._parts.append(text)
        self._len += len(text)

    @property
    def text(self) -> str:
        return "".join(self._parts)

    def last_char(self) -> str:
        for part in reversed(self._parts):
            if part:
                return part[-1]
        return ""

    def build(self) -> tuple[str, SourceMap]:
        return self.text, SourceMap(self._runs or [Run(0, 0, 0, 0)])


@dataclass(frozen=True)
class Segment:
    kind: SegmentKind
    text: str
    source_map: SourceMap = field(repr=False, compare=False)
    # Index of this segment among the document's segments, and the file line it starts on.
    index: int = 0
    line: int = 1
    # For a segment only YAML rules read: the front-matter key a FRONT_MATTER segment is
    # the value of, or ``html`` for text in a Markdown file's raw HTML block.
    name: str | None = None


class LineIndex:
    """File offset -> 1-based (line, column); lines end at \\n, \\r\\n or \\r."""

    __slots__ = ("_starts",)

    def __init__(self, text: str):
        breaks = _LINE_BREAK if "\r" in text else _NEWLINE
        self._starts = [0] + [m.end() for m in breaks.finditer(text)]

    @property
    def line_count(self) -> int:
        return len(self._starts)

    def line_start(self, line: int) -> int:
        return self._starts[line - 1]

    def position(self, offset: int) -> tuple[int, int]:
        i = bisect.bisect_right(self._starts, offset) - 1
        return i + 1, offset - self._starts[i] + 1


@dataclass(frozen=True)
class Suppression:
    """An inline ``newslint-disable`` region: rules (globs; empty = all) off on lines first..last."""

    rules: tuple[str, ...]
    first_line: int
    last_line: int | None  # None: to the end of the file


@dataclass(frozen=True)
class Document:
    path: str
    format: str                      # "text" | "markdown" | "html"
    text: str                        # the decoded file text
    segments: tuple[Segment, ...]
    lines: LineIndex = field(repr=False, compare=False)
    suppressions: tuple[Suppression, ...] = ()
    # Segments only YAML rules read (front-matter values, text in raw HTML blocks),
    # numbered after ``segments``; every other check reads ``segments`` alone.
    rule_segments: tuple[Segment, ...] = ()

    def segment(self, index: int) -> Segment:
        """Segment ``index`` of ``segments`` followed by ``rule_segments``."""
        n = len(self.segments)
        return self.segments[index] if index < n else self.rule_segments[index - n]

    def position(self, offset: int) -> tuple[int, int]:
        return self.lines.position(offset)

    def file_span(self, segment: Segment, start: int, end: int) -> tuple[int, int]:
        return segment.source_map.span(start, end)


def make_segments(parts: Iterable[tuple[SegmentKind, str, SourceMap]], lines: LineIndex) -> tuple[Segment, ...]:
    """Number segments and note their first line; drops segments with no visible text."""
    out: list[Segment] = []
    for kind, text, smap in parts:
        if not text.strip():
            continue
        line, _ = lines.position(smap.start(0))
        out.append(Segment(kind, text, smap, len(out), line))
    return tuple(out)
