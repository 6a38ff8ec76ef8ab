"""Markdown articles through markdown-it-py, with exact source maps.

markdown-it gives each block only its line span (``token.map``), and an inline token's
``content`` is the block's text with the block prefixes (``>``, list indents, ``#``)
removed. Offsets are recovered in two steps, neither of which searches the file:

1. a *content map* from offsets in the inline content to file offsets, built line by
   line from the block's own source lines (each content line is the tail of its source
   line);
2. a forward walk over the inline children: each child's text appears in the content
   in order, so a scan from a cursor finds it; markup between children is skipped.

What is prose and what is not:

- front matter: metadata, not prose; its string values become ``rule_segments``, which
  only YAML rules read (see :mod:`frontmatter`);
- raw HTML blocks: not prose, but their text blocks (read as :mod:`html` reads a page)
  are ``rule_segments`` too, named ``html``, as Vale lints the HTML a Markdown file holds;
- fenced and indented code, raw HTML blocks, link reference definitions:
  not prose;
- inline code and autolinks: left out of the segment text (a code span or a URL is not
  a sentence); a double space left where they were is collapsed to one;
- link text and emphasised text: kept, without the markup;
- images: left out of the surrounding text; the alt text becomes a CAPTION segment, for
  an ``<img alt="...">`` in raw HTML (a block or inline) too;
- entities and backslash escapes: decoded, each an atomic run over its source;
- soft and hard line breaks: one space mapped to the line break.

Lists and blockquotes nested deeper than markdown-it's nesting limit are not parsed: it
skips their lines. The parser records the lines it skips, and each becomes a plain-text
paragraph (container markers left out), so no text goes unchecked.
"""
from __future__ import annotations

import functools
import re
from html import unescape
from dataclasses import dataclass, field, replace

from markdown_it import MarkdownIt
from markdown_it.common.utils import isStrSpace
from markdown_it.token import Token
from mdit_py_plugins.front_matter import front_matter_plugin

from newslint.documents.frontmatter import front_matter_segments
from newslint.documents.html import fragment_parts
from newslint.documents.model import (
    Document, LineIndex, Segment, SegmentKind, SourceMap, SourceMapBuilder, make_segments,
)
from newslint.documents.suppressions import find_suppressions

# Block tokens whose lines are not prose (their comments do not count as suppressions).
_CODE_BLOCKS = frozenset({"fence", "code_block"})
_BREAK_TAGS = frozenset({"<br>", "<br/>", "<br />"})
# The alt attribute of an <img> tag in raw HTML: group 2 or 3 is its value.
_ENTITY = re.compile(r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);")
_IMG_ALT = re.compile(r"""<img\b[^>]*?\salt\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.IGNORECASE)
# Where the parser notes (line, column) of each line it skipped past its nesting limit.
_DROPPED = "newslint_dropped_lines"
# Blockquote and list markers left at the start of a skipped line.
_CONTAINER_MARKERS = re.compile(r"(?:[ \t]*(?:>|(?:[-*+]|\d{1,9}[.)])(?=[ \t]|$)))*[ \t]*")


def make_parser() -> MarkdownIt:
    """CommonMark plus tables, strikethrough and front matter; entities and escapes kept
    as separate tokens (``text_join`` off) so each can become an atomic run."""
    md = MarkdownIt("commonmark", {"typographer": False, "linkify": False})
    md.enable(["table", "strikethrough"])
    md.use(front_matter_plugin)
    md.disable("text_join")
    _record_dropped_lines(md)
    return md


def _record_dropped_lines(md: MarkdownIt) -> None:
    """Make the block parser note the lines it skips at its nesting limit (in ``env``)."""
    tokenize = md.block.tokenize
    limit = md.options.maxNesting

    def tokenize_noting_drops(state, start_line: int, end_line: int) -> None:
        if state.level >= limit:
            line = state.skipEmptyLines(start_line)
            if line < end_line and state.sCount[line] >= state.blkIndent:
                dropped = state.env.setdefault(_DROPPED, [])
                for n in range(line, end_line):
                    begin = state.bMarks[n] + state.tShift[n]
                    if begin < state.eMarks[n]:
                        dropped.append((n, begin - (state.src.rfind("\n", 0, begin) + 1)))
        tokenize(state, start_line, end_line)

    md.block.tokenize = tokenize_noting_drops


@functools.lru_cache(maxsize=1)
def _shared_parser() -> MarkdownIt:
    """One parser for every document: building it costs more than parsing a short article,
    and parsing keeps all its state in per-call objects, so it is never changed after this."""
    return make_parser()


def parse_markdown(text: str, path: str, md: MarkdownIt | None = None) -> Document:
    md = md or _shared_parser()
    lines = LineIndex(text)
    env: dict = {}
    tokens = md.parse(text, env)
    source = _Source(text.replace("\x00", "\ufffd"), lines)
    walker = _InlineWalker(md, env.get("references", {}))

    parts: list[tuple[SegmentKind, str, SourceMap]] = []
    html_parts: list[tuple[SegmentKind, str, SourceMap]] = []   # for YAML rules only
    headline_at = _headline_index(tokens)
    stack: list[Token] = []
    row_cursor = (-1, 0)  # (line, offset in that line) for table cells
    for i, tok in enumerate(tokens):
        if tok.nesting == 1:
            stack.append(tok)
            continue
        if tok.nesting == -1:
            if stack:
                stack.pop()
            continue
        if tok.type in _CODE_BLOCKS and tok.map:
            walker.skipped.append((source.line_start(tok.map[0]), source.line_start(tok.map[1])))
            continue
        if tok.type == "html_block" and tok.map:
            start, end = source.line_start(tok.map[0]), source.line_start(tok.map[1])
            parts.extend((SegmentKind.CAPTION, *alt.build()) for alt in _img_alts(text[start:end], start))
            if ">" in tok.content and not stack:
                # At the top level only: inside a block quote or a list item the block's
                # lines hold the container's markers.
                html_parts.extend(part for part in fragment_parts(source.text, start, end)
                                  if part[0] is not SegmentKind.CAPTION)
            continue
        if tok.type != "inline" or not tok.map or not stack:
            continue
        parent = stack[-1]
        if parent.type in ("th_open", "td_open"):
            line = tok.map[0]
            start_col = row_cursor[1] if row_cursor[0] == line else 0
            cmap, end_col = source.cell_map(tok.content, line, start_col)
            row_cursor = (line, end_col)
            kind = SegmentKind.TABLE_CELL
        else:
            cmap = source.content_map(tok.content, tok.map[0])
            kind = _kind(parent, stack, i - 1 == headline_at)
        prose, captions = walker.walk(tok, cmap)
        parts.append((kind, *prose.build()))
        parts.extend((SegmentKind.CAPTION, *caption.build()) for caption in captions)
    if env.get(_DROPPED):
        parts.extend(_dropped_parts(source, env[_DROPPED]))
        parts.sort(key=lambda part: part[2].start(0))

    suppressions = find_suppressions(text, lines, skip=walker.skipped)
    segments = make_segments(parts, lines)
    values: tuple[Segment, ...] = ()
    if tokens and tokens[0].type == "front_matter" and tokens[0].map:
        first, last = tokens[0].map
        start, end = source.line_start(first + 1), source.line_start(last - 1)
        values = front_matter_segments(text, text[start:end], start, lines, len(segments))
    if html_parts:
        html = make_segments(html_parts, lines)
        n = len(segments) + len(values)
        values += tuple(replace(s, index=n + s.index, name="html") for s in html)
    return Document(path, "markdown", text, segments, lines, suppressions, values)


def _dropped_parts(source: "_Source", dropped) -> list[tuple[SegmentKind, str, SourceMap]]:
    """Each line the parser skipped as a paragraph of plain text, markers left out."""
    out = []
    for line0, column in sorted(set(dropped)):
        start, end, _ = source.line_bounds(line0)
        begin = start + column
        begin += _CONTAINER_MARKERS.match(source.text, begin, end).end() - begin
        if begin < end:
            out.append((SegmentKind.PARAGRAPH, source.text[begin:end], SourceMap.identity(begin, end - begin)))
    return out


def _kind(parent: Token, stack: list[Token], is_headline: bool) -> SegmentKind:
    if parent.type == "heading_open":
        return SegmentKind.HEADLINE if is_headline else SegmentKind.HEADING
    for tok in reversed(stack):
        if tok.type == "list_item_open":
            return SegmentKind.LIST_ITEM
        if tok.type == "blockquote_open":
            return SegmentKind.BLOCKQUOTE
    return SegmentKind.PARAGRAPH


def _headline_index(tokens: list[Token]) -> int | None:
    """Index of the heading_open that is the headline: the document's first block when it
    is a heading, else the first h1."""
    first_block = next((i for i, t in enumerate(tokens)
                        if t.level == 0 and t.nesting >= 0 and t.type not in ("front_matter", "html_block")),
                       None)
    if first_block is not None and tokens[first_block].type == "heading_open":
        return first_block
    return next((i for i, t in enumerate(tokens) if t.type == "heading_open" and t.tag == "h1"), None)


class _Source:
    """The file's lines, for building content maps."""

    def __init__(self, text: str, lines: LineIndex):
        self.text = text
        self.lines = lines

    def line_start(self, line0: int) -> int:
        """File offset of 0-based line ``line0`` (the end of the text past the last line)."""
        if line0 >= self.lines.line_count:
            return len(self.text)
        return self.lines.line_start(line0 + 1)

    def line_bounds(self, line0: int) -> tuple[int, int, int]:
        """(start, end of content, start of next line) of 0-based line ``line0``."""
        start = self.line_start(line0)
        following = self.line_start(line0 + 1)
        end = following
        while end > start and self.text[end - 1] in "\r\n":
            end -= 1
        return start, end, following

    def content_map(self, content: str, first_line0: int) -> SourceMap:
        """Map an inline token's content to the file: content line j is the tail of source
        line ``first_line0 + j`` (minus stripped whitespace and an ATX closing sequence)."""
        out = SourceMapBuilder()
        previous_end = None
        for j, piece in enumerate(content.split("\n")):
            start, end, _ = self.line_bounds(first_line0 + j)
            if previous_end is not None:
                out.replace("\n", previous_end, start)  # the line break itself
            previous_end = end
            line = self.text[start:end]
            body = piece.lstrip(" \t")
            lead = len(piece) - len(body)
            at = _tail_position(line, body)
            if lead:
                out.replace(piece[:lead], start + at, start + at)
            fits = min(len(body), len(line) - at)
            out.copy(body[:fits], start + at)
            if fits < len(body):
                out.replace(body[fits:], start + len(line), start + len(line))
        return out.build()[1]

    def cell_map(self, content: str, line0: int, from_col: int) -> tuple[SourceMap, int]:
        """Map a table cell's content to its row line, scanning from ``from_col``.

        The table rule turns ``\\|`` into ``|``; each such pipe maps to its source pipe."""
        start, end, _ = self.line_bounds(line0)
        line = self.text[start:end]
        out = SourceMapBuilder()
        col = from_col
        # The cell starts after the next unescaped pipe (or at the line start for a row
        # without a leading pipe) and the first non-space character.
        while col < len(line) and line[col] in " \t":
            col += 1
        if col < len(line) and line[col] == "|" and not (col == 0 and content.startswith("|")):
            col += 1
        while col < len(line) and line[col] in " \t":
            col += 1
        i = 0
        while i < len(content) and col < len(line):
            ch = content[i]
            if ch == "|" and line.startswith("\\|", col):
                out.copy("|", start + col + 1)
                col += 2
            elif line[col] == ch:
                out.copy(ch, start + col)
                col += 1
            else:
                break
            i += 1
        if i < len(content):  # not where expected: keep offsets in range, atomically
            out.replace(content[i:], start + col, start + col)
        return out.build()[1], col


def _tail_position(line: str, body: str) -> int:
    """Where ``body`` sits in ``line``: as its tail, as its tail before trailing whitespace
    or an ATX closing sequence, or failing that at its first occurrence."""
    if line.endswith(body):
        return len(line) - len(body)
    core = body.rstrip(" \t")
    trimmed = line.rstrip(" \t")
    if trimmed.endswith(core):
        return len(trimmed) - len(core)
    found = line.find(core)
    return found if found >= 0 else max(len(line) - len(body), 0)


@dataclass
class _Prose:
    """Segment text under construction: pieces kept so edges can be trimmed at the end."""

    pieces: list[tuple[str, int, int, bool]] = field(default_factory=list)  # text, start, end, verbatim
    gap: bool = False  # something (code, an image) was left out just before

    def add(self, text: str, start: int, end: int, verbatim: bool) -> None:
        if not text:
            return
        if self.gap and self.pieces and self.pieces[-1][0][-1:].isspace() and text[0].isspace():
            if not verbatim:
                return
            cut = len(text) - len(text.lstrip())
            text, start = text[cut:], start + cut
            if not text:
                return
        self.gap = False
        self.pieces.append((text, start, end, verbatim))

    def build(self) -> tuple[str, SourceMap]:
        pieces = list(self.pieces)
        while pieces and not pieces[0][0].strip():
            pieces.pop(0)
        while pieces and not pieces[-1][0].strip():
            pieces.pop()
        out = SourceMapBuilder()
        for n, (text, start, end, verbatim) in enumerate(pieces):
            if verbatim:
                if n == 0:
                    cut = len(text) - len(text.lstrip())
                    text, start = text[cut:], start + cut
                if n == len(pieces) - 1:
                    text = text.rstrip()
                out.copy(text, start)
            else:
                out.replace(text, start, end)
        return out.build()


class _InlineWalker:
    """Walks an inline token's children over its content, building prose and captions."""

    def __init__(self, md: MarkdownIt, references: dict):
        self.md = md
        self.references = references
        # File ranges whose comments are not suppressions (code blocks, code spans).
        self.skipped: list[tuple[int, int]] = []

    def walk(self, tok: Token, cmap: SourceMap) -> tuple[_Prose, list[_Prose]]:
        prose = _Prose()
        captions: list[_Prose] = []
        self._children(tok.children or [], tok.content, 0, cmap, prose, captions)
        return prose, captions

    def _children(self, children: list[Token], src: str, cursor: int, cmap: SourceMap,
                  prose: _Prose, captions: list[_Prose]) -> int:
        in_autolink = False
        for child in children:
            kind = child.type
            if in_autolink:  # the URL inside <...> was skipped with its brackets
                in_autolink = kind != "link_close"
                continue
            if kind == "text":
                cursor = self._text(child.content, src, cursor, cmap, prose)
            elif kind == "text_special":
                at = _find(src, child.markup, cursor)
                end = at + len(child.markup)
                prose.add(child.content, cmap.start(at), cmap.end(end), False)
                cursor = end
            elif kind in ("softbreak", "hardbreak"):
                at = _find(src, "\n", cursor)
                prose.add(" ", cmap.start(at), cmap.end(at + 1), False)
                cursor = at + 1
            elif kind == "code_inline":
                cursor = self._code_span(child.markup, src, cursor, cmap)
                prose.gap = True
            elif kind == "html_inline":
                at = _find(src, child.content, cursor)
                cursor = at + len(child.content)
                if child.content[:4].lower() == "<img":
                    captions.extend(_img_alts(child.content, cmap.start(at)))
                if child.content.lower() in _BREAK_TAGS:
                    prose.add(" ", cmap.start(at), cmap.end(cursor), False)
                prose.gap = True
            elif kind == "link_open" and child.markup == "autolink":
                at = _find(src, "<", cursor)
                cursor = _find(src, ">", at) + 1
                prose.gap = True
                in_autolink = True
            elif kind == "link_open":
                cursor = _find(src, "[", cursor) + 1
            elif kind == "link_close":
                cursor = self._link_tail(src, _find(src, "]", cursor))
            elif kind == "image":
                cursor = _find(src, "![", cursor) + 2
                caption = _Prose()
                cursor = self._children(child.children or [], src, cursor, cmap, caption, captions)
                captions.append(caption)
                cursor = self._link_tail(src, _find(src, "]", cursor))
                prose.gap = True
            elif child.markup:  # emphasis, strong, strikethrough delimiters
                cursor = _find(src, child.markup, cursor) + len(child.markup)
        return cursor

    def _text(self, text: str, src: str, cursor: int, cmap: SourceMap, prose: _Prose) -> int:
        if not text:
            return cursor
        at = _find(src, text, cursor)
        end = at + len(text)
        # Copy run by run: a content map run may be atomic (a pipe escaped in a table).
        for run in cmap.runs:
            lo = max(at, run.text_start)
            hi = min(end, run.text_start + run.text_len)
            if lo >= hi:
                continue
            piece = text[lo - at:hi - at]
            if run.text_len == run.file_len:
                start = run.file_start + (lo - run.text_start)
                prose.add(piece, start, start + len(piece), True)
            else:
                prose.add(piece, run.file_start, run.file_start + run.file_len, False)
        return end

    def _code_span(self, ticks: str, src: str, cursor: int, cmap: SourceMap) -> int:
        """Skip a code span opened by ``ticks``: to the next run of exactly as many backticks."""
        at = _find(src, ticks, cursor)
        pos = at + len(ticks)
        while True:
            close = src.find(ticks, pos)
            if close < 0:
                end = len(src)
                break
            run_end = close
            while run_end < len(src) and src[run_end] == "`":
                run_end += 1
            if run_end - close == len(ticks):
                end = run_end
                break
            pos = run_end
        self.skipped.append((cmap.start(at), cmap.end(end)))
        return end

    def _link_tail(self, src: str, close: int) -> int:
        """Skip what follows a link's ``]``: ``(dest "title")``, ``[label]`` or nothing,
        deciding as markdown-it's link rule does."""
        pos = close + 1
        end = len(src)
        if pos < end and src[pos] == "(":
            after = self._inline_destination(src, pos + 1)
            if after is not None:
                return after
        if pos < end and src[pos] == "[":
            label_end = _label_end(src, pos)
            if label_end >= 0:
                return label_end + 1
        return pos

    def _inline_destination(self, src: str, pos: int) -> int | None:
        end = len(src)
        pos = _skip_space(src, pos)
        if pos >= end:
            return None
        helpers = self.md.helpers
        res = helpers.parseLinkDestination(src, pos, end)
        if res.ok:
            if self.md.validateLink(self.md.normalizeLink(res.str)):
                pos = res.pos
            start = pos
            pos = _skip_space(src, pos)
            title = helpers.parseLinkTitle(src, pos, end)
            if pos < end and start != pos and title.ok:
                pos = _skip_space(src, title.pos)
        if pos < end and src[pos] == ")":
            return pos + 1
        return None


def _img_alts(html: str, file_start: int) -> list[_Prose]:
    """The alt text of each ``<img>`` in a piece of raw HTML that starts at ``file_start``."""
    out = []
    for m in _IMG_ALT.finditer(html):
        group = 1 if m.group(1) is not None else 2
        value, at = m.group(group), file_start + m.start(group)
        alt, done = _Prose(), 0
        for e in _ENTITY.finditer(value):     # each entity an atomic run over its source
            alt.add(value[done:e.start()], at + done, at + e.start(), True)
            alt.add(unescape(e.group()), at + e.start(), at + e.end(), False)
            done = e.end()
        alt.add(value[done:], at + done, at + len(value), True)
        out.append(alt)
    return out


def _skip_space(src: str, pos: int) -> int:
    while pos < len(src) and (isStrSpace(src[pos]) or src[pos] == "\n"):
        pos += 1
    return pos


def _label_end(src: str, pos: int) -> int:
    """Index of the ``]`` closing the label opened at ``pos`` (-1: none)."""
    level = 0
    i = pos
    while i < len(src):
        ch = src[i]
        if ch == "\\":
            i += 2
            continue
        if ch == "[":
            level += 1
        elif ch == "]":
            level -= 1
            if level == 0:
                return i
        i += 1
    return -1


def _find(src: str, needle: str, cursor: int) -> int:
    """Next occurrence of ``needle`` at or after ``cursor``; the cursor itself if absent
    (keeps offsets in range rather than failing on an unforeseen token shape)."""
    at = src.find(needle, cursor)
    return at if at >= 0 else cursor
