"""Compile loaded rules into one :class:`Check` that scans each scope's text once per rule.

Speed comes from three things, all decided here, once per rule set:

1. rules are grouped by scope, and a document's text for a scope is joined into one
   string (see :mod:`view`), so a rule costs one RE2 call per document, not one per
   segment;
2. each group has an RE2 ``Set`` of the rules' trigger patterns: one linear pass over
   the joined text says which rules can match at all, and only those run;
3. each rule's tokens are one alternation compiled once; a match becomes a ``Hit``
   directly, with no other objects in between.
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import AbstractSet, Sequence

import re2

from newslint.checks.base import Hit, RuleInfo
from newslint.checks.yaml_rules import existence
from newslint.checks.yaml_rules.matcher import Exceptions, Matcher, wrap
from newslint.checks.yaml_rules.patterns import compile_pattern, compiles_with_re2, re2_options
from newslint.checks.yaml_rules.rule import YamlRule
from newslint.checks.yaml_rules.ruletext import Ignores, RuleTexts
from newslint.checks.yaml_rules.scopes import Scope, parse_scope
from newslint.checks.yaml_rules.view import ScopeView
from newslint.config.globs import GlobSet
from newslint.paths import relative_path
from newslint.documents.model import Document
from newslint.findings import Category, Severity, Source

VOCAB_REJECT_ID = "vocab.reject"
SectionIgnores = tuple[tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]], ...]


@dataclass(frozen=True)
class _Entry:
    matcher: Matcher
    limit: int
    gate: int | None          # index in the group's Set, or None: always run


class _ScopeGroup:
    """The rules that read one scope, with their combined prefilter."""

    __slots__ = ("scope", "entries", "gates", "ids")

    def __init__(self, scope: Scope, rules: list[tuple[Matcher, int]]):
        self.scope = scope
        self.gates = re2.Set.SearchSet(re2_options())
        entries = []
        gated = 0
        for matcher, limit in rules:
            trigger = matcher.trigger
            gate = None
            if trigger is not None and trigger.linear and not trigger.whole_text:
                try:
                    gate = self.gates.Add(trigger.source)
                    gated += 1
                except re2.error:
                    gate = None
            entries.append(_Entry(matcher, limit, gate))
        if gated:
            self.gates.Compile()
        else:
            self.gates = None
        self.entries = tuple(entries)
        self.ids = frozenset(e.matcher.rule_id for e in entries)

    def run(self, doc: Document, enabled: AbstractSet[str], out: list[Hit],
            rule_texts: RuleTexts) -> None:
        active = [e for e in self.entries if e.matcher.rule_id in enabled]
        if not active:
            return
        view = ScopeView(doc, self.scope, rule_texts)
        if not view:
            return
        fired: set[int] | None = None
        if self.gates is not None and any(e.gate is not None for e in active):
            fired = set(self.gates.Match(view.text) or ())
        for entry in active:
            if entry.gate is not None and entry.gate not in fired:
                continue
            hits = entry.matcher.run(view)
            if view.masked:
                hits = [_to_segment(h, view.masked) for h in hits]
            out.extend(hits[:entry.limit] if entry.limit else hits)


def _to_segment(hit: Hit, masked: dict) -> Hit:
    """A hit on a segment whose rule text has code masks, with offsets into the segment's text."""
    found = masked.get(hit.segment)
    if found is None:
        return hit
    return dataclasses.replace(hit, start=found.to_segment(hit.start), end=found.to_segment(hit.end))


class CompiledRules:
    """A rule set ready to check documents (the ``Check`` protocol)."""

    def __init__(self, rules: Sequence[YamlRule], vocab_reject: Sequence[str] = (),
                 vocab_accept: Sequence[str] = (), ignores: tuple[Sequence[str], ...] = ((), ()),
                 section_ignores: SectionIgnores = (), root: str = ".", vale: bool = False):
        self._source = (tuple(rules), tuple(vocab_reject), tuple(vocab_accept), ignores, section_ignores, root, vale)
        self._ignores = Ignores.build(*ignores)
        self._base = ignores
        self._sections = tuple((GlobSet(globs), tokens, blocks) for globs, tokens, blocks in section_ignores)
        self._root = root
        # Rules of a Vale project (a .vale.ini) also read what Vale lints beside the body:
        # front-matter values and raw HTML blocks. newslint's own configs keep the body.
        self._vale = vale
        self._by_sections: dict[tuple[int, ...], Ignores] = {}
        all_rules = list(rules)
        if vocab_reject:
            all_rules.append(vocab_reject_rule(vocab_reject))
        self._rules = tuple(r.info for r in all_rules)
        by_scope: dict[tuple, tuple[Scope, list[tuple[Matcher, int]]]] = {}
        shared: dict = {}      # helpers the rules share (one tagger), owned by this rule set
        for rule in all_rules:
            matcher = rule.matcher.accepting(vocab_accept).sharing(shared)
            by_scope.setdefault(matcher.scope.key, (matcher.scope, []))[1].append((matcher, rule.limit))
        self._groups = tuple(_ScopeGroup(scope, members) for scope, members in by_scope.values())

    def __reduce__(self):
        # RE2 sets do not pickle: a worker process compiles its own copy.
        return CompiledRules, self._source

    @property
    def rules(self) -> tuple[RuleInfo, ...]:
        return self._rules

    def ignores_for(self, path: str) -> Ignores:
        """The ignores for one file: the rule set's own plus those of each section whose globs
        match it (built once per combination of sections)."""
        if not self._sections:
            return self._ignores
        rel = relative_path(path, self._root)
        matched = tuple(i for i, (globs, _, _) in enumerate(self._sections) if globs.matches_path_or_parent(rel))
        if not matched:
            return self._ignores
        found = self._by_sections.get(matched)
        if found is None:
            tokens, blocks, *skipped = self._base
            for i in matched:
                tokens = (*tokens, *self._sections[i][1])
                blocks = (*blocks, *self._sections[i][2])
            found = self._by_sections[matched] = Ignores.build(tokens, blocks, *skipped)
        return found

    def check(self, doc: Document, enabled: AbstractSet[str]) -> list[Hit]:
        hits: list[Hit] = []
        # each segment's rule text, made once per document
        if doc.rule_segments and not self._vale:
            doc = dataclasses.replace(doc, rule_segments=())
        rule_texts = RuleTexts(doc, self.ignores_for(doc.path))
        for group in self._groups:
            group.run(doc, enabled, hits, rule_texts)
        return hits


def compile_rules(rules: Sequence[YamlRule], vocab_reject: Sequence[str] = (),
                  vocab_accept: Sequence[str] = (),
                  ignores: tuple[Sequence[str], ...] = ((), ()),
                  section_ignores: SectionIgnores = (), root: str = ".", vale: bool = False) -> CompiledRules:
    """One check for ``rules``; ``vocab_reject`` words become the rule ``vocab.reject``,
    ``vocab_accept`` words are exceptions for every rule with ``vocab: true`` (the default);
    ``ignores``: (token regexes, block regexes[, skipped HTML block tags]) rules do not read;
    ``section_ignores``: (globs, token regexes, block regexes) for the files whose path
    relative to ``root`` a glob matches (a .vale.ini's sections); ``vale``: the rules also
    read front-matter values and raw HTML blocks, as Vale does (a Vale project)."""
    return CompiledRules(rules, vocab_reject, vocab_accept, ignores, section_ignores, root, vale)


def _capitalised_too(token: str) -> str:
    """``irregardless`` -> ``[iI]rregardless``; a token that does not start with a
    lower-case letter is left as it is."""
    first = token[:1]
    if first.isalpha() and first.islower() and first.upper() != first:
        return f"[{first}{first.upper()}]{token[1:]}"
    return token


def vocab_reject_rule(words: Sequence[str]) -> YamlRule:
    """Like Vale's ``Vale.Avoid``: each word (a regex, as in Vale's vocabularies) is an error.
    A word written in lower case is also found capitalised, as it starts a sentence."""
    tokens = [_capitalised_too(w if compiles_with_re2(w) else re2.escape(w)) for w in words if w.strip()]
    pattern = compile_pattern(wrap("|".join(tokens), word=True, ignorecase=False), VOCAB_REJECT_ID)
    matcher = existence.Existence(
        VOCAB_REJECT_ID, "Avoid using '%s'.", parse_scope(("text",)),
        pattern=pattern, exceptions=Exceptions(VOCAB_REJECT_ID), vocab=False, replacement=None)
    info = RuleInfo.documented(
        VOCAB_REJECT_ID, Category.STYLE, Severity.ERROR, Source.RULES,
        what="A word the configuration's vocab.reject list bans.",
        why="The desk decided this word should not appear in copy.",
        fix="Rephrase without the word, or remove it from vocab.reject.")
    return YamlRule(info, matcher, "<config>", "existence")
