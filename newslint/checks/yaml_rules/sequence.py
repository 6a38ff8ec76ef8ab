"""``extends: sequence``: a run of words given by part-of-speech tags and patterns.

Each entry of ``tokens`` names one word: ``tag`` (a regex over its Penn Treebank tag),
``pattern`` (a regex the whole word matches), ``negate`` (the word must not match),
``skip`` (up to that many other words may come first) and ``min`` (the entry repeats).
As in Vale, each sentence of the scope is tagged, the first plain ``pattern`` entry is
the anchor, each anchor word is tried once, and the entries on its left and right must
match the words beside it; the alert spans every matched word (or the ``target`` ones).
``exceptions`` are regexes: a match that begins inside one is dropped.

Tags come from the Brill-style tagger and English lexicon that TextBlob ships (Penn
Treebank tags; nothing is downloaded). Vale tags with its own averaged perceptron, so
the two can disagree on a word (docs/vale.md gives the measured agreement).
Universal tags (``upos``) and a rule's own ``model`` are not supported: such a rule is
skipped with a notice.
"""
from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field
from typing import Any

from newslint.checks.base import Hit
from newslint.checks.yaml_rules.fields import RuleFields
from newslint.checks.yaml_rules.matcher import Matcher
from newslint.checks.yaml_rules.messages import format_message
from newslint.checks.yaml_rules.patterns import Pattern
from newslint.checks.yaml_rules.scopes import Scope
from newslint.checks.yaml_rules.sentences import sentence_spans
from newslint.checks.yaml_rules.view import ScopeView

KEYS = frozenset({"tokens", "ignorecase", "exceptions", "model", "vocab"})
TOKEN_KEYS = frozenset({"tag", "pattern", "negate", "skip", "min", "target", "upos"})

# Words (with inner hyphens, apostrophes and dots, as in "e.g", "don't"), numbers, or one
# punctuation mark (a masked code span, ``***``, is one); "n't" and "'s"-style endings are split
# off, as a Treebank tokenizer does, and read with a straight apostrophe.
_TOKEN = re.compile(r"[^\W_]+(?:[-'’.][^\W_]+)*|\*+|[^\w\s]")
_CLITIC = re.compile(r"(?i)(n['’]t|['’](?:s|re|ve|ll|d|m))$")


class Unsupported(ValueError):
    """A valid sequence rule that uses a feature newslint's tagger cannot give."""


@dataclass(frozen=True)
class Word:
    text: str
    tag: str
    start: int


@dataclass(frozen=True)
class Token:
    tag: Pattern | None
    pattern: Pattern | None          # anchored to the whole word
    search: Pattern | None           # unanchored: finds anchor candidates in the sentence
    negate: bool
    target: bool
    group: int
    optional: bool = False
    start: bool = False
    end: bool = False
    skip: int = 0

    def matches(self, word: Word) -> bool:
        failed_tag = (self.tag is None or self.tag.search(word.tag) is not None) == self.negate
        failed_tok = self.pattern is not None and (self.pattern.search(word.text) is not None) == self.negate
        if self.pattern is None and failed_tag:
            return False
        if self.tag is None and failed_tok:
            return False
        if self.tag is not None and self.pattern is not None and (failed_tag or failed_tok):
            return False
        return True


@dataclass
class _Match:
    words: list[str] = field(default_factory=list)
    index: int = 0
    lo: int = -1
    hi: int = -1
    at: dict[int, int] = field(default_factory=dict)

    def ok(self) -> bool:
        return bool(self.words) and self.lo >= 0 and self.hi >= self.lo


class Tagger:
    """TextBlob's English tagger, loaded on first use (and again in each worker process).

    One is held by a compiled rule set and shared by its sequence rules."""

    def __init__(self) -> None:
        self._parser: Any = None

    def __reduce__(self):
        return Tagger, ()

    def tags(self, words: list[str]) -> list[str]:
        if self._parser is None:
            from textblob.en import parser        # imported on first use: it loads its lexicon
            self._parser = parser
        return [str(t[1]) for t in self._parser.find_tags(words)]


def tag_words(text: str, tagger: Tagger) -> list[Word]:
    """The words of one sentence with their Penn Treebank tags and offsets."""
    spans: list[tuple[str, int]] = []
    for m in _TOKEN.finditer(text):
        word, at = m.group(), m.start()
        clitic = _CLITIC.search(word) if len(word) > 2 else None
        if clitic and clitic.start() > 0:
            spans.append((word[:clitic.start()], at))
            spans.append((word[clitic.start():], at + clitic.start()))
        else:
            spans.append((word, at))
    if not spans:
        return []
    tagged = tagger.tags([w.replace("’", "'") for w, _ in spans])
    return [Word(w, t, at) for (w, at), t in zip(spans, tagged)]


def _negated_to_boundary(tokens: list[Token]) -> bool:
    return all(t.negate for t in tokens)


@dataclass(frozen=True)
class Sequence(Matcher):
    tokens: tuple[Token, ...]
    anchor: int
    exceptions: tuple[Pattern, ...]
    tagger: Tagger = field(default_factory=Tagger, compare=False)

    def sharing(self, shared: dict) -> "Sequence":
        return dataclasses.replace(self, tagger=shared.setdefault(Tagger, Tagger()))

    def _match(self, words: list[Word], history: set[int]) -> _Match:
        toks, idx = self.tokens, self.anchor
        target = toks[idx]
        m = _Match()
        for j, word in enumerate(words):
            if j in history or not target.matches(word):
                continue
            m.index = j
            if idx > 0:
                ti, wi = idx - 1, j - 1
                while ti >= 0:
                    if wi < 0:
                        if _negated_to_boundary(list(toks[:ti + 1])):
                            break
                        return _Match(index=j)
                    tok = toks[ti]
                    m.words.insert(0, words[wi].text)
                    m.lo = wi
                    m.at[ti] = wi
                    optional = (tok.optional or tok.end) and not tok.start if tok.skip > 0 else tok.optional
                    ok = tok.matches(words[wi])
                    if not ok and not optional:
                        return _Match(index=j)
                    if ok and optional:
                        while ti >= 0 and toks[ti].group == tok.group:
                            ti -= 1
                    else:
                        ti -= 1
                    wi -= 1
            ti, wi = idx, j
            while ti < len(toks):
                if wi >= len(words):
                    if _negated_to_boundary(list(toks[ti:])):
                        break
                    return _Match(index=j)
                tok = toks[ti]
                m.words.append(words[wi].text)
                if m.lo < 0 or wi < m.lo:
                    m.lo = wi
                m.hi = wi
                m.at[ti] = wi
                ok = tok.matches(words[wi])
                if not ok and not tok.optional:
                    return _Match(index=j)
                if ok and tok.optional:
                    while ti < len(toks) and toks[ti].group == tok.group:
                        ti += 1
                else:
                    ti += 1
                wi += 1
            break
        return m

    def _span(self, m: _Match) -> tuple[int, int]:
        lo, hi = m.lo, m.hi
        marked = [i for i, t in enumerate(self.tokens) if t.target]
        if marked and all(i in m.at for i in marked):
            lo, hi = min(m.at[i] for i in marked), max(m.at[i] for i in marked)
        return lo, hi

    def _sentence(self, text: str) -> list[tuple[int, int, list[str]]]:
        anchor = self.tokens[self.anchor]
        if anchor.search is not None:
            candidates = len(anchor.search.spans(text))
            if not candidates:
                return []
        words = tag_words(text, self.tagger)
        if anchor.search is None:
            candidates = len(words)
        excluded = [(s, e) for p in self.exceptions for s, e in p.spans(text)]
        found, history = [], set()
        for _ in range(candidates):
            m = self._match(words, history)
            history.add(m.index)
            if not m.ok():
                continue
            lo, hi = self._span(m)
            start, end = words[lo].start, words[hi].start + len(words[hi].text)
            if any(s <= start < e for s, e in excluded):
                continue
            found.append((start, end, m.words))
        return found

    def run(self, view: ScopeView) -> list[Hit]:
        hits = []
        for k, text in enumerate(view.texts):
            for s0, e0 in sentence_spans(text):
                for s, e, words in self._sentence(text[s0:e0]):
                    hits.append(Hit(self.rule_id, view.segments[k], s0 + s, s0 + e,
                                    format_message(self.message, *words)))
        return hits


def build(fields: RuleFields, message: str, scope: Scope) -> Sequence:
    raw = fields.data.get("tokens")
    if not isinstance(raw, list) or not raw:
        raise fields.error("a sequence rule needs 'tokens': a list of mappings", "tokens")
    if fields.data.get("model"):
        raise Unsupported("it names its own tagger model ('model'), which newslint does not have")
    ignorecase = fields.flag("ignorecase")
    tokens: list[Token] = []
    group = 0
    for i, entry in enumerate(raw):
        if not isinstance(entry, dict):
            raise fields.error("each entry of 'tokens' must be a mapping", "tokens", i)
        for key in entry:
            if key not in TOKEN_KEYS:
                raise fields.error(f"unknown key 'tokens.{key}'", "tokens", i, key)
        if entry.get("upos"):
            raise Unsupported("it matches universal part-of-speech tags ('upos'), which newslint does not map")
        tag_src = fields.scalar_str(entry["tag"], "tokens", i, "tag") if entry.get("tag") else ""
        pat_src = fields.scalar_str(entry["pattern"], "tokens", i, "pattern") if entry.get("pattern") else ""
        flags = "(?i)" if ignorecase else ""
        tag = fields.pattern(tag_src, "tokens", i, "tag") if tag_src else None
        pattern = fields.pattern(f"{flags}^(?:{pat_src})$", "tokens", i, "pattern") if pat_src else None
        search = fields.pattern(f"{flags}(?m)\\b(?:{pat_src})\\b", "tokens", i, "pattern") if pat_src else None
        skip = _int(fields, entry.get("skip", 0), i, "skip")
        reps = max(1, _int(fields, entry.get("min", 1), i, "min"))
        negate, target = bool(entry.get("negate")), bool(entry.get("target"))
        for _ in range(reps):
            group += 1
            for n in range(skip, 0, -1):
                tokens.append(Token(tag, pattern, search, negate, target, group, optional=True,
                                    start=n == skip, skip=skip))
            if pattern is not None or tag is not None:
                tokens.append(Token(tag, pattern, search, negate, target, group, end=True, skip=skip))
    anchor = next((i for i, t in enumerate(tokens) if not t.negate and t.pattern is not None), None)
    if anchor is None:
        anchor = next((i for i, t in enumerate(tokens) if not t.negate and t.tag is not None), None)
    if anchor is None:
        raise fields.error("a sequence rule needs a token with 'pattern' or 'tag' that is not negated", "tokens")
    exceptions = tuple(fields.pattern(e, "exceptions", i) for i, e in enumerate(fields.strings("exceptions")))
    return Sequence(fields.rule_id, message, scope, tokens=tuple(tokens), anchor=anchor, exceptions=exceptions)


def _int(fields: RuleFields, value: Any, i: int, key: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise fields.error(f"'tokens.{key}' must be a whole number of at least 0", "tokens", i, key)
    return value
