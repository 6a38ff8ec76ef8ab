"""``extends: occurrence``: too many (``max``) or too few (``min``) matches of ``token`` per unit.

The unit follows the scope: a segment, a sentence (``sentence``), or the whole document
(``summary``, ``raw``). As in Vale, a unit with too many or too few is reported once, at
its first match (a sentence that is too long is flagged where it starts), or at its first
word when it has no match.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from newslint.checks.base import Hit
from newslint.checks.yaml_rules.fields import RuleFields
from newslint.checks.yaml_rules.matcher import Matcher
from newslint.checks.yaml_rules.messages import format_message
from newslint.checks.yaml_rules.patterns import Pattern
from newslint.checks.yaml_rules.scopes import Scope
from newslint.checks.yaml_rules.view import ScopeView

KEYS = frozenset({"token", "max", "min", "ignorecase"})

_WORD = re.compile(r"\S+")


@dataclass(frozen=True)
class Occurrence(Matcher):
    pattern: Pattern
    max: int
    min: int

    @property
    def trigger(self) -> Pattern | None:
        # Without a minimum, a unit with no match can never break the rule.
        return self.pattern if self.min == 0 else None

    def run(self, view: ScopeView) -> list[Hit]:
        per_unit: dict[object, list[tuple[int, int, int]]] = {}
        texts = view.texts
        for key, k, s, e in view.unit_spans(self.pattern):
            if not texts[k][s:e].strip():
                continue
            found = per_unit.get(key)
            if found is None:
                per_unit[key] = [(k, s, e)]
            else:
                found.append((k, s, e))
        hits = []
        if self.max:
            for found in per_unit.values():
                if len(found) > self.max:
                    k, s, e = found[0]
                    hits.append(self._hit(view, k, s, e, len(found)))
        if self.min:
            for key, k, start, end in view.units():
                found = per_unit.get(key, [])
                if len(found) < self.min:
                    if found:
                        k, s, e = found[0]
                    else:
                        word = _WORD.search(texts[k], start, end)
                        if word is None:
                            continue
                        s, e = word.span()
                    hits.append(self._hit(view, k, s, e, len(found)))
        return hits

    def _hit(self, view: ScopeView, k: int, s: int, e: int, count: int) -> Hit:
        return Hit(self.rule_id, view.segments[k], s, e, format_message(self.message, count))


def build(fields: RuleFields, message: str, scope: Scope) -> Occurrence:
    token = fields.string("token")
    maximum, minimum = fields.count("max"), fields.count("min")
    if not maximum and not minimum:
        raise fields.error("an occurrence rule needs 'max' or 'min' above 0")
    regex = ("(?i)" if fields.flag("ignorecase") else "") + f"(?:{token})"
    return Occurrence(fields.rule_id, message, scope, fields.pattern(regex, "token"), maximum, minimum)
