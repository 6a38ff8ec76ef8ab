"""``extends: substitution``: flag a match of a ``swap`` key and offer its value instead.

As in Vale, the value is one expected form (a word, or a regex the text may already
match) unless the rule has ``action: replace``: then it is a list of options split on
``|`` (``\\|`` for a literal bar), and the message lists them ("'a', 'b', or 'c'").
Either way the first option is the fix, marked unsafe when there is a choice. ``$1`` in a
value takes the key's first group from the match.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from newslint.checks.base import FixSafety, Hit
from newslint.checks.yaml_rules.fields import RuleFields
from newslint.checks.yaml_rules.matcher import Exceptions, Matcher, read_exceptions, wrap
from newslint.checks.yaml_rules.messages import format_message, quoted_list, unquote_first
from newslint.checks.yaml_rules.patterns import Pattern
from newslint.checks.yaml_rules.scopes import Scope
from newslint.checks.yaml_rules.view import ScopeView

KEYS = frozenset({"swap", "exceptions", "ignorecase", "nonword", "vocab", "capitalize", "pos"})

_GROUP_REF = re.compile(r"\$(?:(\d+)|\{(\d+)\})")
_REGEX_ONLY = re.compile(r"[\[\](){}*+?\\^$]")


@dataclass(frozen=True)
class Swap:
    key: Pattern              # the key alone, for ``$1`` references
    value: str                # as written
    options: tuple[str, ...]  # the value split on unescaped "|"
    expands: bool             # a value refers to the key's groups


@dataclass(frozen=True)
class Substitution(Matcher):
    pattern: Pattern
    swaps: tuple[Swap, ...]
    exceptions: Exceptions
    vocab: bool
    capitalize: bool
    listed: bool              # ``action: replace``: the value is a list of options
    matchcase: bool = False   # options take the case of the text they replace

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
            value = self._value(swap, observed)
            options = split_options(value)
            if self.listed:
                if self.capitalize and observed[:1].isupper():
                    options = tuple(o[:1].upper() + o[1:] for o in options)
                if self.matchcase:
                    options = tuple(match_case(o, observed) for o in options)
                if observed in options:
                    continue
                expected = quoted_list(list(options))
            else:
                if _already(value, observed):
                    continue
                expected = value
            if self.exceptions.pattern is not None and self.exceptions.excuses(observed, view.texts[k], s, e):
                continue
            message = format_message(self.message, expected, observed)
            replacement = _literal(options[0]) if options else None
            hits.append(Hit(self.rule_id, view.segments[k], s, e, message, replacement))
        return hits

    def _value(self, swap: Swap, observed: str) -> str:
        value = swap.value
        if self.capitalize and observed[:1].isupper():
            value = value[:1].upper() + value[1:]
        if swap.expands:
            m = swap.key.fullmatch(observed) or swap.key.search(observed)
            if m is not None:
                value = _GROUP_REF.sub(lambda r: m.group(int(r.group(1) or r.group(2))) or "", value)
        return value


def match_case(option: str, observed: str) -> str:
    """The option in the case of the text it replaces: all lower, all capitals, or a
    capital first letter; mixed case leaves it as written."""
    letters = [c for c in observed if c.isalpha()]
    if not letters:
        return option
    if all(c.islower() for c in letters):
        return option.lower()
    if all(c.isupper() for c in letters) and len(letters) > 1:
        return option.upper()
    if letters[0].isupper() and all(c.islower() for c in letters[1:]):
        return option[:1].upper() + option[1:].lower()
    return option


_PHRASE = re.compile(r"[\w \-]*")


def _already(value: str, observed: str) -> bool:
    """Vale's test that the text already has the expected form: a phrase (letters, digits,
    spaces, hyphens) must be equal; anything else is a regex the whole text must match."""
    if _PHRASE.fullmatch(value) and "_" not in value:
        return value == observed
    try:
        return re.fullmatch(f"(?:{value})", observed) is not None
    except re.error:
        return value == observed


def _literal(option: str) -> str | None:
    """The option as replacement text, or None when it is a pattern rather than words."""
    return None if _REGEX_ONLY.search(option.replace("\\|", "")) else option


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


def build(fields: RuleFields, message: str, scope: Scope, action: str = "",
          matchcase: bool = False) -> Substitution:
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
        swaps.append(Swap(key_pattern, value, split_options(value), bool(_GROUP_REF.search(value))))
    body = "|".join(f"({uncapture(key)})" for key, _ in ordered)
    regex = wrap(body, word=not nonword, ignorecase=ignorecase)
    listed = action == "replace"
    return Substitution(
        fields.rule_id, unquote_first(message) if listed else message, scope,
        pattern=fields.pattern(regex, "swap"),
        swaps=tuple(swaps),
        exceptions=read_exceptions(fields),
        vocab=fields.flag("vocab", True),
        capitalize=fields.flag("capitalize"),
        listed=listed,
        matchcase=matchcase,
    )
