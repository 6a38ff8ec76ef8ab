"""HTML articles, with exact source maps.

Parsers that build trees (lxml, html5lib) keep at best a line number per element, not
character offsets for text. So this module reads the markup itself with a small
position-tracking scanner (:func:`scan`) that follows the HTML tokenizer where it matters
for text (comments, raw-text elements, quoted attributes, unterminated tags), and a
stack-based builder with the usual implied end tags (``<p>`` closed by a block, ``<li>``
by ``<li>``, cells by cells). Every character of segment text is copied from the file at
its own offset, or is an atomic run standing for an entity or a whitespace run, so
offsets are exact on any input, broken or not. Nothing recurses: deep nesting is fine.

What is prose and what is not:

- blocks: p, h1-h6, blockquote, li, dt, dd, figcaption, caption, td, th, and text
  directly inside any other block (a bare div, body, section, ...);
- not prose: head, script, style, template, noscript, iframe, svg, math, pre, code,
  textarea, select (and other raw-text elements);
- page furniture (FURNITURE segments, one per block): nav, aside, footer, form and
  elements with role navigation, complementary or contentinfo;
- the first h1 outside furniture is the HEADLINE, other headings are HEADING; li, dt
  and dd are LIST_ITEM; blockquote BLOCKQUOTE; figcaption and caption CAPTION; td and
  th TABLE_CELL; everything else PARAGRAPH;
- whitespace runs collapse to one space, as a browser shows them; ``<br>`` is a space.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from html import unescape
from html.entities import html5 as _HTML5_ENTITIES
from typing import Iterator

from newslint.documents.model import (
    Document, LineIndex, Run, SegmentKind, SourceMap, SourceMapBuilder, make_segments,
)
from newslint.documents.suppressions import find_suppressions

# --- the scanner ---------------------------------------------------------------------

TEXT, START, END, COMMENT, RAW, OTHER = "text", "start", "end", "comment", "raw", "other"

# Elements whose content is raw text up to their end tag (no tags, no comments inside).
RAW_TEXT = frozenset({"script", "style", "xmp", "iframe", "noembed", "noframes", "textarea", "title"})

_TAG_NAME = re.compile(r"[^\s/>]*")
_ATTRIBUTE = re.compile(
    r"""[\s/]*(?:([^\s/>][^\s/>=]*)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]*)))?)?""")
_RAW_END = {name: re.compile(rf"</{name}(?=[\s/>])", re.IGNORECASE) for name in RAW_TEXT}


@dataclass(frozen=True)
class Event:
    kind: str
    start: int
    end: int
    name: str = ""
    attrs: tuple[tuple[str, str], ...] = ()


def scan(text: str) -> Iterator[Event]:
    """HTML tokens with file offsets. Text events cover everything that is not markup."""
    n = len(text)
    pos = 0
    while pos < n:
        lt = text.find("<", pos)
        if lt < 0:
            yield Event(TEXT, pos, n)
            return
        nxt = text[lt + 1:lt + 2]
        if nxt.isascii() and nxt.isalpha():
            event = _start_tag(text, lt)
        elif nxt == "/":
            event = _end_tag(text, lt)
        elif nxt == "!":
            event = _markup_declaration(text, lt)
        elif nxt == "?":
            event = Event(OTHER, lt, _after(text, ">", lt + 2))
        else:  # a stray "<" is text
            event = None
        if event is None:
            yield Event(TEXT, pos, lt + 1)
            pos = lt + 1
            continue
        if lt > pos:
            yield Event(TEXT, pos, lt)
        yield event
        pos = event.end
        if event.kind == START and event.name in RAW_TEXT:
            m = _RAW_END[event.name].search(text, pos)
            raw_end = m.start() if m else n
            if raw_end > pos:
                yield Event(RAW, pos, raw_end, event.name)
            pos = raw_end
        elif event.kind == START and event.name == "plaintext":
            yield Event(RAW, pos, n, "plaintext")
            return


def _after(text: str, needle: str, pos: int) -> int:
    """Offset just past the next ``needle`` (the end of the text when there is none)."""
    at = text.find(needle, pos)
    return len(text) if at < 0 else at + len(needle)


def _start_tag(text: str, lt: int) -> Event:
    m = _TAG_NAME.match(text, lt + 1)
    name = m.group().lower()
    pos = m.end()
    attrs = []
    n = len(text)
    while pos < n and text[pos] != ">":
        a = _ATTRIBUTE.match(text, pos)
        if a.group(1) is None:
            pos = a.end() if a.end() > pos else pos + 1
            continue
        value = next((v for v in a.group(2, 3, 4) if v is not None), "")
        attrs.append((a.group(1).lower(), value))
        pos = a.end()
    # An unterminated tag swallows the rest of the file, as in a browser.
    return Event(START, lt, min(pos + 1, n), name, tuple(attrs))


def _end_tag(text: str, lt: int) -> Event | None:
    nxt = text[lt + 2:lt + 3]
    if nxt.isascii() and nxt.isalpha():
        name = _TAG_NAME.match(text, lt + 2).group().lower()
        return Event(END, lt, _after(text, ">", lt + 2), name)
    if nxt == ">":
        return Event(OTHER, lt, lt + 3)
    if not nxt:
        return None
    return Event(COMMENT, lt, _after(text, ">", lt + 2))  # a bogus comment


def _markup_declaration(text: str, lt: int) -> Event:
    if text.startswith("<!--", lt):
        if text.startswith("<!-->", lt):
            return Event(COMMENT, lt, lt + 5)
        if text.startswith("<!--->", lt):
            return Event(COMMENT, lt, lt + 6)
        return Event(COMMENT, lt, _after(text, "-->", lt + 4))
    if text.startswith("<![CDATA[", lt):
        return Event(OTHER, lt, _after(text, "]]>", lt + 9))
    return Event(OTHER, lt, _after(text, ">", lt + 2))  # doctype or a bogus comment


# --- entities ------------------------------------------------------------------------

_ENTITY = re.compile(r"&(?:#[0-9]+;?|#[xX][0-9a-fA-F]+;?|[A-Za-z][A-Za-z0-9]*;?)")


def decode_entity(ref: str) -> tuple[str, int] | None:
    """(decoded text, source length used) for an entity reference at the start of ``ref``."""
    if ref.startswith("&#"):
        return unescape(ref), len(ref)
    name = ref[1:]
    if name.endswith(";") and name in _HTML5_ENTITIES:
        return _HTML5_ENTITIES[name], len(ref)
    name = name.rstrip(";")
    # Legacy entities may come without a semicolon: the longest known prefix counts.
    for size in range(min(len(name), 32), 1, -1):
        value = _HTML5_ENTITIES.get(name[:size])
        if value is not None:
            return value, size + 1
    return None


# --- the block builder ---------------------------------------------------------------

HIDDEN = frozenset({"head", "script", "style", "template", "noscript", "iframe", "svg", "math",
                    "pre", "code", "textarea", "select", "title", "xmp", "noembed", "noframes",
                    "plaintext", "object", "canvas", "audio", "video"})
FURNITURE = frozenset({"nav", "aside", "footer", "form"})
FURNITURE_ROLES = frozenset({"navigation", "complementary", "contentinfo"})
VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "keygen", "link",
                  "meta", "param", "source", "track", "wbr"})
BLOCKS = frozenset({
    "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details",
    "dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form",
    "h1", "h2", "h3", "h4", "h5", "h6", "head", "header", "hgroup", "hr", "html", "legend",
    "li", "listing", "main", "menu", "nav", "ol", "p", "pre", "section", "summary", "table",
    "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
})
# Start tags that close an open <p>.
_CLOSES_P = frozenset({
    "address", "article", "aside", "blockquote", "center", "details", "dialog", "dir", "div",
    "dl", "dd", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3",
    "h4", "h5", "h6", "header", "hgroup", "hr", "li", "listing", "main", "menu", "nav", "ol",
    "p", "pre", "section", "summary", "table", "ul", "xmp", "plaintext",
})
_P_SCOPE_LIMITS = frozenset({"applet", "caption", "html", "table", "td", "th", "marquee",
                             "object", "template", "button"})
# Inline elements that a browser shows apart from their neighbours: their tags separate words.
_SEPARATE = frozenset({"button", "label", "input", "select", "textarea", "img", "option"})
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_CONTEXT = {
    "li": SegmentKind.LIST_ITEM, "dt": SegmentKind.LIST_ITEM, "dd": SegmentKind.LIST_ITEM,
    "blockquote": SegmentKind.BLOCKQUOTE, "figcaption": SegmentKind.CAPTION,
    "caption": SegmentKind.CAPTION, "td": SegmentKind.TABLE_CELL, "th": SegmentKind.TABLE_CELL,
    "h2": SegmentKind.HEADING, "h3": SegmentKind.HEADING, "h4": SegmentKind.HEADING,
    "h5": SegmentKind.HEADING, "h6": SegmentKind.HEADING,
}
_H1 = "h1"  # context of text inside an h1: the headline if it is the first one
# Whitespace that a browser collapses: any run but a lone space inside text (kept verbatim).
_COLLAPSIBLE = re.compile(r"[ \t\n\r\f]{2,}|[\t\n\r\f]| $")
_WHITESPACE = " \t\n\r\f"


@dataclass(frozen=True)
class _Open:
    """An open element and what it means for text inside it."""

    name: str
    context: SegmentKind | str
    hidden: bool
    furniture: bool


_ROOT = _Open("#root", SegmentKind.PARAGRAPH, False, False)


@dataclass
class _Block:
    """Text of the block being read: pieces (text, file start, file end, verbatim)."""

    pieces: list[tuple[str, int, int, bool]] = field(default_factory=list)
    context: SegmentKind | str = SegmentKind.PARAGRAPH
    furniture: bool = False
    space: tuple[int, int] | None = None  # a pending whitespace run

    def add_space(self, start: int, end: int) -> None:
        if self.pieces and self.space is None:
            self.space = (start, end)

    def add_text(self, text: str, start: int, end: int, verbatim: bool, owner: _Open) -> None:
        if not self.pieces:
            self.context, self.furniture = owner.context, owner.furniture
        elif self.space is not None:
            s, e = self.space
            self.pieces.append((" ", s, e, e - s == 1))
        self.space = None
        self.pieces.append((text, start, end, verbatim))

    def build(self, text: str) -> tuple[str, SourceMap]:
        out = SourceMapBuilder()
        for piece, start, end, verbatim in self.pieces:
            if verbatim and text[start:end] == piece:
                out.copy(piece, start)
            else:
                out.replace(piece, start, end)
        return out.build()


class _Builder:
    def __init__(self, text: str):
        self.text = text
        self.stack: list[_Open] = [_ROOT]
        self.open_counts: dict[str, int] = {}  # open elements by name, to skip hopeless searches
        self.block = _Block()
        self.parts: list[tuple[SegmentKind, str, SourceMap]] = []
        self.headline_done = False
        self.raw_ranges: list[tuple[int, int]] = []

    # events

    def feed(self, event: Event) -> None:
        if event.kind == TEXT:
            self.text_run(event.start, event.end)
        elif event.kind == START:
            self.start_tag(event)
        elif event.kind == END:
            self.end_tag(event)
        elif event.kind == RAW:
            self.raw_ranges.append((event.start, event.end))

    def start_tag(self, event: Event) -> None:
        name = event.name
        if name == "br" or name in _SEPARATE:
            self.block.add_space(event.start, event.end)
            if name in VOID:
                return
        if name in _CLOSES_P:
            self._close_p()
        if name == "li":
            self._close_item(("li",), ("ul", "ol", "menu", "dir"))
        elif name in ("dt", "dd"):
            self._close_item(("dt", "dd"), ("dl",))
        elif name in ("td", "th"):
            self._close_item(("td", "th"), ("tr", "table"))
        elif name == "tr":
            self._close_item(("tr", "td", "th"), ("table", "thead", "tbody", "tfoot"))
        elif name in _HEADINGS and self.stack[-1].name in _HEADINGS:
            self._pop_to(len(self.stack) - 1)
        if name in BLOCKS:
            self.flush()
        if name in VOID:
            return
        parent = self.stack[-1]
        role = next((v for k, v in event.attrs if k == "role"), "").strip().lower()
        context = _H1 if name == "h1" else _CONTEXT.get(name, parent.context)
        self.stack.append(_Open(
            name, context,
            parent.hidden or name in HIDDEN,
            parent.furniture or name in FURNITURE or role in FURNITURE_ROLES,
        ))
        self.open_counts[name] = self.open_counts.get(name, 0) + 1

    def end_tag(self, event: Event) -> None:
        name = event.name
        if name in _SEPARATE:
            self.block.add_space(event.start, event.end)
        if name in ("body", "html"):
            return
        if not self.open_counts.get(name):
            return
        for i in range(len(self.stack) - 1, 0, -1):
            if self.stack[i].name == name:
                self._pop_to(i)
                return

    def text_run(self, start: int, end: int) -> None:
        owner = self.stack[-1]
        if owner.hidden:
            return
        text = self.text
        pos = start
        for m in _ENTITY.finditer(text, start, end):
            decoded = decode_entity(m.group())
            if decoded is None:
                continue
            value, used = decoded
            self._plain(pos, m.start(), owner)
            if value.isspace() and value.isascii():
                self.block.add_space(m.start(), m.start() + used)
            else:
                self.block.add_text(value, m.start(), m.start() + used, False, owner)
            pos = m.start() + used
        self._plain(pos, end, owner)

    def _plain(self, start: int, end: int, owner: _Open) -> None:
        text = self.text
        pos = start
        if start < end and text[start] == " " and (start + 1 == end or text[start + 1] not in _WHITESPACE):
            self.block.add_space(start, start + 1)  # a lone leading space may join the one before
            pos += 1
        for m in _COLLAPSIBLE.finditer(text, pos, end):
            if m.start() > pos:
                self.block.add_text(self.text[pos:m.start()], pos, m.start(), True, owner)
            self.block.add_space(m.start(), m.end())
            pos = m.end()
        if end > pos:
            self.block.add_text(self.text[pos:end], pos, end, True, owner)

    # structure

    def flush(self) -> None:
        block = self.block
        self.block = _Block()
        if not block.pieces:
            return
        context = block.context
        if block.furniture:
            kind = SegmentKind.FURNITURE
        elif context == _H1:
            kind = SegmentKind.HEADING if self.headline_done else SegmentKind.HEADLINE
            self.headline_done = True
        else:
            kind = context
        self.parts.append((kind, *block.build(self.text)))

    def _pop_to(self, index: int) -> None:
        """Close the elements from ``index`` up; closing a block ends the text block."""
        closed = self.stack[index:]
        if any(e.name in BLOCKS for e in closed):
            self.flush()
        del self.stack[index:]
        for e in closed:
            self.open_counts[e.name] -= 1

    def _close_p(self) -> None:
        if not self.open_counts.get("p"):
            return
        for i in range(len(self.stack) - 1, 0, -1):
            name = self.stack[i].name
            if name == "p":
                self._pop_to(i)
                return
            if name in _P_SCOPE_LIMITS:
                return

    def _close_item(self, names: tuple[str, ...], limits: tuple[str, ...]) -> None:
        if not any(self.open_counts.get(n) for n in names):
            return
        for i in range(len(self.stack) - 1, 0, -1):
            name = self.stack[i].name
            if name in names:
                self._pop_to(i)
                return
            if name in limits:
                return


def fragment_parts(text: str, start: int, end: int) -> list[tuple[SegmentKind, str, SourceMap]]:
    """The text blocks of the HTML in ``text[start:end]`` (a raw HTML block of a Markdown
    file), mapped to the file, each of the kind Vale's scopes give it there: a heading is
    a heading (there is no headline inside a fragment) and furniture is a paragraph."""
    builder = _Builder(text[start:end])
    for event in scan(builder.text):
        builder.feed(event)
    builder.flush()
    out = []
    for kind, block_text, smap in builder.parts:
        if kind is SegmentKind.HEADLINE:
            kind = SegmentKind.HEADING
        elif kind is SegmentKind.FURNITURE:
            kind = SegmentKind.PARAGRAPH
        out.append((kind, block_text, SourceMap([Run(r.text_start, r.file_start + start, r.text_len, r.file_len)
                                                 for r in smap.runs])))
    return out


def parse_html(text: str, path: str) -> Document:
    builder = _Builder(text)
    for event in scan(text):
        builder.feed(event)
    builder.flush()
    lines = LineIndex(text)
    suppressions = find_suppressions(text, lines, skip=builder.raw_ranges)
    return Document(path, "html", text, make_segments(builder.parts, lines), lines, suppressions)
