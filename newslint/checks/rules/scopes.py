"""Vale scopes mapped to newslint's segment kinds.

newslint has no markup tree at check time, only typed segments, so each Vale scope names
a set of :class:`SegmentKind` plus the unit a rule counts in:

- ``text`` (the default): every prose segment. Page furniture (nav, aside, footer, form)
  is left out: it is not copy, and the news chrome check reports it by structure.
  ``furniture`` (newslint's own scope) selects it explicitly.
- ``heading`` and ``heading.h1`` .. ``heading.h6``: the headline and every subhead (segments
  carry no heading level).
- ``title``: the headline only. Vale's title is the document's title (front matter or
  ``<title>``); in a news article that is the headline.
- ``summary``: body prose without headings, counted as one unit for the whole document,
  as Vale's summary is one block of body text.
- ``paragraph``, ``list``, ``blockquote``, ``table``/``table.cell``/``table.header``,
  ``alt``/``caption``/``figure.caption``/``table.caption``: the matching segment kinds.
- ``sentence``: all prose, with each sentence its own unit: a match may not cross a
  sentence boundary, and counting rules count per sentence.
- ``raw``: the whole file text, markup included; hits carry ``segment=None``.
- ``~scope`` removes a scope's kinds from the others (from ``text`` when alone).
"""
from __future__ import annotations

import enum
from dataclasses import dataclass

from newslint.checks.rules.fields import did_you_mean
from newslint.documents.model import SegmentKind as K

PROSE = frozenset({K.HEADLINE, K.HEADING, K.PARAGRAPH, K.BLOCKQUOTE, K.LIST_ITEM, K.CAPTION, K.TABLE_CELL})
HEADINGS = frozenset({K.HEADLINE, K.HEADING})

_KINDS: dict[str, frozenset[K]] = {
    "text": PROSE,
    "heading": HEADINGS,
    **{f"heading.h{n}": HEADINGS for n in range(1, 7)},
    "title": frozenset({K.HEADLINE}),
    "summary": PROSE - HEADINGS,
    "paragraph": frozenset({K.PARAGRAPH}),
    "list": frozenset({K.LIST_ITEM}),
    "blockquote": frozenset({K.BLOCKQUOTE}),
    "table": frozenset({K.TABLE_CELL}),
    "table.cell": frozenset({K.TABLE_CELL}),
    "table.header": frozenset({K.TABLE_CELL}),
    "table.caption": frozenset({K.CAPTION}),
    "alt": frozenset({K.CAPTION}),
    "caption": frozenset({K.CAPTION}),
    "figure.caption": frozenset({K.CAPTION}),
    "sentence": PROSE,
    "furniture": frozenset({K.FURNITURE}),
}
SCOPE_NAMES = frozenset(_KINDS) | {"raw"}


class Unit(str, enum.Enum):
    SEGMENT = "segment"
    SENTENCE = "sentence"
    DOCUMENT = "document"    # all selected segments together
    RAW = "raw"              # the file text


@dataclass(frozen=True)
class Scope:
    kinds: frozenset[K]
    unit: Unit

    @property
    def key(self) -> tuple:
        return (self.unit, tuple(sorted(self.kinds)))


class ScopeError(ValueError):
    pass


def parse_scope(names: tuple[str, ...]) -> Scope:
    """Combine a rule's scope list; raises ScopeError for a scope newslint does not know."""
    positive: set[K] = set()
    negative: set[K] = set()
    units: set[Unit] = set()
    for raw_name in names:
        name = raw_name.strip()
        if "&" in name:
            raise ScopeError(f"combined scope '{name}' is not supported; list the scopes instead")
        negated = name.startswith("~")
        name = name.lstrip("~").strip()
        if name == "raw":
            if negated or len(names) > 1:
                raise ScopeError("scope 'raw' cannot be combined with other scopes")
            return Scope(frozenset(), Unit.RAW)
        if name not in _KINDS:
            raise ScopeError(f"unknown scope '{raw_name}'{did_you_mean(name, SCOPE_NAMES)}")
        (negative if negated else positive).update(_KINDS[name])
        if not negated and name == "sentence":
            units.add(Unit.SENTENCE)
        elif not negated and name == "summary":
            units.add(Unit.DOCUMENT)
    kinds = frozenset((positive or set(PROSE)) - negative)
    if not kinds:
        raise ScopeError(f"scope {list(names)} selects no text")
    unit = Unit.SENTENCE if Unit.SENTENCE in units else Unit.DOCUMENT if Unit.DOCUMENT in units else Unit.SEGMENT
    return Scope(kinds, unit)
