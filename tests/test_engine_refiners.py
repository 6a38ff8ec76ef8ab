"""The engine's refining step, with fake rule families: a refiner sees only the matches of
the family it names (``refines``), and a family that is off names only the rules of the
refiners that need it."""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import AbstractSet, Sequence

from newslint.checks.base import Refiner, RuleFamily
from newslint.config.model import Config
from newslint.documents.model import Document
from newslint.engine.linter import Linter
from newslint.engine.options import LintOptions
from newslint.findings import Category, Finding, Severity, Source
from newslint.hits import CheckResult, Hit, Notice
from newslint.ruleinfo import RuleDoc, RuleInfo

CONFIG = Config(extends=())          # no packs: the built-in checks and the fakes below


def _info(rule: str) -> RuleInfo:
    return RuleInfo(rule, Category.GRAMMAR, Severity.WARNING, Source.NEWS, RuleDoc(rule))


@dataclass
class FakeFamily:
    prefix: str
    on: bool = True
    start: int = 0                   # where its one match starts ("Some words here.")

    def ask_ahead(self, doc: Document) -> None:
        pass

    def run(self, doc: Document) -> CheckResult:
        return CheckResult(hits=[Hit(f"{self.prefix}MATCH", 0, self.start, self.start + 4, "a match")])

    def rule_info(self, hit: Hit) -> RuleInfo:
        return _info(hit.rule)

    def default_level(self, hit: Hit, info: RuleInfo) -> str:
        return "warning"

    def describe(self, finding: Finding) -> RuleInfo:
        return _info(finding.rule)

    def off_notice(self, rule_ids: Sequence[str]) -> Notice:
        return Notice(f"{self.prefix}off", ", ".join(rule_ids))


@dataclass
class TakingRefiner:
    """Takes every match it is handed as its own rule's hit, and records what it saw."""

    rule: str
    refines: str
    needs_family: bool = True
    seen: list[str] = field(default_factory=list)

    @property
    def rules(self) -> tuple[RuleInfo, ...]:
        return (_info(self.rule),)

    def check(self, doc: Document, enabled: AbstractSet[str]) -> list[Hit]:
        return []

    def refine(self, doc: Document, hits: Sequence[Hit]) -> tuple[list[Hit], list[Hit]]:
        self.seen.extend(h.rule for h in hits)
        return [replace(h, rule=self.rule) for h in hits], []


def _linter(families: tuple[FakeFamily, ...], refiners: tuple[TakingRefiner, ...]) -> Linter:
    linter = Linter(LintOptions(languagetool=False), config=CONFIG)
    linter.families = lambda config: families
    book = linter.rulebook(CONFIG)
    book.checks = (*book.checks, *refiners)
    book.owned = (*book.owned, *(frozenset({r.rule}) for r in refiners))
    book.rules.update((r.rule, _info(r.rule)) for r in refiners)
    book.refiners = tuple((r, frozenset({r.rule})) for r in refiners)
    return linter


def test_the_fakes_follow_the_protocol():
    assert isinstance(FakeFamily("aa."), RuleFamily)
    assert isinstance(TakingRefiner("test.a", "aa."), Refiner)


def test_a_refiner_sees_only_its_own_familys_matches():
    first, second = TakingRefiner("test.a", "aa."), TakingRefiner("test.b", "bb.")
    linter = _linter((FakeFamily("aa."), FakeFamily("bb.", start=5)), (first, second))
    result = linter.lint_text("Some words here.\n", "story.txt")
    assert (first.seen, second.seen) == (["aa.MATCH"], ["bb.MATCH"])
    assert [(f.rule, f.column) for f in result.findings] == [("test.a", 1), ("test.b", 6)]


def test_a_family_that_is_off_names_only_the_refiners_that_need_it():
    needs = TakingRefiner("test.a", "aa.")
    optional = TakingRefiner("test.b", "aa.", needs_family=False)
    other = TakingRefiner("test.c", "bb.")
    linter = _linter((FakeFamily("aa.", on=False), FakeFamily("bb.")), (needs, optional, other))
    result = linter.lint_text("Some words here.\n", "story.txt")
    assert needs.seen == optional.seen == []
    assert other.seen == ["bb.MATCH"]
    assert [(n.code, n.message) for n in result.notices if n.code.endswith("off")] == [("aa.off", "test.a")]
