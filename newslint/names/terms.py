"""Words a speller does not know that are not slips: compounds of known words, and runs of
words in another language.

Both are read from the article itself and from an English dictionary (Hunspell's
``en_US``, bundled with the ``chunspell`` package newslint already uses for Vale's
``spelling`` rules):

- a **compound** is a word whose parts are English words: joined by hyphens
  (``socio-cultural``, ``co-ordinator``: each part a word or a common prefix) or closed up
  (``homestand``, ``popstar``: two words of 3+ letters each). A slip of one letter
  rarely leaves two words behind, so the writer's compound is not taken for one;
- a **foreign run** is a stretch of three or more words none of which the dictionary
  knows (a possessive read without its 's), at least three of them lowercase (a quoted
  line of Hindi or French, a paragraph in another language); names are capitalised, so a
  run of names is not one. A slip sits in English text and breaks no such run.
"""
from __future__ import annotations

import os
import re
from functools import lru_cache

from newslint.names.evidence import WORD, strip_possessive

# Prefixes English writes with a hyphen before a word (co-ordinate, de-escalate, re-elect).
PREFIXES = frozenset("""
    anti co counter de dis ex extra hyper inter intra mega micro mid mini multi neo non over
    post pre pro pseudo re self semi socio sub super trans ultra un under
""".split())
MIN_CLOSED_PART = 3
MIN_RUN = 3
MIN_LOWER_IN_RUN = 3


class English:
    """Hunspell's en_US dictionary, loaded on first use (again in each worker process)."""

    def __init__(self):
        self._hunspell = None
        self._known: dict[str, bool] = {}

    def knows(self, word: str) -> bool:
        found = self._known.get(word)
        if found is None:
            if self._hunspell is None:
                import hunspell
                folder = os.path.join(os.path.dirname(hunspell.__file__), "dictionaries")
                self._hunspell = hunspell.Hunspell("en_US", hunspell_data_dir=folder)
            try:
                found = bool(self._hunspell.spell(word))
            except UnicodeError:
                found = False
            self._known[word] = found
        return found


@lru_cache(maxsize=1)
def english() -> English:
    return English()


def is_compound(word: str, dictionary: English | None = None) -> bool:
    """Whether ``word`` is made of English words: hyphenated parts that are words or
    prefixes, or two closed-up words of 3+ letters."""
    d = dictionary or english()
    if "-" in word:
        parts = word.split("-")
        return len(parts) > 1 and all(p and (p.lower() in PREFIXES or d.knows(p) or d.knows(p.lower()))
                                      for p in parts)
    low = word.lower()
    if not low.isalpha() or len(low) < 2 * MIN_CLOSED_PART:
        return False
    return any(d.knows(low[:i]) and d.knows(low[i:])
               for i in range(MIN_CLOSED_PART, len(low) - MIN_CLOSED_PART + 1))


_SPACE_OR_PUNCT = re.compile(r"[\s,;:\"“”‘’()«»]+")


def foreign_runs(text: str, dictionary: English | None = None) -> list[tuple[int, int]]:
    """(start, end) of each run of 3+ words the dictionary does not know, at least three of
    them lowercase, with nothing but spaces, commas and quotes between them."""
    d = dictionary or english()
    runs: list[tuple[int, int]] = []
    current: list[re.Match] = []

    def close():
        if len(current) >= MIN_RUN and sum(m.group()[0].islower() for m in current) >= MIN_LOWER_IN_RUN:
            runs.append((current[0].start(), current[-1].end()))
        current.clear()

    previous_end = 0
    for m in WORD.finditer(text):
        word = strip_possessive(m.group()).replace("’", "'")
        unknown = not (d.knows(word) or d.knows(word.lower()))
        if current and not _SPACE_OR_PUNCT.fullmatch(text[previous_end:m.start()] or " "):
            close()
        if unknown:
            current.append(m)
        else:
            close()
        previous_end = m.end()
    close()
    return runs


def in_runs(runs: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(a <= start and end <= b for a, b in runs)
