"""``extends: consistency``: one document should not use both spellings of a pair in ``either``.

As in Vale, the document is read block by block (a segment of the rule's scope): once
both spellings of a pair have been seen, each later block that uses either spelling gets
one alert, at its last use of the pair.
"""
from __future__ import annotations

from dataclasses import dataclass

from newslint.checks.base import Hit
from newslint.checks.yaml_rules.fields import RuleFields
from newslint.checks.yaml_rules.matcher import Matcher, wrap
from newslint.checks.yaml_rules.messages import format_message
from newslint.checks.yaml_rules.patterns import Pattern
from newslint.checks.yaml_rules.scopes import Scope
from newslint.checks.yaml_rules.substitution import uncapture
from newslint.checks.yaml_rules.view import ScopeView

KEYS = frozenset({"either", "nonword", "ignorecase"})


@dataclass(frozen=True)
class Consistency(Matcher):
    pairs: tuple[Pattern, ...]      # one pattern per pair: group 1 the first spelling, group 2 the second
    sides: tuple[tuple[Pattern, Pattern], ...]   # each spelling alone, to see cheaply if both occur
    any_pair: Pattern

    @property
    def trigger(self) -> Pattern | None:
        return self.any_pair

    def run(self, view: ScopeView) -> list[Hit]:
        hits = []
        for pattern, (first_alone, second_alone) in zip(self.pairs, self.sides):
            if first_alone.search(view.text) is None or second_alone.search(view.text) is None:
                continue
            by_text: dict[int, list[tuple[int, int, int]]] = {}
            for k, s, e, m in view.matches(pattern):
                by_text.setdefault(k, []).append((s, e, m.lastindex))
            seen: set[int] = set()
            for k in sorted(by_text):
                found = by_text[k]
                seen.update(side for _, _, side in found)
                if len(seen) == 2:
                    s, e, _ = found[-1]
                    observed = view.texts[k][s:e]
                    hits.append(Hit(self.rule_id, view.segments[k], s, e, format_message(self.message, observed)))
        return hits


def build(fields: RuleFields, message: str, scope: Scope) -> Consistency:
    pairs = fields.pairs("either")
    if not pairs:
        raise fields.error("a consistency rule needs a non-empty 'either' mapping", "either")
    word, ignorecase = not fields.flag("nonword"), fields.flag("ignorecase")
    patterns, sides = [], []
    for a, b in pairs:
        sides.append((fields.pattern(wrap(a, word=word, ignorecase=ignorecase), "either", a),
                      fields.pattern(wrap(b, word=word, ignorecase=ignorecase), "either", a)))
        body = f"({uncapture(a)})|({uncapture(b)})"
        patterns.append(fields.pattern(wrap(body, word=word, ignorecase=ignorecase), "either", a))
    every = "|".join(f"{uncapture(a)}|{uncapture(b)}" for a, b in pairs)
    return Consistency(fields.rule_id, message, scope, tuple(patterns), tuple(sides),
                       fields.pattern(wrap(every, word=word, ignorecase=ignorecase), "either"))
