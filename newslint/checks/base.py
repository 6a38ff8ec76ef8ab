"""What a check is: rule metadata, the hits it returns, and the protocol it follows.

Checks are pure: they take a parsed :class:`~newslint.documents.model.Document` and
return :class:`Hit` objects with offsets into a segment's text. The engine maps hits to
file positions, applies severities, suppressions and filters, and builds findings.
"""
from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import AbstractSet, Iterable, Protocol

from newslint.documents.model import Document
from newslint.findings import Category, Severity, Source


class FixSafety(str, enum.Enum):
    NONE = "none"        # the rule never offers a fix
    SAFE = "safe"        # applied by --fix
    UNSAFE = "unsafe"    # applied only with --unsafe-fixes

    def __str__(self) -> str:
        return self.value


@dataclass(frozen=True)
class RuleDoc:
    """A rule's documentation, as `newslint explain` prints it."""

    what: str                     # what it flags
    why: str = ""                 # why it matters
    fix: str = ""                 # how to fix it
    link: str = ""


@dataclass(frozen=True)
class Examples:
    flag: tuple[str, ...] = ()    # each must produce at least one hit of the rule
    pass_: tuple[str, ...] = ()   # each must produce none


@dataclass(frozen=True)
class RuleInfo:
    id: str                       # e.g. "news.chrome.see-also", "lt.MORFOLOGIK_RULE_EN_US"
    category: Category
    severity: Severity            # default level; config may change it
    source: Source
    doc: RuleDoc
    fix_safety: FixSafety = FixSafety.NONE
    examples: Examples = Examples()
    # Document format the examples are written in ("text", "markdown" or "html").
    example_format: str = "text"

    @property
    def fixable(self) -> bool:
        return self.fix_safety is not FixSafety.NONE


@dataclass(frozen=True)
class Hit:
    """A rule matched ``start..end`` of segment ``segment``'s text.

    ``segment`` is None when the offsets are into the whole file text (raw-scope rules).
    ``category``/``severity`` override the rule's own (LanguageTool sets them per match).
    """

    rule: str
    segment: int | None
    start: int
    end: int
    message: str
    replacement: str | None = None
    category: Category | None = None
    severity: Severity | None = None


@dataclass(frozen=True)
class Notice:
    """Something a run wants the user to know once (e.g. a check that could not run)."""

    code: str
    message: str


@dataclass
class CheckResult:
    hits: list[Hit] = field(default_factory=list)
    notices: list[Notice] = field(default_factory=list)


class Check(Protocol):
    """A built-in check or a compiled set of YAML rules."""

    @property
    def rules(self) -> tuple[RuleInfo, ...]: ...

    def check(self, doc: Document, enabled: AbstractSet[str]) -> Iterable[Hit]:
        """Return hits for the rules in ``enabled`` (ids this check owns that are on)."""
        ...
