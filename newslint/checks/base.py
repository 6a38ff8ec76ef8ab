"""The check protocol: what every source of hits follows.

Checks are pure: they take a parsed :class:`~newslint.documents.model.Document` and
return :class:`~newslint.hits.Hit` objects with offsets into a segment's text. The engine
maps hits to file positions, applies severities, suppressions and filters, and builds
findings. Three kinds, each a typed protocol the engine tells apart with ``isinstance``:

- :class:`Check`: a fixed list of rules (``rules``) and hits on a document (``check``);
  YAML rule sets and the built-in news checks.
- :class:`RuleFamily`: a check whose rules are an open family named by a prefix
  (LanguageTool's ``lt.``): it may fail on a file (``run`` returns a ``CheckResult``), it
  builds each rule's metadata from a hit (``rule_info``) or a finding (``describe``) and
  chooses its default level; the registry builds one per config.
- :class:`Refiner`: a check that works on a family's matches (``refines``: the family's
  prefix) rather than on the text alone (``news.fragment``, ``news.names``, broken
  characters): it takes the matches it turns into its own hits and hands the rest back
  (``refine``). A refiner that ``needs_family`` has its rules checked only with the
  family on; with it off, the family says so (``off_notice``).

The result types live outside this package (``newslint.hits``, ``newslint.ruleinfo``);
they are named here too for the checks that import them from here.
"""
from __future__ import annotations

from typing import AbstractSet, Iterable, Protocol, Sequence, runtime_checkable

from newslint.documents.model import Document
from newslint.findings import Finding
from newslint.hits import CheckResult, Hit, Notice
from newslint.ruleinfo import Examples, FixSafety, RuleDoc, RuleInfo

__all__ = ["Check", "CheckResult", "Examples", "FixSafety", "Hit", "Notice", "Refiner", "RuleDoc",
           "RuleFamily", "RuleInfo"]


class Check(Protocol):
    """A built-in check or a compiled set of YAML rules."""

    @property
    def rules(self) -> tuple[RuleInfo, ...]: ...

    def check(self, doc: Document, enabled: AbstractSet[str]) -> Iterable[Hit]:
        """Return hits for the rules in ``enabled`` (ids this check owns that are on)."""
        ...


@runtime_checkable
class RuleFamily(Protocol):
    """A check of an open family of rules: every id that starts with ``prefix``."""

    prefix: str

    @property
    def on(self) -> bool:
        """Whether the family runs under its config and the run's options (without a
        config: under the options alone)."""
        ...

    def ask_ahead(self, doc: Document) -> None:
        """Start work on ``doc`` that :meth:`run` on it will need (a server's answer), so
        it goes on while the document before it is finished; a family with nothing to
        start does nothing."""
        ...

    def run(self, doc: Document) -> CheckResult:
        """Hits on ``doc``, the notices to say once, and the file errors met."""
        ...

    def rule_info(self, hit: Hit) -> RuleInfo:
        """Metadata of the rule ``hit`` names."""
        ...

    def default_level(self, hit: Hit, info: RuleInfo) -> str:
        """The level of ``hit``'s rule when the config sets none."""
        ...

    def describe(self, finding: Finding) -> RuleInfo:
        """Metadata of ``finding``'s rule, for reports."""
        ...

    def off_notice(self, rule_ids: Sequence[str]) -> Notice:
        """What to say when the family is off and ``rule_ids`` (rules refining it) are on."""
        ...


@runtime_checkable
class Refiner(Protocol):
    """A check that refines a rule family's matches into its own hits."""

    refines: str          # the prefix of the family whose matches it refines ("lt.")
    needs_family: bool    # its rules are checked only through that family's matches

    def refine(self, doc: Document, hits: Sequence[Hit]) -> tuple[list[Hit], list[Hit]]:
        """The hits taken (now this check's) and the family's hits left to report."""
        ...
