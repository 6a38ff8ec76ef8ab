"""``extends: readability``: the document's reading grade, averaged over ``metrics``, above ``grade``.

As in Vale, the rule measures the document's body prose (paragraphs, list items and
block quotes; not headings, tables or code) when its scope is unset or ``text``, and
reports one alert at the start of the file, its message taking the grade (``%.2f``).
A metric name Vale does not know adds nothing but still counts in the average, as in Vale.
"""
from __future__ import annotations

from dataclasses import dataclass

from newslint.checks.base import Hit
from newslint.checks.yaml_rules.fields import RuleFields
from newslint.checks.yaml_rules.matcher import Matcher
from newslint.checks.yaml_rules.messages import format_message
from newslint.checks.yaml_rules.scopes import Scope, Unit
from newslint.checks.yaml_rules.textstats import METRICS, TextStats
from newslint.checks.yaml_rules.view import ScopeView

KEYS = frozenset({"metrics", "grade"})


@dataclass(frozen=True)
class Readability(Matcher):
    metrics: tuple[str, ...]
    grade: float

    def run(self, view: ScopeView) -> list[Hit]:
        return measure(self, view, self._grade)

    def _grade(self, stats: TextStats) -> float | None:
        total = sum(METRICS[m](stats) for m in self.metrics if m in METRICS)
        grade = total / len(self.metrics)
        return grade if grade > self.grade else None


def measure(rule: Matcher, view: ScopeView, score) -> list[Hit]:
    """One hit at the start of the file when ``score`` (stats -> value or None) gives a value
    for the view's text, measured as one unit (the summary) or each text on its own."""
    texts = ["\n\n".join(view.texts)] if view.unit is Unit.DOCUMENT else view.texts
    hits = []
    for k, text in enumerate(texts):
        stats = TextStats.of(text)
        if not stats.words:
            continue
        value = score(stats)
        if value is None:
            continue
        message = format_message(rule.message, f"{value:.2f}")
        if view.unit is Unit.DOCUMENT:
            hits.append(Hit(rule.rule_id, None, 0, 0, message))
        else:
            hits.append(Hit(rule.rule_id, view.segments[k], 0, 0, message))
    return hits


def build(fields: RuleFields, message: str, scope: Scope) -> Readability:
    metrics = fields.strings("metrics")
    if not metrics:
        raise fields.error("a readability rule needs 'metrics': one or more of " + ", ".join(METRICS), "metrics")
    return Readability(fields.rule_id, message, scope, metrics, fields.number("grade", 0.0))
