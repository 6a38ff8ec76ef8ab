"""``extends: conditional``: a match of ``first`` needs a match of ``second`` earlier in the document.

The classic use: an acronym (``first: \\b([A-Z]{3,5})\\b``) must be spelled out once
(``second: (?:\\b[A-Z][a-z]+ )+\\(([A-Z]{3,5})\\)``). When ``second`` has a group, the
groups it captured so far are the defined terms; without one, any match of ``second``
in the same segment satisfies every ``first`` there.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from newslint.checks.base import Hit
from newslint.checks.yaml_rules.fields import RuleFields
from newslint.checks.yaml_rules.matcher import Exceptions, Matcher, read_exceptions
from newslint.checks.yaml_rules.messages import format_message
from newslint.checks.yaml_rules.patterns import Pattern
from newslint.checks.yaml_rules.scopes import Scope
from newslint.checks.yaml_rules.view import ScopeView

KEYS = frozenset({"first", "second", "exceptions", "ignorecase", "vocab", "in"})

_CAPTURE = re.compile(r"(?<!\\)\((?!\?)|\(\?P?<")


@dataclass(frozen=True)
class Conditional(Matcher):
    first: Pattern
    second: Pattern
    second_has_group: bool
    exceptions: Exceptions
    vocab: bool

    @property
    def trigger(self) -> Pattern | None:
        return self.first

    def run(self, view: ScopeView) -> list[Hit]:
        defined: set[str] = set()
        by_text: dict[int, list[tuple[int, int, str]]] = {}
        for k, s, e, m in view.matches(self.first):
            by_text.setdefault(k, []).append((s, e, m.group()))
        seconds: dict[int, list] = {}
        for k, _, _, m in view.matches(self.second):
            seconds.setdefault(k, []).append(m)
        hits = []
        for k in range(len(view.texts)):
            found = seconds.get(k, ())
            if self.second_has_group:
                defined.update(g for m in found for g in m.groups() if g)
            elif found:
                continue
            for s, e, observed in by_text.get(k, ()):
                if self.second_has_group and observed in defined:
                    continue
                if self.exceptions.pattern is not None and self.exceptions.excuses(observed, view.texts[k], s, e):
                    continue
                hits.append(Hit(self.rule_id, view.segments[k], s, e, format_message(self.message, observed)))
        return hits


def build(fields: RuleFields, message: str, scope: Scope) -> Conditional:
    flags = "(?i)" if fields.flag("ignorecase") else ""
    second = fields.string("second")
    return Conditional(
        fields.rule_id, message, scope,
        first=fields.pattern(flags + fields.string("first"), "first"),
        second=fields.pattern(flags + second, "second"),
        second_has_group=bool(_CAPTURE.search(second)),
        exceptions=read_exceptions(fields),
        vocab=fields.flag("vocab", True),
    )
