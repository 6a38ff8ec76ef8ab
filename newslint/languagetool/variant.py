"""Which English a story is written in, and the LanguageTool matches that only say it is
not American English.

LanguageTool checks newslint's requests as American English (``en-US``). Its speller
knows the British dictionary too: a word valid only there is reported as "Possible
spelling mistake. ‘programme’ is British English." A story written in British English
(as most of the world's English-language press is) is not misspelt, so:

- a story is **British** when LanguageTool marks more of its distinct words as British
  English than it uses distinct American spellings of words that have a British form
  (``color``, ``center``, ``defense``, ``traveled``; the pairs that differ only
  systematically, -or/-our, -er/-re, -ense/-ence, -og/-ogue, e/ae/oe, l/ll, from the
  ``breame`` package's list, with ``license`` and every -ize/-ise pair left out, since
  British copy writes both);
- a speller match whose first suggestion is the flagged word's American form (-our/-or and
  the other systematic pairs, -ise/-ize, ``co-ordinator``) marks a British word too, for
  the words (``defenceman``) the British dictionary lacks;
- in a British story, the spelling matches on British words are dropped, and so are the
  matches whose message starts "In American English" (``lt.PER_CENT``: "per cent").

A story that mixes the two keeps every match: "favourite" in an American story, or in
one with as many American spellings, is the inconsistency a copy desk wants to see.
Deciding from the matches of the one request keeps LanguageTool's cost unchanged.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterable, Sequence

from newslint.checks.base import Hit
from newslint.documents.model import Document

SPELLER = "lt.MORFOLOGIK_RULE_EN_US"
_BRITISH_NOTE = re.compile(r"[‘'“\"](?P<word>[^’'”\"]+)[’'”\"] is British English")
_AMERICAN_ADVICE = "In American English"
_LOWER_WORD = re.compile(r"(?<![\w'’-])[a-z]+(?![\w'’-])")
# The systematic differences (American -> British).
_SYSTEMATIC = (("or", "our"), ("er", "re"), ("ense", "ence"), ("og", "ogue"), ("e", "ae"), ("e", "oe"),
               ("l", "ll"))
_AMBIGUOUS = frozenset({"license", "licensed", "licenses", "licensing"})


def _systematic(american: str, british: str) -> bool:
    for a, b in _SYSTEMATIC:
        for m in re.finditer(a, american):
            if american[:m.start()] + b + american[m.end():] == british:
                return True
    return False


@lru_cache(maxsize=1)
def american_spellings() -> frozenset[str]:
    """American spellings whose British form differs only systematically."""
    from breame.data.spelling_constants import AMERICAN_ENGLISH_SPELLINGS

    return frozenset(a for a, b in AMERICAN_ENGLISH_SPELLINGS.items()
                     if a not in _AMBIGUOUS and not re.search(r"[iy]z", a) and _systematic(a, b))


def british_word(hit: Hit, flagged: str | None = None) -> str | None:
    """The word of a speller match LanguageTool calls British English, else None. Given the
    ``flagged`` word, a match whose first suggestion is its American form (``defenceman``:
    ``defenseman``; ``equalised``: ``equalized``; ``co-ordinator``: ``coordinator``) is one
    too, though the British dictionary lacks the word."""
    if hit.rule != SPELLER:
        return None
    m = _BRITISH_NOTE.search(hit.message)
    if m:
        return m.group("word").lower()
    if flagged and hit.replacement and is_british_form(hit.replacement.lower(), flagged.lower()):
        return flagged.lower()
    return None


# American -> British, as a speller's suggestion relates to the flagged word. Tighter than
# _SYSTEMATIC: a swap of "er" or a doubled "l" anywhere is also the shape of a slip, so
# those count only where British spelling has them (centre, centred; travelled).
_SUGGESTED = tuple((re.compile(a), b) for a, b in (
    (r"or(?=(s|ed|ing|ful|ite|ites)?$)", "our"), (r"er(?=s?$)", "re"), (r"ense(?=(s|d|man|men|less)?$)", "ence"),
    (r"og(?=(s)?$)", "ogue"), (r"iz(?=(e|es|ed|ing|ation|ations|er|ers)$)", "is"),
    (r"yz(?=(e|es|ed|ing)$)", "ys"), (r"l(?=(ed|ing|er|ers)$)", "ll"), (r"(?<=[a-z])e", "ae"),
    (r"(?<=[a-z])e", "oe"),
))


def is_british_form(american: str, british: str) -> bool:
    """Whether ``british`` is ``american`` spelt the British way: -our, -re, -ence, -ogue,
    -ise, -yse, a doubled l before an ending, ae/oe, or a hyphen after a prefix (co-ordinate)."""
    if american == british or not american.isalpha():
        return False
    if british.replace("-", "") == american and british.count("-") == 1:
        return True
    for pattern, british_part in _SUGGESTED:
        for m in pattern.finditer(american):
            if american[:m.start()] + british_part + american[m.end():] == british:
                # -er/-re is also a swap of two letters, the commonest slip (lawyres):
                # only the pairs the breame list holds count.
                return british_part != "re" or _known_pair(american, british)
    return False


def _known_pair(american: str, british: str) -> bool:
    from breame.data.spelling_constants import AMERICAN_ENGLISH_SPELLINGS

    return AMERICAN_ENGLISH_SPELLINGS.get(american) == british


def american_words(doc: Document) -> set[str]:
    known = american_spellings()
    return {w for seg in doc.segments for w in _LOWER_WORD.findall(seg.text) if w in known}


def _flagged(doc: Document, hit: Hit) -> str | None:
    if hit.segment is None:
        return None
    return doc.segments[hit.segment].text[hit.start:hit.end]


def is_british(doc: Document, hits: Iterable[Hit]) -> bool:
    british = {w for w in (british_word(h, _flagged(doc, h)) for h in hits) if w}
    return bool(british) and len(british) > len(american_words(doc))


def without_american_only(doc: Document, hits: Sequence[Hit]) -> list[Hit]:
    """``hits`` less the matches that only say a British story is not American English."""
    hits = list(hits)
    if not any(british_word(h, _flagged(doc, h)) for h in hits) or not is_british(doc, hits):
        return hits
    return [h for h in hits if british_word(h, _flagged(doc, h)) is None
            and not h.message.startswith(_AMERICAN_ADVICE)]
