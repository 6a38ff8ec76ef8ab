"""Rule regexes: RE2 (linear time) when the syntax allows, else `regex` with a time limit.

Vale's rules are written for Go's RE2 syntax plus the lookaround and backreferences of
its regexp2 engine. A pattern RE2 accepts runs in linear time and joins the combined
prefilter; only a pattern that needs syntax RE2 lacks falls back to the `regex` package,
whose every call is bounded by :data:`FALLBACK_TIMEOUT` seconds.
"""
from __future__ import annotations

from typing import Any, Iterator

import re2

from newslint.errors import NewslintError

FALLBACK_TIMEOUT = 1.0       # seconds per search over one text
RE2_MAX_MEM = 64 << 20


class RuleTimeoutError(NewslintError):
    """A fallback (non-RE2) pattern ran past its time limit on some text."""

    def __init__(self, rule_id: str, pattern: str):
        self.rule_id = rule_id
        self.pattern = pattern
        super().__init__(
            f"rule {rule_id}: pattern {pattern!r} took longer than {FALLBACK_TIMEOUT:g}s and was stopped "
            "(it uses lookaround or backreferences, which RE2 cannot run in linear time; simplify it)")


def re2_options() -> re2.Options:
    options = re2.Options()
    options.log_errors = False
    options.max_mem = RE2_MAX_MEM
    return options


class Pattern:
    """One compiled rule regex with the calls the rule types need."""

    __slots__ = ("source", "rule_id", "linear", "whole_text", "_re")

    def __init__(self, source: str, rule_id: str, compiled: Any, linear: bool):
        self.source = source
        self.rule_id = rule_id
        self.linear = linear
        # Anchors on the whole input (\A, \z, ^ or $ outside multi-line mode) must see one
        # segment at a time. ("[^...]" also counts: slower, never wrong.)
        anchored = ("^" in source or "$" in source) and "(?m)" not in source
        self.whole_text = anchored or any(t in source for t in ("\\A", "\\z", "(?-m", "(?s"))
        self._re = compiled

    def __reduce__(self):
        return compile_pattern, (self.source, self.rule_id)

    def finditer(self, text: str) -> Iterator[Any]:
        if self.linear:
            return self._re.finditer(text)
        return self._bounded(self._re.finditer(text, timeout=FALLBACK_TIMEOUT))

    def search(self, text: str) -> Any:
        if self.linear:
            return self._re.search(text)
        try:
            return self._re.search(text, timeout=FALLBACK_TIMEOUT)
        except TimeoutError:
            raise RuleTimeoutError(self.rule_id, self.source) from None

    def fullmatch(self, text: str) -> Any:
        if self.linear:
            return self._re.fullmatch(text)
        try:
            return self._re.fullmatch(text, timeout=FALLBACK_TIMEOUT)
        except TimeoutError:
            raise RuleTimeoutError(self.rule_id, self.source) from None

    def _bounded(self, matches: Iterator[Any]) -> Iterator[Any]:
        try:
            yield from matches
        except TimeoutError:
            raise RuleTimeoutError(self.rule_id, self.source) from None


def compile_pattern(source: str, rule_id: str) -> Pattern:
    """Compile with RE2, else with `regex`; raises ValueError naming what is wrong."""
    try:
        return Pattern(source, rule_id, re2.compile(source, re2_options()), linear=True)
    except re2.error as exc:
        re2_problem = str(exc) or "RE2 rejected it"
    try:
        import regex
    except ImportError:
        raise ValueError(f"{re2_problem} (lookaround and backreferences need the 'regex' package)") from None
    try:
        compiled = regex.compile(source, regex.VERSION0)
    except regex.error as exc:
        raise ValueError(str(exc)) from None
    return Pattern(source, rule_id, compiled, linear=False)


def compiles_with_re2(source: str) -> bool:
    try:
        re2.compile(source, re2_options())
    except re2.error:
        return False
    return True
