"""The shape of one line of a page: prose, a title, a tool line, a byline.

Page chrome is mostly short text that is not prose: tool links ("Print", "Email"),
other stories' headlines, box headings. These helpers describe a segment's text by
its shape alone (length, end punctuation, function words, capitals, separators,
tool vocabulary) so the structure check can look at runs of such lines.
"""
from __future__ import annotations

import enum
import functools
import re
from dataclasses import dataclass
from itertools import islice

from newslint.checks.news.chrome_vocabulary import (
    BOX_HEADING_LAST_NOUNS,
    BOX_HEADING_NOUNS,
    BOX_HEADING_PHRASES,
    BOX_HEADING_WORDS,
    CALL_TO_ACTION,
    GLUE_WORDS,
    SECTION_NAMES,
    SITE_LINKS,
    SOCIAL_NETWORKS,
    STORY_LIST_HEADINGS,
    TOOL_PHRASES,
    TOOL_WORDS,
)

# Lowercase words that prose cannot do without and headlines mostly leave out.
FUNCTION_WORDS = frozenset("""
    the a an of to in and was were is are has have had been be will would could should
    that which who with for on at by from as but not it its this their his her they he she
    we our i said says than after before about into when while over also
""".split())

_WORD = re.compile(r"[^\W_](?:[\w.'’@&-]*[^\W_])?|[@#]\w+")
_SENTENCE_END = re.compile(r"""[.!?](?:["'”’)\]]|\?)*$|[.!?]["'”’]?\s*\(?[A-Z]{2,}\)?$""")
# How much of a line's end _SENTENCE_END reads: from every "?" of a long run of them it
# would scan to the end again.
_END_WINDOW = 80
_SEPARATORS = re.compile(r"[|•·»«›‹\[\]{}+\-–—=_*/\\:;()<>~^]+|\s\?\s|^\?|\?$")
_TIME = re.compile(r"\b\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?|GMT|UTC|[A-Z]{2,4}T)?\b|\b\d{1,2}\s*[ap]\.?m\.?", re.I)
_MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
          r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
_DATE = re.compile(
    rf"\b{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?\b|\b\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH}\b"
    r"|\b\d{1,4}[/.-]\d{1,2}[/.-]\d{2,4}\b",
    re.I,
)
# An entry of a blog's archive menu: "October 2006", "March 2008 (12)", "- 2004 Archives".
_ARCHIVE_MONTH = re.compile(
    rf"^(?:[-*•·]\s*)?(?:{_MONTH}\s+(?:19|20)\d\d|(?:19|20)\d\d\s+archives?)\s*(?:\(\d+\))?$", re.I)
# A headline with its date, as a list of related stories gives them: "Murdoch Inquiry
# Extends to Cellphone Theft (July 24, 2012)", "Pike's Taqueria Aiming for Opening - April 25, 2012".
_DATED_HEADLINE = re.compile(
    rf"^(?:[-*•]\s+)?[A-Z‘'\"“][^()\n]{{10,140}}?\s*"
    rf"(?:\(\s*(?i:{_MONTH})\s+\d{{1,2}},?\s+\d{{4}}\s*\)"
    rf"|[-–—]\s+(?i:{_MONTH})\s+\d{{1,2}},?\s+\d{{4}})$")
_WEEKDAY = re.compile(r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b", re.I)
_BYLINE = re.compile(r"^(?:by|from|posted by|written by|reporting by)\s+[A-Z]", re.I)
# The name a byline gives: "By Jane Doe | May 5, 2025" -> "Jane Doe".
_BYLINE_NAME = re.compile(r"^(?:by|posted by|written by)\s+([^|•·,;:(\d–—]+?)\s*(?:$|[|•·,;:(\d–—]|\s-\s)", re.I)
_DOMAIN = re.compile(r"^(?:https?://)?[\w-]+(?:\.[\w-]+)*\.(?:com|net|org|info|biz|co\.uk|co|tv|us|ca|in|au)\S*$", re.I)
# A label or a mark that points a title to another page: "Related: ...", "Watch: ...",
# "... »", "... [Sport]".
_TEASER_LABEL = re.compile(
    r"^\W*(?:related|also|more|read|watch|video|photos?|gallery|listen|next|previous|"
    r"don't miss|must read|recommended|latest|breaking|featured|editor's picks?)"
    r"(?:\s+(?:article|story|stories|news|in\s+\w+(?:\s+\w+)?))?\s*(?::|\||»|›|>)\s*\S",
    re.I,
)
_TEASER_MARK = re.compile(r"(?:»|›|>>)\s*$|(?<![.!?])\s\[[A-Z][\w ]{1,20}\]\s*$")


def is_teaser(text: str) -> bool:
    """A title with a label or a mark that sends readers to another page.

    A section tag after a whole sentence ("... ahead in Indiana. [Poll]") is a source
    note in a round-up the story writes, not a headline: headlines end unpunctuated.
    """
    return len(text) <= 160 and bool(_TEASER_LABEL.match(text) or _TEASER_MARK.search(text))


# "RENO, Nev. --": a dateline standing on its own line.
_DATELINE = re.compile(r"^[A-Z][A-Z .'-]+(?:,\s*[A-Z][\w.' ]*)?\s*(?:--|—|–|-)\s*$")
_HANDLE = re.compile(r"(?:^|\s)@\w{2,}|\bhttps?://|\bwww\.\w", re.I)
# Text-size buttons: "A A A", "[ -] Text [ +]", "A+ A-".
_TEXT_SIZE = re.compile(r"^(?:[\s\[\]()+\-–|]*(?:a|text|font|size)\b[\s\[\]()+\-–|:]*){1,4}$", re.I)
# "1. Saint John", "* Pat Phelan", "a) ..." : items of a list the story itself gives.
_LIST_ITEM = re.compile(r"^\s*(?:\d{1,3}[.)]\s|[a-z][.)]\s|[*•·-]\s?)")
# "Processor: 1.2GHz", "Who: Wright State": a field of a fact box (label of one or two words).
_FIELD = re.compile(r"^[A-Z][\w'-]*(?:\s[\w'-]+)?:\s+\S")
# The content of a list the story gives: a quantity, a price, a time, a field or a Q&A turn
# ("2 cups flour", "Adults: $12", "9:30 a.m. Start", "Q: How long ...?", "Processor: 1.2GHz").
_QUANTITY = re.compile(
    r"^(?:\d+(?:[.,/]\d+)?|[½¼¾⅓⅔]|an?|one|two|three|four|five|six|half)\s*(?:-\s*\w+\s*)?"
    r"(?:%|cups?|c\.|tbsp|tsp|tablespoons?|teaspoons?|oz|ounces?|lbs?|pounds?|g|grams?|kg|ml|l|liters?|"
    r"litres?|pinch|cloves?|cans?|sticks?|slices?|pieces?|large|medium|small|whole|km|mi|miles?|m|"
    r"metres?|meters?|laps?|minutes?|mins?|hours?|seconds?|x)\b",
    re.I,
)
_PRICE = re.compile(r"[$£€¥₹]\s?\d|\b\d+(?:[.,]\d+)?\s?(?:dollars|euros|pounds)\b|\bfree\b", re.I)
QA_TURN = re.compile(r"^(?:Q|A|Q\.|A\.|Question|Answer)\s*[:.)-]\s", re.I)
_QUOTED = re.compile(r"""^\W{0,2}["“‘'«].*["”’'»][\W]{0,3}$""")
# A telephone number or an e-mail address: "800-227-2345", "(415) 543-2979", "+44 20 7946 0958",
# "info@example.org". Service boxes and directories give them; headline lists never do.
# An address's name is read from the start of its run of name characters only (the
# lookbehind), so a long run with no "@" is read once, not once per starting point.
_CONTACT = re.compile(
    r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}\b"
    r"|(?:\+\d{1,3}[\s.-]?)?(?:\(\d{2,4}\)\s?|\b\d{3}[\s.-])\d{3}[\s.-]\d{4}\b"
    r"|\+\d{1,3}(?:[\s.-]\d{2,4}){2,4}\b",
    re.I,
)
# The cells of a table row, and a cell that is only a number.
_CELL_MARKS = "|│┃"
_CELL_SEPARATOR = re.compile(rf"\s*[{_CELL_MARKS}\t]\s*")
_NUMBER_CELL = re.compile(r"^[-+−]?\d[\d,.]*%?$")
_WEB_ADDRESS = re.compile(r"^(?:https?://\S+|www\.\S+|[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}(?:/\S*)?)$", re.I)


def is_section_name(text: str) -> bool:
    """Whether a line is only the name of a site's section ("Politics", "In Sports")."""
    name = text.strip().lower()
    if name.startswith("in "):
        name = name[3:]
    return name in SECTION_NAMES


def is_archive_month(text: str) -> bool:
    """Whether a line is only a month and a year, as an archive menu lists them."""
    return _ARCHIVE_MONTH.match(text.strip()) is not None


def is_dated_headline(text: str) -> bool:
    """Whether a line is a headline followed by its date ("... Theft (July 24, 2012)")."""
    return _DATED_HEADLINE.match(text.strip()) is not None


def is_web_address(text: str) -> bool:
    """Whether a line is only a web address ("http://www.cancer.org", "nabco.org")."""
    return _WEB_ADDRESS.match(text.strip()) is not None


def is_contact_detail(text: str) -> bool:
    """Whether a line gives a telephone number or an e-mail address."""
    return _CONTACT.search(text) is not None


def is_table_row(text: str) -> bool:
    """A row of a table the story gives, which may repeat where a byline may not: a line
    that opens with a cell separator ("| Season: May 1 to October 31 | |"), or a data row."""
    return text.lstrip().startswith(tuple(_CELL_MARKS)) or is_data_row(text)


def is_data_row(text: str) -> bool:
    """A row of a table the story gives: three or more cells, two of them plain numbers
    ("2020-08-01 18:00 | 400 | 24", "Ohio\t52.1\t46.3"). A dateline or byline with
    separators ("May 5, 2024 | 10:32 AM | Updated 11:00 AM") has no cell that is only a number."""
    cells = [c for c in _CELL_SEPARATOR.split(text.strip()) if c]
    return len(cells) >= 3 and sum(1 for c in cells if _NUMBER_CELL.match(c)) >= 2


def is_list_content(text: str) -> bool:
    """A line shaped like an item of a list the story gives: quantities, prices, fields, Q&A,
    contact details."""
    stripped = _LIST_ITEM.sub("", text, count=1)
    if _QUANTITY.match(stripped) or _PRICE.search(stripped) or QA_TURN.match(stripped):
        return True
    if is_contact_detail(stripped):
        return True
    if _TIME.match(stripped) or _QUOTED.match(stripped):
        return True
    field = _FIELD.match(stripped)
    if field is None or _TEASER_LABEL.match(stripped):
        return False
    # "Weight: 172 grams", "Colors: black, sage": a short value, or one with a figure.
    value = stripped[field.end() - 1:]
    return len(value.split()) <= 3 or any(c.isdigit() for c in value)


_CONTRIBUTOR = re.compile(
    r"\b(?:contributed|contributing) (?:to )?(?:this|the) (?:report|story|article)\b"
    r"|^(?:editor'?s note|correction|clarification|update)\b",
    re.I,
)


# A credit or signature: the handle or network a quote, post or picture came from, set
# as a line of its own and closed like a sentence ("@cityreader.", "Twitter: @jdoe.",
# "FACEBOOK."). Link text and share buttons are never closed with a period.
_CREDIT_TOKEN = re.compile(r"@\w{2,}|[^\W\d_][\w+]*:?", re.I)


def is_credit(text: str) -> bool:
    """A line of one to three handles or network names that ends with a single period."""
    if not text.endswith(".") or text.endswith("..") or len(text) > 60:
        return False
    tokens = text[:-1].split()
    return 1 <= len(tokens) <= 3 and all(
        _CREDIT_TOKEN.fullmatch(t) and (t.startswith("@") or t.rstrip(":").lower() in SOCIAL_NETWORKS)
        for t in tokens
    )


# A byline signed with the writer's handle: "Melissa Harris-Perry, @mharrisperry", "By Kim
# Blake @kimkblake". The name is one to four capitalised words, none of them a tool word.
_SIGNED_NAME = re.compile(
    r"(?:By\s+)?((?:[A-Z][\w'’.-]*\s+){0,3}[A-Z][\w'’.-]*),?\s+@\w{2,}\.?")
_NOT_NAMES = frozenset({"follow", "view", "all", "us", "me", "on", "more", "join", "find", "the", "our"})


def is_signed_byline(text: str) -> bool:
    """A writer's name followed by their handle, the handle the line's only link."""
    match = _SIGNED_NAME.fullmatch(text.strip())
    if match is None:
        return False
    names = [w.lower().rstrip(".") for w in match.group(1).split()]
    return not any(w in TOOL_WORDS or w in SOCIAL_NETWORKS or w in _NOT_NAMES for w in names)


class LineKind(enum.Enum):
    PROSE = "prose"          # a sentence or more of body text
    TOOL = "tool"            # site tools and navigation: "Print | Email", "Text size + -"
    BOX_HEADING = "box"      # a box of links opens: "Related Articles", "Most Popular"
    TITLE = "title"          # a short title-like line: a headline, a subhead, a teaser
    META = "meta"            # bylines, datelines, timestamps, credits, contributor and editor's notes
    OTHER = "other"          # short text of no clear shape (numbers, stats, list items)


# A line of this many words is prose, whatever else it holds (unless it is a web address
# or a menu bar).
_PROSE_WORDS = 20
# What every menu bar holds: a cheap test before its pieces are read.
_MENU_MARKS = re.compile(r"[|•·]")


@dataclass(frozen=True)
class LineShape:
    kind: LineKind
    text: str                # the line without surrounding whitespace
    ends_sentence: bool
    ends_colon: bool

    # Listed only when asked for: most lines are long prose, whose kind needs no word list.
    @functools.cached_property
    def words(self) -> tuple[str, ...]:
        return words_of(self.text)

    @functools.cached_property
    def function_words(self) -> int:
        return _count_function_words(self.words)

    @property
    def is_prose(self) -> bool:
        return self.kind is LineKind.PROSE

    @property
    def is_chrome_like(self) -> bool:
        return self.kind in (LineKind.TOOL, LineKind.BOX_HEADING)


def words_of(text: str) -> tuple[str, ...]:
    return tuple(_WORD.findall(text))


def _has_words(text: str, n: int) -> bool:
    """Whether ``text`` has at least ``n`` words (found one by one, no further than needed)."""
    return next(islice(_WORD.finditer(text), n - 1, None), None) is not None


def _count_function_words(words: tuple[str, ...]) -> int:
    return sum(map(FUNCTION_WORDS.__contains__, words))


# A "|" escaped as "\\|" is a separator a table cell holds as text.
_PIECE_SEPARATOR = re.compile(r"\s*\\?[|•·]\s*")
# A navigation bar names at least this many of a site's sections or links.
_MIN_NAVIGATION_LINKS = 3
# A menu bar of any site: at least this many links, each of at most so many words.
_MIN_MENU_LINKS = 4
_MENU_LINK_WORDS = 4
_MENU_LINK = re.compile(r"[^\d.!?,;:]*[^\d\s.!?,;:]")
# A box heading named by its last word is short: "More Business News", not a subhead.
_BOX_HEADING_LAST_NOUN_WORDS = 5


def _is_tool_piece(text: str) -> bool:
    """True when every word of ``text`` is tool vocabulary and one of them names a tool."""
    lowered = text.lower()
    words = [w.lower().strip(".'’") for w in _WORD.findall(lowered)]
    words = [w for w in words if w and not w.isdigit()]
    if not words:
        return False
    has_phrase = any(p in lowered for p in TOOL_PHRASES)
    if not has_phrase and not any(w in TOOL_WORDS for w in words):
        return False
    return all(w in TOOL_WORDS or w in GLUE_WORDS or len(w) == 1 for w in words)


def is_tool_text(text: str) -> bool:
    """A short line made of tool words, or of pieces split by "|" that mostly are."""
    if len(text) > 140:
        return False
    if _is_tool_piece(_SEPARATORS.sub(" ", text)) or _TEXT_SIZE.match(text):
        return True
    pieces = _pieces(text)
    if len(pieces) < 2:
        return False
    tools = sum(_is_tool_piece(_SEPARATORS.sub(" ", p)) for p in pieces)
    return tools * 2 > len(pieces) or is_navigation_bar(pieces)


def _pieces(text: str) -> list[str]:
    """The pieces of a line split by "|", "•" or "·"."""
    return [p.strip() for p in _PIECE_SEPARATOR.split(text) if p.strip()]


def is_navigation_line(text: str) -> bool:
    """A line that is a site's navigation bar ("News | Sports | Opinion | Obituaries") or
    menu bar ("Home | FAQs | Writing Courses | Writing Centres")."""
    return is_navigation_bar(_pieces(text)) or is_menu_bar(text)


def is_menu_bar(text: str) -> bool:
    """Four or more short links split by "|", "•" or "·", whatever they name ("Home | FAQs |
    Writing Courses | For Faculty"): a few words each, no number, nothing that closes a
    sentence or a clause. A table's row ("| Inches | Millimeters | Inches |") is not one,
    unless a cell holds the bar as text ("| | Home \\| FAQs \\| News \\| Books | |")."""
    text = text.strip()
    if not _MENU_MARKS.search(text) or (text.startswith(tuple(_CELL_MARKS)) and "\\|" not in text):
        return False
    pieces = _pieces(text)
    return len(pieces) >= _MIN_MENU_LINKS and all(
        _MENU_LINK.fullmatch(piece) and _has_words(piece, 1) and not _has_words(piece, _MENU_LINK_WORDS + 1)
        for piece in pieces)


def is_navigation_bar(pieces: list[str]) -> bool:
    """Three or more pieces of a line split by "|", all but one of them a site's section
    ("News | Sports | Opinion") or one of its header or footer links ("About Us | Privacy
    Policy | Site Map")."""
    if len(pieces) < _MIN_NAVIGATION_LINKS:
        return False
    names = (p.strip(" .:»›").lower() for p in pieces)
    links = sum(1 for name in names if name in SECTION_NAMES or name in SITE_LINKS)
    return links >= _MIN_NAVIGATION_LINKS and links >= len(pieces) - 1


def opens_story_list(text: str) -> bool:
    """A heading the story puts over its own list ("Key points", "Story Highlights")."""
    return text.strip(" :-–—").lower() in STORY_LIST_HEADINGS


def _is_call_to_action(text: str, n_words: int) -> bool:
    return n_words <= 14 and text.lstrip("-–—»> ").lower().startswith(CALL_TO_ACTION)


def is_box_heading(words: tuple[str, ...]) -> bool:
    """"Related Articles", "Most Popular", "More in Sports", "Also by this author", "Don't Miss",
    "Other Opinion Columns"."""
    if not 1 <= len(words) <= 7:
        return False
    if " ".join(words).lower().replace("’", "'") in BOX_HEADING_PHRASES:
        return True
    if words[0].lower() not in BOX_HEADING_WORDS:
        return False
    return (len(words) == 1 or words[1].lower() in BOX_HEADING_NOUNS
            or (len(words) <= _BOX_HEADING_LAST_NOUN_WORDS and words[-1].lower() in BOX_HEADING_LAST_NOUNS))


def byline_name(text: str) -> str | None:
    """The author a byline names, lowercased ("By Jane Doe | May 5" -> "jane doe"), or None."""
    match = _BYLINE_NAME.match(text.strip())
    if match is None:
        return None
    name = " ".join(match.group(1).lower().split())
    return name if 1 <= len(name.split()) <= 5 else None


def is_bare_byline(text: str) -> bool:
    """A byline that says only who wrote the story: "By Jane Doe"."""
    name = byline_name(text)
    return name is not None and " ".join(text.lower().split()).rstrip(".").endswith(name) and len(
        text.split()) <= len(name.split()) + 2


def is_meta(text: str, words: tuple[str, ...]) -> bool:
    """Bylines, datelines, timestamps and contributor or editor's notes."""
    if _CONTRIBUTOR.search(text) or _DATELINE.match(text):
        return True
    if len(words) <= 12 and _BYLINE.match(text):
        return True
    if len(words) > 10:
        return False
    if _DATE.search(text) or _TIME.search(text):
        return True
    return len(words) <= 3 and bool(_WEEKDAY.search(text))


def is_title_like(text: str, words: tuple[str, ...], function_words: int) -> bool:
    """A short line shaped like a headline: a capital first, no closing period."""
    if not 2 <= len(words) <= 18 or len(text) > 120:
        return False
    stripped = text.strip().lstrip("'\"‘“?")
    if not stripped or not (stripped[0].isupper() or stripped[0].isdigit()):
        return False
    end = text.rstrip().rstrip("\"'”’»)]")
    if end.endswith((".", ",", ";", "!")) and not end.endswith("..."):
        return False
    if is_list_content(text):
        return False
    return function_words * 3 <= len(words) + 1


def shape_of(text: str) -> LineShape:
    text = text.strip()
    ends_sentence = bool(_SENTENCE_END.search(text[-_END_WINDOW:]))
    ends_colon = text.endswith(":")
    if is_menu_bar(text):
        kind = LineKind.TOOL
    elif _has_words(text, _PROSE_WORDS):
        # What _kind_of decides for a line this long, without listing every word.
        kind = LineKind.TOOL if _DOMAIN.match(text) else LineKind.PROSE
    else:
        words = words_of(text)
        kind = _kind_of(text, words, ends_sentence, _count_function_words(words))
    return LineShape(kind, text, ends_sentence, ends_colon)


def _kind_of(text: str, words: tuple[str, ...], ends_sentence: bool, function_words: int) -> LineKind:
    n = len(words)
    if is_credit(text) or is_signed_byline(text):
        return LineKind.META
    # Link and button text is never closed with a period; a line that is ("TOP STORIES.",
    # "Online: www.example.org.") was typed as copy. A call to action stays a tool.
    closed = text.endswith(".") and not text.endswith("..")
    if _is_call_to_action(text, n):
        return LineKind.TOOL
    if not closed and ((n <= 4 and _HANDLE.search(text)) or _DOMAIN.match(text)):
        return LineKind.TOOL
    if n >= _PROSE_WORDS or (n >= 7 and ends_sentence and function_words >= 2):
        return LineKind.PROSE
    if is_box_heading(words) and not ends_sentence:
        return LineKind.BOX_HEADING
    if not closed and is_tool_text(text):
        return LineKind.TOOL
    if is_meta(text, words):
        return LineKind.META
    if n >= 12 and ends_sentence:
        return LineKind.PROSE
    if _LIST_ITEM.match(text):
        return LineKind.OTHER
    if is_title_like(text, words, function_words):
        return LineKind.TITLE
    return LineKind.OTHER
