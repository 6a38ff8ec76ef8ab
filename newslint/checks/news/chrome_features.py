"""What the chrome model reads about each line of a page: its shape and its context.

One list of numbers per line, in the order of :data:`FEATURES`: the line's own shape
(length, end punctuation, capitals, digits, units and prices, separators, "Label: value"
pairs, Q:/A: turns, links and handles), the shape the structural rules give it, how
many of its words the story's prose uses, where it stands in the document, and the same
few facts about its neighbours. ``scripts/train_chrome.py`` trains on these numbers and
the check scores them at run time, so both read lines through this one module.
"""
from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from typing import Sequence

from newslint.checks.news.chrome_lines import (
    FUNCTION_WORDS, QA_TURN, LineKind, is_teaser, is_tool_text, opens_story_list,
)
from newslint.checks.news.chrome_vocabulary import CALL_TO_ACTION, TOOL_WORDS
from newslint.documents.model import SegmentKind

_WORD = re.compile(r"[^\W_](?:[\w'’-]*[^\W_])?")
_DIGIT = re.compile(r"\d")
_NUMBER = re.compile(r"\d[\d,.]*")
_UNIT = re.compile(
    r"\d\s?(?:%|percent|km|mi|miles?|kg|g|lb|lbs|oz|ml|l|cups?|tbsp|tsp|teaspoons?|tablespoons?|"
    r"minutes?|mins?|hours?|hrs?|seconds?|secs?|m|cm|mm|ft|feet|inch(?:es)?|in|yards?|gb|mb|tb|ghz|mhz|"
    r"mph|kph|°[cf]?|degrees?)\b",
    re.I,
)
_PRICE = re.compile(r"[$£€¥₹]\s?\d|\d\s?(?:dollars|euros|pounds|usd|eur|gbp)\b", re.I)
_TIME = re.compile(r"\b\d{1,2}[:.]\d{2}\b|\b\d{1,2}\s?[ap]\.?m\.?(?!\w)", re.I)
_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")
_SEPARATOR = re.compile(r"\s[|•·»«›‹/]\s|\s[|•·»›]$|^[|•·»›]\s|\s-\s")
_COLON_PAIR = re.compile(r"^[^\W\d_][\w'’ .&/-]{0,30}:\s+\S")
_SPEAKER = re.compile(r"^[A-Z][A-Za-z.'’-]+(?:\s[A-Z][A-Za-z.'’-]+)?:\s+\S")
_LINK = re.compile(r"https?://|www\.|\.(?:com|org|net|co\.uk)\b|@\w{2,}|#\w{2,}", re.I)
# From the start of a run of name characters, with a letter or digit before the "@" (what
# the word boundary of "\b[\w.+-]+@" asked for), read once per run rather than once per
# starting point.
_EMAIL = re.compile(r"(?<![\w.+-])[.+-]*\w[\w.+-]*@[\w-]+\.[\w.]+\b")
_WORD_RUN = re.compile(r"[\w'’-]+")
_QUOTE = re.compile(r"[\"“”«»]|(?:^|\s)['‘]|['’](?:\s|$)")
_SAYS = re.compile(r"\b(?:said|says|told|asked|added|according to)\b", re.I)
_LIST_MARK = re.compile(r"^\s*(?:\d{1,3}[.)]\s|[a-z][.)]\s|[*•·▪◦‣-]\s?)")
_ORDINAL_STEP = re.compile(r"^(?:step\s*\d+|\d+(?:st|nd|rd|th)\b)", re.I)
_SENTENCE_END = re.compile(r"""[.!?](?:["'”’)\]])*$""")
_ELLIPSIS_END = re.compile(r"(?:\.\.\.|…)$")
_COPYRIGHT = re.compile(r"©|\(c\)\s*\d{4}|\bcopyright\b|all rights reserved", re.I)
_CTA = tuple(CALL_TO_ACTION)
# Words too common to tie a line to the story's prose.
_COMMON = frozenset("""
    about after again also because been before being between could does during from have into
    just more most much must never only other over said says same should since some such than
    that their them then there these they this those through under until very were what when
    where which while will with would your year years last first new time
""".split())
# A line of this many words is the story's prose for the vocabulary count.
_PROSE_WORDS = 15
# Lines of this many words or more, and lines the structural rules read as prose, are not
# scored (sentences are the story's, or the phrase rules' business); they only give their
# neighbours context, cheaply.
SCORED_MAX_WORDS = 30
_KINDS = (LineKind.PROSE, LineKind.TOOL, LineKind.BOX_HEADING, LineKind.TITLE, LineKind.META, LineKind.OTHER)
_SEGMENT_KINDS = (SegmentKind.HEADLINE, SegmentKind.HEADING, SegmentKind.LIST_ITEM, SegmentKind.BLOCKQUOTE,
                  SegmentKind.CAPTION, SegmentKind.TABLE_CELL)
# Structural verdicts the model may weigh (ids of chrome_structure's rules).
VERDICTS = ("news.chrome.tools", "news.chrome.headline-list", "news.chrome.teaser",
            "news.chrome.repeated-byline")

_OWN = (
    "log_chars", "log_words", "ends_sentence", "ends_colon", "ends_ellipsis", "ends_other_punct",
    "starts_upper", "starts_digit", "capital_share", "all_caps", "function_share", "tool_share",
    "digit_share", "numbers", "units", "price", "time", "year", "separators", "colon_pair", "qa",
    "speaker", "links", "email", "quote", "says", "list_mark", "step", "copyright", "call_to_action",
    "tool_text", "teaser", "opens_story_list", "mean_word_len", "long_words",
)
_CONTEXT = (
    "story_overlap", "story_overlap_count", "repeated", "position", "first", "last",
    "prose_before", "prose_after", "inside_story", "dist_prose_before", "dist_prose_after",
    "short_run", "run_position", "doc_lines", "doc_prose_share",
)
_NEIGHBOUR = ("log_words", "ends_sentence", "ends_colon", "capital_share", "function_share",
              "separators", "colon_pair", "qa", "list_mark", "numbers")

FEATURES: tuple[str, ...] = (
    _OWN
    + _CONTEXT
    + tuple(f"kind_{k.value}" for k in _KINDS)
    + tuple(f"segment_{k.value}" for k in _SEGMENT_KINDS)
    + tuple(f"verdict_{v.rsplit('.', 1)[1]}" for v in VERDICTS)
    + tuple(f"prev_{n}" for n in _NEIGHBOUR)
    + tuple(f"next_{n}" for n in _NEIGHBOUR)
    + tuple(f"prev2_{n}" for n in ("log_words", "ends_sentence", "colon_pair", "qa", "list_mark"))
    + tuple(f"next2_{n}" for n in ("log_words", "ends_sentence", "colon_pair", "qa", "list_mark"))
)


@dataclass(frozen=True)
class LineInput:
    """A line to score: its text, its segment's kind, its kind of line and any structural verdict."""

    text: str
    segment_kind: SegmentKind
    kind: LineKind
    verdict: str | None = None


def _own_light(text: str, words: list[str], lowered: list[str]) -> dict[str, float]:
    """What a long line tells its neighbours."""
    n = len(words)
    return {
        "log_words": math.log1p(n),
        "ends_sentence": float(bool(_SENTENCE_END.search(text))),
        "ends_colon": float(text.endswith(":")),
        "capital_share": sum(w[0].isupper() for w in words) / n if n else 0.0,
        "function_share": sum(w in FUNCTION_WORDS for w in lowered) / n if n else 0.0,
        "separators": 0.0, "colon_pair": 0.0, "qa": 0.0, "list_mark": 0.0, "numbers": 0.0,
        "long_words": 1.0,
    }


def _own(text: str, kind: LineKind) -> tuple[dict[str, float], list[str]]:
    words = _WORD.findall(text)
    n = len(words)
    lowered = [w.lower() for w in words]
    content = [w for w in lowered if len(w) > 3 and w not in _COMMON and not w[0].isdigit()]
    if n >= SCORED_MAX_WORDS or kind is LineKind.PROSE:
        return _own_light(text, words, lowered), content
    stripped = text.lstrip("\"'“‘([*•·-– ")
    f = {
        "log_chars": math.log1p(len(text)),
        "log_words": math.log1p(n),
        "ends_sentence": float(bool(_SENTENCE_END.search(text))),
        "ends_colon": float(text.endswith(":")),
        "ends_ellipsis": float(bool(_ELLIPSIS_END.search(text))),
        "ends_other_punct": float(text[-1:] in ",;)]|»›>-–—+" if text else 0.0),
        "starts_upper": float(stripped[:1].isupper()),
        "starts_digit": float(stripped[:1].isdigit()),
        "capital_share": sum(w[0].isupper() for w in words) / n if n else 0.0,
        "all_caps": float(len(text) > 3 and text.upper() == text and text.lower() != text),
        "function_share": sum(w in FUNCTION_WORDS for w in lowered) / n if n else 0.0,
        "tool_share": sum(w in TOOL_WORDS for w in lowered) / n if n else 0.0,
        "digit_share": len(_DIGIT.findall(text)) / max(len(text), 1),
        "numbers": min(len(_NUMBER.findall(text)), 10) / 10,
        "units": float(bool(_UNIT.search(text))),
        "price": float(bool(_PRICE.search(text))),
        "time": float(bool(_TIME.search(text))),
        "year": float(bool(_YEAR.search(text))),
        "separators": min(len(_SEPARATOR.findall(text)), 10) / 10,
        "colon_pair": float(bool(_COLON_PAIR.match(text))),
        "qa": float(bool(QA_TURN.match(text))),
        "speaker": float(bool(_SPEAKER.match(text))),
        "links": min(len(_LINK.findall(text)), 5) / 5,
        "email": float(bool(_EMAIL.search(text))),
        "quote": float(bool(_QUOTE.search(text))),
        "says": float(bool(_SAYS.search(text))),
        "list_mark": float(bool(_LIST_MARK.match(text))),
        "step": float(bool(_ORDINAL_STEP.match(text))),
        "copyright": float(bool(_COPYRIGHT.search(text))),
        "call_to_action": float(text.lstrip("-–—»> ").lower().startswith(_CTA)),
        "tool_text": float(n <= 25 and is_tool_text(text)),
        "teaser": float(is_teaser(text)),
        "opens_story_list": float(opens_story_list(text)),
        "mean_word_len": sum(map(len, words)) / n / 10 if n else 0.0,
        "long_words": float(n >= _PROSE_WORDS),
    }
    return f, content


def features(lines: Sequence[LineInput]) -> list[list[float] | None]:
    """One feature vector per line, in :data:`FEATURES` order (None for a line not scored)."""
    n = len(lines)
    if all(line.kind is LineKind.PROSE for line in lines):
        return [None] * n
    own: list[dict[str, float] | None] = [None] * n
    contents: list[list[str]] = [[] for _ in range(n)]
    for i, line in enumerate(lines):
        if line.kind is not LineKind.PROSE:
            own[i], contents[i] = _own(line.text, line.kind)
    scored = [f is not None and "log_chars" in f for f in own]
    for i in [i for i, s in enumerate(scored) if s]:
        for j in (i - 2, i - 1, i + 1, i + 2):
            if 0 <= j < n and own[j] is None:
                own[j], contents[j] = _own(lines[j].text, lines[j].kind)
    # A line the structural rules call prose, or a line of 15 words or more, that ends a sentence.
    prose = [
        (f["long_words"] > 0 and f["ends_sentence"] > 0) if f is not None
        else bool(_SENTENCE_END.search(line.text))
        for f, line in zip(own, lines)
    ]
    # The story's vocabulary, as far as the scored lines need it: how often each of their
    # content words stands as a word in the prose lines' text.
    needed = {w for i, s in enumerate(scored) if s for w in contents[i]}
    story: Counter[str] = Counter()
    if needed:
        prose_text = "\n".join(line.text for line, p in zip(lines, prose) if p).lower()
        # A word stands as a word where a whole run of word characters spells it; one
        # fixed pattern finds the runs (a pattern of the document's own words would be
        # compiled again for every document).
        story.update(run for run in _WORD_RUN.findall(prose_text) if run in needed)
    texts = Counter(" ".join(line.text.lower().split()) for line in lines)
    prose_positions = [i for i, p in enumerate(prose) if p]
    first_prose = prose_positions[0] if prose_positions else n
    last_prose = prose_positions[-1] if prose_positions else -1
    prose_share = len(prose_positions) / n if n else 0.0
    before = _distance_to_prose(prose, reverse=False)
    after = _distance_to_prose(prose, reverse=True)
    runs, run_pos = _short_runs(prose)
    empty = dict.fromkeys(_NEIGHBOUR, 0.0)
    out: list[list[float] | None] = []
    for i, line in enumerate(lines):
        if not scored[i]:
            out.append(None)
            continue
        f = own[i]
        content = contents[i]
        if content:
            mine = Counter(content) if prose[i] else Counter()
            shared = [w for w in set(content) if story[w] - mine[w] > 0]
            overlap, overlap_count = len(shared) / len(set(content)), min(len(shared), 10) / 10
        else:
            overlap, overlap_count = 0.0, 0.0
        context = {
            "story_overlap": overlap,
            "story_overlap_count": overlap_count,
            "repeated": float(texts[" ".join(line.text.lower().split())] > 1),
            "position": i / max(n - 1, 1),
            "first": float(i == 0),
            "last": float(i == n - 1),
            "prose_before": float(i > first_prose),
            "prose_after": float(i < last_prose),
            "inside_story": float(first_prose < i < last_prose),
            "dist_prose_before": min(before[i], 10) / 10,
            "dist_prose_after": min(after[i], 10) / 10,
            "short_run": min(runs[i], 20) / 20,
            "run_position": run_pos[i],
            "doc_lines": math.log1p(n),
            "doc_prose_share": prose_share,
        }
        row = [f[name] for name in _OWN]
        row += [context[name] for name in _CONTEXT]
        row += [float(line.kind is k) for k in _KINDS]
        row += [float(line.segment_kind is k) for k in _SEGMENT_KINDS]
        row += [float(line.verdict == v) for v in VERDICTS]
        prev = own[i - 1] if i > 0 else empty
        nxt = own[i + 1] if i + 1 < n else empty
        assert prev is not None and nxt is not None
        row += [prev[name] for name in _NEIGHBOUR]
        row += [nxt[name] for name in _NEIGHBOUR]
        prev2 = own[i - 2] if i > 1 else empty
        nxt2 = own[i + 2] if i + 2 < n else empty
        assert prev2 is not None and nxt2 is not None
        row += [prev2[name] for name in ("log_words", "ends_sentence", "colon_pair", "qa", "list_mark")]
        row += [nxt2[name] for name in ("log_words", "ends_sentence", "colon_pair", "qa", "list_mark")]
        out.append(row)
    return out


def _distance_to_prose(prose: list[bool], reverse: bool) -> list[int]:
    out = [0] * len(prose)
    distance = 99
    order = range(len(prose) - 1, -1, -1) if reverse else range(len(prose))
    for i in order:
        out[i] = distance
        distance = 1 if prose[i] else distance + 1
    return out


def _short_runs(prose: list[bool]) -> tuple[list[int], list[float]]:
    """For each line, the length of the run of non-prose lines it is in, and where in it."""
    lengths = [0] * len(prose)
    where = [0.0] * len(prose)
    i = 0
    while i < len(prose):
        if prose[i]:
            i += 1
            continue
        j = i
        while j < len(prose) and not prose[j]:
            j += 1
        for k in range(i, j):
            lengths[k] = j - i
            where[k] = (k - i) / max(j - i - 1, 1)
        i = j
    return lengths, where
