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

from newslint.checks.base import FixSafety, Hit, RuleInfo
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
COMMA_WITHOUT_TAG = "news.attribution.comma-without-tag"
UNATTRIBUTED_QUOTE = "news.attribution.unattributed-quote"
NESTED_DOUBLE = "news.attribution.nested-double-quote"

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
# The rest of a tag's sentence when it only says where or to whom: “… Graham told CNN.”,
# “… Bush said in an interview with Hugh Hewitt.” (not “… Trump said he meant it.”)
_SHORT_TAG_TAIL = re.compile(
    r"\s+(?!(?:he|she|they|it|we|I|you|there|this|that|these|those|the|a|an|his|her|their|its|"
    r"our|no|not|nothing)\b)(?:(?!that\b)[\w’'.-]+\s+){0,9}?(?!that\b)[\w’'-]+\.(?:\s|$)"
)
# “He added,” before a new quote: a lead-in, not the tag of the quote before it.
_LEADS_INTO_QUOTE = re.compile(r"[,:]\s*[“\"]")


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
    return RuleInfo.documented(rule_id, category, severity, Source.NEWS, what=what, why=why, fix=fix,
                               flag=flag, pass_=pass_, fix_safety=fix_safety)


RULES = (
    _rule(
        TWO_SPEAKERS, Severity.WARNING,
        "Two quotations run together in one paragraph so that one seems to be someone "
        "else's: two closed quotes with no attribution between them (“A.” “B,” said X), or "
        "a quote attributed to a new speaker straight after another speaker's quote.",
        "Readers assume a paragraph of quotes has one speaker, and that a closed quote "
        "followed by a new one marks a change of speaker; either way words get "
        "misattributed, usually after an edit cut a paragraph break or an attribution. Quote, "
        "attribution, then a further quote by the same speaker (“…,” Doe said. “…”) is "
        "ordinary style and is not flagged.",
        "Start a new paragraph for the second speaker; join two quotes by one speaker into "
        "one quotation; or attribute the first (“…,” she said. “…”).",
        ('He added: “We sent a very clear message to the region.” “You do not get away '
         'with it,” said Col. Peter Lerner, a military spokesman.',
         '“The budget is balanced,” said Mayor Ana Ruiz. “It is nothing of the sort,” '
         'said Councilman Tom Hale.',
         '“We will not close the plant.” “We will keep every job we can,” said Mara Lind, '
         'the plant manager.'),
        ('“The budget is balanced,” said Mayor Ana Ruiz. “We kept every promise,” she added.',
         '“I’d have a beer with him,” Elleithee said. “The stories would be amazing.”',
         '“This is our night,” Rubio said. His adviser, Alex Conant, agreed. “It is a big '
         'night for us,” Conant said.',
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
        ('“We will win.” she said.', '"The vote is final." the clerk said on Monday.',
         '“Our costs rose faster than our profits.” the group’s director, Nina Costa, said '
         'on Tuesday.'),
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
    _rule(
        NESTED_DOUBLE, Severity.WARNING,
        "A quotation inside a quotation in double marks (“He called it “a disgrace” on "
        "air.”), which reads as one quote closing early and another left open.",
        "Double marks inside double marks leave the reader to work out which mark closes "
        "which quote; house style alternates them (double outside, single inside).",
        "Write the inner quotation with single marks: “He called it ‘a disgrace’ on air.”",
        ('“He called it “a disgrace” on the air,” she said.',
         'Smith tweeted: “People wearing “Settle For Hillary” shirts at her event… ouch.”'),
        ('“He called it ‘a disgrace’ on the air,” she said.',
         '“We will win,” she said. “Nobody doubts it.”'),
    ),
    _rule(
        COMMA_WITHOUT_TAG, Severity.WARNING,
        "A paragraph that ends in a quotation closed with a comma (“…,”) and no attribution "
        "after it.",
        "A comma inside the closing mark promises an attribution (“…,” she said); without "
        "one the sentence is unfinished, usually because an edit cut the tag or moved it to "
        "another paragraph.",
        "Add the attribution after the quote, or end the quote with a period.",
        ('“We will keep the clinic open as long as we can,”',
         'The mayor was defiant. “We are not going anywhere,”'),
        ('“We will keep the clinic open as long as we can,” the director said.',
         '“We will keep the clinic open as long as we can.”'),
    ),
    _rule(
        UNATTRIBUTED_QUOTE, Severity.WARNING,
        "A paragraph that is nothing but a quotation, with no speaker named in it or in "
        "the paragraphs on either side.",
        "Every quote needs a speaker the reader can find. A bare quote paragraph is fine "
        "after a paragraph that attributes speech (the same speaker goes on) or as part of "
        "a quote running over several paragraphs, but with no attribution anywhere near, "
        "the reader cannot tell who is speaking.",
        "Add the attribution (“…,” she said), or move the quote next to the paragraph that "
        "names its speaker.",
        ('The plant closed in March after 40 years.\n\n“We are against losing every job.”'
         '\n\nThe town council meets again on Monday.',),
        ('Union leader Jo Marsh spoke at the gates.\n\n“We are against losing every job.”'
         '\n\nThe town council meets again on Monday.',
         '“We are not against machines,” Marsh said.\n\n“We are against losing every job.”',
         'The plant closed in March.\n\n“We are against losing every job.”\n\nMarsh '
         'said the union would appeal.'),
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


def _ends_sentence(para: _Paragraph, q: Quote) -> bool:
    inner = q.inner(para.text).rstrip(_NESTED_CLOSE)
    return inner.endswith((".", "?", "!")) and not inner.endswith("..")


_BARE_GAP = re.compile(r"[\s.,;:—–-]*")
# The rest of a tag's sentence: “…,” Okafor told reporters outside the chamber.
_TAG_SENTENCE_TAIL = re.compile(r"[^.!?“”\"]*[.!?]?\s*")


def _follows(text: str, last: _Utterance, u: _Utterance) -> bool:
    """Whether quote ``u`` comes straight after utterance ``last`` (its tag's sentence at most)."""
    if last.tag is None:
        return _BARE_GAP.fullmatch(text, last.quote.end, u.quote.start) is not None
    return _TAG_SENTENCE_TAIL.fullmatch(text, last.tag.end, u.quote.start) is not None


def _continues(last: _Utterance, u: _Utterance) -> bool:
    """Whether ``u``'s tag plainly names ``last``'s speaker again (“…,” she added)."""
    if last.speaker is None or u.speaker is None:
        return False
    return u.speaker.is_pronoun or u.speaker.head == last.speaker.head


def _speaker_hits(seg: Segment, para: _Paragraph, utterances: list[_Utterance],
                  enabled: AbstractSet[str]) -> list[Hit]:
    hits: list[Hit] = []
    text = seg.text
    last: _Utterance | None = None          # the utterance just before
    last_known: _Utterance | None = None    # the latest one with a named speaker
    for u in utterances:
        end = u.tag.end if u.tag is not None else u.quote.end
        # Two closed quotes with nothing between them: “A.” “B,” said X.
        adjacent = (last is not None and last.tag is None
                    and not text[last.quote.end:u.quote.start].strip())
        # A tag naming a new speaker right after the previous utterance, with no sentence of
        # narrative between to introduce them: “A,” X said on Monday. “B,” Y said.
        follows = last is not None and _follows(text, last, u)
        if (FOLLOW_ON in enabled and adjacent and not u.attributed
                and last.lead is not None and last.lead.kind == "colon"):
            hits.append(_hit(
                FOLLOW_ON, seg, u.quote.start, end,
                "This quote has no attribution of its own after a colon-introduced quote: "
                "merge the two quotations or say who said this one.",
            ))
        elif (TWO_SPEAKERS in enabled and adjacent and _ends_sentence(para, last.quote)
              and not _continues(last, u)):
            hits.append(_hit(
                TWO_SPEAKERS, seg, u.quote.start, end,
                "Two closed quotations run together with no attribution between them, so the "
                "second reads as someone else's: join them into one quotation, or attribute "
                "each.",
            ))
        elif (TWO_SPEAKERS in enabled and follows and last_known is not None
              and u.tag is not None and u.lead is None
              and not same_speaker(last_known.speaker, u.speaker)):
            hits.append(_hit(
                TWO_SPEAKERS, seg, u.quote.start, end,
                f"This quote is attributed to {_who(u.speaker)}, the one before it to "
                f"{_who(last_known.speaker)}: start a new paragraph for the new speaker.",
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
            lower_tag = text[tag.start].islower()
            tail_ok = (lower_tag or _TAG_TAIL.match(text, tag.end) is not None
                       or _SHORT_TAG_TAIL.match(text, tag.end) is not None)
            period_pos = q.start + 1 + len(stripped) - 1
            if (PERIOD_BEFORE_TAG in enabled and stripped.endswith(".")
                    and not stripped.endswith("..") and tail_ok
                    and (lower_tag or _ends_tag_sentence(para, q, floor, tag))):
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


def _ends_tag_sentence(para: _Paragraph, q: Quote, floor: int, tag: Tag) -> bool:
    """A capitalised tag after “….”: it is the quote's tag (not a new sentence) when the
    quote starts an utterance and the tag's sentence ends at once or after a short “where
    or to whom” (“Graham told CNN.”), not leading into a new quote."""
    text = para.text
    if _LEADS_INTO_QUOTE.match(text, tag.end) is not None or not para.speech_start(q, floor):
        return False
    return text[tag.end:tag.end + 1] in (".", ",") or _SHORT_TAG_TAIL.match(text, tag.end) is not None


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
    """Unbalanced marks, reading straight and curly marks as one set or, when a paragraph
    nests one style inside the other ("… “too loud” …"), each on its own: whichever
    reading leaves fewer marks unpaired is the one a reader makes."""
    hits = _unbalanced_in(doc, seg, scan)
    # Leftover markup: its quote marks delimit attribute values (looked for only in a
    # paragraph with a mark unpaired, since the search costs more than the pairing).
    if hits and _MARKUP_ATTRIBUTE.search(seg.text):
        return []
    if hits:
        inner = _nested_curly_quotes(seg.text)
        if inner:
            return [_hit(NESTED_DOUBLE, seg, start, end,
                         "A quotation inside a quotation takes single marks: ‘…’.") for start, end in inner]
    if hits and '"' in seg.text and ("“" in seg.text or "”" in seg.text):
        straight = scan_quotes(seg.text.translate(_CURLY_AS_APOSTROPHE))
        curly = scan_quotes(seg.text.translate(_STRAIGHT_AS_APOSTROPHE))
        apart = _unbalanced_in(doc, seg, straight) + _unbalanced_in(doc, seg, curly)
        if len(apart) < len(hits):
            return sorted(apart, key=lambda h: h.start)
    return hits


def _nested_curly_quotes(text: str) -> list[tuple[int, int]]:
    """The inner quotations ((start, end) of each) when a paragraph's marks are all curly
    and pair up only as quotes nested in quotes: “ … “ … ” … ”. Empty otherwise."""
    if '"' in text:
        return []
    depth, deepest, opened, inner = 0, 0, [], []
    for m in _CURLY_MARK.finditer(text):
        if m.group() == "“":
            opened.append(m.start())
            depth += 1
            deepest = max(deepest, depth)
        else:
            if not opened:
                return []
            start = opened.pop()
            depth -= 1
            if depth >= 1:
                inner.append((start, m.end()))
    return inner if depth == 0 and deepest >= 2 else []


_CURLY_MARK = re.compile("[“”]")
_MARKUP_ATTRIBUTE = re.compile(r"<[A-Za-z][\w-]*\s+[\w-]+=|\w=[“”\"]")
_CURLY_AS_APOSTROPHE = str.maketrans("“”", "’’")
_STRAIGHT_AS_APOSTROPHE = str.maketrans('"', "’")


def _unbalanced_in(doc: Document, seg: Segment, scan: QuoteScan) -> list[Hit]:
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


def _comma_without_tag_hits(seg: Segment, scan: QuoteScan) -> list[Hit]:
    """A paragraph ending “…,” with nothing after it: the attribution the comma promises is gone."""
    text = seg.text
    last = scan.quotes[-1] if scan.quotes else None
    if last is None or not last.closed or text[last.end:].strip():
        return []
    inner = last.inner(text).rstrip(_NESTED_CLOSE)
    if not inner.endswith(","):
        return []
    comma = last.start + len(inner)
    return [_hit(COMMA_WITHOUT_TAG, seg, comma, comma + 1,
                 "This quotation ends in a comma but no attribution follows: add who said it "
                 "(“…,” she said) or end the quote with a period.")]


_OUTSIDE_QUOTES = re.compile(r"[\s.,;:!?…—–()\[\]-]*")
# What shows a neighbouring paragraph attributes speech: a verb of saying in any form
# (stems: says, added, telling, praised, criticized …), “according to”, a lead-in colon
# at its end, or an attribution line of its own (“— Jane Doe, Philadelphia.”).
_SPEECH_EVIDENCE = re.compile(
    r"\b(?:(?:say|add|tell|ask|explain|note|declare|insist|argue|warn|recall|repl(?:y|ie)|answer|"
    r"respond|continue|acknowledge|concede|conclude|emphasi[sz]e|stress|observe|remark|"
    r"testif(?:y|ie)|tweet|shout|yell|whisper|joke|quip|agree|caution|predict|promise|admit|"
    r"announce|recount|lament|complain|plead|boast|vow|suggest|wonder|exclaim|speak|talk|"
    r"praise|critici[sz]e|describe|call|urge|thank|blast|slam|mock|echo|interrupt|chime|"
    r"quote)(?:s|es|d|ed|ing)?|said|told|wrote|written|spoke|spoken|pled|addressed|"
    r"according to|statement|interview|remarks|press conference|spokes\w*)\b"
    r"|:\s*$|^\s*[-–—―]\s*[A-Z]|[–—―]\s*[A-Z][^–—―]{0,60}$",
    re.IGNORECASE,
)
_MIN_BARE_QUOTE_WORDS = 3
_ASIDE_WORDS = 5


def _is_bare_quote(seg: Segment, scan: QuoteScan) -> bool:
    """A paragraph that is nothing but closed quotations opening like speech."""
    if seg.kind is not SegmentKind.PARAGRAPH or not scan.quotes or scan.stray_closes:
        return False
    text = seg.text
    pos = 0
    for q in scan.quotes:
        if not q.closed or _OUTSIDE_QUOTES.fullmatch(text, pos, q.start) is None:
            return False
        pos = q.end
    if _OUTSIDE_QUOTES.fullmatch(text, pos) is None:
        return False
    inner = scan.quotes[0].inner(text).lstrip(" '‘")
    return bool(inner) and (inner[0].isupper() or inner[0].isdigit())


def _quoted_words(seg: Segment, scan: QuoteScan) -> int:
    return sum(len(q.inner(seg.text).split()) for q in scan.quotes)


def _speech_near(doc: Document, start: int, step: int) -> bool:
    """Whether speech is attributed in the nearest paragraph from ``start`` in direction
    ``step``, looking past asides (“She pauses.”, a photo credit) to the first paragraph of
    more than a few words."""
    i = start
    while 0 <= i < len(doc.segments):
        seg = doc.segments[i]
        if _SPEECH_EVIDENCE.search(seg.text):
            return True
        if len(seg.text.split()) > _ASIDE_WORDS:
            return False
        i += step
    return False


def _unattributed_quote_hits(doc: Document, scans: dict[int, QuoteScan],
                             covered: AbstractSet[int] = frozenset()) -> list[Hit]:
    """Runs of bare-quote paragraphs with no attribution in them or on either side.

    Paragraphs in ``covered`` already carry a finding for their missing attribution
    (a quote ending “…,”): the run still counts them, but they are not reported twice.
    """
    hits: list[Hit] = []
    segments = doc.segments

    def bare(i: int) -> bool:
        return _is_bare_quote(segments[i], scans.get(i, _EMPTY_SCAN))

    i = 0
    while i < len(segments):
        if not bare(i):
            i += 1
            continue
        first = last = i
        while last + 1 < len(segments) and bare(last + 1):
            last += 1
        i = last + 1
        flagged = next((j for j in range(first, last + 1)
                        if _quoted_words(segments[j], scans[j]) >= _MIN_BARE_QUOTE_WORDS
                        and j not in covered), None)
        if flagged is None:
            continue
        before = segments[first - 1] if first > 0 else None
        # An open quote running on from the paragraph before: a multi-paragraph quote.
        if before is not None and scans.get(before.index, _EMPTY_SCAN).ends_open:
            continue
        if _speech_near(doc, first - 1, -1) or _speech_near(doc, last + 1, 1):
            continue
        seg, scan = segments[flagged], scans[flagged]
        hits.append(_hit(UNATTRIBUTED_QUOTE, seg, scan.quotes[0].start, scan.quotes[-1].end,
                         "This paragraph is a bare quotation and no speaker is named in it "
                         "or next to it: say who said it."))
    return hits


_EMPTY_SCAN = QuoteScan((), ())


class AttributionCheck:
    """news.attribution.*: speakers, follow-on and bare quotes, tag punctuation, “said he”, balance."""

    rules = RULES

    def check(self, doc: Document, enabled: AbstractSet[str]) -> list[Hit]:
        hits: list[Hit] = []
        scans: dict[int, QuoteScan] = {}
        covered: set[int] = set()
        for seg in doc.segments:
            if seg.kind not in _CHECKED_KINDS:
                continue
            scan = scans[seg.index] = scan_quotes(seg.text)
            if UNBALANCED in enabled or NESTED_DOUBLE in enabled:
                hits.extend(h for h in _unbalanced_hits(doc, seg, scan) if h.rule in enabled)
            if SAID_HE in enabled:
                hits.extend(_said_he_hits(seg))
            if not scan.quotes:
                continue
            para = _Paragraph(seg.text)
            hits.extend(_punctuation_hits(seg, para, scan, enabled))
            if COMMA_WITHOUT_TAG in enabled:
                dangling = _comma_without_tag_hits(seg, scan)
                hits.extend(dangling)
                covered.update(h.segment for h in dangling)
            if _TRANSCRIPT.match(seg.text) is None:
                hits.extend(_speaker_hits(seg, para, _utterances(para, scan), enabled))
        if UNATTRIBUTED_QUOTE in enabled:
            hits.extend(_unattributed_quote_hits(doc, scans, covered))
        return hits
