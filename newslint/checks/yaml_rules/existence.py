"""``extends: existence``: flag every match of any token."""
from __future__ import annotations

from dataclasses import dataclass

from newslint.checks.base import Hit
from newslint.checks.yaml_rules.fields import RuleFields
from newslint.checks.yaml_rules.matcher import Exceptions, Matcher, check_each, read_exceptions, wrap
from newslint.checks.yaml_rules.messages import format_message
from newslint.checks.yaml_rules.patterns import Pattern
from newslint.checks.yaml_rules.scopes import Scope
from newslint.checks.yaml_rules.view import ScopeView

KEYS = frozenset({"tokens", "raw", "exceptions", "append", "ignorecase", "nonword", "vocab"})


@dataclass(frozen=True)
class Existence(Matcher):
    pattern: Pattern
    exceptions: Exceptions
    vocab: bool
    replacement: str | None       # from ``action: remove`` / ``action: replace``

    @property
    def trigger(self) -> Pattern | None:
        return self.pattern

    def run(self, view: ScopeView) -> list[Hit]:
        hits = []
        rule, template, repl, exc = self.rule_id, self.message, self.replacement, self.exceptions
        check_exceptions = exc.pattern is not None
        texts = view.texts
        for k, s, e in view.spans(self.pattern):
            observed = texts[k][s:e]
            if check_exceptions and exc.excuses(observed, view.texts[k], s, e):
                continue
            hits.append(Hit(rule, view.segments[k], s, e, format_message(template, observed), repl))
        return hits


def build(fields: RuleFields, message: str, scope: Scope, replacement: str | None) -> Existence:
    tokens = tuple(t for t in fields.strings("tokens") if t.strip())
    raw = fields.strings("raw", allow_scalar=True)
    if not tokens and not raw:
        raise fields.error("an existence rule needs 'tokens' or 'raw'")
    nonword = fields.flag("nonword")
    body = "|".join(tokens)
    regex = wrap(body, word=not nonword, ignorecase=False) if tokens else "(?m)"
    regex = regex + "".join(raw) if fields.flag("append") else "".join(raw) + regex
    if fields.flag("ignorecase"):
        regex = "(?i)" + regex
    key = ("tokens",) if tokens else ("raw",)
    check_each(fields, "tokens", tokens)
    vocab = fields.flag("vocab", True) and not nonword
    return Existence(
        fields.rule_id, message, scope,
        pattern=fields.pattern(regex, *key),
        exceptions=read_exceptions(fields),
        vocab=vocab,
        replacement=replacement,
    )
