"""news.encoding.broken-characters: text whose characters were lost or mis-decoded.

Copy that passed through the wrong character encoding shows it in two ways:

- **lost characters**: a curly apostrophe, quote or dash the encoding could not hold became
  ``?`` (``Kosovo?s``, ``don?t``, ``?We have to learn,? he said``, ``2008 ? The Council``);
- **mojibake**: UTF-8 bytes read as Windows-1252 (``Canadaâ€™s``, ``Watersâ??``,
  ``CafÃ©``), or U+FFFD, the replacement character.

That is one defect of the whole story, not a spelling slip in each word it touches, so it
is reported once per document (at its first place, with how many there are), and the
LanguageTool matches it causes (``Kosovo?s`` is not a word; ``? but`` starts a sentence
in lowercase; ``,?`` is odd punctuation) are dropped. A misspelt word beside a broken
character (``?intreesting?``, ``Hughh?s``) is still reported.

A ``?`` counts as lost only where a question mark never stands: between two letters,
opening a word, alone between spaces, or after a comma or a word-ending period; once a
story shows such a one, also a ``?`` before a lowercase word (``the Eagles? lead``) and a
doubled one. A ``?`` inside a web address (``page.php?id=3``) is left alone.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import AbstractSet, Iterable, Sequence

from newslint.checks.base import Hit, RuleInfo
from newslint.config.rule_ids import LANGUAGETOOL_PREFIX
from newslint.documents.model import Document
from newslint.findings import Category, Severity, Source

BROKEN = "news.encoding.broken-characters"
# LanguageTool matches this close to a broken character are its echo (the word after a
# lost dash is read as a lowercase sentence start).
NEAR = 2

_LETTER = r"[^\W\d_]"
_LOST = re.compile(
    rf"(?<={_LETTER})\?(?={_LETTER})"            # Kosovo?s, don?t
    rf"|(?:(?<=^)|(?<=[\s(\[]))\?(?={_LETTER})"   # ?We have
    r"|(?<=\s)\?(?=\s)"                          # 2008 ? The
    r"|(?<=,)\?(?=\s|$)"                         # learn,? he said
    r"|(?<=[a-z]{2}[.!])\?(?=\s|$)"              # point.? (not U.S.?)
)
# UTF-8 read as Windows-1252: â€™ â€œ â€¦ (or with the bytes Windows-1252 lacks lost to
# "?": â??), Ã© Ã¨ Ã¼ …, Â before a no-break space; and U+FFFD.
_MOJIBAKE = re.compile("â[€\\?\u0080-\u009f][^\\s]?|Ã[\u0080-\u00bf]|Â[\u00a0-\u00bf]|\ufffd")
# Once a story shows lost characters, a "?" before a lowercase word (“the ?winter bug?
# that”, “the Eagles? lead”) or doubled (“??Match Point,??”) is lost too; alone, either
# could be a question mark.
_LOST_TOO = re.compile(r"(?<=[\w.,!])\?+(?=[\s\"']+[a-z])|\?{2,}")
_CONTRACTION = re.compile(r"(?:t|ll|re|ve|d|m)\b")
# A word that is a web address: a scheme, "www." or a script's extension in it (or, see
# _url_spans, a query string). Words are matched one by one: linear however long.
_WORD = re.compile(r"\S+")
_URL_MARK = re.compile(r"://|www\.|\.(?:php|aspx?|jsp|cgi|html?)\b")


@dataclass(frozen=True)
class Broken:
    segment: int
    start: int
    end: int
    kind: str          # "lost" or "mojibake"


RULE = RuleInfo.documented(
    BROKEN, Category.TYPOGRAPHY, Severity.WARNING, Source.NEWS,
    what="Characters lost or garbled by a wrong text encoding: a curly apostrophe, quote or dash "
         "printed as '?' (Kosovo?s, don?t, ?We will,? he said), or UTF-8 read as Windows-1252 "
         "(Canadaâ€™s, CafÃ©). Reported once per story, at the first place, with how many there are; "
         "the spelling and grammar matches the broken characters cause are not reported.",
    why="Readers see the garbage; and every word it touches looks misspelt, which buries real slips "
        "under dozens of spelling matches.",
    fix="Re-export the copy from its source as UTF-8 (or fix the feed's declared encoding) rather "
        "than retyping the marks one by one.",
    flag=("Kosovo?s status was discussed.", "Canadaâ€™s first F-5 tornado touched down.",
          "The council met on Monday ? and adjourned."),
    pass_=("Kosovo’s status was discussed. Was it settled?",
           "See example.com/page.php?id=3 for the U.S.? No.",
           "Cândido Portinari’s paintings were returned."),
)


def find_broken(doc: Document) -> list[Broken]:
    """Every lost or mis-decoded character of ``doc``, in document order (linear in the
    text: a run of thousands of "?" costs no more than as many letters)."""
    out: list[Broken] = []
    covered: dict[int, set[int]] = {}        # segment -> offsets already taken
    addresses: dict[int, _Spans] = {}        # segment with a "?" -> its web addresses
    for number, seg in enumerate(doc.segments):
        text = seg.text
        if "?" not in text and not _MOJIBAKE.search(text):
            continue
        urls = addresses[number] = _Spans(_url_spans(text) if "?" in text else [])
        taken = covered.setdefault(number, set())
        for m in _MOJIBAKE.finditer(text):
            out.append(Broken(number, m.start(), m.end(), "mojibake"))
            taken.update(range(m.start(), m.end()))
        for m in _LOST.finditer(text):
            if m.start() not in urls and m.start() not in taken:
                out.append(Broken(number, m.start(), m.end(), "lost"))
                taken.update(range(m.start(), m.end()))
    if any(b.kind == "lost" for b in out):
        for number, seg in enumerate(doc.segments):
            if "?" not in seg.text:
                continue
            urls = addresses[number]         # every segment with a "?" was read above
            taken = covered[number]
            out.extend(Broken(number, m.start(), m.end(), "lost") for m in _LOST_TOO.finditer(seg.text)
                       if m.start() not in urls and m.start() not in taken and m.end() - 1 not in taken)
    return sorted(out, key=lambda b: (b.segment, b.start))


def _url_spans(text: str) -> list[tuple[int, int]]:
    """The words of ``text`` that are web addresses or query strings (``a.php?id=3``)."""
    spans = []
    for m in _WORD.finditer(text):
        word = m.group()
        mark = word.find("?")
        if _URL_MARK.search(word) or (mark >= 0 and "=" in word[mark:]):
            spans.append(m.span())
    return spans


class _Spans:
    """Sorted spans that do not overlap; ``at in spans`` by bisection."""

    def __init__(self, spans: list[tuple[int, int]]):
        self.starts = [a for a, _ in spans]
        self.ends = [b for _, b in spans]

    def __contains__(self, at: int) -> bool:
        i = bisect.bisect_right(self.starts, at) - 1
        return i >= 0 and at < self.ends[i]


def _message(broken: Sequence[Broken], doc: Document) -> str:
    first = broken[0]
    text = doc.segments[first.segment].text
    a = text.rfind(" ", 0, first.start) + 1
    b = text.find(" ", first.end)
    word = text[a:b if b >= 0 else len(text)].strip(" ,.;:")
    lost = sum(1 for x in broken if x.kind == "lost")
    garbled = len(broken) - lost
    parts = []
    if lost:
        parts.append(f"{lost} {'character' if lost == 1 else 'characters'} printed as '?' (a quote, "
                     "apostrophe or dash the text's encoding could not hold)")
    if garbled:
        parts.append(f"{garbled} mis-decoded {'sequence' if garbled == 1 else 'sequences'} "
                     "(UTF-8 read as Windows-1252)")
    return (f"Broken characters in this story: {' and '.join(parts)}, first in '{word}'. "
            "Re-export the copy as UTF-8.")


class BrokenCharactersCheck:
    """news.encoding.broken-characters: one finding per story; drops the LanguageTool
    matches the broken characters cause."""

    rules = (RULE,)
    refines = LANGUAGETOOL_PREFIX
    needs_family = False    # finds broken characters by itself; refines matches when they come

    def check(self, doc: Document, enabled: AbstractSet[str]) -> Iterable[Hit]:
        if BROKEN not in enabled:
            return []
        broken = find_broken(doc)
        if not broken:
            return []
        first = broken[0]
        return [Hit(BROKEN, first.segment, first.start, first.end, _message(broken, doc))]

    def refine(self, doc: Document, hits: Sequence[Hit]) -> tuple[list[Hit], list[Hit]]:
        broken = find_broken(doc)
        if not broken:
            return [], list(hits)
        by_segment: dict[int, list[Broken]] = {}
        for b in broken:
            by_segment.setdefault(b.segment, []).append(b)
        kept = [h for h in hits if not (h.rule.startswith(LANGUAGETOOL_PREFIX) and h.segment is not None
                                        and _caused(doc, by_segment.get(h.segment, ()), h))]
        return [], kept


def _caused(doc: Document, broken: Sequence[Broken], hit: Hit) -> bool:
    """Whether a LanguageTool match is the echo of a broken character. A spelling match
    must hold one (``Kosovo?s``), or be the first half of a contraction cut by one
    (``isn`` of ``isn?t``): a slip next to one (``?intreesting?``, ``Hughh?s``) is still a
    slip. Any other match may also sit just beside one (``? but`` read as a sentence start)."""
    if hit.category is Category.SPELLING:
        text = doc.segments[hit.segment].text
        return any(hit.start <= b.start < hit.end for b in broken) or any(
            b.start == hit.end and b.kind == "lost" and _CONTRACTION.match(text, b.end) for b in broken)
    return any(b.start < hit.end + NEAR and hit.start - NEAR < b.end for b in broken)
