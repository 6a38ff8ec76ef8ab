"""The text YAML rules read for one segment: the segment's text, read the way Vale reads it.

Two differences from the text other checks see, both so that Vale's styles give Vale's
results:

- a wrapped line's break, which the segment holds as a space, is a line break again:
  a pattern with a space in it does not match across a line end, and ``.`` does not
  cross one (same length: offsets do not move);
- in Markdown, an inline code span the segment leaves out is back as ``*`` of its
  length, as Vale masks code: ``Using `if` in`` reads ``Using ** in``, not ``Using in``,
  so the words around it stay apart and still count as two words apart; inline markup
  that opens right after a word is read with a space before it (``2<sup>n</sup>`` is
  ``2 n``), and a URL written out (a link whose text is its address) is masked with ``*``.

A :class:`RuleText` knows where it inserted masks and maps its offsets back to the
segment's text, where a hit must point; a position inside a mask maps to where the
mask was put.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from newslint.documents.model import Document, Segment, SegmentKind

_QUOTED_LINE = re.compile(r"[ \t]{0,3}>")


# Vale's SkippedScopes name HTML block tags; each is the segments of one kind (and, for
# headings and table rows, one label). Tags with no prose here (script, style, pre, code)
# and tags newslint keeps no blocks for (div, section, figure: a caption segment may be
# Markdown alt text, which no figure holds) select nothing.
_SKIPPABLE: dict[str, tuple[SegmentKind, str | None]] = {
    "p": (SegmentKind.PARAGRAPH, None),
    "blockquote": (SegmentKind.BLOCKQUOTE, None),
    "li": (SegmentKind.LIST_ITEM, None), "ul": (SegmentKind.LIST_ITEM, None), "ol": (SegmentKind.LIST_ITEM, None),
    "table": (SegmentKind.TABLE_CELL, None), "tr": (SegmentKind.TABLE_CELL, None),
    "thead": (SegmentKind.TABLE_CELL, "header"), "th": (SegmentKind.TABLE_CELL, "header"),
    "tbody": (SegmentKind.TABLE_CELL, "cell"), "td": (SegmentKind.TABLE_CELL, "cell"),
    **{f"h{n}": (SegmentKind.HEADING, f"h{n}") for n in range(1, 7)},
}


DEFAULT_IGNORED_SCOPES = ("code", "tt", "kbd")     # Vale's default IgnoredScopes
# Markdown's inline markup for the HTML tags it becomes: strong (b) and emphasis (em, i).
_MARKDOWN_INLINE = {
    "strong": r"(?<![*\\])\*\*(?=\S)(.+?)(?<=\S)\*\*|\b__(?=\S)(.+?)(?<=\S)__\b",
    "em": r"(?<![*\\])\*(?![*\s])(.+?)(?<![*\s])\*(?!\*)|\b_(?![_\s])(.+?)(?<![_\s])_\b",
}
_MARKDOWN_INLINE["b"], _MARKDOWN_INLINE["i"] = _MARKDOWN_INLINE["strong"], _MARKDOWN_INLINE["em"]


@dataclass(frozen=True)
class Ignores:
    """A configuration's TokenIgnores (masked with ``*``, as Vale turns them into code),
    BlockIgnores (a block inside a match is not read), SkippedScopes (blocks of these
    HTML tags are not read: (segment kind, label or None for every label)) and
    IgnoredScopes (inline tags whose text is masked with ``*``; Markdown's code spans,
    ``**strong**`` and ``*emphasis*`` count as ``code``, ``strong``/``b``, ``em``/``i``)."""

    tokens: tuple[re.Pattern[str], ...] = ()
    blocks: tuple[re.Pattern[str], ...] = ()
    skipped: tuple[tuple[SegmentKind, str | None], ...] = ()
    inline: frozenset[str] = frozenset(DEFAULT_IGNORED_SCOPES)
    inline_pattern: re.Pattern[str] | None = None     # the tags (other than code) and their Markdown forms

    @classmethod
    def build(cls, tokens, blocks, skipped=(), ignored=DEFAULT_IGNORED_SCOPES) -> "Ignores":
        inline = frozenset(t.strip().lower() for t in ignored if t.strip())
        tags = sorted(re.escape(t) for t in inline if t != "code" and re.fullmatch(r"[a-z][a-z0-9-]*", t))
        forms = [rf"<({'|'.join(tags)})\b[^>]*>(.*?)</\1\s*>"] if tags else []
        forms += sorted({_MARKDOWN_INLINE[t] for t in inline if t in _MARKDOWN_INLINE})
        return cls(tuple(re.compile(p, re.MULTILINE) for p in tokens),
                   tuple(re.compile(p, re.MULTILINE) for p in blocks),
                   tuple(_SKIPPABLE[t] for t in dict.fromkeys(t.strip().lower() for t in skipped)
                         if t in _SKIPPABLE),
                   inline,
                   re.compile("|".join(f"(?:{f})" for f in forms), re.DOTALL) if forms else None)

    def skips(self, kind: SegmentKind, label: str | None) -> bool:
        for skipped_kind, skipped_label in self.skipped:
            if kind is skipped_kind or (skipped_kind is SegmentKind.HEADING and kind is SegmentKind.HEADLINE):
                if skipped_label is None or skipped_label == label:
                    return True
        return False


NO_IGNORES = Ignores()


class RuleTexts:
    """Each segment's rule text and rule kind, made once per document for every rule."""

    __slots__ = ("doc", "markdown", "ignores", "segments", "_texts", "_kinds", "_labels")

    def __init__(self, doc: Document, ignores: Ignores = NO_IGNORES):
        self.doc = doc
        self.ignores = ignores
        self.markdown = doc.format == "markdown"
        # The document's segments and those only YAML rules read (front-matter values, raw
        # HTML blocks), in file order.
        self.segments = _in_file_order(doc.segments, doc.rule_segments) if doc.rule_segments else doc.segments
        self._texts: dict[int, RuleText] = {}
        self._kinds: list[SegmentKind] | None = None
        self._labels: list[str | None] | None = None

    def labels(self) -> list[str | None]:
        """Each segment's heading level (``h1``..``h6``) or table row (``header``, ``cell``),
        read from the Markdown source; None where it is not known."""
        if self._labels is None:
            labels: list[str | None] = [None] * len(self.segments)
            if self.markdown:
                text, lines = self.doc.text, self.doc.lines
                for s in self.doc.segments:
                    if s.kind in (SegmentKind.HEADING, SegmentKind.HEADLINE):
                        labels[s.index] = _heading_level(text, lines, s)
                    elif s.kind is SegmentKind.TABLE_CELL:
                        labels[s.index] = _table_row(text, lines, s)
            self._labels = labels
        return self._labels

    def text(self, segment: Segment) -> "RuleText":
        found = self._texts.get(segment.index)
        if found is None and segment.kind is SegmentKind.FRONT_MATTER:
            # A front-matter value is read as plain text, as Vale reads it: no Markdown.
            found = self._texts[segment.index] = RuleText(segment.text)
        elif found is None and segment.name == "html":
            # Text in a raw HTML block is HTML: a backtick there is a character, not code.
            found = self._texts[segment.index] = rule_text(segment, self.doc.text, False)
        elif found is None:
            found = rule_text(segment, self.doc.text, self.markdown, "code" in self.ignores.inline)
            masked = found.text
            if self.markdown and self.ignores.inline_pattern is not None:
                masked = _mask_inline(segment, self.doc.text, found, masked, self.ignores.inline_pattern)
            if self.markdown and "://" in masked:
                masked = _URL.sub(lambda m: "*" * len(m.group()), masked)
            for pattern in self.ignores.tokens:
                masked = pattern.sub(lambda m: "*" * len(m.group()), masked)
            if masked != found.text:
                found = RuleText(masked, found.at, found.shift, found.sizes)
            self._texts[segment.index] = found
        return found

    def kinds(self) -> list[SegmentKind]:
        """Segment kinds as Vale's scopes see them: in Markdown, a heading inside a block
        quote is part of the quote (``blockquote``), not a ``heading``."""
        if self._kinds is None:
            kinds = [s.kind for s in self.doc.segments]
            kinds += [s.kind for s in self.doc.rule_segments]       # indexed by segment number
            if self.markdown and ">" in self.doc.text:
                text, lines = self.doc.text, self.doc.lines
                for s in self.doc.segments:
                    if s.kind is SegmentKind.HEADING:
                        start = lines.line_start(s.line)
                        if _QUOTED_LINE.match(text, start):
                            kinds[s.index] = SegmentKind.BLOCKQUOTE
            if self.ignores.skipped:
                labels = self.labels()
                for s in self.segments:
                    if kinds[s.index] is not None and self.ignores.skips(kinds[s.index], labels[s.index]):
                        kinds[s.index] = None
            if self.ignores.blocks:
                spans = [m.span() for p in self.ignores.blocks for m in p.finditer(self.doc.text)]
                for s in self.segments:
                    lo, hi = s.source_map.span(0, len(s.text))
                    if any(a <= lo and hi <= b for a, b in spans):
                        kinds[s.index] = None
            self._kinds = kinds
        return self._kinds

def _in_file_order(segments: tuple[Segment, ...], extra: tuple[Segment, ...]) -> tuple[Segment, ...]:
    """``segments`` (in their order) with each of ``extra`` (in file order) put before the
    first segment that starts after it."""
    out: list[Segment] = []
    i = 0
    for s in segments:
        at = s.source_map.start(0)
        while i < len(extra) and extra[i].source_map.start(0) < at:
            out.append(extra[i])
            i += 1
        out.append(s)
    out.extend(extra[i:])
    return tuple(out)


# A URL written out in Markdown prose is a link whose text is its address (an autolink,
# a bare URL GFM links, or ``[url](url)``), and Vale masks such a link's text with ``*``.
_URL = re.compile(r"\b(?:https?|ftp)://[^\s<>\"'`]*[^\s<>\"'`.,;:!?)\]]")


def _mask_inline(segment: Segment, file_text: str, found: "RuleText", masked: str,
                 pattern: re.Pattern[str]) -> str:
    """The text of ignored inline elements masked with ``*``, as Vale masks its
    IgnoredScopes (by default ``tt, code, kbd``: ``<kbd>`` here; code is masked already)."""
    runs = segment.source_map.runs
    if not runs:
        return masked
    lo, hi = runs[0].file_start, runs[-1].file_start + runs[-1].file_len
    chars = list(masked)
    for m in pattern.finditer(file_text, max(lo - 64, 0), min(hi + 64, len(file_text))):
        group = next((g for g in range(1, (pattern.groups or 0) + 1)
                      if m.group(g) is not None and not _is_tag_name(m, g)), None)
        if group is None:
            continue
        for run in runs:
            if run.text_len != run.file_len:
                continue
            a, b = max(m.start(group), run.file_start), min(m.end(group), run.file_start + run.file_len)
            for f in range(a, b):
                at = found.to_rule(run.text_start + f - run.file_start)
                if 0 <= at < len(chars) and not chars[at].isspace():
                    chars[at] = "*"
    return "".join(chars)


def _is_tag_name(m: re.Match, group: int) -> bool:
    """Whether group ``group`` is the tag-name group of ``<(tag)...>(text)</tag>``."""
    return m.group(0).startswith("<") and m.start(group) == m.start() + 1


_CODE = re.compile(r"(`+)(?!`)(.+?)(?<!`)\1(?!`)", re.DOTALL)
_CODE_OR_AUTOLINK = re.compile(r"(`+)(?!`)(.+?)(?<!`)\1(?!`)|<((?:https?|ftp)://[^\s<>]+)>", re.DOTALL)
_ONLY_CODE = re.compile(r"\s*(?:(`+)(?!`).+?(?<!`)\1(?!`)\s*)+", re.DOTALL)
_LEADING_CODE = re.compile(r"(?:(`+)(?!`)[^`\n]+?(?<!`)\1(?!`)\s*)+$")
_TRAILING_CODE = re.compile(r"^(?:\s*(`+)(?!`)[^`\n]+?(?<!`)\1(?!`))+")


@dataclass(frozen=True)
class RuleText:
    text: str
    at: tuple[int, ...] = ()          # rule-text offsets where masks start
    shift: tuple[int, ...] = ()       # characters inserted up to and including each mask
    sizes: tuple[int, ...] = ()       # length of each mask

    def to_rule(self, offset: int) -> int:
        """A segment offset as an offset into the rule text (past the masks inserted there)."""
        total = 0
        for at, shift, size in zip(self.at, self.shift, self.sizes):
            if at - (shift - size) > offset:
                break
            total = shift
        return offset + total

    def to_segment(self, offset: int) -> int:
        """A rule-text offset as an offset into the segment's text."""
        if not self.at:
            return offset
        i = bisect.bisect_right(self.at, offset) - 1
        if i < 0:
            return offset
        before = self.shift[i] - self.sizes[i]        # inserted before mask i
        if offset < self.at[i] + self.sizes[i]:
            return self.at[i] - before
        return offset - self.shift[i]


_ATX = re.compile(r"[ \t]{0,3}(?:>[ \t]?)*[ \t]{0,3}(#{1,6})(?:[ \t]|$)")
_SETEXT = re.compile(r"[ \t]{0,3}(?:>[ \t]?)*[ \t]{0,3}(=+|-+)[ \t]*$")
# No two whitespace runs side by side: a line of blanks is read once, not once per split.
_DELIMITER_ROW = re.compile(r"[ \t]*(?:>[ \t]*)*(?:\|[ \t]*)?:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*(?:\|[ \t]*)?$")


def _line(text: str, lines, number: int) -> str:
    if number > lines.line_count:
        return ""
    start = lines.line_start(number)
    end = text.find("\n", start)
    return text[start:len(text) if end < 0 else end].rstrip("\r")


def _heading_level(text: str, lines, segment: Segment) -> str | None:
    m = _ATX.match(_line(text, lines, segment.line))
    if m:
        return f"h{len(m.group(1))}"
    last = lines.position(segment.source_map.end(len(segment.text)))[0]
    under = _SETEXT.match(_line(text, lines, last + 1))
    if under:
        return "h1" if under.group(1)[0] == "=" else "h2"
    return None


def _table_row(text: str, lines, segment: Segment) -> str | None:
    return "header" if _DELIMITER_ROW.match(_line(text, lines, segment.line + 1)) else "cell"


def rule_text(segment: Segment, file_text: str, markdown: bool, mask_code: bool = True) -> RuleText:
    text = _with_line_breaks(segment, file_text)
    if not markdown or not ("`" in file_text or "<" in file_text or "[" in file_text):
        return RuleText(text)
    inserts = _code_masks(segment, file_text, text, mask_code) if "`" in file_text or "://" in file_text else []
    spaced = _inline_openings(segment, file_text, text)
    if spaced or inserts:
        inserts = _merge(inserts, spaced, text)
    if not inserts:
        return RuleText(text)
    parts, at, shift, sizes = [], [], [], []
    done = total = 0
    for pos, mask in inserts:
        parts.append(text[done:pos])
        at.append(pos + total)
        total += len(mask)
        shift.append(total)
        sizes.append(len(mask))
        parts.append(mask)
        done = pos
    parts.append(text[done:])
    return RuleText("".join(parts), tuple(at), tuple(shift), tuple(sizes))


# The opening tag of an HTML element Vale reads as inline (or a void one), or a link's
# opening bracket.
_OPENING = re.compile(r"(?i)<(?:b|big|i|small|abbr|acronym|cite|dfn|em|kbd|strong|a|br|img|span|sub|sup|code|tt|"
                      r"del|area|base|col|embed|hr|input|link|meta|source|track|wbr)(?=[\s/>])|(?<![\\!])\[")
# Vale does not put a space before inline text that starts with these, nor after these.
_NO_SPACE_BEFORE = frozenset(".?!,:;)]}—–")
_TIGHT = frozenset("([{—–")


def _inline_openings(segment: Segment, file_text: str, text: str) -> list[int]:
    """Segment offsets where inline markup opens right after a word: Vale reads the
    element's text with a space before it (``2<sup>n</sup>`` is ``2 n``), unless the text
    before ends in an opening bracket or dash or the element's text starts with punctuation."""
    out = []
    runs = segment.source_map.runs
    for prev, run in zip(runs, runs[1:]):
        gap_start = prev.file_start + prev.file_len
        pos = run.text_start
        if gap_start >= run.file_start or pos == 0 or pos >= len(text):
            continue
        before, first = text[pos - 1], text[pos]
        if before.isspace() or before in _TIGHT or first.isspace() or first in _NO_SPACE_BEFORE:
            continue
        if _OPENING.search(file_text, gap_start, run.file_start):
            out.append(pos)
    return out


def _merge(masks: list[tuple[int, str]], spaced: list[int], text: str) -> list[tuple[int, str]]:
    """Code masks and the spaces before inline openings, in order. Vale reads code as an
    inline element too, so a mask right after a word (not a bracket or dash) starts with a
    space, as does a mask where an inline element opens."""
    by_pos = {pos: " " + mask if 0 < pos and not text[pos - 1].isspace() and text[pos - 1] not in _TIGHT
              and not mask.startswith(" ") else mask for pos, mask in masks}
    for pos in spaced:
        mask = by_pos.get(pos)
        if mask is None:
            by_pos[pos] = " "
        elif not mask.startswith(" "):
            by_pos[pos] = " " + mask
    return sorted(by_pos.items())


def _mask(source: str, mask_code: bool = True) -> str:
    """Code spans and whitespace as Vale has them: each span ``*`` of its content's length
    (its content when code is not in IgnoredScopes), each run of whitespace one space."""
    masked = _CODE.sub(lambda m: _code(m.group(2), mask_code), source)
    return re.sub(r"\s+", " ", masked)


def _space_in(markup: str) -> str:
    """The separator whitespace in markup stands for: a line break, a space, or none."""
    return "\n" if "\n" in markup else " " if any(c.isspace() for c in markup) else ""


def _code(content: str, mask_code: bool) -> str:
    body = content.strip() or content
    return "*" * len(body) if mask_code else body


def _code_masks(segment: Segment, file_text: str, text: str, mask_code: bool = True) -> list[tuple[int, str]]:
    """(segment offset, mask) for each code span left out of the segment, in order."""
    runs = segment.source_map.runs
    out: list[tuple[int, str]] = []
    if not runs:
        return out
    first = runs[0]
    line_start = file_text.rfind("\n", 0, first.file_start) + 1
    lead = _LEADING_CODE.search(file_text, line_start, first.file_start)
    if lead is not None and first.text_start == 0:
        out.append((0, _mask(lead.group(), mask_code).lstrip()))
    for prev, run in zip(runs, runs[1:]):
        gap_start = prev.file_start + prev.file_len
        if gap_start >= run.file_start:
            continue
        gap = file_text[gap_start:run.file_start]
        if "`" not in gap and "://" not in gap:
            continue
        if _ONLY_CODE.fullmatch(gap):
            mask = _mask(gap, mask_code)
        else:
            # Code beside other markup the segment leaves out (a link's brackets and
            # destination, emphasis marks, tags), and autolinks (``<https://...>``, which
            # Vale reads as a link whose text is its address, masked): those alone, a
            # space apart.
            codes = list(_CODE_OR_AUTOLINK.finditer(gap))
            if not codes:
                continue
            mask = " ".join(_code(m.group(2), mask_code) if m.group(2) is not None else "*" * len(m.group(3))
                            for m in codes)
            head, tail = gap[:codes[0].start()], gap[codes[-1].end():]
            mask = _space_in(head) + mask + _space_in(tail)
        pos = run.text_start
        if pos > 0 and text[pos - 1].isspace():
            mask = mask.lstrip()
        if pos < len(text) and text[pos].isspace():
            mask = mask.rstrip()
        if mask:
            out.append((pos, mask))
    last = runs[-1]
    end = last.file_start + last.file_len
    line_end = file_text.find("\n", end)
    tail = _TRAILING_CODE.match(file_text[end:len(file_text) if line_end < 0 else line_end])
    if tail is not None and last.text_start + last.text_len == len(text):
        mask = _mask(tail.group(), mask_code)
        if text[-1:].isspace():
            mask = mask.lstrip()
        out.append((len(text), mask.rstrip()))
    return out


def _with_line_breaks(segment: Segment, file_text: str) -> str:
    """The segment's text with each line break of the source back in place of the space
    that stands for it. Same length, so offsets are unchanged."""
    text = segment.text
    chars = None
    for run in segment.source_map.runs:
        if run.text_len == run.file_len:
            source = file_text[run.file_start:run.file_start + run.file_len]
            at = source.find("\n")
            while at >= 0:
                if text[run.text_start + at] == " ":
                    if chars is None:
                        chars = list(text)
                    chars[run.text_start + at] = "\n"
                at = source.find("\n", at + 1)
        elif run.text_len == 1 and text[run.text_start] == " " \
                and file_text[run.file_start:run.file_start + 1] in ("\n", "\r"):
            if chars is None:
                chars = list(text)
            chars[run.text_start] = "\n"
    return text if chars is None else "".join(chars)
