"""Sentence boundaries inside a segment, for the ``sentence`` scope."""
from __future__ import annotations

import re

# End punctuation, closing quotes or brackets, space, then what can open a sentence.
_BREAK = re.compile(r"[.!?]+[\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9])")
_ABBREVIATIONS = frozenset(
    "Mr Mrs Ms Dr Prof Gen Lt Col Maj Capt Sgt Cpl Pvt Adm Cmdr Gov Sen Rep Rev Hon Pres St "
    "Jr Sr No Nos Mt Ft Inc Corp Co Ltd vs etc Jan Feb Aug Sept Oct Nov Dec Ave Blvd Rd".split())


def sentence_starts(text: str) -> list[int]:
    """Offsets where sentences start (always includes 0)."""
    starts = [0]
    for m in _BREAK.finditer(text):
        end = m.start()
        word = text[max(text.rfind(" ", 0, end), text.rfind("\n", 0, end)) + 1:end].lstrip("\"'“‘(")
        # "Lt. Col.", "U.S. officials", "J. Smith": not sentence ends.
        if word in _ABBREVIATIONS or (len(word) <= 3 and "." in word) or (len(word) == 1 and word.isupper()):
            continue
        starts.append(m.end())
    return starts


def sentence_spans(text: str) -> list[tuple[int, int]]:
    starts = sentence_starts(text)
    ends = starts[1:] + [len(text)]
    return [(s, e) for s, e in zip(starts, ends)]
