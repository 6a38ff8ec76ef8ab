"""``extends: capitalization``: each unit (by default each headline and subhead) must follow a case.

``match``: ``$title`` (AP or Chicago ``style``), ``$sentence``, ``$lower``, ``$upper``, or a
regex the text must contain. The test is Vale's, step by step:

- the expected form is made word by word: an ``exceptions`` entry (or an accepted
  vocabulary word) keeps the case it is written with; in sentence case the first word,
  and a word after an ``indicators`` ending (``:`` by default), is capitalised and the rest
  lowered; in title case every word is capitalised but the style's small words;
- ``prefix`` is a regex: text it matches at the start is left alone;
- the text passes when at least ``threshold`` (0.8 unless set) of its words equal the
  expected word, contain an exception, or (title case) are all capitals; in sentence case
  a first word that is not capitalised fails at once.

Words are runs starting with a letter, digit or ``*`` up to the next space, or an
exception, which may hold several words.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Sequence

from newslint.checks.base import FixSafety, Hit
from newslint.checks.yaml_rules.fields import RuleFields
from newslint.checks.yaml_rules.matcher import Matcher
from newslint.checks.yaml_rules.messages import format_message
from newslint.checks.yaml_rules.patterns import Pattern
from newslint.checks.yaml_rules.scopes import Scope
from newslint.checks.yaml_rules.view import ScopeView

KEYS = frozenset({"match", "style", "exceptions", "indicators", "threshold", "vocab", "prefix"})
CASES = ("$title", "$sentence", "$lower", "$upper")
STYLES = ("AP", "Chicago")

_WORD = r"(?:[^\W_]|\*)\S*"                 # a letter, digit or * and the rest up to a space
_TITLE_WORD = re.compile(r"[^\W_]+[^\s\-/]*")
_NUMBERED = re.compile(r"\d+\.")
_SMALL_AP = frozenset("a an and as at but by en for if in nor of on or per the to vs vs. via v v.".split())
_SMALL_CHICAGO = _SMALL_AP | frozenset(
    "with from into during including until against among throughout despite towards upon concerning "
    "about over through before between after since without under within along following across "
    "beyond around down near above".split())
_PLAIN = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "–": "-", "—": "-"})


def _compile(source: str) -> re.Pattern[str] | None:
    try:
        return re.compile(source)
    except re.error:
        return None


def _term_pattern(term: str) -> str:
    """A vocabulary term as a pattern: a literal term's periods escaped, spaces matching any run."""
    if re.escape(term.replace(".", "")) == term.replace(".", ""):
        term = term.replace(".", r"\.")
    return re.sub(r"[ \t]+", r"\\s+", term)


def _go_title(word: str) -> str:
    """The first letter of each letter run upper-cased, as Go's ``strings.Title``."""
    out, start = [], True
    for c in word:
        out.append(c.upper() if start else c)
        start = not (c.isalnum() or c == "_")
    return "".join(out)


def _cap_first(word: str, strict: bool) -> str:
    return word[:1].upper() + (word[1:].lower() if strict else word[1:])


@dataclass(frozen=True)
class Capitalization(Matcher):
    case: str                       # one of CASES, or "" when ``pattern`` is used
    pattern: Pattern | None
    small_words: frozenset[str]
    exceptions: tuple[str, ...]
    indicators: tuple[str, ...]
    threshold: float
    prefix: str
    vocab: bool

    @property
    def fix_safety(self) -> FixSafety:
        return FixSafety.UNSAFE if self.case in ("$title", "$sentence") else FixSafety.NONE

    def accepting(self, terms: Sequence[str]) -> "Capitalization":
        if not self.vocab or not terms:
            return self
        return replace(self, exceptions=self.exceptions + tuple(terms))

    def run(self, view: ScopeView) -> list[Hit]:
        tools = _Tools(self.exceptions, self.prefix)
        hits = []
        for _, k, start, end in view.units():
            text = view.texts[k][start:end].rstrip()
            if not text.strip():
                continue
            ok, expected = self._conforms(text, tools)
            if not ok:
                message = format_message(self.message, text, expected)
                replacement = expected if self.case in ("$title", "$sentence") else None
                hits.append(Hit(self.rule_id, view.segments[k], start, start + len(text), message, replacement))
        return hits

    def _conforms(self, text: str, tools: "_Tools") -> tuple[bool, str]:
        if self.pattern is not None:
            return self.pattern.search(text) is not None or tools.excepted(text), self.pattern.source
        if self.case == "$lower":
            return text == text.lower() or tools.excepted(text), text.lower()
        if self.case == "$upper":
            return text == text.upper() or tools.excepted(text), text.upper()
        if self.case == "$sentence":
            return self._sentence(text, tools)
        return self._title(text, tools)

    def _sentence(self, text: str, tools: "_Tools") -> tuple[bool, str]:
        head, body = tools.split_prefix(text)
        tokens = tools.vocab_words.findall(body)
        made = []
        for i, token in enumerate(tokens):
            kept = tools.in_vocab(token)
            if kept is not None:
                made.append(kept)
            elif i == 0 or self._indicator(tokens[i - 1], i - 1):
                made.append(_cap_first(token, strict=True))
            else:
                made.append(token.lower())
        expected = head + " ".join(made)
        wanted = tools.words.findall(expected)
        count = words = 0
        for i, word in enumerate(tools.words.findall(text)):
            if i >= len(wanted) or word == wanted[i] or tools.excepted(word):
                count += 1
            elif i == 0 and word != _go_title(word.lower()):
                return False, expected
            words += 1
        return words == 0 or count / words >= self.threshold, expected

    def _indicator(self, word: str, index: int) -> bool:
        return any(word.endswith(ind) for ind in self.indicators) or (
            index == 0 and _NUMBERED.search(word) is not None)

    def _title(self, text: str, tools: "_Tools") -> tuple[bool, str]:
        head, body = tools.split_prefix(text)
        plain = body.translate(_PLAIN)
        end = len(plain)
        idx = 0

        def convert(m: re.Match[str]) -> str:
            nonlocal idx
            word = m.group()
            pos = plain.find(word, idx)
            pos = m.start() if pos < 0 else pos
            idx = pos + len(word)
            kept = tools.in_vocab(word)
            if kept is not None:
                return kept
            before = plain[pos - 1] if pos >= 1 else ""
            before2 = plain[pos - 2] if pos >= 2 else ""
            after = plain[pos + len(word)] if pos + len(word) < end else ""
            bounding = pos == 0 or idx == end
            if (not bounding and word.lower() in self.small_words and before in (" ", "-", "/")
                    and before2 not in (":", "-") and (after != "-" or before == "-")):
                return word.lower()
            return _cap_first(word, strict=False)

        expected = head + _TITLE_WORD.sub(convert, body)
        wanted = tools.words.findall(expected)
        count = words = 0
        for i, word in enumerate(tools.words.findall(text)):
            if i >= len(wanted) or word == wanted[i] or tools.excepted(word) or word == word.upper():
                count += 1
            words += 1
        return words == 0 or count / words >= self.threshold, expected


class _Tools:
    """A rule's exception patterns, compiled once per run."""

    def __init__(self, exceptions: tuple[str, ...], prefix: str):
        self.exceptions = exceptions
        terms = sorted((t for t in exceptions if t.strip()), key=len, reverse=True)
        parts = [(_term_pattern(t) if t.startswith("(?i)") else "(?-i:" + _term_pattern(t) + ")")
                 for t in terms]
        self.except_re = _compile(r"(?m)\b(?:" + "|".join(parts) + r")\b") if parts else None
        words = (self.except_re.pattern + "|" if self.except_re is not None else "") + _WORD
        self.words = _compile(words) or re.compile(_WORD)
        vocab = (r"\b(?:" + "|".join(terms) + r")\b|" if terms else "") + _WORD
        self.vocab_words = _compile("(?i)" + vocab) or re.compile("(?i)" + _WORD)
        self.term_res = [(t, _compile(t)) for t in exceptions]
        self.prefix = _compile(prefix) if prefix else None

    def excepted(self, word: str) -> bool:
        return self.except_re is not None and self.except_re.search(word) is not None

    def in_vocab(self, token: str) -> str | None:
        """The exception a token is (in the exception's own case), or the token itself when
        an exception, read as a regex, occurs in it."""
        for term, pattern in self.term_res:
            if term.lower() == token.lower():
                return term
            if pattern is not None and pattern.search(token):
                return token
        return None

    def split_prefix(self, text: str) -> tuple[str, str]:
        if self.prefix is None:
            return "", text
        m = self.prefix.search(text)
        if m is None or not text.startswith(m.group()):
            return "", text
        return m.group(), text[len(m.group()):]


def build(fields: RuleFields, message: str, scope: Scope) -> Capitalization:
    match = fields.string("match")
    style = fields.string("style", "AP")
    if style not in STYLES:
        raise fields.error(f"'style' must be one of {', '.join(STYLES)}, not '{style}'", "style")
    pattern = None if match in CASES else fields.pattern(match, "match")
    threshold = fields.number("threshold", 0.8)
    if not 0 < threshold <= 1:
        raise fields.error("'threshold' must be above 0 and at most 1", "threshold")
    prefix = fields.string("prefix", "")
    if prefix:
        fields.pattern(prefix, "prefix")
    return Capitalization(
        fields.rule_id, message, scope,
        case=match if match in CASES else "",
        pattern=pattern,
        small_words=_SMALL_CHICAGO if style == "Chicago" else _SMALL_AP,
        exceptions=fields.strings("exceptions"),
        indicators=fields.strings("indicators") or (":",),
        threshold=threshold,
        prefix=prefix,
        vocab=fields.flag("vocab", True),
    )
