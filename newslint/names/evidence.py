"""Which capitalised words an article itself marks as names.

A word LanguageTool does not know is taken as a proper name when it is capitalised
(``Caddell``, ``DuVernay``, ``JASTA``) and the article gives at least one sign of a
name for it:

- it is capitalised in mid-sentence, here or anywhere else in the article;
- it is used more than once;
- a title comes before it (Sen., Rep., Dr., Mr., Gov., President, …);
- it is part of a run of capitalised words (``Gennifer Flowers``, ``Aung San Suu Kyi``);
- it takes a possessive (``Caddell’s``);
- it is written in capitals only: an acronym or a dateline's place (``BCCI``, ``MARGAO``).

A capitalised unknown word with none of these (a sentence-initial ``Presdiential``
used once) stays a spelling finding.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import NamedTuple

from newslint.checks.yaml_rules.sentences import sentence_starts
from newslint.documents.model import Document

# A word: letters, inner apostrophes or hyphens allowed (O’Neill, Holtz-Eakin, Caddell’s).
WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
_POSSESSIVE = re.compile(r"['’]s$|(?<=s)['’]$")
TITLES = frozenset(
    "Mr Mrs Ms Miss Dr Prof Sen Senator Rep Representative Gov Governor Gen General Lt Col Maj "
    "Capt Sgt Adm Cmdr Rev Pres President Judge Justice Secretary Chairman Chairwoman Mayor "
    "Minister Premier Chancellor King Queen Prince Princess Pope Sir Dame Lord Lady Sheriff "
    "Officer Detective Coach Commissioner Ambassador Speaker Leader".split())
# What may stand between a sentence start and its first word.
_OPENERS = " \t\n\"'“‘([—–-…"


class Mention(NamedTuple):
    """One capitalised word of the article (its possessive stripped)."""

    segment: int
    start: int
    end: int
    form: str
    mid_sentence: bool
    after_title: bool
    in_run: bool
    possessive: bool


def strip_possessive(word: str) -> str:
    if "'" not in word and "’" not in word:     # most words: nothing to strip
        return word
    return _POSSESSIVE.sub("", word)


def is_capitalised(word: str) -> bool:
    """Starts with a capital, or has one inside (``iPhone``, ``eBay``)."""
    if word.islower():          # most words: no capital anywhere
        return False
    return bool(word) and (word[0].isupper() or any(c.isupper() for c in word[1:]))


@dataclass
class NameIndex:
    """Every capitalised word of a document, with the signs of a name around it."""

    mentions: list[Mention] = field(default_factory=list)
    counts: Counter = field(default_factory=Counter)          # form -> mentions
    mid_counts: Counter = field(default_factory=Counter)      # form -> mentions in mid-sentence

    @classmethod
    def build(cls, doc: Document) -> "NameIndex":
        index = cls()
        for number, seg in enumerate(doc.segments):
            index._add_segment(number, seg.text)
        return index

    def _add_segment(self, number: int, text: str) -> None:
        starts: set[int] | None = None
        # The capitalised words only (``iPhone`` too): a word's neighbour counts only when
        # the gap between them holds no letter, so a skipped lower-case word between two
        # capitalised ones always breaks their adjacency.
        caps = _capitalised_words(text)
        last = len(caps) - 1
        for i, (start, end, word) in enumerate(caps):
            form = strip_possessive(word)
            if not is_capitalised(form):
                continue
            if starts is None:
                starts = set(sentence_starts(text))
            prev_adjacent = i > 0 and _adjacent(text, caps[i - 1][1], start)
            after_title = prev_adjacent and caps[i - 1][2].rstrip(".") in TITLES
            in_run = (prev_adjacent and not after_title) \
                or (i < last and _adjacent(text, end, caps[i + 1][0]))
            mid = not _starts_sentence(starts, text, start)
            self.mentions.append(Mention(number, start, start + len(form), form, mid, after_title, in_run,
                                         form != word))
            self.counts[form] += 1
            if mid:
                self.mid_counts[form] += 1

    def is_name(self, form: str, segment: int, start: int) -> bool:
        """Whether the article marks ``form`` (at ``segment``/``start``) as a name."""
        if not is_capitalised(form):
            return False
        if self.mid_counts[form] or self.counts[form] > 1 or _all_capitals(form):
            return True
        for mention in self.mentions:
            if mention.segment == segment and mention.start == start:
                return mention.after_title or mention.in_run or mention.possessive
        return False


def _capitalised_words(text: str) -> list[tuple[int, int, str]]:
    """(start, end, word) of each capitalised word of ``text``, in order.

    Words are listed without their places (``findall`` is cheaper than a match object a
    word) and only the capitalised ones are then looked for, from the end of the last one
    found: every capital letter is part of a word and the words between are lower case,
    so the first occurrence is the word's own.
    """
    out: list[tuple[int, int, str]] = []
    end = 0
    find = text.find
    for word in WORD.findall(text):
        # ``islower`` first: a plain call that turns most words away.
        if word.islower() or not is_capitalised(word):
            continue
        start = find(word, end)
        end = start + len(word)
        out.append((start, end, word))
    return out


def _all_capitals(form: str) -> bool:
    """An acronym or a dateline's place (``BCCI``, ``MARGAO``): capitals only, 2+ letters."""
    letters = [c for c in form if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def _adjacent(text: str, end: int, start: int) -> bool:
    """Only spaces (or a period of an initial or title and a space) between two words."""
    gap = text[end:start]
    return gap.strip(" .") == "" and len(gap) <= 3 and "\n" not in gap


def _starts_sentence(starts: set[int], text: str, offset: int) -> bool:
    i = offset
    while i > 0 and text[i - 1] in _OPENERS:
        i -= 1
    return i in starts
