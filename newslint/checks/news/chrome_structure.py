"""Page chrome found by structure: tool lines, headline lists, teasers, repeated bylines.

Phrase rules (rules/news/chrome/*.yml) catch chrome that always says the same thing
("See also", "Leave a Reply"). Most chrome a scraper leaves behind is short tool and
navigation text ("Print", "Email", "Text size") and other stories' headlines, which
no phrase list covers. This check reads each segment's shape (see ``chrome_lines``)
and the runs of non-prose segments between the story's prose paragraphs.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import AbstractSet, Sequence

from newslint.checks.base import Hit, RuleInfo
from newslint.checks.news.chrome_features import LineInput, features
from newslint.checks.news.chrome_lines import (
    LineKind, LineShape, byline_name, is_archive_month, is_bare_byline, is_contact_detail, is_credit,
    is_dated_headline, is_list_content, is_navigation_line, is_section_name, is_table_row, is_teaser,
    is_web_address, opens_story_list, shape_of,
)
from newslint.checks.news.chrome_model import ChromeModel, shipped_model
from newslint.documents.model import Document, Segment, SegmentKind
from newslint.findings import Category, Severity, Source

TOOLS = "news.chrome.tools"
HEADLINE_LIST = "news.chrome.headline-list"
TEASER = "news.chrome.teaser"
REPEATED_BYLINE = "news.chrome.repeated-byline"
FURNITURE = "news.chrome.furniture"
BOILERPLATE = "news.chrome.boilerplate"
# A headline list with no box heading or tool line in it: reported as HEADLINE_LIST, but
# only when the model agrees enough, since a run of short title-like lines is also how a
# story's own lists look (features, schedules, fact boxes).
UNHEADED_LIST = HEADLINE_LIST + "?"
WEIGHED = frozenset({UNHEADED_LIST})

# Openings that the phrase rules in rules/news/chrome flag; this check leaves them alone
# so that one line never gets two chrome findings.
PHRASE_RULE_OPENINGS = (
    "see also", "leave a reply", "leave a comment", "read more", "advertisement",
    "copyright", "©", "(c)", "share this", "share on", "your email address will not",
)
# Lines that open like these are reported by the phrase rules too, but they head or
# belong to the run of lines around them ("Related:" over a list of headlines), so the
# structure reads them and only leaves the finding on them to the phrase rules.
PHRASE_RULE_LABELS = ("related:", "also read", "follow @")

_MESSAGES = {
    TOOLS: "Site tool or navigation text left in the story; delete it.",
    HEADLINE_LIST: "A list of other stories' headlines left in the story; delete it.",
    TEASER: "A teaser headline for another story dropped into the text; delete it.",
    REPEATED_BYLINE: "Byline or dateline repeated inside the story; delete the repeat.",
    FURNITURE: "Page furniture (navigation, sidebar, footer or form text) in the article.",
    BOILERPLATE: "Reads as web-page text, not part of the story (navigation, widget, box or footer); delete it.",
}

_PROSE_KINDS = (SegmentKind.PARAGRAPH, SegmentKind.BLOCKQUOTE, SegmentKind.LIST_ITEM)
# A run of short lines needs this many title or tool lines to read as a headline list.
_MIN_LIST_LINES = 3
# ... or this many when a box heading ("Most Popular") is one of them.
_MIN_HEADED_LIST_LINES = 2
# ... and, with no box heading, title lines of this many words or more (the median line).
_MIN_HEADLINE_WORDS = 4
# A run is a directory when at least this many of its lines give contact details, and
# at least one line in _DIRECTORY_SHARE does (one "Contact the author at ..." line in a
# page's long tail of menus and headlines does not make it one).
_MIN_DIRECTORY_CONTACTS = 2
_DIRECTORY_SHARE = 5
# A list of resources the story gives names each site, its address and a sentence on what
# it offers ("National Lymphedema Network / http://www.lymphnet.org / Information about
# ..."): a page's ad or "Permanent URL" box has one such address, a resource list at
# least this many. A reading list gives each title over its address, at least this many
# in a row (a sidebar's "Web links" box gives two or three).
_MIN_LISTED_ADDRESSES = 3
_MIN_LISTED_TITLES = 4
# A reading list's title is a title, not a paragraph.
_MAX_LISTED_TITLE_WORDS = 25
# A blog's archive menu lists at least this many months in a row; a site's section menu,
# this many sections.
_MIN_ARCHIVE_MONTHS = 3
_MIN_SECTION_NAMES = 3
# Headlines followed by their dates ("... (July 24, 2012)"), one after another: a list of
# related stories.
_MIN_DATED_HEADLINES = 2


def _rule(rule_id: str, what: str, why: str, fix: str, flag: Sequence[str], pass_: Sequence[str]) -> RuleInfo:
    return RuleInfo.documented(rule_id, Category.CHROME, Severity.WARNING, Source.NEWS,
                               what=what, why=why, fix=fix, flag=flag, pass_=pass_)


_STORY = (
    "The council voted on Tuesday to close the old library on Main Street next spring.",
    "Members said the building needed repairs that the town could not pay for this year.",
    "A public meeting on the plan is set for March 3 at the town hall, officials said.",
)

RULES: tuple[RuleInfo, ...] = (
    _rule(
        TOOLS,
        "Share bars, print and e-mail links, text-size controls, social links and other "
        "short tool or navigation lines from a web page.",
        "Tool text is page furniture a scraper or a paste brought along; readers of the "
        "article never see it.",
        "Delete the line.",
        flag=(
            "Library to close\n\n" + _STORY[0] + "\n\nPrint | Email | Text size + -\n\n" + _STORY[1],
            "Library to close\n\n" + _STORY[0] + "\n\nDigg this\n\n" + _STORY[1] + "\n\nComments (3)",
        ),
        pass_=("Library to close\n\n" + "\n\n".join(_STORY),),
    ),
    _rule(
        HEADLINE_LIST,
        "A run of other stories' headlines: related-story lists, \"Most viewed\" boxes, "
        "section link lists.",
        "The list belongs to the page around the story, not to the story.",
        "Delete the list, including its heading.",
        flag=(
            "Library to close\n\n" + _STORY[0] + "\n\nMost Popular\n\nMayor Opens New Bridge Downtown\n\n"
            "Storm Knocks Out Power Across County\n\nSchool Board Picks Interim Chief\n\n" + _STORY[1],
        ),
        pass_=(
            "Library to close\n\n" + _STORY[0] + "\n\nThe candidates on the ballot are:\n\n"
            "Jane Miller (Democrat)\n\nTom Reyes (Republican)\n\nAnn Park (Independent)\n\n" + _STORY[1],
        ),
    ),
    _rule(
        TEASER,
        "A headline for another story dropped between paragraphs: marked as a pointer "
        "(a label such as \"Related:\", \"Watch:\", \"More:\", a closing \"»\" or a section "
        "tag such as \"[Sport]\"), or a lone headline-shaped line of eight words or more "
        "that shares no topic word with the paragraphs around it.",
        "Teasers interrupt the story and point readers to another page.",
        "Delete the line.",
        flag=(
            "Library to close\n\n" + _STORY[0] + "\n\n" + _STORY[1]
            + "\n\nWatch: Gunman robs bakery in broad daylight\n\n" + _STORY[2],
            "Library to close\n\n" + _STORY[0] + "\n\nGunman robs bakery in broad daylight [Metro]\n\n"
            + _STORY[1],
            "Library to close\n\n" + _STORY[0] + "\n\nTwo hikers rescued after spending the night on a frozen ridge\n\n"
            + _STORY[1],
        ),
        pass_=(
            "Library to close\n\n" + _STORY[0] + "\n\nRepairs Too Costly\n\n"
            "The library repairs would cost the town more than $2 million, members said.\n\n"
            + _STORY[2],
        ),
    ),
    _rule(
        REPEATED_BYLINE,
        "A byline or dateline that appears again in the middle of the story.",
        "Pages repeat the byline next to pull quotes and page breaks; the copy needs it once.",
        "Delete the repeat.",
        flag=(
            "Library to close\n\nBy Jane Doe\n\n" + _STORY[0] + "\n\n" + _STORY[1]
            + "\n\nBy Jane Doe\n\n" + _STORY[2],
        ),
        pass_=(
            "Library to close\n\nBy Jane Doe\n\n" + "\n\n".join(_STORY)
            + "\n\nJohn Roe contributed to this report.",
        ),
    ),
    _rule(
        BOILERPLATE,
        "A short line that the trained chrome model reads as web-page text, though no phrase "
        "rule or structural rule names it: form labels, section menus, widget, box and "
        "footer text. The model weighs the line's shape, its words against the story's, and the "
        "lines around it (see docs/chrome.md). Up to twenty lines between two chrome lines are "
        "flagged when the model leans toward chrome on each of them (a probability of 0.7, "
        "against 0.95 for a line on its own), as a menu's items between items it is sure of.",
        "Page text interrupts the story; readers of the article never see it.",
        "Delete the line, or extract only the article body.",
        flag=(
            "Library to close\n\n" + _STORY[0] + "\n\n" + _STORY[1]
            + "\n\nUsername:\n\nPassword:\n\nConfirm Password:\n\nEmail:\n\nConfirm Email:\n\nPostal Code:"
            "\n\nCountry:\n\nBirth Year:\n\n" + _STORY[2],
        ),
        pass_=(
            "Library to close\n\n" + _STORY[0] + "\n\n" + _STORY[1]
            + "\n\nLibrary hours\n\nMonday: 9 a.m. to 5 p.m.\n\nSaturday: 10 a.m. to 2 p.m.\n\n" + _STORY[2],
        ),
    ),
    RuleInfo.documented(
        FURNITURE, Category.CHROME, Severity.WARNING, Source.NEWS,
        what="Text from an HTML page's navigation, sidebar (aside), footer or form.",
        why="Those parts of a page are not the article.",
        fix="Remove the element from the article file, or extract only the article body.",
        flag=("<article><h1>Library to close</h1><p>" + _STORY[0] + "</p>"
              "<nav>Home | World | Sport</nav><p>" + _STORY[1] + "</p></article>",),
        pass_=("<article><h1>Library to close</h1><p>" + _STORY[0] + "</p><p>"
               + _STORY[1] + "</p></article>",),
        example_format="html",
    ),
)


@dataclass(frozen=True)
class _Line:
    """A segment the check may judge, with its shape."""

    segment: Segment
    shape: LineShape


class ChromeStructureCheck:
    """Structural chrome: tools, headline lists, teasers, repeated bylines, furniture, and
    the lines the trained chrome model reads as page text."""

    def __init__(self, model: ChromeModel | None = None):
        self._model = model if model is not None else shipped_model()

    @property
    def rules(self) -> tuple[RuleInfo, ...]:
        return RULES

    def check(self, doc: Document, enabled: AbstractSet[str]) -> list[Hit]:
        return [
            Hit(rule, seg.index, 0, len(seg.text), _MESSAGES[rule])
            for seg, rule in judge(doc.segments, self._model)
            if rule in enabled
        ]


def judge(segments: Sequence[Segment], model: ChromeModel) -> list[tuple[Segment, str]]:
    """The chrome rule (if any) for each segment, the structural verdicts weighed by the model.

    A headline-list verdict stands when the model gives the line at least its keep
    threshold (lists the story gives look alike); each other structural verdict stands
    when the model gives the line at least that verdict's threshold (0: always);
    a line with no verdict is flagged when the model is confident it is page text, and a
    short gap between two chrome lines when it leans that way on each line of it
    (:func:`_between_chrome`). Lines the phrase rules cover and page furniture are left as
    they are.
    """
    phrase = {seg.index for seg in segments if _left_to_phrase_rules(seg.text)}
    kinds: dict[int, LineKind] = {}
    verdicts = dict((seg.index, rule) for seg, rule in classify(segments, phrase, kinds, weighed=True))
    inputs = line_inputs(segments, kinds, verdicts)
    # Each segment in order: the rule it gets, the phrase rules' mark for one they report,
    # or its probability (None: not scored, or prose) when it gets none.
    marks: list[str | float | None] = []
    for seg, row in zip(segments, features(inputs)):
        verdict = verdicts.get(seg.index)
        if verdict == FURNITURE:
            marks.append(verdict)
        elif seg.index in phrase or (verdict is not None and _labelled_by_phrase_rules(seg.text)):
            marks.append(_PHRASE_RULE)
        elif verdict is not None and verdict not in WEIGHED:
            needed = model.verdict_threshold(verdict)
            p = model.probability(row) if needed > 0.0 and row is not None else None
            marks.append(verdict if p is None or p >= needed else p)
        else:
            p = model.probability(row) if row is not None else None
            if verdict is not None and p is not None and p >= model.keep_threshold:
                marks.append(HEADLINE_LIST)
            elif verdict is None and p is not None and p >= model.threshold:
                marks.append(BOILERPLATE)
            else:
                marks.append(None if p is None or kinds.get(seg.index) is LineKind.PROSE else p)
    for position in _between_chrome(marks):
        marks[position] = BOILERPLATE
    return [(seg, mark) for seg, mark in zip(segments, marks) if isinstance(mark, str) and mark != _PHRASE_RULE]


# The phrase rules report the line (the mark _between_chrome reads for it).
_PHRASE_RULE = "phrase"
# A few lines between two chrome lines are chrome too when the model leans that way for
# each of them (a menu's items it is less sure of, between items it is sure of).
_MAX_GAP_LINES = 20
_GAP_PROBABILITY = 0.7


def _between_chrome(marks: Sequence[str | float | None]) -> list[int]:
    """Positions of the unflagged lines of each short gap between two chrome lines when
    the model gives every line of the gap at least _GAP_PROBABILITY (a line it does not
    score, such as prose, keeps the gap open). A headline list does not count as the
    gap's edge: lists the story gives look alike, and would spread."""
    filled: list[int] = []
    start: int | None = None
    edge = False        # the last flagged line may close a gap
    for i, mark in enumerate(marks):
        if isinstance(mark, str):
            if start is not None and edge and mark != HEADLINE_LIST and i - start <= _MAX_GAP_LINES \
                    and all(isinstance(m, float) and m >= _GAP_PROBABILITY for m in marks[start:i]):
                filled.extend(range(start, i))
            start, edge = None, mark != HEADLINE_LIST
        elif start is None:
            start = i
    return filled


def line_inputs(segments: Sequence[Segment], kinds: dict[int, LineKind], verdicts: dict[int, str]) -> list[LineInput]:
    """What the model reads of each segment (an unheaded list's verdict reads as a headline list)."""
    return [
        LineInput(seg.text, seg.kind, kinds.get(seg.index, LineKind.OTHER),
                  HEADLINE_LIST if verdicts.get(seg.index) == UNHEADED_LIST else verdicts.get(seg.index))
        for seg in segments
    ]


def classify(segments: Sequence[Segment], phrase: AbstractSet[int] | None = None,
             kinds: dict[int, LineKind] | None = None, weighed: bool = False) -> list[tuple[Segment, str]]:
    """The structural chrome rule (if any) for each segment, in document order.

    ``phrase`` holds the indices of segments the phrase rules cover; by default, the
    segments whose text opens like one. ``kinds``, when given, receives each judged
    segment's kind of line. With ``weighed``, a headline list with no heading in it is
    marked :data:`UNHEADED_LIST` (for the model to weigh) instead of :data:`HEADLINE_LIST`.
    """
    verdicts: dict[int, str] = {}
    lines: list[_Line] = []
    for seg in segments:
        if seg.kind is SegmentKind.FURNITURE:
            verdicts[seg.index] = FURNITURE
        elif not (seg.index in phrase if phrase is not None else _left_to_phrase_rules(seg.text)):
            lines.append(_Line(seg, shape_of(seg.text)))
            if kinds is not None:
                kinds[seg.index] = lines[-1].shape.kind
    story = _StoryWords([line for line in lines if _is_body(line)])
    # A resource list the story gives is its own text: its lines get no verdict.
    own = _resource_list(lines)
    for run, before, after in _runs(lines):
        verdicts.update((i, rule) for i, rule in _judge_run(run, before, after, story).items() if i not in own)
    verdicts.update(_repeated_bylines(lines, verdicts))
    if not weighed:
        verdicts = {i: HEADLINE_LIST if rule == UNHEADED_LIST else rule for i, rule in verdicts.items()}
    return [(seg, verdicts[seg.index]) for seg in segments if seg.index in verdicts]


def _left_to_phrase_rules(text: str) -> bool:
    return text.lstrip(" \"'“‘»›-–—*•").lower().startswith(PHRASE_RULE_OPENINGS)


def _labelled_by_phrase_rules(text: str) -> bool:
    # The phrase rules anchor these labels at the start of the line; a quoted or marked
    # label ('"Related:"') is left to the structure.
    return text.lstrip().lower().startswith(PHRASE_RULE_LABELS)


def _is_body(line: _Line) -> bool:
    return line.shape.is_prose and line.segment.kind in _PROSE_KINDS


def _runs(lines: list[_Line]):
    """Maximal runs of non-prose lines, with the prose paragraphs around them.

    The story's headline (the first segment, whatever the parser called it) and a deck
    straight after it belong to no run.
    """
    run: list[_Line] = []
    before: _Line | None = None
    for position, line in enumerate(lines):
        if _is_top_title(lines, position):
            continue
        if _is_body(line):
            if run:
                yield run, before, line
                run = []
            before = line
        else:
            run.append(line)
    if run:
        yield run, before, None


def _is_top_title(lines: list[_Line], position: int) -> bool:
    """The headline and the line under it, when both are title-shaped."""
    line = lines[position]
    if line.segment.kind is SegmentKind.HEADLINE or (position == 0 and line.segment.index == 0):
        return True
    if position == 1 and line.segment.index == 1 and _is_top_title(lines, 0):
        return line.shape.kind in (LineKind.TITLE, LineKind.OTHER) and not opens_story_list(line.segment.text)
    return False


_LISTY = (LineKind.TITLE, LineKind.BOX_HEADING, LineKind.TOOL)
# The story's byline is among the last lines of the run above its first paragraph, and
# its headline a few lines above the byline.
_BYLINE_REACH = 3
_TITLE_REACH = 5
# Lines above the story's headline read as the page's header, when there are this many.
_HEADER_KINDS = (LineKind.TOOL, LineKind.TITLE, LineKind.OTHER, LineKind.BOX_HEADING)
_MIN_HEADER_LINES = 3
# With no byline under the headline: menu items of at most this many words, and more of them.
_MENU_ITEM_WORDS = 5
_MIN_UNSIGNED_HEADER_LINES = 5
# A line ending in one of these is a link ("Real Time Brussels HOME PAGE »"), not a headline.
_LINK_ARROWS = ("»", "›", ">", "→")


def _resource_list(lines: list[_Line]) -> frozenset[int]:
    """Segment indices of the lines of a resource list the story gives: web addresses each
    with a sentence describing it straight after, and titles each with its address on
    the line under it; the first when the document has at least _MIN_LISTED_ADDRESSES of
    them, the second when at least _MIN_LISTED_TITLES stand in a row."""
    addresses = [is_web_address(line.segment.text) for line in lines]
    if sum(addresses) < _MIN_LISTED_ADDRESSES:
        return frozenset()
    described = [line.segment.index for position, (line, after) in enumerate(zip(lines, lines[1:]))
                 if addresses[position] and _is_body(after)]
    own = set(described) if len(described) >= _MIN_LISTED_ADDRESSES else set()
    pairs: list[int] = []
    position = 0
    while position + 1 < len(lines):
        title = lines[position]
        if (addresses[position + 1] and not addresses[position]
                and len(title.shape.words) <= _MAX_LISTED_TITLE_WORDS):
            pairs += (title.segment.index, lines[position + 1].segment.index)
            position += 2
            continue
        if len(pairs) >= 2 * _MIN_LISTED_TITLES:
            own.update(pairs)
        pairs = []
        position += 1
    if len(pairs) >= 2 * _MIN_LISTED_TITLES:
        own.update(pairs)
    return frozenset(own)


def _judge_run(run: list[_Line], before: _Line | None, after: _Line | None, story: "_StoryWords") -> dict[int, str]:
    out: dict[int, str] = {}
    # Telephone numbers or e-mail addresses on many of its lines make the run a directory or
    # a service box the story gives ("American Cancer Society / 800-227-2345 /
    # www.cancer.org"): its names are not headlines, its web addresses not the page's links.
    contacts = sum(1 for line in run if is_contact_detail(line.segment.text))
    directory = contacts >= _MIN_DIRECTORY_CONTACTS and contacts * _DIRECTORY_SHARE >= len(run)
    for line in run:
        if directory and is_web_address(line.segment.text):
            continue
        if line.shape.is_chrome_like:
            out[line.segment.index] = TOOLS
        elif is_teaser(line.segment.text):
            out[line.segment.index] = TEASER
    for stretch in _stretches(run, is_archive_month, _MIN_ARCHIVE_MONTHS):
        out.update((line.segment.index, TOOLS) for line in stretch)
    for stretch in _stretches(run, is_section_name, _MIN_SECTION_NAMES):
        out.update((line.segment.index, TOOLS) for line in stretch)
    for stretch in _stretches(run, is_dated_headline, _MIN_DATED_HEADLINES):
        out.update((line.segment.index, HEADLINE_LIST) for line in stretch)
    if len(run) == 1 and run[0].segment.index not in out and _stray_headline(run[0], before, after, story):
        out[run[0].segment.index] = TEASER
    if directory:
        return out
    introduced = before is not None and before.shape.ends_colon
    for stretch in _title_stretches(run, introduced, subhead_last=after is not None):
        # A box heading or a tool line heads the list; a site's navigation bar above the
        # story's own title and deck does not.
        headed = any(line.shape.kind is LineKind.BOX_HEADING
                     or (line.shape.kind is LineKind.TOOL and not is_navigation_line(line.segment.text))
                     for line in stretch)
        for line in stretch:
            if line.shape.kind is not LineKind.TOOL:
                out[line.segment.index] = HEADLINE_LIST if headed else UNHEADED_LIST
    if before is None and after is not None:
        _judge_page_top(run, out)
    return out


def _judge_page_top(run: list[_Line], out: dict[int, str]) -> None:
    """The run above the story's first paragraph on a whole page: the story's headline
    (and deck) keeps no list verdict, and the page's header above it is navigation."""
    found = _story_title(run)
    if found is None:
        return
    title, signed = found
    at = start = run.index(title)
    # A headline over a deck: the title line straight above is the story's too.
    if start > 0 and run[start - 1].shape.kind is LineKind.TITLE:
        start -= 1
    # With no byline, the headline is a guess: it only marks where the header ends.
    if signed:
        for line in run[start:at + 1]:
            out.pop(line.segment.index, None)
    # Above the story's headline, the page's header: its menus, boxes and links. Without
    # a byline to place the headline, only a menu's short links count.
    header = [line for position, line in enumerate(run[:start])
              if line.segment.index not in out and line.shape.kind in _HEADER_KINDS
              and (signed or _menu_item(line, run[position + 1]))]
    if len(header) >= (_MIN_HEADER_LINES if signed else _MIN_UNSIGNED_HEADER_LINES):
        out.update((line.segment.index, TOOLS) for line in header)


def _menu_item(line: _Line, after: _Line) -> bool:
    """A short link of a menu: a few words, no sentence, no list content (a field, a
    quantity, a contact detail) or table row, no colon, comma or open bracket (pieces of a
    field or a sentence broken across lines), and not a piece of a hard-wrapped sentence
    that runs on into the next line."""
    text = line.segment.text
    return (len(line.shape.words) <= _MENU_ITEM_WORDS and not line.shape.ends_sentence
            and not any(mark in text for mark in ":,") and text.count("(") == text.count(")")
            and not is_list_content(text) and not is_table_row(text) and not _runs_on(line, after))


def _story_title(run: list[_Line]) -> tuple[_Line, bool] | None:
    """In the run above the story's first paragraph, the story's own headline: the last
    title line over the byline that ends the run, with at most a few tool, date or label
    lines between ("Azerbaijan's Rising Gas Negotiators / Article / Comments (3) / By
    Alessandro Torello"), however many other headlines the page lists above it."""
    signed = True
    for k in range(len(run) - 1, max(len(run) - 1 - _BYLINE_REACH, -1), -1):
        if byline_name(run[k].segment.text) is not None:
            break
    else:
        k, signed = len(run), False
    for j in range(k - 1, max(k - 1 - _TITLE_REACH, -1), -1):
        line = run[j]
        if line.shape.kind is LineKind.TITLE and not line.segment.text.rstrip().endswith(_LINK_ARROWS):
            # The last of a list of headlines (under "Most Popular", or three or more of
            # them straight over it; a menu's short items are not headlines) is the list's.
            titles = 0
            for above in reversed(run[:j]):
                if above.shape.kind is LineKind.BOX_HEADING or titles >= _MIN_LIST_LINES:
                    return None
                if above.shape.kind is not LineKind.TITLE and not _is_filler(above):
                    break
                titles += above.shape.kind is LineKind.TITLE and len(above.shape.words) >= _MIN_HEADLINE_WORDS
            return None if titles >= _MIN_LIST_LINES else (line, signed)
        if line.shape.kind not in (LineKind.TOOL, LineKind.META, LineKind.OTHER, LineKind.TITLE):
            return None
    return None


def _stretches(run: list[_Line], member, least: int):
    """Stretches of at least ``least`` consecutive lines whose text ``member`` accepts: an
    archive menu ("October 2006"), a section menu ("Politics", "Business", "Sports")."""
    stretch: list[_Line] = []
    for line in run + [None]:
        if line is not None and member(line.segment.text):
            stretch.append(line)
            continue
        if len(stretch) >= least:
            yield stretch
        stretch = []


# Words too common to tie a line to the paragraphs around it.
_COMMON = frozenset(
    "about after again also because been before being between could does during from have "
    "into just more most much must never only other over said says same should since some "
    "such than that their them then there these they this those through under until very "
    "were what when where which while will with would your".split())
_WORD = re.compile(r"[^\W\d_][\w'’-]*")


def _topic_words(text: str) -> set[str]:
    return {w.lower() for w in _WORD.findall(text) if len(w) > 3 and w.lower() not in _COMMON}


class _StoryWords:
    """The topic words of the story's paragraphs, counted once per paragraph, read only
    when a lone line between paragraphs needs them."""

    def __init__(self, body: list[_Line]):
        self._body = body
        self._counts: Counter[str] | None = None

    def shared(self, words: set[str]) -> int:
        """How many of ``words`` the story's paragraphs use, in more paragraphs than one."""
        if self._counts is None:
            self._counts = Counter(w for line in self._body for w in _topic_words(line.segment.text))
        return sum(1 for w in words if self._counts[w] > 1)


def _stray_headline(line: _Line, before: _Line | None, after: _Line | None, story: _StoryWords) -> bool:
    """A lone unlabelled line between two body paragraphs that reads as another story's headline.

    It must look like a whole headline sentence (at least eight words, no end
    punctuation, no quote marks or commas, not in capitals: a subhead is short or
    shares the story's topic) and share at most one of its topic words (when it has six
    or more) with the paragraphs either side. A numbered line ("5. Do pick screen names
    ...", "4.4. The economic consequences ...") is the document's own item or heading, as
    are a shell command, a footnote and a line closed by a citation mark; and a line that
    runs on into the next paragraph is part of a sentence.
    """
    text = line.segment.text
    if before is None or after is None or line.segment.kind not in _PROSE_KINDS:
        return False
    if len(line.shape.words) < 8 or len(text) > 160 or text.isupper():
        return False
    if any(mark in text for mark in ',"“”‘’:;?!') or text.rstrip()[-1:] in ".)":
        return False
    if _runs_on(line, after) or _NUMBERED.match(text) or _CODE_OR_NOTE.search(text):
        return False
    words = _topic_words(text)
    shared = words & (_topic_words(before.segment.text) | _topic_words(after.segment.text))
    if shared and not (len(shared) == 1 and len(words) >= 6):
        return False
    # A caption or a pulled line names what the whole story is about ("The Petersiks say a
    # happy marriage is key to their successful business"): another story's headline
    # rarely shares three of its topic words with more than one of the story's paragraphs.
    return story.shared(words) < _STORY_TOPIC_WORDS


# A command at a shell prompt ("$ hg push ../public"), a footnote opened by its caret ("^
# Physics 125 Course Notes") or a line closed by a citation mark ("... destinations.[206]"):
# the document's own text, never a headline.
_CODE_OR_NOTE = re.compile(r"^[$^>#]\s|\[\d{1,4}\]$")
# Topic words a lone line shares with the story's paragraphs that make it the story's own.
_STORY_TOPIC_WORDS = 3
# "1. ...", "2) ...", "4.4. ...": an item or a section heading of the document itself.
_NUMBERED = re.compile(r"^\W{0,3}\d{1,3}(?:\.\d{1,3})*[.)]")
# Words a headline does not end on but a line broken inside a sentence often does.
_RUN_ON_ENDINGS = frozenset(
    "a an the and or but nor of for with from by at into onto than that which whose "
    "your their his her its our my this these those is are was were be been has have had "
    "will would can could should may might must to as if".split())


def _runs_on(line: _Line, after: _Line) -> bool:
    """A line of a sentence broken across paragraphs (hard-wrapped text, a page's line
    breaks): it ends on an article, a conjunction or a preposition, or the paragraph after
    it carries on in lower case ("... the American continent when Columbus sailed" /
    "into the Caribbean in 1492.")."""
    words = line.shape.words
    if words and words[-1].lower() in _RUN_ON_ENDINGS:
        return True
    follow = after.segment.text.lstrip(" \"'“‘(")
    return follow[:1].islower()


def _title_stretches(run: list[_Line], introduced: bool, subhead_last: bool):
    """Stretches of consecutive title, box-heading and tool lines long enough to be a list.

    A line ending in a colon (not itself a box heading) or a heading such as "Key
    points" introduces a list the story gives ("The candidates are:"); title lines
    after it are the story's own. Short lines of no clear shape (a one-word topic
    tag, a count) carry a stretch on without counting towards its length. When prose
    follows the run, its last title line may be a subhead over that prose and does
    not count either, unless a box heading ("Related Stories") is in the stretch.
    """
    stretch: list[_Line] = []
    for line in run:
        if _introduces_list(line):
            introduced = True
        elif line.shape.kind in _LISTY and not (introduced and line.shape.kind is LineKind.TITLE):
            stretch.append(line)
            continue
        elif stretch and _is_filler(line):
            stretch.append(line)
            continue
        if _is_list(stretch, subhead_last=False):
            yield stretch
        stretch = []
    if _is_list(stretch, subhead_last):
        yield stretch


def _introduces_list(line: _Line) -> bool:
    colon = line.shape.ends_colon and line.shape.kind not in (LineKind.BOX_HEADING, LineKind.TOOL)
    return colon or opens_story_list(line.segment.text)


def _is_list(stretch: list[_Line], subhead_last: bool) -> bool:
    """Enough title lines (tool lines count after the first line) to read as a list."""
    counted = sum(
        1 for position, line in enumerate(stretch)
        if line.shape.kind in _LISTY and (line.shape.kind is not LineKind.TOOL or position > 0)
    )
    if any(line.shape.kind is LineKind.BOX_HEADING for line in stretch):
        return counted >= _MIN_HEADED_LIST_LINES
    if subhead_last and stretch and stretch[-1].shape.kind is LineKind.TITLE:
        counted -= 1
    # Headlines are whole clauses; items of a feature or schedule list are short noun phrases.
    titles = sorted(len(line.shape.words) for line in stretch if line.shape.kind is LineKind.TITLE)
    if titles and titles[len(titles) // 2] < _MIN_HEADLINE_WORDS:
        return False
    return counted >= _MIN_LIST_LINES


def _is_filler(line: _Line) -> bool:
    return line.shape.kind is LineKind.OTHER and len(line.shape.words) <= 3 and not line.shape.ends_colon


def _repeated_bylines(lines: list[_Line], verdicts: dict[int, str]) -> dict[int, str]:
    """A META line whose text already appeared earlier in the document, or a bare byline
    ("By Jane Doe") naming an author an earlier byline named ("By Jane Doe | May 5")."""
    seen: set[str] = set()
    authors: set[str] = set()
    out: dict[int, str] = {}
    last_meta = max((i for i, line in enumerate(lines) if line.shape.kind is LineKind.META), default=-1)
    for line in lines[:last_meta + 1]:      # lines after the last META line cannot repeat one
        text = line.shape.text
        key = " ".join(line.segment.text.lower().split())
        is_meta = line.shape.kind is LineKind.META
        repeated = key in seen or (is_bare_byline(text) and byline_name(text) in authors)
        if (is_meta and repeated and line.segment.index not in verdicts
                and not is_credit(text)      # each post or picture gets its credit
                and not is_table_row(text)):  # a table's rows repeat dates and figures
            out[line.segment.index] = REPEATED_BYLINE
        seen.add(key)
        if is_meta and (name := byline_name(text)) is not None:
            authors.add(name)
    return out
