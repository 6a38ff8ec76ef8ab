"""Two spellings of one name: ``Gallant`` / ``Galant``, ``Abedin`` / ``Abeddin``.

Two capitalised forms are variants of each other when they are one edit apart
(a letter added, dropped, changed, or two neighbours swapped; rapidfuzz's
Damerau-Levenshtein distance) that keeps the first letter, both have 4+ letters, and
they are not a singular and its plural (``Clinton`` / ``Clintons``) or the same word in
other capitals, and neither is an acronym (``LOGN`` / ``LOGI``, ``MPAs`` / ``MNAs``). Slips keep a name's first letter; two names that differ in it (``Wimes``
/ ``Times``) are two names.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Collection, Iterable, Mapping

from rapidfuzz import process
from rapidfuzz.distance import DamerauLevenshtein

MIN_LETTERS = 4


@dataclass(frozen=True)
class Variant:
    form: str          # the spelling to flag
    other: str         # the spelling to use instead


def is_acronym(form: str) -> bool:
    """Mostly capitals (``LOGN``, ``MPAs``, ``IRBMs``): acronyms and tickers one letter
    apart are different things, not two spellings of one name."""
    letters = [c for c in form if c.isalpha()]
    return sum(c.isupper() for c in letters) * 2 > len(letters)


def is_plural_pair(a: str, b: str) -> bool:
    short, long_ = sorted((a, b), key=len)
    if long_.endswith("ss"):
        return False            # Congress / Congres: a slip, not a plural
    return long_ in (short + "s", short + "es") or (short.endswith("y") and long_ == short[:-1] + "ies")


def close_forms(form: str, candidates: Iterable[str], max_edits: int) -> list[str]:
    """The candidates within ``max_edits`` edits of ``form`` (itself, plurals and case
    variants left out), closest first, then by spelling."""
    found = process.extract(form, list(candidates), scorer=DamerauLevenshtein.distance,
                            score_cutoff=max_edits, limit=None)
    out = [(score, other) for other, score, _ in found
           if other != form and other.lower() != form.lower() and not is_plural_pair(form, other)
           and len(other) >= MIN_LETTERS and other[0].lower() == form[0].lower()]
    return [other for _, other in sorted(out)]


def article_variants(counts: Mapping[str, int], unknown: Collection[str]) -> list[Variant]:
    """Variants inside one article.

    ``counts``: capitalised form -> mentions; ``unknown``: the forms the spelling checker
    does not know. A pair counts only when at least one of its forms is unknown (two
    dictionary words, Obama / Osama, are two names). The rarer form of a pair is flagged
    with the other as the fix; when both are used equally often, each unknown form is
    flagged (a known form never is then: the unknown one is the likelier slip).
    """
    out: dict[tuple[str, str], Variant] = {}
    forms = [f for f in counts if len(f) >= MIN_LETTERS and not is_acronym(f)]
    for form in sorted(unknown):
        if len(form) < MIN_LETTERS or form not in counts or is_acronym(form):
            continue
        for other in close_forms(form, forms, 1):
            a, b = counts[form], counts[other]
            if a < b or (a == b):
                out[(form, other)] = Variant(form, other)
            elif b < a:
                out[(other, form)] = Variant(other, form)
    flagged: dict[str, Variant] = {}
    # One fix per flagged form: its most used neighbour (then the first by spelling).
    for variant in sorted(out.values(), key=lambda v: (v.form, -counts[v.other], v.other)):
        flagged.setdefault(variant.form, variant)
    return [flagged[f] for f in sorted(flagged)]


def max_edits_for(form: str) -> int:
    """How far a new name may be from a desk's name to count as its misspelling."""
    return 1 if len(form) <= 6 else 2
