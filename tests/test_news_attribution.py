"""news.attribution.*: each rule on the shapes it must flag and the ordinary copy it must not."""
from __future__ import annotations


import pytest

from newslint.checks.news.attribution import (
    FOLLOW_ON, PERIOD_BEFORE_TAG, SAID_HE, SPLIT_QUOTE_COMMA, TWO_SPEAKERS, UNBALANCED,
    AttributionCheck,
)
from newslint.documents import parse_document
from newslint.findings import Category, Source

from .conftest import ARTICLE


CHECK = AttributionCheck()
ALL = frozenset(r.id for r in CHECK.rules)
# A headline first, so every example below is body copy.
HEAD = "Council votes on the budget\n\n"


def hits(body: str, fmt: str = "text", enabled=ALL):
    text = HEAD + body if fmt == "text" else body
    doc = parse_document(text, "t." + {"text": "txt", "markdown": "md", "html": "html"}[fmt], fmt)
    return [(h.rule, doc.segments[h.segment].text[h.start:h.end], h.replacement)
            for h in CHECK.check(doc, enabled)]


def rules_of(body: str, fmt: str = "text"):
    return sorted({rule for rule, _, _ in hits(body, fmt)})


@pytest.mark.parametrize("info", CHECK.rules, ids=lambda r: r.id)
def test_rule_examples(info):
    for example in info.examples.flag:
        assert info.id in rules_of(example), example
    for example in info.examples.pass_:
        assert info.id not in rules_of(example), example


def test_rule_metadata():
    for info in CHECK.rules:
        assert info.source is Source.NEWS
        assert info.doc.what and info.doc.why and info.doc.fix
        assert info.category is (Category.STYLE if info.id == SAID_HE else Category.ATTRIBUTION)


def test_scraped_article_lines_9_and_41_only():
    text = ARTICLE.read_text(encoding="utf-8")
    doc = parse_document(text, str(ARTICLE), "text")
    found = {}
    for h in CHECK.check(doc, ALL):
        line, _ = doc.position(doc.segments[h.segment].source_map.start(h.start))
        found[line] = h.rule
    assert found == {9: FOLLOW_ON, 41: TWO_SPEAKERS}


# -- two speakers ------------------------------------------------------------------

@pytest.mark.parametrize("body", [
    '“We will win,” she said. “We will lose,” he said.',
    'Mayor Ana Ruiz said: “The budget is balanced.” “It is not,” said Tom Hale, a councilman.',
    '"The budget is balanced," said Mayor Ana Ruiz. "It is nothing of the sort," said Tom Hale.',
    'According to Ruiz, “The budget is balanced.” “It is not,” Hale said.',
])
def test_two_speakers_flagged(body):
    assert rules_of(body) == [TWO_SPEAKERS]


@pytest.mark.parametrize("body", [
    '“The budget is balanced,” said Mayor Ana Ruiz. “We kept every promise,” she added.',
    '“The budget is balanced,” Ruiz said. “We kept every promise,” Ruiz added.',
    '“The budget is balanced,” Ruiz said. “We kept every promise,” the mayor added.',
    '“The budget is balanced,” she said. “We kept every promise.”',
    'Ruiz called the plan “balanced,” while Hale said it was “a fantasy.”',
    'Hale said the plan was “unworkable” and “late.”',
    'She said, “We will win.” Then, after a pause, she added, “And soon.”',
])
def test_one_speaker_not_flagged(body):
    assert rules_of(body) == []


# -- follow-on quotes --------------------------------------------------------------

def test_follow_on_after_colon_quote():
    found = hits('The mayor told reporters: “We are ready.” "We have always been ready."')
    assert [(r, s) for r, s, _ in found] == [(FOLLOW_ON, '"We have always been ready."')]


@pytest.mark.parametrize("body", [
    'The mayor told reporters: “We are ready. We have always been ready.”',
    '“We are ready,” the mayor said. “We have always been ready.”',
    'The mayor told reporters: “We are ready.” The crowd cheered.',
    'The mayor told reporters: “We are ready.” “And able,” she added.',
])
def test_follow_on_not_flagged(body):
    assert rules_of(body) == []


# -- tag punctuation ---------------------------------------------------------------

def test_period_before_tag_offers_comma():
    assert hits('“We will win.” she said.') == [(PERIOD_BEFORE_TAG, ".", ",")]
    assert hits('“We will win.” said Jane Doe, a spokeswoman.') == [(PERIOD_BEFORE_TAG, ".", ",")]
    assert hits('“We will win.” Doe said.') == [(PERIOD_BEFORE_TAG, ".", ",")]


@pytest.mark.parametrize("body", [
    '“We will win.” Doe said the team had trained for months.',
    '“We will win,” she said.',
    '“Will we win?” she asked.',
    '“We will win . . .” She paused.',
])
def test_period_before_tag_not_flagged(body):
    assert PERIOD_BEFORE_TAG not in rules_of(body)


def test_split_quote_missing_commas():
    assert hits('“We will win” she said, “and soon.”') == [(SPLIT_QUOTE_COMMA, "”", ",”")]
    assert hits('“We will win,” she said “and soon.”') == [(SPLIT_QUOTE_COMMA, " ", ", ")]
    assert hits('"We will win" Doe said.') == [(SPLIT_QUOTE_COMMA, '"', ',"')]


@pytest.mark.parametrize("body", [
    '“We will win,” she said, “and soon.”',
    '“My client told me, ‘I had to pick between my son and my light bill,’ ” said Tamara Wilkes.',
    'She starred in “The Long Road” in 1998.',
    'The word “tough” he said only once.',
])
def test_split_quote_not_flagged(body):
    assert SPLIT_QUOTE_COMMA not in rules_of(body)


def test_said_he_fix_keeps_case():
    assert hits('“We will win,” said he.') == [(SAID_HE, "said he", "he said")]
    assert hits('“We will win,” Said she.') == [(SAID_HE, "Said she", "She said")]
    assert hits('The mayor said he would resign, and she said she would stay.') == []


# -- balance -----------------------------------------------------------------------

@pytest.mark.parametrize("body", [
    '“We will win, she said.',
    'She said it was over.” Then she left.',
    '“We will win. “We always do,” she said.',
    '“The first part runs on.\n\nThe next paragraph does not reopen the quote.',
])
def test_unbalanced_flagged(body):
    assert UNBALANCED in rules_of(body)


@pytest.mark.parametrize("body", [
    '“The first part runs on.\n\n“The second part too.\n\n“And it ends here,” she said.',
    '“He told me, ‘Don’t go,’ and I didn’t,” she said.',
    'The Joneses’ rock ’n’ roll band played ’90s hits; don’t ask.',
    "The Joneses' band played '90s hits; don't ask.",
    'He is 6\'2" tall, she said.',
    '"We will win," she said.',
])
def test_balanced_not_flagged(body):
    assert UNBALANCED not in rules_of(body)


# -- where the check looks ---------------------------------------------------------

def test_headlines_lists_and_transcripts_are_left_alone():
    md = ('# “We will win.” she said\n\n'
          '- “We will win,” she said. “We will lose,” he said.\n\n'
          'Q: What did you say? A: “We will win.” “We will lose,” he said.\n')
    assert hits(md, "markdown") == []


def test_disabled_rules_are_not_reported():
    assert hits('“We will win.” she said.', enabled=frozenset({SAID_HE})) == []
