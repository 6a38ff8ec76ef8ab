"""Vale scopes mapped to newslint's segment kinds.

newslint has no markup tree at check time, only typed segments, so each Vale scope names
a set of :class:`SegmentKind` plus the unit a rule counts in:

- ``text`` (the default): every prose segment and every front-matter value. Page furniture (nav, aside, footer, form)
  is left out: it is not copy, and the news chrome check reports it by structure.
  ``furniture`` (newslint's own scope) selects it explicitly.
- ``heading``: the headline and every subhead; ``heading.h1`` .. ``heading.h6`` one level
  (in Markdown, where the level is known from the source; elsewhere every heading). A
  heading inside a Markdown block quote belongs to ``blockquote``, as in Vale.
- ``title``: the headline, and the front matter's ``title`` value. Vale's title is the
  document's title (front matter or ``<title>``); in a news article that is the headline.
- ``frontmatter`` / ``text.frontmatter``: every string value of Markdown front matter;
  ``frontmatter.<key>`` / ``text.frontmatter.<key>`` the value of one key. Each value is
  one unit, read as plain text; no other check reads it.
- ``summary``: body prose (paragraphs, list items, block quotes), counted as one unit for
  the whole document, as Vale's summary is one block of that text. A ``readability`` or
  ``metric`` rule whose scope is unset or ``text`` measures it (:func:`measured_scope`).
- ``paragraph``, ``list``, ``blockquote``, ``table``/``table.cell``/``table.header``,
  ``alt``/``caption``/``figure.caption``/``table.caption``: the matching segment kinds.
- ``sentence``: all prose (not front matter, which Vale does not split), with each sentence its own unit: a match may not cross a
  sentence boundary, and counting rules count per sentence.
- ``raw``: the whole file text, markup included; hits carry ``segment=None``.
- ``~scope`` removes a scope's kinds from the others (from ``text`` when alone);
  ``a & b`` selects what both select (``sentence & ~list``).
- ``table.header`` and ``table.cell``: a Markdown table's header row, and its other cells.
- a format suffix (``text.md``, ``heading.html``) keeps the scope to files of that format.
- Vale scopes newslint has no text for (``code``, ``link``, ``strong``, ``emphasis``,
  ``meta``, ``class.*``, ...) raise :class:`UnsupportedScope`:
  the rule is skipped with a notice, the rest of its pack runs.
"""
from __future__ import annotations

import enum
from dataclasses import dataclass

from newslint.documents.model import SegmentKind as K
from newslint.suggest import did_you_mean

PROSE = frozenset({K.HEADLINE, K.HEADING, K.PARAGRAPH, K.BLOCKQUOTE, K.LIST_ITEM, K.CAPTION, K.TABLE_CELL})
HEADINGS = frozenset({K.HEADLINE, K.HEADING})
TEXT = PROSE | {K.FRONT_MATTER}
FRONT_MATTER = frozenset({K.FRONT_MATTER})

_KINDS: dict[str, frozenset[K]] = {
    "text": TEXT,
    "heading": HEADINGS,
    **{f"heading.h{n}": HEADINGS for n in range(1, 7)},
    "title": frozenset({K.HEADLINE, K.FRONT_MATTER}),
    "summary": frozenset({K.PARAGRAPH, K.BLOCKQUOTE, K.LIST_ITEM}),
    "paragraph": frozenset({K.PARAGRAPH}),
    "list": frozenset({K.LIST_ITEM}),
    "blockquote": frozenset({K.BLOCKQUOTE}),
    "table": frozenset({K.TABLE_CELL}),
    "table.cell": frozenset({K.TABLE_CELL}),
    "table.header": frozenset({K.TABLE_CELL}),
    "table.row": frozenset({K.TABLE_CELL}),
    "table.caption": frozenset({K.CAPTION}),
    "alt": frozenset({K.CAPTION}),
    "caption": frozenset({K.CAPTION}),
    "figure.caption": frozenset({K.CAPTION}),
    "sentence": PROSE,
    "furniture": frozenset({K.FURNITURE}),
}
SCOPE_NAMES = frozenset(_KINDS) | {"raw", "frontmatter"}
# The front-matter keys a scope that selects front matter keeps (absent: every key).
_KEYS: dict[str, frozenset[str]] = {"title": frozenset({"title"})}
# Labels a segment may carry (see ruletext.RuleTexts.label); a scope naming one keeps
# only the segments of that family that carry it.
_LABELS: dict[str, frozenset[str]] = {
    "heading": frozenset(f"h{n}" for n in range(1, 7)),
    **{f"heading.h{n}": frozenset({f"h{n}"}) for n in range(1, 7)},
    "table": frozenset({"header", "cell"}),
    "table.header": frozenset({"header"}),
    "table.cell": frozenset({"cell"}),
    "table.row": frozenset({"header", "cell"}),
}
FORMATS = {"md": "markdown", "markdown": "markdown", "html": "html", "htm": "html", "txt": "text"}
# Vale scopes with no newslint text behind them.
UNSUPPORTED = ("code", "link", "strong", "emphasis", "meta", "class", "attr",
               "comment", "script", "alt.", "img", "figure", "dl", "dd", "dt", "sup", "sub", "del")


class Unit(str, enum.Enum):
    SEGMENT = "segment"
    SENTENCE = "sentence"
    DOCUMENT = "document"    # all selected segments together
    RAW = "raw"              # the file text


@dataclass(frozen=True)
class Scope:
    kinds: frozenset[K]
    unit: Unit
    labels: frozenset[str] | None = None      # None: every heading level and table row
    formats: frozenset[str] | None = None     # None: every format
    captions_named: bool = False              # ``alt``/``caption`` listed beside ``sentence``
    keys: frozenset[str] | None = None        # front-matter keys read (None: every key)
    # A scope with a negated part never reads the front matter's ``summary`` (Vale does not
    # apply a negation to a block scoped ``summary``).
    negated: bool = False

    @property
    def key(self) -> tuple:
        return (self.unit, tuple(sorted(self.kinds)), tuple(sorted(self.labels or ())),
                tuple(sorted(self.formats or ())), self.captions_named,
                None if self.keys is None else tuple(sorted(self.keys)), self.negated)

    def takes(self, label: str | None) -> bool:
        """Whether a segment with this label (h1..h6, header, cell; None: unknown) is in scope."""
        if self.labels is None or label is None:
            return True
        family = _HEADING_LABELS if label in _HEADING_LABELS else _TABLE_LABELS
        return label in self.labels or not (self.labels & family)


_HEADING_LABELS = frozenset(f"h{n}" for n in range(1, 7))
_TABLE_LABELS = frozenset({"header", "cell"})


class ScopeError(ValueError):
    pass


class UnsupportedScope(ScopeError):
    """A scope Vale has that newslint cannot select: the rule is skipped, not an error."""


def parse_scope(names: tuple[str, ...]) -> Scope:
    """Combine a rule's scope list; raises ScopeError for a scope newslint does not know."""
    positive: set[K] = set()
    negative: set[K] = set()
    units: set[Unit] = set()
    labels: set[str] = set()
    formats: set[str] = set()
    keys: set[str] | None = set()      # None once a part reads every front-matter key
    captions_named = False
    for raw_name in names:
        name = raw_name.strip()
        if name == "raw" or name.startswith("raw."):
            if len(names) > 1:
                raise ScopeError("scope 'raw' cannot be combined with other scopes")
            return Scope(frozenset(), Unit.RAW)
        if "&" in name:
            kinds, unit, part_labels, fmt = _conjunction(name, raw_name)
            positive.update(kinds)
            if K.FRONT_MATTER in kinds:
                keys = None
        else:
            negated = name.startswith("~")
            name, fmt = _base(name.lstrip("~").strip(), raw_name)
            (negative if negated else positive).update(_kinds(name))
            if not negated and K.FRONT_MATTER in _kinds(name) and keys is not None:
                part_keys = _front_matter_keys(name)
                keys = None if part_keys is None else keys | part_keys
            unit = None if negated else _UNITS.get(name)
            part_labels = None if negated else _LABELS.get(name)
            captions_named = captions_named or (not negated and _kinds(name) == {K.CAPTION})
        if unit is not None:
            units.add(unit)
        if part_labels is not None:
            labels.update(part_labels)
        else:
            labels.update(_HEADING_LABELS | _TABLE_LABELS)
        if fmt:
            formats.add(fmt)
    kinds = frozenset((positive or set(TEXT)) - negative)
    if not kinds:
        raise ScopeError(f"scope {list(names)} selects no text")
    unit = Unit.SENTENCE if Unit.SENTENCE in units else Unit.DOCUMENT if Unit.DOCUMENT in units else Unit.SEGMENT
    every = _HEADING_LABELS | _TABLE_LABELS
    if unit is Unit.SENTENCE:
        kinds = kinds - FRONT_MATTER
    return Scope(kinds, unit, None if labels >= every else frozenset(labels),
                 frozenset(formats) or None, captions_named and unit is Unit.SENTENCE,
                 None if keys is None or not positive else frozenset(keys),
                 bool(negative) or any("~" in n for n in names))


def _front_matter_name(name: str) -> tuple[bool, str | None]:
    """Whether ``name`` is a front-matter scope (``frontmatter``, ``text.frontmatter``,
    ``frontmatter.<key>``, ``text.frontmatter.<key>``), and the key it names."""
    head = name[5:] if name.startswith("text.") else name
    if head == "frontmatter":
        return True, None
    if head.startswith("frontmatter.") and len(head) > len("frontmatter."):
        return True, head[len("frontmatter."):]
    return False, None


def _kinds(name: str) -> frozenset[K]:
    return FRONT_MATTER if _front_matter_name(name)[0] else _KINDS[name]


def _front_matter_keys(name: str) -> frozenset[str] | None:
    """The front-matter keys scope ``name`` reads (None: every key)."""
    is_front_matter, key = _front_matter_name(name)
    if is_front_matter:
        return None if key is None else frozenset({key})
    return _KEYS.get(name)


_UNITS = {"sentence": Unit.SENTENCE, "summary": Unit.DOCUMENT}


def measured_scope(names: tuple[str, ...]) -> tuple[str, ...]:
    """The scope a measuring rule (readability, metric) reads: as in Vale, the summary when
    its scope is unset or ``text``, else the scopes it names."""
    return ("summary",) if not names or names == ("text",) else names


def _base(name: str, raw_name: str) -> tuple[str, str | None]:
    """A scope name without its format suffix, and the format (``text.md`` -> text, markdown)."""
    fmt = None
    head, _, tail = name.rpartition(".")
    if head and tail in FORMATS and name not in _KINDS:
        name, fmt = head, FORMATS[tail]
    if _front_matter_name(name)[0]:
        return name, fmt
    if name not in _KINDS:
        if name.startswith(UNSUPPORTED) or name in ("code", "link", "strong", "emphasis", "meta", "alt"):
            raise UnsupportedScope(f"scope '{raw_name.strip()}' selects text newslint does not keep "
                                   "(code, links, inline markup, metadata)")
        raise ScopeError(f"unknown scope '{raw_name}'{did_you_mean(name, SCOPE_NAMES)}")
    return name, fmt


def _conjunction(name: str, raw_name: str):
    """``a & b & ~c``: the kinds every positive part selects, less the negated ones."""
    kinds: set[K] | None = None
    minus: set[K] = set()
    unit = None
    labels = None
    fmt = None
    for part in name.split("&"):
        part = part.strip()
        negated = part.startswith("~")
        base, part_fmt = _base(part.lstrip("~").strip(), raw_name)
        fmt = fmt or part_fmt
        if negated:
            minus.update(_kinds(base))
            continue
        kinds = set(_kinds(base)) if kinds is None else kinds & _kinds(base)
        unit = unit or _UNITS.get(base)
        if base in _LABELS:
            labels = _LABELS[base] if labels is None else labels & _LABELS[base]
    return (kinds if kinds is not None else set(TEXT)) - minus, unit, labels, fmt
