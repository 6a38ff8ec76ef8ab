"""news.fragment: sentences in body copy with no main clause.

Finding the fragments needs part-of-speech tags, so the matching is done by LanguageTool
with newslint's own XML rules (rules/languagetool/grammar_custom.xml, ids starting
NEWSLINT_FRAGMENT). This module turns those matches into news.fragment hits and drops
the ones a copy desk would not want: anything outside body paragraphs (headlines,
subheads, captions, lists, block quotes), quoted speech, the article's opening sentence
(a headline or dateline in plain text), bylines, credit and time-stamp lines (“Editing by
…”, “Updated at 5 p.m.”), fragments of a few words (“Not anymore.”) and sentences that
trail off (“Continued...”). A fragment standing as a paragraph of its own is reported: it
is the commonest form in scraped and machine-translated copy. A verbless sentence
(“Pending approval of state funding.”) is reported only after a full sentence in the
same paragraph.
"""
from __future__ import annotations

import re
from typing import AbstractSet, Sequence

from newslint.checks.base import Hit, RuleInfo
from newslint.checks.news.quotes import scan_quotes
from newslint.config.rule_ids import LANGUAGETOOL_PREFIX
from newslint.documents.model import Document, SegmentKind
from newslint.findings import Category, Severity, Source

FRAGMENT = "news.fragment"
FRAGMENT_MATCHES = LANGUAGETOOL_PREFIX + "NEWSLINT_FRAGMENT"
MIN_WORDS = 4

VERBLESS_RULE = "lt.NEWSLINT_FRAGMENT_VERBLESS"
_CREDIT = re.compile(
    r"(?:Additional\s+)?(?:(?:Reporting|Editing|Writing|Written|Edited|Compiled|Produced|Photographed|"
    r"Illustrated|Contributing|Updated|Posted|Published|Originally|Last\s+updated|Filed|Reported|"
    r"Translated|Adapted|Excerpted|Reprinted|Courtesy|Copyright)\b|From\s+.{1,80}?\s+by\s+[A-Z])"
)
# Where LanguageTool's sentence splitter stops wrongly: after a title or a dotted
# abbreviation (“Sens. Marco Rubio”, “until 2 a.m. Friday”), so the “sentence” it hands
# over starts or ends mid-sentence.
_ABBREVIATION = (
    r"(?:\b(?:Sens?|Reps?|Govs?|Gov|Del|Pres|Gen|Lt|Col|Sgt|Capt|Adm|Cmdr|Maj|Mr|Mrs|Ms|Drs?|Prof|"
    r"Rev|St|Jr|Sr|Inc|Co|Corp|Ltd|No|vs|Ft|Mt|Jan|Feb|Aug|Sept?|Oct|Nov|Dec|Ave|Blvd)\.|"
    r"\b[A-Za-z](?:\.[A-Za-z])+\.?[’']?s?)"
)
_ENDS_WITH_ABBREVIATION = re.compile(_ABBREVIATION + r"\s*$")
_ENDS_WITH_TITLE = re.compile(
    r"\b(?:Sens?|Reps?|Govs?|Del|Pres|Gen|Lt|Col|Sgt|Capt|Adm|Cmdr|Maj|Mr|Mrs|Ms|Drs?|Prof|Rev|St)\.$")
# Q&A transcripts and leftover markup: speech and code, not body sentences.
_TRANSCRIPT = re.compile(r"\s*(?:[QA]\s*[:.]|[A-Z][A-Z.'’ -]{1,40}:)\s")
_MARKUP = re.compile(r"<[A-Za-z][\w-]*(?:\s+[\w-]+=|>)")
HEADLINE_WORDS = 25
# A sentence that opens with a capitalised participle ("Passing ...", "“Ending ...").
_PARTICIPLE_OPENING = re.compile(r"""^["“'‘]?([A-Z][a-z]{2,}ing)\b""")
# Words in -ing that open whole sentences and prepositional phrases, not participles.
_NOT_PARTICIPLES = frozenset(
    "nothing something anything everything during morning evening spring string king "
    "thing ceiling".split())
_SENTENCE_BREAK = re.compile(r"""(?<=[.!?])["”’')]*\s+""")
_BYLINE = re.compile(r"By\s+[A-Z][\w.'’-]*(?:\s+(?:[A-Z][\w.'’-]*|and|of|de|van|von))*\W*$")
_LETTER = re.compile(r"[^\W\d_]")
_WORD = re.compile(r"[^\W\d_][\w'’-]*")

RULE = RuleInfo.documented(
    FRAGMENT, Category.FRAGMENT, Severity.SUGGESTION, Source.NEWS,
    what="A sentence in body copy with no main clause: a participial phrase (“Fearing a "
         "wider war.”, “Leaving thousands without a doctor.”), a prepositional phrase "
         "(“Despite the damage to several homes.”), a subordinate clause (“Although the "
         "network had promised to keep them open.”) or a “Which …” clause standing alone, "
         "also as a paragraph of its own; and a verbless noun phrase after a full sentence "
         "(“Pending approval of state funding.”).",
    why="A fragment left by an edit, a scraper or machine translation reads as a mistake "
        "and hides who did what. Deliberate fragments live in quotes and in very short "
        "exclamations (“Not anymore.”), which are not flagged; nor are headlines, captions, "
        "lists (also a list given as sentences that each open with a participle: “Passing "
        "the trade pact. Slashing the capital gains tax.”), bylines, datelines and credit "
        "lines.",
    fix="Join the fragment to the sentence before (“…, fearing a wider war.”) or give it a "
        "subject and a verb. Needs LanguageTool: without it fragments are not checked.",
    flag=("The White House ruled out joining any strike on Iran. Fearing a wider war in "
          "the Middle East.",
          "The clinics closed in June.\n\nAlthough the network had promised to keep them open.",
          "The council approved the plan. Pending approval of state funding."),
    pass_=("Fearing a wider war in the Middle East, the White House ruled out joining any "
           "strike on Iran.",
           "The talks failed. Not anymore.",
           "Her record in office: Passing the trade pact. Slashing the capital gains tax. "
           "Ending the old welfare program.",
           "Reporting by Jane Doe; Editing by John Roe.",
           "The general was blunt. “Not now. Not ever. Not while I am in charge.”"),
)


def _keep(doc: Document, hit: Hit) -> bool:
    if hit.segment is None or not 0 <= hit.segment < len(doc.segments):
        return False
    seg = doc.segments[hit.segment]
    if seg.kind is not SegmentKind.PARAGRAPH:
        return False
    if _TRANSCRIPT.match(seg.text) or _MARKUP.search(seg.text):
        return False
    sentence = seg.text[hit.start:hit.end].strip()
    if len(_WORD.findall(sentence)) < MIN_WORDS or _BYLINE.match(sentence) or _CREDIT.match(sentence):
        return False
    if sentence.endswith(("..", "…")):
        return False  # trailing off on purpose
    before = seg.text[:hit.start]
    if _ENDS_WITH_ABBREVIATION.search(before) or _ENDS_WITH_TITLE.search(sentence):
        return False  # a sentence split at an abbreviation, not a sentence
    if not any(_LETTER.search(s.text) for s in doc.segments[:hit.segment]):
        if not _LETTER.search(before) or len(seg.text.split()) <= HEADLINE_WORDS:
            return False  # the article's first line: a headline or dateline
    if not _LETTER.search(before) and hit.rule == VERBLESS_RULE:
        return False  # a verbless line of its own: a label, caption or heading
    if _in_run_in_list(sentence, before, seg.text[hit.end:]):
        return False
    return not scan_quotes(seg.text).inside(hit.start, hit.end)


def _in_run_in_list(sentence: str, before: str, after: str) -> bool:
    """Items of a list given as sentences, each opening with a participle ("Deregulating
    the telecom industry. Passing the trade agreement. Slashing the capital gains tax."):
    the sentence and the one next to it both open so."""
    if not _opens_with_participle(sentence):
        return False
    sentences = _SENTENCE_BREAK.split(before.rstrip())
    previous = sentences[-1] if sentences else ""
    following = _SENTENCE_BREAK.split(after.lstrip(), maxsplit=1)[0]
    return _opens_with_participle(previous) or _opens_with_participle(following)


def _opens_with_participle(sentence: str) -> bool:
    m = _PARTICIPLE_OPENING.match(sentence)
    return m is not None and m.group(1).lower() not in _NOT_PARTICIPLES


def _fragment_hit(hit: Hit, text: str) -> Hit:
    sentence = text[hit.start:hit.end].strip()
    shown = sentence if len(sentence) <= 60 else sentence[:57].rstrip() + "…"
    return Hit(FRAGMENT, hit.segment, hit.start, hit.end,
               f"Sentence fragment: “{shown}” has no main clause. Join it to the sentence "
               f"before or give it a subject and a verb.")


def refine(doc: Document, hits: Sequence[Hit]) -> tuple[list[Hit], list[Hit]]:
    """Split LanguageTool hits into news.fragment hits and the rest.

    Matches of the NEWSLINT_FRAGMENT rules become news.fragment hits when they pass the
    body-copy filters, and are dropped otherwise; every other hit is returned untouched.
    """
    fragments: list[Hit] = []
    others: list[Hit] = []
    seen: set[tuple[int | None, int, int]] = set()
    for hit in hits:
        if not hit.rule.startswith(FRAGMENT_MATCHES):
            others.append(hit)
        elif (hit.segment, hit.start, hit.end) not in seen and _keep(doc, hit):
            seen.add((hit.segment, hit.start, hit.end))   # one finding when two rules match
            fragments.append(_fragment_hit(hit, doc.segments[hit.segment].text))
    return fragments, others


class FragmentCheck:
    """news.fragment, found through LanguageTool (see :func:`refine`)."""

    rules = (RULE,)
    refines = LANGUAGETOOL_PREFIX
    needs_family = True

    def check(self, doc: Document, enabled: AbstractSet[str]) -> list[Hit]:
        return []  # the matching runs inside LanguageTool

    def refine(self, doc: Document, hits: Sequence[Hit]) -> tuple[list[Hit], list[Hit]]:
        return refine(doc, hits)
