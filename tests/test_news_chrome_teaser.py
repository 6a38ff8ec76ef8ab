"""Unlabelled teaser headlines between paragraphs, and the subheads that must stay quiet."""
from __future__ import annotations

import re

import pytest

import newslint

from .conftest import ARTICLE

STORY = (
    "The council voted on Tuesday to close the old library on Main Street next spring.",
    "Members said the building needed repairs that the town could not pay for this year.",
    "A public meeting on the plan is set for March 3 at the town hall, officials said.",
)


def _teasers(text: str) -> list[int]:
    return [f.line for f in newslint.lint_text(text, "story.txt") if f.rule == "news.chrome.teaser"]


def test_article_teasers_without_their_label_are_still_chrome():
    text = re.sub(r"(?m)^See also\s+", "", ARTICLE.read_text(encoding="utf-8"))
    assert _teasers(text) == [17, 33, 49]


def test_a_stray_headline_between_paragraphs_is_flagged():
    text = "\n\n".join(["Library to close", STORY[0],
                       "Two hikers rescued after spending the night on a frozen ridge", *STORY[1:]])
    assert _teasers(text) == [5]


def test_subheads_stay_quiet():
    for subhead in ("Repairs Too Costly",                                  # short
                    "Why the council chose to close the library this spring",  # on the story's topic
                    "WHAT HAPPENS NEXT FOR READERS AND STAFF AT THE BRANCH",  # capitals
                    "Town hall meeting, March 3"):                           # short, comma
        text = "\n\n".join(["Library to close", STORY[0], subhead, *STORY[1:]])
        assert _teasers(text) == [], subhead


def test_a_quote_or_an_on_topic_sentence_missing_its_period_stays_quiet():
    for line in ("“We will find another home for the books,” the mayor said",
                 "Residents can borrow books from the county branch until the library building reopens"):
        text = "\n\n".join(["Library to close", STORY[0], line, *STORY[1:]])
        assert _teasers(text) == [], line


def test_a_sentence_broken_across_paragraphs_is_not_a_headline():
    # Hard-wrapped copy, or a page's line breaks, leave the start of a sentence as a
    # paragraph of its own: it ends on a word no headline ends on, or the next paragraph
    # carries the sentence on in lower case.
    for start, rest in (
        ("Scientists say the species reached the northern islands centuries before the",
         "First European ships arrived in the region, the museum said on Monday."),
        ("Two hikers who spent the night on a frozen ridge were found by",
         "Rangers from the county search team found them early on Sunday morning."),
        ("Two hikers rescued after spending the night on a frozen ridge",
         "were taken to the county hospital, where both were treated for the cold."),
    ):
        text = "\n\n".join(["Library to close", STORY[0], start, rest, *STORY[1:]])
        assert _teasers(text) == [], start


@pytest.mark.parametrize("line", [
    # A numbered item or section heading of the document itself.
    "5. Do pick screen names that put your best foot forward online",
    "2) Track gets its own version of the swimmer in the new runner",
    "4.4. The economic and social consequences of migration in host societies",
    # A command, a footnote, a line closed by a citation mark.
    "$ hg push ../public added one changeset with two changes to three files",
    "^ Physics 125 Course Notes at the California Institute of Technology",
    "Milford Sound is one of the most famous tourist destinations in the country.[206]",
])
def test_the_documents_own_items_notes_and_commands_are_not_headlines(line):
    text = "\n\n".join(["Library to close", STORY[0], line, *STORY[1:]])
    assert _teasers(text) == [], line


def test_a_caption_naming_what_the_story_is_about_is_not_a_headline():
    story = [
        "Petersiks at home",
        "John and Sherry Petersik run a successful home blog, and the business now pays both of their salaries.",
        "The Petersiks started the blog in 2007, long before it was successful, while renovating a house.",
        "Kelly, a consultant in Richmond, argues that balance may be elusive for a reason.",
        "The Petersiks say a happy marriage is key to their successful business",
        "\"The term itself is fatally flawed,\" he argues of the idea.",
        "The Petersiks say the blog and the business are now one and the same thing.",
    ]
    assert _teasers("\n\n".join(story)) == []
    # Another story's headline in the same place is still one.
    story[4] = "Two hikers rescued after spending the night on a frozen ridge"
    assert _teasers("\n\n".join(story)) == [9]
