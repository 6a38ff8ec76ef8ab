"""Recognising who a quotation is attributed to: lead-ins, tags and their speakers.

A quotation is attributed by a lead-in before it (“He added:”, “she said,”,
“According to the mayor,”) or by a tag after it (“…,” she said / “…,” said Jane Doe).
The speaker is kept as its head word (Doe, official, she) so that two attributions can
be compared without resolving who a pronoun stands for.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

SPEECH_VERBS = (
    "said|says|say|added|adds|told|tells|asked|asks|wrote|writes|explained|explains|"
    "noted|notes|continued|recalled|replied|answered|insisted|argued|warned|declared|"
    "stated|acknowledged|conceded|concluded|emphasized|stressed|observed|remarked|"
    "testified|tweeted|posted|shouted|yelled|whispered|joked|quipped|agreed|countered|"
    "responded|cautioned|predicted|promised|admitted|announced|recounted|lamented|"
    "complained|pleaded|boasted|vowed|suggested|wondered|exclaimed"
)
PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i", "you"})

_VERB = rf"(?:{SPEECH_VERBS})\b"
_PRON = r"(?:[Hh]e|[Ss]he|[Tt]hey|[Ii]t|[Ww]e|I|[Yy]ou)\b"
_WORD = r"[\w'’-]+"
_NAME_TOKEN = r"(?:[A-Z][\w'’.-]*|(?:de|da|van|von|bin|al|der|del|la|le)\b)"
_NAME = rf"[A-Z][\w'’.-]*(?:\s+{_NAME_TOKEN}){{0,5}}"
_DET = r"(?:[Tt]he|[Aa]n?|[Aa]nother|[Oo]ne|[Tt]wo|[Tt]hree|[Ss]everal|[Ss]ome|[Mm]any|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts|[Oo]ur)\b"
_NP_LAZY = rf"{_DET}(?:\s+{_WORD}){{1,5}}?"
_NP_GREEDY = rf"{_DET}(?:\s+{_WORD}){{1,5}}"
_ADVERB = r"(?:(?:also|later|then|again|simply|[a-z]+ly)\s+)?"

# An appositive between a speaker and the verb: “…,” the group's director, Nina Costa, said
_APPOSITIVE = r"(?:,\s+[^,;:“”\"]{2,80}?,)?"
# Speaker before verb: “…,” she said / “…,” the official added / “…,” Doe said
TAG_SPEAKER_FIRST = re.compile(
    rf"(?P<lead>\s*(?:,\s*)?)(?P<spk>{_PRON}|{_NP_LAZY}|{_NAME}){_APPOSITIVE}\s+{_ADVERB}(?P<verb>{_VERB})")
# Verb before speaker: “…,” said Jane Doe, a spokeswoman / “…,” said the mayor
TAG_VERB_FIRST = re.compile(rf"(?P<lead>\s*(?:,\s*)?)(?P<verb>{_VERB})\s+(?P<spk>{_PRON}|{_NP_GREEDY}|{_NAME})")
_ACCORDING = re.compile(rf"\b[Aa]ccording to\s+(?P<spk>{_NP_GREEDY}|{_NAME}|{_PRON})")
_LEAD_IN_SPEAKER = re.compile(rf"(?<![\w'’-])(?P<spk>{_PRON}|{_NP_LAZY}|{_NAME})\s+{_ADVERB}(?P<verb>{_VERB})")
_STOP_WORDS = frozenset(
    "on in at for of to with who which that after before during from by about as "
    "late early this last next yesterday today tonight".split()
)
_SENTENCE_BREAK = re.compile(r"(?<=[.!?])[”\"]?\s+(?=[A-Z“\"])")
_SPEAKER_WORD = re.compile(r"[\w'’.-]+")
_POSSESSIVE_OR_DOT = re.compile(r"(?:'s|’s|[.'’])$")
_DETERMINER = re.compile(_DET)


@dataclass(frozen=True)
class Speaker:
    text: str
    head: str          # lower-cased head word: "doe", "official", "she"
    is_pronoun: bool
    is_name: bool      # a proper name (capitalised, no determiner)


def speaker_of(phrase: str) -> Speaker:
    words = _SPEAKER_WORD.findall(phrase.split(",")[0])
    kept: list[str] = []
    for i, w in enumerate(words):
        if i > 0 and w.lower() in _STOP_WORDS:
            break
        kept.append(w)
    head = _POSSESSIVE_OR_DOT.sub("", kept[-1] if kept else phrase).lower()
    first = kept[0] if kept else ""
    is_pronoun = len(kept) == 1 and first.lower() in PRONOUNS
    is_name = not is_pronoun and first[:1].isupper() and _DETERMINER.fullmatch(first) is None
    return Speaker(" ".join(kept), head, is_pronoun, is_name)


def same_speaker(a: Speaker | None, b: Speaker | None) -> bool:
    """False only when ``b`` is clearly someone other than ``a``; unknowns count as the same.

    Clearly someone else: two different pronouns (she … he), or two speakers of the same
    kind (two names, two titles) with different head words. A pronoun after a name, or a
    title after a name, may well be the same person.
    """
    if a is None or b is None:
        return True
    if a.is_pronoun or b.is_pronoun:
        return not (a.is_pronoun and b.is_pronoun) or a.head == b.head
    if a.is_name != b.is_name:
        return True                      # Doe … the spokeswoman: may well be one person
    return a.head == b.head


@dataclass(frozen=True)
class Tag:
    """An attribution tag right after a quotation: ``start..end`` covers it."""

    start: int
    end: int
    speaker: Speaker
    speaker_first: bool
    lead: str          # what stands between the closing mark and the tag (“, ” or “ ”)


def tag_after(text: str, pos: int) -> Tag | None:
    """The attribution tag starting at ``pos`` (just past a closing quote mark), if any."""
    for pattern, speaker_first in ((TAG_VERB_FIRST, False), (TAG_SPEAKER_FIRST, True)):
        m = pattern.match(text, pos)
        if m and "\n\n" not in m.group("lead"):
            return Tag(m.start("lead") + len(m.group("lead")), m.end(), speaker_of(m.group("spk")),
                       speaker_first, m.group("lead"))
    return None


@dataclass(frozen=True)
class LeadIn:
    kind: str                  # "colon" or "comma"
    speaker: Speaker | None    # None when the lead-in names no one (“The message was blunt:”)


def last_sentence(text: str) -> str:
    return _SENTENCE_BREAK.split(text)[-1]


def lead_in(text: str, floor: int, quote_start: int) -> LeadIn | None:
    """The lead-in that introduces the quotation opening at ``quote_start``.

    ``floor`` is where the lead-in may begin (the paragraph start or the previous
    quotation's end).
    """
    before = text[floor:quote_start].rstrip()
    if not before or before[-1] not in ":,":
        return None
    sentence = last_sentence(before)
    speaker = None
    m = _ACCORDING.search(sentence) or _LEAD_IN_SPEAKER.search(sentence)
    if m:
        speaker = speaker_of(m.group("spk"))
    if before[-1] == ":":
        return LeadIn("colon", speaker)
    return LeadIn("comma", speaker) if speaker else None
