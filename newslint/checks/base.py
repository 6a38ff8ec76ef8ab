"""The check protocol: what every source of hits follows.

Checks are pure: they take a parsed :class:`~newslint.documents.model.Document` and
return :class:`~newslint.hits.Hit` objects with offsets into a segment's text. The engine
maps hits to file positions, applies severities, suppressions and filters, and builds
findings.

The result types live outside this package (``newslint.hits``, ``newslint.ruleinfo``);
they are named here too for the checks that import them from here.
"""
from __future__ import annotations

from typing import AbstractSet, Iterable, Protocol

from newslint.documents.model import Document
from newslint.hits import CheckResult, Hit, Notice
from newslint.ruleinfo import Examples, FixSafety, RuleDoc, RuleInfo

__all__ = ["Check", "CheckResult", "Examples", "FixSafety", "Hit", "Notice", "RuleDoc", "RuleInfo"]


class Check(Protocol):
    """A built-in check or a compiled set of YAML rules."""

    @property
    def rules(self) -> tuple[RuleInfo, ...]: ...

    def check(self, doc: Document, enabled: AbstractSet[str]) -> Iterable[Hit]:
        """Return hits for the rules in ``enabled`` (ids this check owns that are on)."""
        ...
