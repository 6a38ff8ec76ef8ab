"""``extends: repetition``: the same token twice in a row ("the the"), within one sentence.

Consecutive matches of ``tokens`` are compared (case-folded with ``ignorecase``; letters
only with ``alpha``). More than ``max`` repeats in a row is reported over the pair.
"""
from __future__ import annotations

from dataclasses import dataclass

from newslint.checks.base import Hit
from newslint.checks.yaml_rules.fields import RuleFields
from newslint.checks.yaml_rules.matcher import Exceptions, Matcher, check_each, read_exceptions
from newslint.checks.yaml_rules.messages import format_message
from newslint.checks.yaml_rules.patterns import Pattern
from newslint.checks.yaml_rules.scopes import Scope
from newslint.checks.yaml_rules.sentences import sentence_starts
from newslint.checks.yaml_rules.view import ScopeView

KEYS = frozenset({"tokens", "max", "ignorecase", "alpha", "vocab", "exceptions"})


@dataclass(frozen=True)
class Repetition(Matcher):
    pattern: Pattern
    max: int
    ignorecase: bool
    alpha: bool
    exceptions: Exceptions
    vocab: bool

    @property
    def trigger(self) -> Pattern | None:
        return self.pattern

    def run(self, view: ScopeView) -> list[Hit]:
        hits = []
        prev_k, prev_start, prev, count = -1, 0, "", 0
        texts = view.texts
        for k, s, e in view.spans(self.pattern):
            curr = texts[k][s:e].strip()
            key = curr.casefold() if self.ignorecase else curr
            same = k == prev_k and key == prev and curr != "" and (not self.alpha or curr.isalpha())
            count = count + 1 if same else 0
            if same and count > self.max:
                text = view.texts[k]
                span = text[prev_start:e]
                if len(sentence_starts(span)) == 1 and not (
                        self.exceptions.pattern is not None and self.exceptions.excuses(span, text, prev_start, e)):
                    hits.append(Hit(self.rule_id, view.segments[k], prev_start, e, format_message(self.message, curr)))
                    count = 0
            prev_k, prev_start, prev = k, s, key
        return hits


def build(fields: RuleFields, message: str, scope: Scope) -> Repetition:
    tokens = fields.strings("tokens")
    if not tokens:
        raise fields.error("a repetition rule needs 'tokens'", "tokens")
    check_each(fields, "tokens", tokens)
    ignorecase = fields.flag("ignorecase")
    regex = ("(?i)" if ignorecase else "") + "(" + "|".join(tokens) + ")"
    return Repetition(
        fields.rule_id, message, scope,
        pattern=fields.pattern(regex, "tokens"),
        max=fields.count("max"),
        ignorecase=ignorecase,
        alpha=fields.flag("alpha"),
        exceptions=read_exceptions(fields),
        vocab=fields.flag("vocab", True),
    )
