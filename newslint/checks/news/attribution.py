"""Quote attribution: who said what, and the punctuation that ties a quote to its speaker.

Works one paragraph at a time on double quotation marks (curly or straight). Only
quotations that start an utterance count as speech: they open at a sentence or clause
boundary and begin with a capital. Partial quotes (the plan was “unworkable”), scare
quotes and titles of works are mid-sentence and are left alone, as are headlines,
headings, captions, lists, page furniture and Q&A transcripts.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import AbstractSet

from newslint.checks.base import Examples, FixSafety, Hit, RuleDoc, RuleInfo
from newslint.checks.news.quotes import Quote, QuoteScan, opens_with_quote, scan_quotes
from newslint.checks.news.speech import (
    SPEECH_VERBS, LeadIn, Speaker, Tag, lead_in, same_speaker, tag_after,
)
from newslint.documents.model import Document, Segment, SegmentKind
from newslint.findings import Category, Severity, Source

TWO_SPEAKERS = "news.attribution.two-speakers"
FOLLOW_ON = "news.attribution.unattributed-follow-on"
PERIOD_BEFORE_TAG = "news.attribution.period-before-tag"
SPLIT_QUOTE_COMMA = "news.attribution.split-quote-comma"
SAID_HE = "news.attribution.said-he"
UNBALANCED = "news.attribution.unbalanced-quote"

_CHECKED_KINDS = frozenset({SegmentKind.PARAGRAPH, SegmentKind.BLOCKQUOTE})
# Q&A transcripts: "Q: …", "A: …", "SMITH: …" (a speaker label, not a quote lead-in).
_TRANSCRIPT = re.compile(r"\s*(?:[QA]\s*[:.]|[A-Z][A-Z.'’ -]{1,40}:)\s+(?![“\"])")
_BOUNDARY_BEFORE_SPEECH = ":,.?!;—–(“”\""
_TAG_PUNCTUATION = ",?!—–…"
_WORD_END = re.compile(r"\w$")
# Closing single marks and spaces that end a quote which ends in a nested quote: ‘…,’ ”
_NESTED_CLOSE = " \t’'"
# After a "she said"-style tag: the sentence ends, or a time or place follows.
_TAG_TAIL = re.compile(
    r"\s*(?:[.,;:!?]|$|(?:on|in|at|during|after|before|later|afterward|afterwards|yesterday|"
    r"today|tonight|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|"
    r"from|by|to|with|of|as|when|while)\b)"
)
_SAID_HE = re.compile(
    rf"\b(?P<verb>{SPEECH_VERBS})\s+(?P<pron>he|she)\b(?=\s*(?:[.,;:!?]|$))", re.IGNORECASE
)
# What every _SAID_HE match contains: a cheap test that rules most paragraphs out.
_SAID_HE_PRONOUN = re.compile(r"\s(?:he|she)\b(?=\s*(?:[.,;:!?]|$))", re.IGNORECASE)
_GAP = re.compile(r"[ \t]+")


class _Paragraph:
    """One paragraph's text with the attribution facts several rules ask for, each
    worked out once: the tag after a closing mark, the lead-in before a quote, and
    whether a quote starts an utterance."""

    __slots__ = ("text", "_tags", "_leads", "_speech")

    def __init__(self, text: str):
        self.text = text
        self._tags: dict[int, Tag | None] = {}
        self._leads: dict[tuple[int, int], LeadIn | None] = {}
        self._speech: dict[tuple[int, int], bool] = {}

    def tag_after(self, pos: int) -> Tag | None:
        try:
            return self._tags[pos]
        except KeyError:
            tag = self._tags[pos] = tag_after(self.text, pos)
            return tag

    def lead_in(self, floor: int, quote_start: int) -> LeadIn | None:
        key = (floor, quote_start)
        try:
            return self._leads[key]
        except KeyError:
            lead = self._leads[key] = lead_in(self.text, floor, quote_start)
            return lead

    def speech_start(self, q: Quote, floor: int) -> bool:
        key = (q.start, floor)
        try:
            return self._speech[key]
        except KeyError:
            found = self._speech[key] = _speech_start(self, q, floor)
            return found


@dataclass(frozen=True)
class _Utterance:
    """A quotation that starts an utterance, with how it is attributed."""

    quote: Quote
    lead: LeadIn | None
    tag: Tag | None

    @property
    def speaker(self) -> Speaker | None:
        if self.tag is not None:
            return self.tag.speaker
        return self.lead.speaker if self.lead is not None else None

    @property
    def attributed(self) -> bool:
        return self.tag is not None or self.lead is not None


def _rule(rule_id: str, severity: Severity, what: str, why: str, fix: str, flag: tuple[str, ...],
          pass_: tuple[str, ...], fix_safety: FixSafety = FixSafety.NONE,
          category: Category = Category.ATTRIBUTION) -> RuleInfo:
    return RuleInfo(rule_id, category, severity, Source.NEWS, RuleDoc(what, why, fix), fix_safety,
                    Examples(flag, pass_), "text")


RULES = (
    _rule(
        TWO_SPEAKERS, Severity.WARNING,
        "A quote attributed to one speaker followed, in the same paragraph, by a quote "
        "attributed to someone else.",
        "Readers assume a paragraph of quotes has one speaker; running two together "
        "misattributes words, usually after an edit cut the paragraph break.",
        "Start a new paragraph for the second speaker, and check who said each quote.",
        ('He added: “We sent a very clear message to the region.” “You do not get away '
         'with it,” said Col. Peter Lerner, a military spokesman.',
         '“The budget is balanced,” said Mayor Ana Ruiz. “It is nothing of the sort,” '
         'said Councilman Tom Hale.'),
        ('“The budget is balanced,” said Mayor Ana Ruiz. “We kept every promise,” she added.',
         'Ruiz called the plan “balanced,” while Hale said it was “a fantasy.”'),
    ),
    _rule(
        FOLLOW_ON, Severity.WARNING,
        "A quote with no attribution of its own straight after a quote introduced by a colon.",
        "A colon introduces one quotation; a second, separately closed quote after it reads "
        "as if someone else said it.",
        "Merge the two into one quotation, or attribute the second (“…,” she added).",
        ('The official told reporters: “Israel has the right to defend itself.” '
         '“This is a long-standing policy.”',),
        ('The official told reporters: “Israel has the right to defend itself. '
         'This is a long-standing policy.”',
         'The official told reporters: “Israel has the right to defend itself.” '
         '“This is a long-standing policy,” she added.'),
    ),
    _rule(
        PERIOD_BEFORE_TAG, Severity.WARNING,
        "A quote ending in a period inside the marks, followed by its attribution tag.",
        "The attribution finishes the sentence, so the quote ends with a comma: "
        "“We will win,” she said.",
        "Replace the period before the closing quote mark with a comma.",
        ('“We will win.” she said.', '"The vote is final." the clerk said on Monday.'),
        ('“We will win,” she said.', '“We will win.” Turnout was high, officials said.'),
        FixSafety.SAFE,
    ),
    _rule(
        SPLIT_QUOTE_COMMA, Severity.WARNING,
        "A quote, or a quote split by its attribution, missing the comma between the quote "
        "and the tag.",
        "Without the comma the tag runs into the quotation and the sentence misreads.",
        "Put a comma inside the closing mark before the tag, and after the tag before a "
        "quote that resumes.",
        ('“We will win” she said, “and soon.”', '“We will win,” she said “and soon.”'),
        ('“We will win,” she said, “and soon.”', 'She said the plan was “unworkable” and “late.”'),
        FixSafety.SAFE,
    ),
    _rule(
        SAID_HE, Severity.SUGGESTION,
        "An inverted pronoun attribution: “said he” or “said she”.",
        "House style puts the pronoun first (“he said”); the inversion reads as archaic. "
        "Inverting a name or title (“said Jane Doe, a spokeswoman”) is fine.",
        "Write “he said” / “she said”.",
        ('“We will win,” said he.', '“Not today,” said she, smiling.'),
        ('“We will win,” he said.', '“We will win,” said Jane Doe, a spokeswoman.',
         'The mayor said he would resign.'),
        FixSafety.SAFE,
        Category.STYLE,
    ),
    _rule(
        UNBALANCED, Severity.WARNING,
        "A quotation mark that never closes, or a closing mark with no opening.",
        "An unbalanced quote leaves readers unsure where the speaker's words end.",
        "Add the missing mark. A quote that runs on into the next paragraph is fine when "
        "that paragraph opens with a quotation mark.",
        ('“We will win, she said.', 'She said the plan was unworkable.” Then she left.'),
        ('“We will win,” she said. Don’t count on it in the ’90s style of rock ’n’ roll.',
         '“The first part of a long quote runs on.\n\n“And ends in the next paragraph.”'),
    ),
)


def _speech_start(para: _Paragraph, q: Quote, floor: int) -> bool:
    """Whether quotation ``q`` starts an utterance (not a partial quote, scare quote or title)."""
    text = para.text
    inner = q.inner(text).lstrip()
    if not inner or not (inner[0].isupper() or inner[0].isdigit()):
        return False
    before = text[floor:q.start].rstrip()
    if not before:
        return True
    if before[-1] not in _BOUNDARY_BEFORE_SPEECH:
        return False
    if before[-1] == ",":
        return para.lead_in(floor, q.start) is not None
    return True


def _tag_of(para: _Paragraph, q: Quote) -> Tag | None:
    """The tag attributing ``q``, when the quote's punctuation leaves room for one."""
    inner = q.inner(para.text).rstrip(_NESTED_CLOSE)
    tag = para.tag_after(q.end)
    if tag is None or not inner:
        return None
    if inner[-1] in _TAG_PUNCTUATION or _WORD_END.search(inner) or tag.lead.strip() == ",":
        return tag
    return None


def _utterances(para: _Paragraph, scan: QuoteScan) -> list[_Utterance]:
    out: list[_Utterance] = []
    floor = 0
    for q in scan.quotes:
        if q.closed and para.speech_start(q, floor):
            out.append(_Utterance(q, para.lead_in(floor, q.start), _tag_of(para, q)))
        floor = q.end if q.end is not None else q.start + 1
    return out


def _hit(rule: str, seg: Segment, start: int, end: int, message: str,
         replacement: str | None = None) -> Hit:
    return Hit(rule, seg.index, start, end, message, replacement)


def _who(speaker: Speaker | None) -> str:
    return f"“{speaker.text}”" if speaker is not None else "an earlier speaker"


def _speaker_hits(seg: Segment, utterances: list[_Utterance], enabled: AbstractSet[str]) -> list[Hit]:
    hits: list[Hit] = []
    text = seg.text
    last: _Utterance | None = None          # the utterance just before
    last_known: _Utterance | None = None    # the latest one with a named speaker
    for u in utterances:
        end = u.tag.end if u.tag is not None else u.quote.end
        if (TWO_SPEAKERS in enabled and last_known is not None and u.speaker is not None
                and not same_speaker(last_known.speaker, u.speaker)):
            hits.append(_hit(
                TWO_SPEAKERS, seg, u.quote.start, end,
                f"This quote is attributed to {_who(u.speaker)}, the one before it to "
                f"{_who(last_known.speaker)}: start a new paragraph for the new speaker.",
            ))
        elif (FOLLOW_ON in enabled and last is not None and not u.attributed
              and last.lead is not None and last.lead.kind == "colon" and last.tag is None
              and not text[last.quote.end:u.quote.start].strip()):
            hits.append(_hit(
                FOLLOW_ON, seg, u.quote.start, end,
                "This quote has no attribution of its own after a colon-introduced quote: "
                "merge the two quotations or say who said this one.",
            ))
        last = u
        if u.speaker is not None:
            last_known = u
    return hits


def _punctuation_hits(seg: Segment, para: _Paragraph, scan: QuoteScan,
                      enabled: AbstractSet[str]) -> list[Hit]:
    hits: list[Hit] = []
    text = para.text
    floor = 0
    for q in scan.quotes:
        if not q.closed:
            floor = q.start + 1
            continue
        stripped = q.inner(text).rstrip(_NESTED_CLOSE)
        tag = para.tag_after(q.end)
        if tag is not None and stripped and tag.lead.strip() != ",":
            tail_ok = _TAG_TAIL.match(text, tag.end) is not None
            lower_tag = text[tag.start].islower()
            period_pos = q.start + 1 + len(stripped) - 1
            if (PERIOD_BEFORE_TAG in enabled and stripped.endswith(".")
                    and not stripped.endswith("..") and tail_ok
                    and (lower_tag or text[tag.end:tag.end + 1] in (".", ","))):
                hits.append(_hit(
                    PERIOD_BEFORE_TAG, seg, period_pos, period_pos + 1,
                    "Use a comma, not a period, before the closing quote mark when the "
                    "attribution follows: “…,” she said.", ",",
                ))
            elif (SPLIT_QUOTE_COMMA in enabled and _WORD_END.search(stripped)
                  and para.speech_start(q, floor) and tail_ok):
                close = q.end - 1
                hits.append(_hit(
                    SPLIT_QUOTE_COMMA, seg, close, q.end,
                    "Missing comma before the attribution: “…,” she said.", "," + text[close],
                ))
        if SPLIT_QUOTE_COMMA in enabled and tag is not None:
            hits.extend(_resumed_quote_hits(seg, scan, q, tag))
        floor = q.end
    return hits


def _resumed_quote_hits(seg: Segment, scan: QuoteScan, q: Quote, tag: Tag) -> list[Hit]:
    """“We will win,” she said “and soon.”: the tag needs a comma before the quote resumes."""
    text = seg.text
    gap = _GAP.match(text, tag.end)
    if gap is None:
        return []
    resume_at = gap.end()
    nxt = next((r for r in scan.quotes if r.start == resume_at), None)
    if nxt is None:
        return []
    resumed = nxt.inner(text).lstrip()
    if not resumed or not resumed[0].islower():
        return []
    return [_hit(SPLIT_QUOTE_COMMA, seg, tag.end, resume_at,
                 "Missing comma after the attribution before the quote resumes: "
                 "she said, “and soon.”", ", ")]


def _said_he_hits(seg: Segment) -> list[Hit]:
    hits: list[Hit] = []
    text = seg.text
    if _SAID_HE_PRONOUN.search(text) is None:
        return hits
    for m in _SAID_HE.finditer(text):
        before = text[:m.start()].rstrip()
        if not before or before[-1] not in ",”\"":
            continue
        verb, pron = m.group("verb"), m.group("pron")
        swapped = f"{pron.lower()} {verb.lower()}"
        if verb[0].isupper():
            swapped = swapped[0].upper() + swapped[1:]
        hits.append(_hit(SAID_HE, seg, m.start(), m.end(),
                         f"House style puts the pronoun first: “{swapped}”.", swapped))
    return hits


def _unbalanced_hits(doc: Document, seg: Segment, scan: QuoteScan) -> list[Hit]:
    hits: list[Hit] = []
    message_open = "This quotation mark is never closed."
    for q in scan.quotes[:-1]:
        if not q.closed:
            hits.append(_hit(UNBALANCED, seg, q.start, q.start + 1, message_open))
    if scan.ends_open:
        last = scan.quotes[-1]
        nxt = doc.segments[seg.index + 1] if seg.index + 1 < len(doc.segments) else None
        continues = nxt is not None and nxt.kind in _CHECKED_KINDS and opens_with_quote(nxt.text)
        if not continues:
            hits.append(_hit(UNBALANCED, seg, last.start, last.start + 1,
                             message_open + " (A quote may run on into the next paragraph "
                             "only if that paragraph opens with a quotation mark.)"))
    for pos in scan.stray_closes:
        hits.append(_hit(UNBALANCED, seg, pos, pos + 1,
                         "This closing quotation mark has no opening mark."))
    return hits


class AttributionCheck:
    """news.attribution.*: speakers, follow-on quotes, tag punctuation, “said he”, balance."""

    rules = RULES

    def check(self, doc: Document, enabled: AbstractSet[str]) -> list[Hit]:
        hits: list[Hit] = []
        for seg in doc.segments:
            if seg.kind not in _CHECKED_KINDS:
                continue
            scan = scan_quotes(seg.text)
            if UNBALANCED in enabled:
                hits.extend(_unbalanced_hits(doc, seg, scan))
            if SAID_HE in enabled:
                hits.extend(_said_he_hits(seg))
            if not scan.quotes:
                continue
            para = _Paragraph(seg.text)
            hits.extend(_punctuation_hits(seg, para, scan, enabled))
            if _TRANSCRIPT.match(seg.text) is None:
                hits.extend(_speaker_hits(seg, _utterances(para, scan), enabled))
        return hits
