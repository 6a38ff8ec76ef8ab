"""``extends: substitution``: flag a match of a ``swap`` key and offer its value instead.

A value may hold alternatives (``a|b``): the first is the fix, marked unsafe since a
person has to choose. ``$1`` in a value takes the key's first group from the match.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from newslint.checks.base import FixSafety, Hit
from newslint.checks.rules.fields import RuleFields
from newslint.checks.rules.matcher import Exceptions, Matcher, read_exceptions, wrap
from newslint.checks.rules.messages import format_message, to_sentence
from newslint.checks.rules.patterns import Pattern
from newslint.checks.rules.scopes import Scope
from newslint.checks.rules.view import ScopeView

KEYS = frozenset({"swap", "exceptions", "ignorecase", "nonword", "vocab", "capitalize"})

_GROUP_REF = re.compile(r"\$(?:(\d+)|\{(\d+)\})")
_REGEX_ONLY = re.compile(r"[\[\](){}*+?\\^$]")


@dataclass(frozen=True)
class Swap:
    key: Pattern              # the key alone, for ``$1`` references
    options: tuple[str, ...]  # the value split on unescaped "|"
    expands: bool             # a value refers to the key's groups


@dataclass(frozen=True)
class Substitution(Matcher):
    pattern: Pattern
    swaps: tuple[Swap, ...]
    exceptions: Exceptions
    vocab: bool
    capitalize: bool
    quote: str                # the quote around the message's first %s, if any

    @property
    def trigger(self) -> Pattern | None:
        return self.pattern

    @property
    def fix_safety(self) -> FixSafety:
        if any(len(s.options) > 1 for s in self.swaps):
            return FixSafety.UNSAFE
        if all(not _REGEX_ONLY.search(s.options[0]) or s.expands for s in self.swaps if s.options):
            return FixSafety.SAFE
        return FixSafety.UNSAFE

    def run(self, view: ScopeView) -> list[Hit]:
        hits = []
        for k, s, e, m in view.matches(self.pattern):
            swap = self.swaps[m.lastindex - 1]
            observed = m.group()
            options = self._options(swap, observed)
            if observed in options or _regex_option_fits(options, observed):
                continue
            if self.exceptions.pattern is not None and self.exceptions.excuses(observed, view.texts[k], s, e):
                continue
            expected = to_sentence(list(options), self.quote)
            message = format_message(self.message, expected, observed)
            replacement = _literal(options[0]) if options else None
            hits.append(Hit(self.rule_id, view.segments[k], s, e, message, replacement))
        return hits

    def _options(self, swap: Swap, observed: str) -> tuple[str, ...]:
        options = swap.options
        if swap.expands:
            m = swap.key.fullmatch(observed) or swap.key.search(observed)
            if m is not None:
                options = tuple(_GROUP_REF.sub(lambda r: m.group(int(r.group(1) or r.group(2))) or "", o)
                                for o in options)
        if self.capitalize and observed[:1].isupper():
            options = tuple(o[:1].upper() + o[1:] for o in options)
        return options


def _literal(option: str) -> str | None:
    """The option as replacement text, or None when it is a pattern rather than words."""
    return None if _REGEX_ONLY.search(option.replace("\\|", "")) else option


def _regex_option_fits(options: tuple[str, ...], observed: str) -> bool:
    """A value written as a regex (``[pP]ython``) accepts text it already matches."""
    for option in options:
        if _REGEX_ONLY.search(option):
            try:
                if re.fullmatch(option, observed):
                    return True
            except re.error:
                continue
    return False


def split_options(value: str) -> tuple[str, ...]:
    parts = re.split(r"(?<!\\)\|", value)
    return tuple(p.replace("\\|", "|") for p in parts if p)


def uncapture(pattern: str) -> str:
    """Make every capturing group non-capturing (named ones too), leaving classes and escapes alone."""
    out = []
    i, n, in_class = 0, len(pattern), False
    while i < n:
        c = pattern[i]
        if c == "\\":
            out.append(pattern[i:i + 2])
            i += 2
            continue
        if in_class:
            in_class = c != "]"
        elif c == "[":
            in_class = True
            out.append(c)
            i += 1
            if i < n and pattern[i] == "^":
                out.append("^")
                i += 1
            if i < n and pattern[i] == "]":
                out.append("]")
                i += 1
            continue
        elif c == "(":
            rest = pattern[i + 1:]
            named = re.match(r"\?P?<([A-Za-z_]\w*)>", rest)
            if named:
                out.append("(?:")
                i += 1 + named.end()
                continue
            if not rest.startswith("?"):
                out.append("(?:")
                i += 1
                continue
        out.append(c)
        i += 1
    return "".join(out)


def build(fields: RuleFields, message: str, scope: Scope) -> Substitution:
    pairs = fields.pairs("swap")
    if not pairs:
        raise fields.error("a substitution rule needs a non-empty 'swap' mapping", "swap")
    ignorecase = fields.flag("ignorecase")
    nonword = fields.flag("nonword")
    # Longest keys first, as Vale does, so the longer of two overlapping keys wins.
    ordered = sorted(pairs, key=lambda p: len(p[0]), reverse=True)
    swaps = []
    for key, value in ordered:
        key_pattern = fields.pattern(("(?i)" if ignorecase else "") + key, "swap", key)
        swaps.append(Swap(key_pattern, split_options(value), bool(_GROUP_REF.search(value))))
    body = "|".join(f"({uncapture(key)})" for key, _ in ordered)
    regex = wrap(body, word=not nonword, ignorecase=ignorecase)
    return Substitution(
        fields.rule_id, message, scope,
        pattern=fields.pattern(regex, "swap"),
        swaps=tuple(swaps),
        exceptions=read_exceptions(fields),
        vocab=fields.flag("vocab", True),
        capitalize=fields.flag("capitalize"),
        quote=_quote_of(message),
    )


def _quote_of(message: str) -> str:
    for q in ("'", '"', "‘", "“"):
        if f"{q}%s" in message:
            return q
    return ""
