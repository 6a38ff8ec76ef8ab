"""``extends: capitalization``: each unit (by default each headline and subhead) must follow a case.

``match``: ``$title`` (AP or Chicago ``style``), ``$sentence``, ``$lower``, ``$upper``, or a
regex the text must contain. Title and sentence case pass when at least ``threshold``
(0.8 unless set) of the words follow the case. Acronyms, words with inner capitals or
digits, ``exceptions`` and the accepted vocabulary always pass. ``indicators``: words
ending in these (``:`` by default in Vale) make the next word start a new sentence.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Sequence

from newslint.checks.base import FixSafety, Hit
from newslint.checks.rules.fields import RuleFields
from newslint.checks.rules.matcher import Matcher
from newslint.checks.rules.messages import format_message
from newslint.checks.rules.patterns import Pattern
from newslint.checks.rules.scopes import Scope
from newslint.checks.rules.view import ScopeView

KEYS = frozenset({"match", "style", "exceptions", "indicators", "threshold", "vocab", "prefix"})
CASES = ("$title", "$sentence", "$lower", "$upper")
STYLES = ("AP", "Chicago")

_WORD = re.compile(r"[^\s—–]+")
# AP: lowercase articles, conjunctions and prepositions of three letters or fewer.
_AP_SMALL = frozenset("a an and as at but by for if in nor of off on or out per so the to up via vs yet".split())
# Chicago: lowercase articles, coordinating conjunctions and prepositions of any length.
_CHICAGO_SMALL = _AP_SMALL | frozenset(
    "about above across after against along among around before behind below beneath beside between "
    "beyond down during except from inside into like near onto outside over past since through "
    "throughout toward towards under underneath until upon with within without".split())


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
        hits = []
        for _, k, start, end in view.units():
            text = view.texts[k][start:end].rstrip()
            if not text.strip():
                continue
            ok, expected = self._conforms(text)
            if not ok:
                message = format_message(self.message, text, expected)
                replacement = expected if self.case in ("$title", "$sentence") else None
                hits.append(Hit(self.rule_id, view.segments[k], start, start + len(text), message, replacement))
        return hits

    def _conforms(self, text: str) -> tuple[bool, str]:
        if self.pattern is not None:
            return self.pattern.search(text) is not None, self.pattern.source
        if self.case == "$lower":
            return text == text.lower(), text.lower()
        if self.case == "$upper":
            return text == text.upper(), text.upper()
        body = text[len(self.prefix):] if self.prefix and text.startswith(self.prefix) else text
        words = [(m.start(), m.group()) for m in _WORD.finditer(body)]
        expected = list(body)
        good = total = 0
        new_sentence = True
        for i, (at, word) in enumerate(words):
            core = word.strip("\"'“”‘’()[],.;:!?")
            letters = core.lstrip("0123456789")
            if letters and not self._free(core):
                total += 1
                lead = at + word.index(core[0]) + (len(core) - len(letters))
                if self.case == "$title":
                    upper = (i == 0 or i == len(words) - 1 or new_sentence
                             or core.lower() not in self.small_words)
                else:
                    upper = new_sentence
                want = letters[0].upper() if upper else letters[0].lower()
                if letters[0] == want:
                    good += 1
                expected[lead] = want
            new_sentence = any(word.endswith(ind) for ind in self.indicators)
        ok = total == 0 or good / total >= self.threshold
        return ok, text[:len(text) - len(body)] + "".join(expected)

    def _free(self, word: str) -> bool:
        """Words whose case is their own: acronyms, inner capitals, digits, exceptions."""
        if word in self.exceptions or word == "I" or any(c.isdigit() for c in word):
            return True
        return any(c.isupper() for c in word[1:])


def build(fields: RuleFields, message: str, scope: Scope) -> Capitalization:
    match = fields.string("match")
    style = fields.string("style", "AP")
    if style not in STYLES:
        raise fields.error(f"'style' must be one of {', '.join(STYLES)}, not '{style}'", "style")
    pattern = None if match in CASES else fields.pattern(match, "match")
    threshold = fields.number("threshold", 0.8)
    if not 0 < threshold <= 1:
        raise fields.error("'threshold' must be above 0 and at most 1", "threshold")
    return Capitalization(
        fields.rule_id, message, scope,
        case=match if match in CASES else "",
        pattern=pattern,
        small_words=_CHICAGO_SMALL if style == "Chicago" else _AP_SMALL,
        exceptions=fields.strings("exceptions"),
        indicators=fields.strings("indicators") or (":",),
        threshold=threshold,
        prefix=fields.string("prefix", ""),
        vocab=fields.flag("vocab", True),
    )
