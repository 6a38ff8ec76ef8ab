"""What a check returns: hits (offsets into a segment's text, mapped to file positions by
the engine) and notices (something a run says once)."""
from __future__ import annotations

from dataclasses import dataclass, field

from newslint.findings import Category, FileError, Severity


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
    """What a check that may fail on a file returns: its hits, what it wants said once,
    and the file errors it met (the file is then not fully checked)."""

    hits: list[Hit] = field(default_factory=list)
    notices: list[Notice] = field(default_factory=list)
    errors: list[FileError] = field(default_factory=list)
