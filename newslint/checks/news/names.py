"""Names and spelling: proper names are not misspellings, but one name spelled two ways is.

Works on LanguageTool's spelling matches (so it needs LanguageTool, like news.fragment):

- a spelling match on a word the article marks as a proper name
  (:mod:`newslint.names.evidence`) is dropped, as is one on a name in the desk's list
  (``vocab: {names: FILE}``), and a multi-word one (“John Bentel”: did you mean “John
  Bester”?) on a run of capitalised words when the story never uses the suggested name;
- ``news.names.variant``: a name spelled two ways in one story (``Gallant`` /
  ``Galant``), when the spelling checker does not know at least one of the two; the
  rarer form is flagged (both when used equally often) with the other as the fix;
- ``news.names.near-known``: a name the spelling checker does not know, missing from the
  desk's list, one edit from a listed name (two for names of 7+ letters).

A lowercase word the speller does not know that the story uses more than once, the same
way, is a term the writer chose (``homestand``, ``primatologist``), not a slip, unless
LanguageTool's first suggestion is one word one edit away (``recieved``: ``received``).
A speller match over a name and the next word (``Modi on``) is dropped too, and so are
the speller's matches on a compound of English words (``homestand``, ``socio-cultural``)
unless its suggestion is one letter away, and on words inside a run of words in another
language (:mod:`newslint.names.terms`).

First, in a story written in British English, the matches that only say a word is not
American English are dropped (:mod:`newslint.languagetool.variant`).

A spelling match on a flagged variant is kept, so with the names rules off the word is
still a spelling finding; with them on the engine folds it into the names finding
(``also``).
"""
from __future__ import annotations

from collections import Counter
from typing import AbstractSet, Sequence

from rapidfuzz.distance import DamerauLevenshtein

from newslint.checks.base import FixSafety, Hit, RuleInfo
from newslint.config.rule_ids import LANGUAGETOOL_PREFIX
from newslint.documents.model import Document
from newslint.languagetool.variant import without_american_only
from newslint.findings import Category, Severity, Source
from newslint.names.evidence import WORD, NameIndex, is_capitalised, strip_possessive
from newslint.names.terms import foreign_runs, in_runs, is_compound
from newslint.names.variants import Variant, article_variants, close_forms, max_edits_for

VARIANT = "news.names.variant"
NEAR_KNOWN = "news.names.near-known"
# LanguageTool's spelling rules for known multi-word names (“Donald Trummp”).
MULTITOKEN_PREFIX = "lt.EN_MULTITOKEN_SPELLING"
# LanguageTool's word speller (MORFOLOGIK_RULE_EN_US and its other variants).
SPELLER_PREFIX = "lt.MORFOLOGIK_RULE_"

_NAMES_WHY = ("Misspelt names are the errors readers notice and corrections columns print. A "
              "dictionary cannot know every name, so newslint takes a word it does not know as a "
              "name when the story marks it as one (capitalised in mid-sentence, used more than once, "
              "after a title such as Sen. or Dr., in a run of capitalised words, or with a "
              "possessive) and checks names against each other and the desk's list instead.")

VARIANT_RULE = RuleInfo.documented(
    VARIANT, Category.SPELLING, Severity.WARNING, Source.NEWS,
    what="The same name spelled two ways in one story (“Gallant” and “Galant”): two capitalised "
         "words of 4+ letters one edit apart (a letter added, dropped, changed or two swapped), "
         "at least one of which the spelling checker does not know. The rarer spelling is "
         "flagged, every time it appears; when both are used equally often, each unknown one is. "
         "Plurals (Clinton / Clintons) do not count.",
    why=_NAMES_WHY,
    fix="Check the name against a reliable source and use one spelling throughout; the other "
        "spelling in the story is offered as an unsafe fix. Needs LanguageTool.",
    fix_safety=FixSafety.UNSAFE,
    flag=("Defense Minister Yoav Gallant met the envoy. Gallant said talks would go on. "
          "Galant later left for Cairo.",),
    pass_=("Defense Minister Yoav Gallant met the envoy. Gallant said talks would go on.",
           "Hillary Clinton spoke first. The Clintons left at noon."),
)

NEAR_KNOWN_RULE = RuleInfo.documented(
    NEAR_KNOWN, Category.SPELLING, Severity.WARNING, Source.NEWS,
    what="A name the spelling checker does not know that is missing from the desk's names list "
         "(vocab: {names: FILE}, built by `newslint vocab learn`) but is one edit from a listed "
         "name (two edits for names of 7+ letters): a probable misspelling of it.",
    why=_NAMES_WHY,
    fix="Use the listed spelling (offered as an unsafe fix), or, for a new name, add it to the "
        "list or to vocab.accept. Needs LanguageTool and a names list.",
    fix_safety=FixSafety.UNSAFE,
)


def _variant_message(variant: Variant, counts) -> str:
    a, b = counts[variant.form], counts[variant.other]
    return (f"'{variant.form}' ({_times(a)}) and '{variant.other}' ({_times(b)}) in one story: "
            f"the same name spelled two ways? Use one spelling.")


def _times(n: int) -> str:
    return "once" if n == 1 else f"{n} times"


class NamesCheck:
    """news.names.*: drops spelling matches on names; flags name variants."""

    rules = (VARIANT_RULE, NEAR_KNOWN_RULE)
    refines = LANGUAGETOOL_PREFIX
    needs_family = True

    def __init__(self, desk_names: Sequence[str] = ()):
        self.desk_names = frozenset(desk_names)
        self._desk_list = sorted(self.desk_names)

    def check(self, doc: Document, enabled: AbstractSet[str]) -> list[Hit]:
        return []  # works on LanguageTool's spelling matches (see refine)

    def refine(self, doc: Document, hits: Sequence[Hit]) -> tuple[list[Hit], list[Hit]]:
        hits = without_american_only(doc, hits)
        spelling = {id(h): _form(doc, h) for h in hits
                    if h.category is Category.SPELLING and h.segment is not None}
        if not spelling:
            return [], list(hits)
        index = NameIndex.build(doc)
        unknown = {form for form in spelling.values() if form is not None and is_capitalised(form)}
        unknown -= self.desk_names
        variants = {v.form: v for v in article_variants(index.counts, unknown)}
        near = self._near_known(unknown - set(variants))
        taken: list[Hit] = []
        for m in index.mentions:
            variant = variants.get(m.form)
            if variant is not None:
                taken.append(Hit(VARIANT, m.segment, m.start, m.end, _variant_message(variant, index.counts),
                                 replacement=variant.other))
            elif m.form in near:
                known = near[m.form]
                taken.append(Hit(NEAR_KNOWN, m.segment, m.start, m.end,
                                 f"'{m.form}' is not in the desk's names list: a misspelling of "
                                 f"'{known}'?", replacement=known))
        others: list[Hit] = []
        words: Counter | None = None
        runs: dict[int, list[tuple[int, int]]] = {}
        for hit in hits:
            if id(hit) not in spelling:
                others.append(hit)
                continue
            if hit.rule.startswith(MULTITOKEN_PREFIX) and _other_name(doc, hit, index):
                continue
            form = spelling[id(hit)]
            if form is None:
                if hit.rule.startswith(SPELLER_PREFIX) and _glued_to_name(doc, hit, index):
                    continue
            elif form in self.desk_names:
                continue
            elif form not in variants and form not in near and index.is_name(form, hit.segment, hit.start):
                continue
            elif not is_capitalised(form) and hit.rule.startswith(SPELLER_PREFIX):
                if words is None:
                    words = Counter(w for seg in doc.segments for w in WORD.findall(seg.text))
                if words[form] > 1 and not _one_edit_slip(form, hit.replacement):
                    continue
                if is_compound(form) and not _letter_slip(form, hit.replacement):
                    continue
            if hit.rule.startswith(SPELLER_PREFIX):
                if hit.segment not in runs:
                    runs[hit.segment] = foreign_runs(doc.segments[hit.segment].text)
                if in_runs(runs[hit.segment], hit.start, hit.end):
                    continue
            others.append(hit)
        return taken, others

    def _near_known(self, forms: set[str]) -> dict[str, str]:
        if not self._desk_list:
            return {}
        out = {}
        for form in sorted(forms):
            close = close_forms(form, self._desk_list, max_edits_for(form))
            if close:
                out[form] = close[0]
        return out


def _other_name(doc: Document, hit: Hit, index: NameIndex) -> bool:
    """A multi-word spelling match (“John Bentel”: did you mean “John Bester”?) on a run of
    capitalised words, none of whose suggested words the story uses: another person of a
    similar name, not a slip. “Donald Trummp” in a story about Trump stays."""
    words = WORD.findall(doc.segments[hit.segment].text[hit.start:hit.end])
    if not words or not all(is_capitalised(w) for w in words):
        return False
    suggested = [w for w in WORD.findall(hit.replacement or "") if w not in words]
    return not any(index.counts[w] for w in suggested)


def _glued_to_name(doc: Document, hit: Hit, index: NameIndex) -> bool:
    """A speller match over a name and the word after it (“Modi on”, “Ree said” of O’Ree
    said): LanguageTool offers to re-split the pair; the name is the story's own."""
    text = doc.segments[hit.segment].text
    words = list(WORD.finditer(text, max(0, hit.start - 40), hit.end))
    first = next((m for m in words if m.start() <= hit.start < m.end()), None)
    if first is None or first.end() >= hit.end:
        return False
    form = strip_possessive(first.group())
    rest = WORD.findall(text[first.end():hit.end])
    return is_capitalised(form) and index.is_name(form, hit.segment, first.start()) \
        and all(not is_capitalised(w) for w in rest)


def _one_edit_slip(form: str, suggestion: str | None) -> bool:
    """Whether LanguageTool's first suggestion is one word one edit away (“recieved”:
    “received”), the shape of a slip even when it is repeated."""
    return bool(suggestion) and WORD.fullmatch(suggestion) is not None \
        and DamerauLevenshtein.distance(form.lower(), suggestion.lower()) <= 1


def _letter_slip(form: str, suggestion: str | None) -> bool:
    """Whether LanguageTool's first suggestion is one word of letters one letter edit away
    (“funreal”: “funeral”): a slip, even when its letters happen to spell two words."""
    return bool(suggestion) and suggestion.isalpha() \
        and DamerauLevenshtein.distance(form.lower(), suggestion.lower()) <= 1


def _form(doc: Document, hit: Hit) -> str | None:
    """The flagged word without a possessive, or None when the match is not one word. A
    match on part of a word joined by an apostrophe (“Ree” of O’Ree) is read as the whole
    word, the form the story's names are indexed by."""
    text = doc.segments[hit.segment].text
    form = strip_possessive(text[hit.start:hit.end])
    if not WORD.fullmatch(form):
        return None
    if hit.start >= 2 and text[hit.start - 1] in "'’" and text[hit.start - 2].isalpha():
        for m in WORD.finditer(text, max(0, hit.start - 40), hit.end):
            if m.start() < hit.start <= m.end():
                return strip_possessive(m.group())
    return form
