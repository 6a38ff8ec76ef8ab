"""The structural chrome check on short articles written for these tests."""
from __future__ import annotations


import pytest

import newslint

from newslint.checks.news.chrome_structure import (
    BOILERPLATE,
    FURNITURE,
    HEADLINE_LIST,
    REPEATED_BYLINE,
    RULES,
    TEASER,
    TOOLS,
    ChromeStructureCheck,
)
from newslint.checks.news.chrome_lines import is_box_heading
from newslint.documents import parse_document
from newslint.documents.model import Document, LineIndex, SegmentKind, SourceMap, make_segments
from newslint.findings import Category, Severity, Source

CHECK = ChromeStructureCheck()
ALL = frozenset(r.id for r in RULES)

BODY = [
    "The city council voted 7-2 on Tuesday to close the Elm Street branch library next spring.",
    "Council members said the 90-year-old building needs repairs the city cannot afford this year.",
    "Residents who spoke at the meeting asked the council to keep the branch open until a new one is built.",
    "The library's collection will move to the main branch on Oak Avenue, officials said.",
    "A public hearing on the plan is scheduled for March 3 at City Hall.",
]


def article(*blocks: str) -> str:
    return "\n\n".join(blocks) + "\n"


def flagged(text: str, enabled=ALL) -> dict[int, str]:
    """File line -> rule of every hit."""
    doc = parse_document(text, "story.txt", "text")
    out = {}
    for hit in CHECK.check(doc, enabled):
        seg = doc.segments[hit.segment]
        start, _ = doc.file_span(seg, hit.start, hit.end)
        out[doc.position(start)[0]] = hit.rule
    return out


def test_rules_metadata():
    assert [r.id for r in RULES] == [TOOLS, HEADLINE_LIST, TEASER, REPEATED_BYLINE, BOILERPLATE, FURNITURE]
    for rule in RULES:
        assert rule.category is Category.CHROME
        assert rule.severity is Severity.WARNING
        assert rule.source is Source.NEWS
        assert rule.doc.what and rule.doc.why and rule.doc.fix
        assert rule.examples.flag and rule.examples.pass_


@pytest.mark.parametrize("rule", [r for r in RULES if r.example_format == "text"], ids=lambda r: r.id)
def test_text_examples(rule):
    for example in rule.examples.flag:
        assert rule.id in flagged(example).values(), example
    for example in rule.examples.pass_:
        assert rule.id not in flagged(example).values(), example


@pytest.mark.parametrize("line", [
    "Print", "Email", "E-mail this story", "Digg this", "del.icio.us", "Text size + -",
    "[ -] Text [ +]", "Comments (3)", "Print | Email | Share", "Printer friendly version",
    "Email to a friend", "Facebook | Twitter | Digg", "Font size: Decrease Increase",
    "Click here for more election news", "Sign up for our free newsletter", "@citydesk",
    "Article continues below", "Most Popular",
])
def test_tool_lines_between_paragraphs(line):
    text = article("Library to close", BODY[0], BODY[1], line, BODY[2])
    assert flagged(text) == {7: TOOLS} or flagged(text).get(7) in (TOOLS, HEADLINE_LIST)


def test_headline_list_with_heading_is_flagged_whole():
    text = article(
        "Library to close", BODY[0], BODY[1],
        "Related Stories",
        "Mayor Opens New Bridge Downtown",
        "Storm knocks out power across county",
        "School board picks interim superintendent",
        BODY[2], BODY[3],
    )
    assert flagged(text) == {7: HEADLINE_LIST, 9: HEADLINE_LIST, 11: HEADLINE_LIST, 13: HEADLINE_LIST}


@pytest.mark.parametrize("heading", [
    # Headings that name no story word open a box of other stories as "Related Stories" does.
    "Don't Miss", "Editors’ Picks", "You May Also Like",
    # Up to five words from "More", "Other", "Latest", ... to a kind of item.
    "Other Opinion Columns", "More Business News", "Latest Sports Videos",
])
def test_a_box_heading_heads_a_headline_list(heading):
    text = article(
        "Library to close", BODY[0], BODY[1], heading,
        "Mayor Opens New Bridge Downtown",
        "Storm knocks out power across county",
        "School board picks interim superintendent",
        BODY[2], BODY[3],
    )
    assert flagged(text).get(7) == HEADLINE_LIST and {9, 11, 13} <= set(flagged(text))


@pytest.mark.parametrize("words", [
    "More Police Officers", "Other Key Findings", "Most Residents Want Better Bus Service News",
    "Latest Figures Show Rising Rents Across Most Cities",
])
def test_a_subhead_opening_like_a_box_heading_is_not_one(words):
    assert not is_box_heading(tuple(words.split()))


def test_sidebar_between_headline_and_body():
    text = article(
        "Library to close", "Story Tools", "Printer Friendly", "Email to a Friend",
        "Most Popular", "Mayor opens new bridge downtown", "Storm knocks out power across county",
        "Police seek driver in hit-and-run", "By Jane Doe", BODY[0], BODY[1],
    )
    hits = flagged(text)
    assert set(hits) == {3, 5, 7, 9, 11, 13, 15}
    assert 1 not in hits and 17 not in hits


def test_the_storys_own_headline_over_its_byline_is_not_one_of_the_pages_headlines():
    # A whole page: a box of other stories, a search box, then the story's headline,
    # its tools and its byline over the first paragraph.
    text = article(
        "The Daily Ledger", "Top Stories", "Mayor opens new bridge downtown", "Storm knocks out power across county",
        "Police seek driver in hit-and-run", "Search", "Library to close after council vote", "Print",
        "Comments (3)", "By Jane Doe", BODY[0], BODY[1],
    )
    hits = flagged(text)
    assert {3, 5, 7, 9, 11, 15, 17} <= set(hits)
    assert 13 not in hits
    # The last of a box's headlines over the byline stays the box's.
    boxed = article(
        "The Daily Ledger", "Top Stories", "Mayor opens new bridge downtown", "Storm knocks out power across county",
        "Police seek driver in hit-and-run", "By Jane Doe", BODY[0], BODY[1],
    )
    assert {5, 7, 9} <= set(flagged(boxed))


def test_the_pages_header_above_the_storys_headline_is_navigation():
    # Menus above the story's headline and deck, on a whole page.
    text = article(
        "The Daily Ledger", "Subscriber Services", "Weekend Guide", "Crossword Answers", "Lottery Results",
        "Library to close after council vote", "Residents lose their last branch in the east end", "By Jane Doe",
        BODY[0], BODY[1],
    )
    assert flagged(text) == {5: TOOLS, 7: TOOLS, 9: TOOLS}
    # A kicker over the headline is not a header.
    assert flagged(article("Analysis", "Library to close after council vote", "By Jane Doe", BODY[0], BODY[1])) == {}


def test_with_no_byline_only_a_menus_short_links_above_the_headline_are_the_header():
    menu = ["Home", "Local News", "Weekend Guide", "Crossword Answers", "Lottery Results", "Search"]
    text = article("The Daily Ledger", "Subscribe Today", *menu, "Library to close after council vote", BODY[0], BODY[1])
    # "Subscribe Today" is a tool line of its own.
    assert flagged(text) == {3: TOOLS} | {5 + 2 * i: TOOLS for i in range(len(menu))}
    # Fields, sentences and a hard-wrapped paragraph over the first paragraph are the story's.
    fields = ["Chairman: Dave Halstead", "Secretary: Isabel Wright", "Treasurer: Ann Lee",
              "Meets monthly.", "Dues are paid in", "January each year", "Club news"]
    text = article("Westside Cycling Club", "Officers", *fields, BODY[0], BODY[1])
    assert flagged(text) == {}


def test_legitimate_structure_stays_quiet():
    text = article(
        "Library to close after council vote",
        "By Jane Doe",
        "Staff Writer",
        "January 8, 2008",
        "SPRINGFIELD, Ill. -- " + BODY[0],
        BODY[1],
        "Repairs Too Costly",
        "The repairs to the library's roof and wiring would cost more than $2 million, officials said.",
        BODY[2],
        "Correction: An earlier version of this story gave the wrong date for the hearing.",
        "Editor's note: The reporter's spouse works for the library.",
        "Jane Roe contributed to this report.",
    )
    assert flagged(text) == {}


def test_list_introduced_by_a_colon_is_the_story_s_own():
    text = article(
        "Combine invitations", BODY[0],
        "The players invited to the combine are:",
        "Brian Edwards (Wake Forest University)", "Matt Allen (Creighton University)",
        "Shea Salinas (Furman University)", "Ely Allen (University of Washington)",
        BODY[1],
    )
    assert flagged(text) == {}


def test_numbered_results_are_not_headlines():
    text = article(
        "Test day results", BODY[0],
        "1. Bayliss (Ducati) 1'32.2", "2. Kagayama (Suzuki) 1'32.3", "3. Haga (Yamaha) 1'32.4",
        BODY[1],
    )
    assert flagged(text) == {}


def test_a_directory_of_names_numbers_and_addresses_is_the_story_s_own():
    # A service box: organisations with their telephone numbers, e-mail and web addresses.
    text = article(
        "Where to get help", BODY[0],
        "Riverside Family Support Network", "555-201-4400 or 800-555-0199", "help@riverside-support.org",
        "http://www.riverside-support.org",
        "County Crisis Line", "(555) 867-5309", "www.countycrisis.org",
        BODY[1],
    )
    assert flagged(text) == {}


RESOURCES = [
    ("Riverside Family Support Network", "http://www.riverside-support.org",
     "Runs weekly support groups for parents and answers questions by phone on weekdays."),
    ("County Library Learning Center", "http://library.example.gov/learn",
     "Offers free tutoring and English classes for adults at all five branches."),
    ("State Housing Help Desk", "https://housinghelp.example.org",
     "Explains the rental assistance program and how to apply for it online."),
]


def test_the_web_addresses_of_a_resource_list_are_the_story_s_own():
    # Each site named, its address on a line of its own, a sentence on what it offers.
    text = article("Where to get help", BODY[0], *(line for entry in RESOURCES for line in entry), BODY[1])
    addresses = {n for n, line in enumerate(text.splitlines(), 1) if line.startswith("http")}
    assert len(addresses) == 3 and not addresses & set(flagged(text))


READING = [
    ("Small Schools and Student Achievement", "http://www.example.org/research/small-schools.pdf"),
    ("The Case for the K-8 School (Education Weekly)", "http://edweekly.example.com/k8"),
    ("Grade Span Configurations: A Review of the Evidence", "http://www.example.edu/gradespan.html"),
    ("Middle School Goes the Way of Junior High", "http://news.example.com/2002/06/middle-school"),
]


def test_a_reading_list_of_titles_over_their_addresses_is_the_story_s_own():
    text = article("Library to close", BODY[0], "Further reading", *(line for entry in READING for line in entry),
                   BODY[1], BODY[2])
    listed = {n for n, line in enumerate(text.splitlines(), 1) if any(line in entry for entry in READING)}
    assert len(listed) == 8 and not listed & set(flagged(text))


def test_a_sidebar_of_two_titled_links_is_still_chrome():
    text = article("Library to close", BODY[0], BODY[1], "Mayor Opens New Bridge Downtown",
                   "http://www.example.com/news/bridge", "Storm Knocks Out Power Across County",
                   "http://www.example.com/news/storm", BODY[2], BODY[3])
    assert {9, 13} <= set(flagged(text))


def test_a_lone_described_address_is_still_a_tool():
    # An ad's address over the story's next paragraph: one, not a resource list.
    text = article("Library to close", BODY[0], "Boost your savings", "www.example-bank.com", BODY[1], BODY[2])
    assert flagged(text).get(7) == TOOLS


def test_contact_details_do_not_shield_a_page_s_own_tools():
    text = article(
        "Library to close", BODY[0],
        "Call us: 555-201-4400", "Print | Email | Share",
        BODY[1],
    )
    assert flagged(text) == {7: TOOLS}


def test_a_blog_archive_menu_is_navigation():
    text = article(
        "Library to close", BODY[0], BODY[1],
        "Archives", "December 2007", "November 2007 (4)", "October 2007",
    )
    assert {line: rule for line, rule in flagged(text).items() if line >= 9} == {9: TOOLS, 11: TOOLS, 13: TOOLS}
    listed = article("Library to close", BODY[0], BODY[1], "- December 2007", "- November 2007", "- 2006 Archives")
    assert {line: rule for line, rule in flagged(listed).items() if line >= 7} == {7: TOOLS, 9: TOOLS, 11: TOOLS}


def test_a_section_menu_is_navigation():
    text = article("Library to close", BODY[0], "Politics", "Business", "In Sports", "Real Estate", BODY[1])
    assert flagged(text) == {5: TOOLS, 7: TOOLS, 9: TOOLS, 11: TOOLS}
    two = article("Library to close", BODY[0], "Politics", BODY[1], "Business", "Weather", BODY[2])
    assert flagged(two) == {}


def test_a_month_and_year_or_two_in_the_story_are_not_a_menu():
    text = article("Timeline", BODY[0], "March 2003", BODY[1], "June 2010", "July 2010", BODY[2])
    assert flagged(text) == {}


def test_recurring_subheads_over_prose_are_not_a_list():
    text = article(
        "Inquest guide",
        "The issue", "The first claim", "The official account", BODY[0],
        "The issue", "The second claim", "The official account", BODY[1],
    )
    assert flagged(text) == {}


def test_credits_and_signatures_closed_like_sentences_are_copy():
    # Readers' posts signed with their handles, a picture credited to a network, a
    # columnist's sign-off: typed copy, closed with a period as link text never is.
    text = article(
        "What readers said about the library", BODY[0],
        "TWITTER.",
        "We asked our followers whether the branch should stay open.",
        "Keep it open. Kids need somewhere to go after school.",
        "@elmstreetmom.",
        "The city has better things to spend two million dollars on.",
        "@budgethawk22.",
        "FACEBOOK.",
        "My grandmother learned to read in that building, and so did I.",
        "Instagram: @oakavereader.",
        BODY[1],
        "Twitter.",
        BODY[2],
        "Twitter.",
        BODY[3],
    )
    assert flagged(text) == {}


@pytest.mark.parametrize("line", ["Jane Doe, @janedoe", "By Kim Blake @kimkblake", "Melissa Harris-Perry, @mharrisperry"])
def test_a_byline_signed_with_the_writers_handle_is_metadata(line):
    # Over the story, or under it as a sign-off.
    assert flagged(article("Library to close", line, BODY[0], BODY[1], BODY[2])) == {}
    assert flagged(article("Library to close", BODY[0], BODY[1], BODY[2], line)) == {}


@pytest.mark.parametrize("line", ["Twitter", "@citydesk", "Facebook | Twitter", "TOP STORIES", "Follow Us @citydesk",
                                  "Twitter @citydesk"])
def test_the_same_words_as_link_text_are_still_tools(line):
    text = article("Library to close", BODY[0], BODY[1], line, BODY[2])
    assert flagged(text).get(7) in (TOOLS, HEADLINE_LIST)


def test_source_tags_after_whole_sentences_are_a_round_up_not_teasers():
    text = article(
        "Polling round-up", BODY[0],
        "-A new survey puts the mayor six points ahead among likely voters. [Ledger]",
        "-Turnout models disagree on how many young voters will show up. [Post]",
        BODY[1],
    )
    assert TEASER not in flagged(text).values()


def test_a_label_the_phrase_rules_report_is_reported_once():
    for label, rule in (("Related: Mayor opens new bridge downtown", "news.chrome.see-also"),
                        ("\"Related:\"", "news.chrome.tools")):
        text = article("Library to close", BODY[0], BODY[1], label, BODY[2])
        rules = [f.rule for f in newslint.lint_text(text, "story.txt") if f.line == 7]
        assert rules == [rule], (label, rules)


def test_labelled_teaser_between_paragraphs():
    text = article("Library to close", BODY[0], BODY[1], "Watch: Mayor opens new bridge downtown", BODY[2])
    assert flagged(text) == {7: TEASER}


def test_repeated_byline_mid_story():
    text = article("Library to close", "By Jane Doe", BODY[0], BODY[1], "By Jane Doe", BODY[2], BODY[3])
    assert flagged(text) == {9: REPEATED_BYLINE}


def test_bare_byline_repeating_an_earlier_bylines_author():
    text = article("Library to close", "By Jane Doe | May 5, 2025", BODY[0], BODY[1], "By Jane Doe", BODY[2])
    assert flagged(text) == {9: REPEATED_BYLINE}


def test_byline_of_another_author_or_with_a_new_date_is_not_a_repeat():
    other = article("Library to close", "By Jane Doe | May 5, 2025", BODY[0], BODY[1], "By John Roe", BODY[2])
    assert flagged(other) == {}
    # A live blog's posts each carry their author and time.
    posts = article("Library to close", "By Jane Doe | 9:05 a.m.", BODY[0], "By Jane Doe | 9:40 a.m.", BODY[1])
    assert flagged(posts) == {}


def test_repeated_rows_of_a_data_table_are_not_repeated_datelines():
    rows = ["2020-08-01 18:00 | 400 | 24", "2020-08-01 17:59 | 400 | 12"]
    text = article("Error counts", BODY[0], *rows, BODY[1], *rows, BODY[2])
    assert flagged(text) == {}
    # A dateline with separators still repeats: none of its cells is only a number.
    dateline = "May 5, 2025 | 10:32 a.m. | Updated 11:00 a.m."
    text = article("Library to close", dateline, BODY[0], BODY[1], dateline, BODY[2])
    assert flagged(text) == {9: REPEATED_BYLINE}


def test_a_table_row_printed_again_is_not_a_repeated_dateline():
    # A row as a plain-text table gives it, opening with a cell separator.
    row = "| Season: May 1 to October 31 | | |"
    text = article("Park hours", BODY[0], row, BODY[1], row, BODY[2])
    assert flagged(text) == {}


def test_phrase_rule_openings_are_left_to_the_phrase_rules():
    text = article("Library to close", BODY[0], "See also Mayor opens new bridge downtown", BODY[1],
                   "Advertisement", BODY[2], "Share this story", BODY[3], "Follow @citydesk", BODY[4])
    assert flagged(text) == {}
    rules = {f.line: f.rule for f in newslint.lint_text(text, "story.txt") if str(f.category) == "chrome"}
    assert rules[17] == "news.chrome.follow-prompt"


def test_only_enabled_rules_report():
    text = article("Library to close", BODY[0], "Print | Email", BODY[1], "By Jane Doe", BODY[2],
                   "By Jane Doe", BODY[3])
    assert set(flagged(text, frozenset({REPEATED_BYLINE})).values()) == {REPEATED_BYLINE}
    assert flagged(text, frozenset()) == {}


def _document(parts: list[tuple[SegmentKind, str]]) -> Document:
    text = "\n\n".join(t for _, t in parts) + "\n"
    lines = LineIndex(text)
    built, offset = [], 0
    for kind, part in parts:
        built.append((kind, part, SourceMap.identity(offset, len(part))))
        offset += len(part) + 2
    return Document("page.html", "html", text, make_segments(built, lines), lines)


def test_every_furniture_segment_is_flagged():
    doc = _document([
        (SegmentKind.HEADLINE, "Library to close"),
        (SegmentKind.FURNITURE, "Home | World | Sport"),
        (SegmentKind.PARAGRAPH, BODY[0]),
        (SegmentKind.FURNITURE, "Sign in to comment on this story and join the discussion below with other readers."),
        (SegmentKind.PARAGRAPH, BODY[1]),
    ])
    hits = CHECK.check(doc, ALL)
    assert [(h.rule, h.segment, h.start, h.end) for h in hits] == [
        (FURNITURE, 1, 0, len("Home | World | Sport")),
        (FURNITURE, 3, 0, len(doc.segments[3].text)),
    ]


def test_hits_cover_the_whole_segment_and_map_to_its_line():
    text = article("Library to close", BODY[0], "Print this article", BODY[1])
    doc = parse_document(text, "story.txt", "text")
    (hit,) = CHECK.check(doc, ALL)
    seg = doc.segments[hit.segment]
    assert (hit.start, hit.end) == (0, len(seg.text))
    assert hit.message


def test_a_tool_line_deep_in_a_long_story_is_found():
    # Cost on long stories is measured by benchmarks/news_checks.py; here, correctness.
    text = article("Library to close", *(BODY * 400), "Print | Email", *(BODY * 400))
    found = flagged(text)
    line = 3 + 2 * len(BODY) * 400
    assert found == {line: TOOLS}


def _constant_model(probability: float, **verdict_thresholds: float):
    """A model with no trees: every line gets ``probability``."""
    import math

    from newslint.checks.news.chrome_features import FEATURES
    from newslint.checks.news.chrome_model import ChromeModel

    return ChromeModel.from_json({
        "features": list(FEATURES), "trees": [], "learning_rate": 0.1, "threshold": 0.99, "keep_threshold": 0.9,
        "init": math.log(probability / (1 - probability)),
        "verdict_thresholds": {f"news.chrome.{k.replace('_', '-')}": v for k, v in verdict_thresholds.items()},
    })


def test_a_structural_verdict_stands_unless_the_model_gives_less_than_its_threshold():
    text = article("Library to close", BODY[0], BODY[1], "Print | Email", BODY[2], BODY[3])
    for model, expected in ((_constant_model(0.3), {7: TOOLS}),                  # no threshold: stands
                            (_constant_model(0.3, tools=0.5), {}),              # the model disagrees
                            (_constant_model(0.6, tools=0.5), {7: TOOLS})):     # the model agrees
        check = ChromeStructureCheck(model)
        doc = parse_document(text, "story.txt", "text")
        found = {doc.position(doc.file_span(doc.segments[h.segment], h.start, h.end)[0])[0]: h.rule
                 for h in check.check(doc, ALL)}
        assert found == expected, (model.verdict_thresholds, found)


@pytest.mark.parametrize("line", [
    "News | Sports | Entertainment | Lifestyle | Opinion | Classifieds",
    "Politics | Business | Tech | Health",
    "| HOME | ARCHIVES | CAREERS | FORUMS | SEARCH | SITE MAP | ABOUT US |",
    "Terms of Service | Privacy Policy | Cookie Settings",
    "Contact us | Advertise with us | Careers",
])
def test_a_site_s_navigation_bar_is_a_tool_line(line):
    text = article("Library to close", BODY[0], BODY[1], line, BODY[2])
    assert flagged(text) == {7: TOOLS}


@pytest.mark.parametrize("line", [
    "News Front Page | World | UK | England | Scotland | Wales",
    "Home | FAQs | News | Writing Courses | Writing Centres",
    "Puppeteers | Crew | Animators | Emmy awards and nominations | Songs | Episodes | Discography",
    "Comments on this piece • Fiction Forum • Main Forum Index • Forum Login",
    "| | Home \\| FAQs \\| News \\| Books \\| For Faculty | | |",    # a table cell holding the bar
])
def test_a_menu_bar_of_any_site_is_a_tool_line(line):
    # Four or more short links, whatever they name: no vocabulary needed.
    text = article("Library to close", BODY[0], BODY[1], line, BODY[2])
    assert flagged(text) == {7: TOOLS}


@pytest.mark.parametrize("line", [
    "Ohio | Michigan | Indiana",                              # three pieces: a short list
    "| Ohio | Michigan | Indiana | Illinois |",               # a table's header row
    "Ohio 52% | Michigan 48% | Indiana 61% | Illinois 39%",   # figures
    "By Jane Doe | May 5, 2024 | 10:32 AM | Updated",         # a byline and dateline
    "We came. | We saw. | We voted. | We lost.",              # sentences
    "The council | which met on Tuesday | voted to close the branch library | despite protests",
])
def test_a_line_split_by_bars_that_is_not_a_menu_is_not_a_navigation_bar(line):
    text = article("Library to close", BODY[0], BODY[1], line, BODY[2])
    assert flagged(text).get(7) != TOOLS, line


def test_a_navigation_bar_over_the_story_s_title_and_deck_does_not_head_a_list():
    # A page of several stories: the previous one ends, the bar repeats, the next one starts.
    text = article("Library to close", BODY[0], BODY[1], "Up to Top",
                   "Home | Email Signup | About Us | Contact Us | Terms of Use",
                   "Pool Hours Cut Back", "New figures show rising costs, fewer swimmers at the pool",
                   BODY[2], BODY[3])
    assert flagged(text) == {9: TOOLS}


def test_a_few_lines_between_chrome_lines_the_model_leans_on_are_chrome_too():
    # A page's footer: the model is sure of some links and less sure of those between.
    footer = ["Video", "Tools", "Site Map", "Interactive", "Portfolio", "Job Search", "Real Estate Search",
              "Loan Center", "Calculators", "Corrections", "My Account", "Facebook", "Twitter"]
    text = article("Library to close", "By Jane Doe", *BODY, *footer)
    found = flagged(text)
    lines = text.split("\n")
    by_text = {lines[n - 1]: rule for n, rule in found.items()}
    for item in ("Interactive", "Portfolio", "Calculators", "Corrections"):
        assert by_text.get(item) == BOILERPLATE, (item, by_text)
    assert not any(line in by_text for line in ["Library to close", "By Jane Doe", *BODY])


def test_between_chrome_fills_short_gaps_the_model_leans_on():
    from newslint.checks.news.chrome_structure import _between_chrome
    tools, phrase = TOOLS, "phrase"
    assert _between_chrome([tools, 0.8, 0.75, tools]) == [1, 2]
    assert _between_chrome([phrase, 0.9, BOILERPLATE]) == [1]
    # A line the model leans the other way on, or does not score (prose), keeps the gap open.
    assert _between_chrome([tools, 0.8, 0.3, tools]) == []
    assert _between_chrome([tools, 0.8, None, tools]) == []
    # Open at either end: nothing to fill.
    assert _between_chrome([0.9, tools, 0.9]) == []
    # A headline list is no edge: lists the story gives look alike.
    assert _between_chrome([HEADLINE_LIST, 0.9, tools]) == []
    assert _between_chrome([tools, 0.9, HEADLINE_LIST]) == []
    # Too long a gap.
    assert _between_chrome([tools] + [0.9] * 21 + [tools]) == []
    assert _between_chrome([tools] + [0.9] * 20 + [tools]) == list(range(1, 21))


def test_headlines_followed_by_their_dates_are_a_list_of_related_stories():
    text = article("Library to close", BODY[0], BODY[1], BODY[2],
                   "- Murdoch Inquiry Extends to Cellphone Theft (July 24, 2012)",
                   "- China Sends Troops to Disputed Islands (July 24, 2012)",
                   "- Taqueria Aiming for Opening Next Week - April 25, 2012", BODY[3])
    assert flagged(text) == {9: HEADLINE_LIST, 11: HEADLINE_LIST, 13: HEADLINE_LIST}


def test_one_dated_line_or_a_dated_event_is_not_a_headline_list():
    for lines in (["- Murdoch Inquiry Extends to Cellphone Theft (July 24, 2012)"],
                  ["- the council met (July 24, 2012)", "- the board met (July 25, 2012)"]):
        text = article("Library to close", BODY[0], BODY[1], *lines, BODY[2])
        assert HEADLINE_LIST not in flagged(text).values(), lines
