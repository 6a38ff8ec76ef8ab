"""news.fragment: sentences in body copy with no main clause.

Finding the fragments needs part-of-speech tags, so the matching is done by LanguageTool
with newslint's own XML rules (rules/languagetool/grammar_custom.xml, ids starting
NEWSLINT_FRAGMENT). This module turns those matches into news.fragment hits and drops
the ones a copy desk would not want: anything outside body paragraphs (headlines,
subheads, captions, lists, block quotes), quoted speech, one-sentence paragraphs
(where a fragment is a deliberate device, or a byline or dateline), bylines,
fragments of a few words (“For now.”) and sentences that trail off (“Continued...”).
"""
from __future__ import annotations

import re
from typing import AbstractSet, Sequence

from newslint.checks.base import Examples, FixSafety, Hit, RuleDoc, RuleInfo
from newslint.checks.news.quotes import scan_quotes
from newslint.documents.model import Document, SegmentKind
from newslint.findings import Category, Severity, Source

FRAGMENT = "news.fragment"
LANGUAGETOOL_PREFIX = "lt.NEWSLINT_FRAGMENT"
MIN_WORDS = 4

_BYLINE = re.compile(r"By\s+[A-Z][\w.'’-]*(?:\s+(?:[A-Z][\w.'’-]*|and|of|de|van|von))*\W*$")
_LETTER = re.compile(r"[^\W\d_]")
_WORD = re.compile(r"[^\W\d_][\w'’-]*")

RULE = RuleInfo(
    FRAGMENT, Category.FRAGMENT, Severity.SUGGESTION, Source.NEWS,
    RuleDoc(
        what="A sentence in body copy with no main clause: a participial phrase (“Fearing a "
             "wider war.”), a prepositional phrase, a subordinate clause or a “Which …” clause "
             "standing alone.",
        why="A fragment left by an edit reads as a mistake and hides who did what. Deliberate "
            "fragments live in quotes and one-line paragraphs, which are not flagged.",
        fix="Join the fragment to the sentence before (“…, fearing a wider war.”) or give it a "
            "subject and a verb. Needs LanguageTool: without it fragments are not checked.",
    ),
    FixSafety.NONE,
    Examples(
        flag=("The White House ruled out joining any strike on Iran. Fearing a wider war in "
              "the Middle East.",),
        pass_=("Fearing a wider war in the Middle East, the White House ruled out joining any "
               "strike on Iran.",
               "Fearing a wider war in the Middle East.",
               "The general was blunt. “Not now. Not ever. Not while I am in charge.”"),
    ),
)


def _keep(doc: Document, hit: Hit) -> bool:
    if hit.segment is None or not 0 <= hit.segment < len(doc.segments):
        return False
    seg = doc.segments[hit.segment]
    if seg.kind is not SegmentKind.PARAGRAPH:
        return False
    sentence = seg.text[hit.start:hit.end]
    if len(_WORD.findall(sentence)) < MIN_WORDS or _BYLINE.match(sentence.strip()):
        return False
    if sentence.rstrip().endswith(("..", "…")):
        return False  # trailing off on purpose
    rest = seg.text[:hit.start] + seg.text[hit.end:]
    if not _LETTER.search(rest):
        return False  # a one-sentence paragraph
    return not scan_quotes(seg.text).inside(hit.start, hit.end)


def _fragment_hit(hit: Hit, text: str) -> Hit:
    sentence = text[hit.start:hit.end].strip()
    shown = sentence if len(sentence) <= 60 else sentence[:57].rstrip() + "…"
    return Hit(FRAGMENT, hit.segment, hit.start, hit.end,
               f"Sentence fragment: “{shown}” has no main clause. Join it to the sentence "
               f"before or give it a subject and a verb.")


def from_languagetool(doc: Document, hits: Sequence[Hit]) -> tuple[list[Hit], list[Hit]]:
    """Split LanguageTool hits into news.fragment hits and the rest.

    Matches of the NEWSLINT_FRAGMENT rules become news.fragment hits when they pass the
    body-copy filters, and are dropped otherwise; every other hit is returned untouched.
    """
    fragments: list[Hit] = []
    others: list[Hit] = []
    for hit in hits:
        if not hit.rule.startswith(LANGUAGETOOL_PREFIX):
            others.append(hit)
        elif _keep(doc, hit):
            fragments.append(_fragment_hit(hit, doc.segments[hit.segment].text))
    return fragments, others


class FragmentCheck:
    """news.fragment, found through LanguageTool (see :func:`from_languagetool`)."""

    rules = (RULE,)
    requires_languagetool = True

    def check(self, doc: Document, enabled: AbstractSet[str]) -> list[Hit]:
        return []  # the matching runs inside LanguageTool

    def from_languagetool(self, doc: Document, hits: Sequence[Hit]) -> tuple[list[Hit], list[Hit]]:
        return from_languagetool(doc, hits)
