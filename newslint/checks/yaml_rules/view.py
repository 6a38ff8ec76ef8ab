"""The text one scope selects in one document, joined so a rule scans it in one call.

Each segment is read as Vale reads it (see :mod:`ruletext`): wrapped lines keep their
breaks and Markdown code spans are masked; ``to_segment`` maps a hit back to the
segment's own text. Segments are joined with a line break: ``^``, ``$`` (multi-line) and ``\\b`` behave at a
join exactly as at a segment's edges, and ``.`` cannot cross one. A match that does reach
across a join (``\\s+``, a negated class) sends that rule back to one segment at a time,
so results never depend on the joining.
"""
from __future__ import annotations

import bisect
from dataclasses import replace
from typing import Any, Iterator

from newslint.checks.yaml_rules.patterns import Pattern, Utf8
from newslint.checks.yaml_rules.scopes import Scope, Unit
from newslint.checks.yaml_rules.sentences import sentence_starts
from newslint.checks.yaml_rules.ruletext import RuleText, RuleTexts
from newslint.documents.model import Document, SegmentKind

SEPARATOR = "\n"

# A match located in the view: (text number, start, end, match object).
Located = tuple[int, int, int, Any]


class ScopeView:
    __slots__ = ("doc", "rule_texts", "unit", "segments", "texts", "starts", "text", "masked", "_sentences", "_utf8")

    def __init__(self, doc: Document, scope: Scope, rule_texts: RuleTexts | None = None):
        self.doc = doc
        self.unit = scope.unit
        self.masked: dict[int, RuleText] = {}
        if scope.unit is Unit.RAW:
            self.segments: list[int | None] = [None]
            self.texts: list[str] = [doc.text]
        else:
            if rule_texts is None:
                rule_texts = RuleTexts(doc)
            kinds = rule_texts.kinds()
            if scope.unit is Unit.SENTENCE and doc.format == "markdown" and SegmentKind.CAPTION in scope.kinds \
                    and not scope.captions_named:
                # Vale reads Markdown alt text as ``alt`` and ``text``, never as sentences (unless
                # the rule's scope list names ``alt`` or a caption beside ``sentence``).
                scope = replace(scope, kinds=scope.kinds - {SegmentKind.CAPTION})
            if scope.formats is not None and doc.format not in scope.formats:
                picked = []
            elif scope.labels is None:
                picked = [s for s in rule_texts.segments if kinds[s.index] in scope.kinds]
            else:
                labels = rule_texts.labels()
                picked = [s for s in rule_texts.segments
                          if kinds[s.index] in scope.kinds and scope.takes(labels[s.index])]
            if SegmentKind.FRONT_MATTER in scope.kinds and (scope.keys is not None or scope.negated):
                keys, negated = scope.keys, scope.negated
                picked = [s for s in picked if s.kind is not SegmentKind.FRONT_MATTER
                          or ((keys is None or s.name in keys) and not (negated and s.name == "summary"))]
            self.segments = [s.index for s in picked]
            texts = []
            for s in picked:
                found = rule_texts.text(s)
                texts.append(found.text)
                if found.at:
                    self.masked[s.index] = found
            self.texts = texts
        self.rule_texts = rule_texts
        self.starts: list[int] = []
        at = 0
        for t in self.texts:
            self.starts.append(at)
            at += len(t) + len(SEPARATOR)
        self.text = SEPARATOR.join(self.texts)
        self._sentences: dict[int, list[int]] = {}
        self._utf8: dict[int, Utf8] = {}

    def __bool__(self) -> bool:
        return bool(self.texts)

    def segment(self, k: int) -> int | None:
        """The document segment index of text ``k`` (None: the file text)."""
        return self.segments[k]

    def matches(self, pattern: Pattern) -> list[Located]:
        """Every match of ``pattern`` in each selected text, with offsets local to that text."""
        if len(self.texts) > 1 and pattern.linear and not pattern.whole_text:
            joined = self._joined_matches(pattern)
            if joined is not None:
                return self._within_sentences(joined)
        out: list[Located] = []
        for k, t in enumerate(self.texts):
            out.extend((k, m.start(), m.end(), m) for m in pattern.finditer(t))
        return self._within_sentences(out)

    def spans(self, pattern: Pattern) -> list[tuple[int, int, int]]:
        """:meth:`matches` without the match objects: (text number, start, end) of each
        match, for rules that need only where the matches are (counting, neighbours)."""
        if len(self.texts) > 1 and pattern.linear and not pattern.whole_text:
            joined = self._joined_spans(pattern)
            if joined is not None:
                return self._within_sentences(joined)
        return self._within_sentences(self._each_text_spans(pattern))

    def _each_text_spans(self, pattern: Pattern) -> list[tuple[int, int, int]]:
        out: list[tuple[int, int, int]] = []
        for k in range(len(self.texts)):
            out.extend([(k, s, e) for s, e in pattern.spans(self.utf8(k))])
        return out

    def utf8(self, k: int) -> Utf8:
        """Text ``k`` (-1: the joined text) with its UTF-8 bytes, encoded once for every rule."""
        found = self._utf8.get(k)
        if found is None:
            found = self._utf8[k] = Utf8(self.text if k < 0 else self.texts[k])
        return found

    def unit_spans(self, pattern: Pattern) -> list[tuple[Any, int, int, int]]:
        """:meth:`spans` with each match's counting unit (:meth:`unit_key`) in front:
        (unit, text number, start, end). Matches come in order, so a sentence is found by
        walking each text's sentence starts alongside them rather than by a search."""
        unit = self.unit
        if unit is Unit.SEGMENT:
            return [(k, k, s, e) for k, s, e in self.spans(pattern)]
        if unit is not Unit.SENTENCE:
            return [(0, k, s, e) for k, s, e in self.spans(pattern)]
        if len(self.texts) > 1 and pattern.linear and not pattern.whole_text:
            found = self._joined_spans(pattern)
            if found is None:
                found = self._each_text_spans(pattern)
        else:
            found = self._each_text_spans(pattern)
        out: list[tuple[Any, int, int, int]] = []
        append = out.append
        current, starts, n, i = -1, [0], 1, 0
        for k, s, e in found:
            if k != current:
                current, starts, i = k, self.sentence_starts(k), 0
                n = len(starts)
            while i < n and starts[i] <= s:
                i += 1
            if i < n and starts[i] < e:
                continue             # reaches across a sentence start
            append(((k, i - 1), k, s, e))
        return out

    def _joined_spans(self, pattern: Pattern) -> list[tuple[int, int, int]] | None:
        out: list[tuple[int, int, int]] = []
        append = out.append
        starts, texts = self.starts, self.texts
        k = 0
        stop = len(texts[0])        # where text k ends in the joined text
        base = 0
        for s, e in pattern.spans(self.utf8(-1)):
            if s >= stop:
                k = bisect.bisect_right(starts, s) - 1
                base = starts[k]
                stop = base + len(texts[k])
            if e > stop:
                return None          # reached across a join
            append((k, s - base, e - base))
        return out

    def _joined_matches(self, pattern: Pattern) -> list[Located] | None:
        out: list[Located] = []
        starts, texts = self.starts, self.texts
        k = 0
        for m in pattern.finditer(self.text):
            s, e = m.span()
            if s >= starts[k] + len(texts[k]):
                k = bisect.bisect_right(starts, s) - 1
            base = starts[k]
            if e > base + len(texts[k]):
                return None          # reached across a join
            out.append((k, s - base, e - base, m))
        return out

    def _within_sentences(self, found: list) -> list:
        """The matches (tuples starting text number, start, end) that stay inside one sentence."""
        if self.unit is not Unit.SENTENCE or not found:
            return found
        kept = []
        for item in found:
            k, s, e = item[0], item[1], item[2]
            starts = self.sentence_starts(k)
            i = bisect.bisect_right(starts, s)
            if i >= len(starts) or starts[i] >= e:
                kept.append(item)
        return kept

    def sentence_starts(self, k: int) -> list[int]:
        found = self._sentences.get(k)
        if found is None:
            found = self._sentences[k] = sentence_starts(self.texts[k])
        return found

    def unit_key(self, k: int, start: int) -> Any:
        """Which counting unit a position belongs to (segment, sentence, or the whole view)."""
        if self.unit is Unit.SEGMENT:
            return k
        if self.unit is Unit.SENTENCE:
            return k, bisect.bisect_right(self.sentence_starts(k), start) - 1
        return 0

    def units(self) -> Iterator[tuple[Any, int, int, int]]:
        """Every counting unit as (key, text number, start, end); a whole view is its first text."""
        if self.unit in (Unit.SEGMENT, Unit.RAW) or (self.unit is Unit.DOCUMENT and len(self.texts) == 1):
            for k, t in enumerate(self.texts):
                yield (k if self.unit is Unit.SEGMENT else 0), k, 0, len(t)
        elif self.unit is Unit.SENTENCE:
            for k, t in enumerate(self.texts):
                starts = self.sentence_starts(k)
                for i, s in enumerate(starts):
                    yield (k, i), k, s, (starts[i + 1] if i + 1 < len(starts) else len(t))
        elif self.texts:
            yield 0, 0, 0, len(self.texts[0])
