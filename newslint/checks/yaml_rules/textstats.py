"""Counts behind Vale's readability grades: words, sentences, syllables and the like.

Vale measures a block of prose with the ``summarize`` package of jdkato/prose; this
module counts the same way so a grade matches Vale's:

- paragraphs are the text between blank lines, sentences are split inside a paragraph;
- a word is a run of letters, digits and apostrophes, or an initialism (``U.S.``);
- ``characters`` counts the letters and digits of the words;
- ``long_words`` have more than six characters, ``polysyllabic_words`` more than two
  syllables, ``complex_words`` more than two once an ``-es``/``-ed``/``-ing`` ending is
  discounted;
- syllables are estimated by the English heuristic Vale uses (vowel groups, corrected
  by silent and split-vowel patterns, prefixes and suffixes that add one, and a short
  list of irregular words).

The sentence splitter is newslint's own (:mod:`sentences`), not Vale's trained Punkt
model, so a grade can differ slightly on text with unusual abbreviations.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass

from newslint.checks.yaml_rules.sentences import sentence_spans

# A word: an initialism, or letters, digits and apostrophes.
_WORD = re.compile(r"(?:[A-Z]\.){2,}|(?:[^\W_]|')+")
_PARAGRAPH_BREAK = "\n\n"

# Words whose syllable count the patterns below get wrong.
_IRREGULAR = {
    2: "abed adieu cafe cafes chile chloe circe daphne jesse jukebox maybe people phoebe "
       "shoreline zoe",
    3: "abare acreage adame adobe apache coyote euterpe karate machete recipe sesame simile "
       "syncope tamale",
    4: "abalone abbruzzese abruzzese anemone aphrodite apostrophe calliope catastrophe epitome "
       "eurydice facsimile guacamole hermione hyperbole penelope persephone yosemite",
    5: "aborigine aborigines",
}
_SYLLABLES_OF = {w: n for n, words in _IRREGULAR.items() for w in words.split()}
_SYLLABLES_OF["forever"] = 3

# Prefixes and suffixes worth extra syllables, most first: (extra, words).
_PREFIXES = (
    (2, "above anti ante counter hyper afore agri infra intra inter over semi ultra under extra "
        "dia micro mega kilo pico nano macro"),
    (1, "un fore ware none non out post sub pre pro dis side"),
)
_SUFFIXES = (
    (3, "ology ologist onomy onomist"),
    (2, "fully berry woman women"),
    (1, "ly less some ful er ers ness cian cians ment ments ette ettes ville villes ships ship "
        "side sides port ports shire shires tion tioned"),
)

_VOWEL_GROUP = re.compile(r"[aeiouy]+")

# Endings after a vowel that make "-ed", "-es" or a final "e" silent.
_BEFORE_ED = "b c ch dg f g gh gn k l lch ll lv m mm n nc ng nch nn p r rc rn rs rv s sc sk sl squ ss th v y z"
_BEFORE_ES = "b ch d f gh gn k l lch ll lv m mm n nch nn p r rn rs rv s sc sk sl squ ss st t th v y"
_BEFORE_E = "b c ch d dg f g gh gn k l ll lv m mm n nc ng nn p r rc rn rs rv s sc sk sl squ ss st t th v y z"


def _alternation(words: str) -> str:
    return "|".join(words.split())


# Vowel groups counted as two syllables that are one (silent letters, glides).
_FEWER = (
    re.compile("|".join((
        r"cia(?:l|$)", "tia", "cius", "cious", "[^aeiou]giu", "[aeiouy][^aeiouy]ion", "iou",
        "sia$", "eous$", "[oa]gue$", r".[^aeiuoycgltdb]{2,}ed$", ".ely$", "^jua", "uai", "eau",
        "^busi$", f"[aeiouy](?:{_alternation(_BEFORE_ED)})ed$",
        f"[aeiouy](?:{_alternation(_BEFORE_ES)})es$"))),
    re.compile(f"[aeiouy](?:{_alternation(_BEFORE_E)})e$"),
)
# Vowel groups counted as one syllable that are two.
_MORE = (
    re.compile("(?:" + "|".join((
        "[^aeiouy]ie(?:r|st|t)", "[aeiouym]bl", "eo", "ism", "asm", "thm", "dnt", "uity", "dea",
        "gean", "oa", "ua", "eings?", "[aeiouy]sh?e[rsd]")) + ")$"),
    re.compile("[^gq]ua[^auieo]|[aeiou]{3}|^(?:ia|mc|coa[dglx].)"),
    re.compile("|".join((
        "[^aeiou]y[ae]", "[^l]lien", "riet", "dien", "iu", "io", "ii", "uen", "real", "iell",
        "eo[^aeiou]", "[aeiou]y[aeiou]"))),
    re.compile("[^s]ia"),
)


def _strip_affix(word: str, table: tuple[tuple[int, str], ...], suffix: bool) -> tuple[str, int]:
    """``word`` without the first listed affix it has, and the syllables that affix adds."""
    for extra, affixes in table:
        for affix in affixes.split():
            if word.endswith(affix) if suffix else word.startswith(affix):
                return (word[:-len(affix)] if suffix else word[len(affix):]), extra
    return word, 0


def syllables(word: str) -> int:
    """Vale's syllable estimate for one word."""
    if not word:
        return 0
    if len(word) < 3:
        return 1
    word = word.lower()
    known = _SYLLABLES_OF.get(word)
    if known is not None:
        return known
    word, count = _strip_affix(word, _PREFIXES, suffix=False)
    word, extra = _strip_affix(word, _SUFFIXES, suffix=True)
    count += extra + sum(1 for _ in _VOWEL_GROUP.finditer(word))
    count -= sum(sum(1 for _ in p.finditer(word)) for p in _FEWER)
    count += sum(sum(1 for _ in p.finditer(word)) for p in _MORE)
    return max(count, 1)


@dataclass(frozen=True)
class TextStats:
    words: int = 0
    sentences: int = 0
    syllables: int = 0
    characters: int = 0
    long_words: int = 0
    polysyllabic_words: int = 0
    complex_words: int = 0
    paragraphs: int = 0

    @classmethod
    def of(cls, text: str) -> "TextStats":
        words = sentences = total_syllables = characters = long_words = poly = complex_ = 0
        paragraphs = 0
        for paragraph in text.split(_PARAGRAPH_BREAK):
            paragraphs += 1
            for start, end in sentence_spans(paragraph):
                if not paragraph[start:end].strip():
                    continue
                sentences += 1
                for m in _WORD.finditer(paragraph, start, end):
                    word = m.group()
                    n = syllables(word)
                    words += 1
                    total_syllables += n
                    characters += sum(1 for c in word if c.isalnum())
                    long_words += len(word) > 6
                    poly += n > 2
                    complex_ += (n - 1 if word.endswith(("es", "ed", "ing")) else n) > 2
        return cls(words, sentences, total_syllables, characters, long_words, poly, complex_, paragraphs)

    # Vale's grade formulas (each an estimated school grade).

    def flesch_kincaid(self) -> float:
        return 0.39 * self.words / self.sentences + 11.8 * self.syllables / self.words - 15.59

    def gunning_fog(self) -> float:
        return 0.4 * (self.words / self.sentences + 100.0 * self.complex_words / self.words)

    def smog(self) -> float:
        return 1.0430 * math.sqrt(self.polysyllabic_words * 30.0 / self.sentences) + 3.1291

    def coleman_liau(self) -> float:
        return 0.0588 * (self.characters / self.words) * 100 - 0.296 * (self.sentences / self.words) * 100 - 15.8

    def automated_readability(self) -> float:
        return 4.71 * (self.characters / self.words) + 0.5 * (self.words / self.sentences) - 21.43


METRICS = {
    "Flesch-Kincaid": TextStats.flesch_kincaid,
    "Gunning Fog": TextStats.gunning_fog,
    "SMOG": TextStats.smog,
    "Coleman-Liau": TextStats.coleman_liau,
    "Automated Readability": TextStats.automated_readability,
}
