"""What every rule type compiles to, and the exception lists several of them share."""
from __future__ import annotations

import abc
import dataclasses
from dataclasses import dataclass
from typing import Sequence

from newslint.checks.base import Hit
from newslint.checks.yaml_rules.fields import RuleFields
from newslint.checks.yaml_rules.patterns import Pattern, compile_pattern
from newslint.checks.yaml_rules.scopes import Scope
from newslint.checks.yaml_rules.view import ScopeView

WORD_TEMPLATE = r"(?m)\b(?:{})\b"
NONWORD_TEMPLATE = r"(?m)(?:{})"


def wrap(body: str, *, word: bool, ignorecase: bool) -> str:
    """Vale's pattern shape: multi-line, word-bounded unless ``nonword``, ``(?i)`` first."""
    regex = (WORD_TEMPLATE if word else NONWORD_TEMPLATE).format(body)
    return "(?i)" + regex if ignorecase else regex


@dataclass(frozen=True)
class Exceptions:
    """Terms a match may not be (Vale: searched, word-bounded, case-sensitive unless ``(?i)``)."""

    rule_id: str
    terms: tuple[str, ...] = ()
    pattern: Pattern | None = None
    phrases: Pattern | None = None     # multi-word terms a match may fall inside

    @classmethod
    def build(cls, rule_id: str, terms: Sequence[str]) -> "Exceptions":
        terms = tuple(t for t in terms if t.strip())
        if not terms:
            return cls(rule_id)
        ordered = sorted(terms, key=len, reverse=True)
        body = "|".join(t if t.startswith("(?i)") else f"(?-i:{t})" for t in ordered)
        pattern = compile_pattern(wrap(body, word=True, ignorecase=False), rule_id)
        multi = [t for t in ordered if " " in t or "\t" in t or r"\s" in t]
        phrases = compile_pattern(r"(?i)\b(?:" + "|".join(multi) + r")\b", rule_id) if multi else None
        return cls(rule_id, terms, pattern, phrases)

    def extended(self, more: Sequence[str]) -> "Exceptions":
        return Exceptions.build(self.rule_id, self.terms + tuple(more)) if more else self

    def excuses(self, observed: str, text: str, start: int, end: int) -> bool:
        if self.pattern is not None and self.pattern.search(observed.strip()) is not None:
            return True
        if self.phrases is not None:
            for m in self.phrases.finditer(text):
                if m.start() <= start and end <= m.end():
                    return True
        return False


@dataclass(frozen=True)
class Matcher(abc.ABC):
    """A compiled rule. ``trigger``: the rule can only fire where it matches (None: always run)."""

    rule_id: str
    message: str
    scope: Scope

    @property
    def trigger(self) -> Pattern | None:
        return None

    def accepting(self, terms: Sequence[str]) -> "Matcher":
        """This rule with the configuration's accepted vocabulary as extra exceptions."""
        exceptions = getattr(self, "exceptions", None)
        if exceptions is None or not getattr(self, "vocab", False) or not terms:
            return self
        return dataclasses.replace(self, exceptions=exceptions.extended(terms))

    def sharing(self, shared: dict) -> "Matcher":
        """This rule using the rule set's shared helpers (``shared`` maps a helper's type to
        the one instance of a compiled rule set, e.g. the part-of-speech tagger)."""
        return self

    @abc.abstractmethod
    def run(self, view: ScopeView) -> list[Hit]:
        """Hits of this rule in the text ``view`` selects."""


def check_each(fields: RuleFields, key: str, items: Sequence[str]) -> None:
    """Compile each entry alone so an error points at the entry's own line."""
    for i, item in enumerate(items):
        fields.pattern(item, key, i)


def read_exceptions(fields: RuleFields) -> Exceptions:
    terms = fields.strings("exceptions")
    check_each(fields, "exceptions", terms)
    return Exceptions.build(fields.rule_id, terms)
