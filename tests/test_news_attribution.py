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
        assert info.category is Category.ATTRIBUTION


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


# -- forms found in edited and scraped copy -----------------------------------------

def test_quotes_run_together_with_the_tag_only_after_the_second():
    found = hits('“The line will not stop.” “We are against losing every shift,” said Ola Brandt.')
    assert [(r, s[:10]) for r, s, _ in found] == [(TWO_SPEAKERS, "“We are ag")]


@pytest.mark.parametrize("body", [
    '“I’d have a beer with him,” Elleithee said. “The stories would be amazing.”',
    '“I’d have a beer with him,” Elleithee said on Friday. “The stories would be amazing,” he added.',
    '“This is our night,” Rubio said. His adviser, Alex Conant, agreed. “It is big,” Conant said.',
    '“We won,” Ruiz said. Hale, asked later, said: “They did not.”',
    'Asked about the vote, Trump replied, “Well, maybe so.” He added, “Maybe that’s why.”',
])
def test_continuing_and_introduced_quotes_not_flagged(body):
    assert TWO_SPEAKERS not in rules_of(body)


def test_new_speaker_straight_after_a_tag_sentence_is_flagged():
    body = ('“You cannot police a city on straight time,” Okafor told reporters outside the chamber. '
            '“The department has cried wolf for a decade,” said Councilwoman Beth Marr.')
    assert rules_of(body) == [TWO_SPEAKERS]


def test_period_before_a_long_attribution():
    found = hits('“Costs rose faster than profits.” the group’s director, Nina Costa, said.')
    assert found == [(PERIOD_BEFORE_TAG, ".", ",")]
    assert hits('“Costs rose faster than profits.” Nina Costa, the group’s director, said.') == [
        (PERIOD_BEFORE_TAG, ".", ",")]


@pytest.mark.parametrize("body", [
    'Clinton called him “ISIS’ best recruiter.” She also said, without evidence, that it worked.',
    '“The case is unusual.” He added, “It is not ordinary.”',
])
def test_period_before_a_lead_in_or_after_a_partial_quote_not_flagged(body):
    assert PERIOD_BEFORE_TAG not in rules_of(body)


def test_comma_without_tag_at_paragraph_end():
    from newslint.checks.news.attribution import COMMA_WITHOUT_TAG
    assert hits('The mayor was defiant. “We are not going anywhere,”') == [(COMMA_WITHOUT_TAG, ",", None)]
    assert hits('“We are not going anywhere,” she said.') == []


def test_bare_quote_paragraph_needs_a_speaker_near():
    from newslint.checks.news.attribution import UNATTRIBUTED_QUOTE
    lone = 'The mill shut in May.\n\n“Nobody told us anything until the gates were locked.”\n\nThe site is for sale.'
    assert [r for r, _, _ in hits(lone)] == [UNATTRIBUTED_QUOTE]
    for fine in (
        'Pat Ruiz worked there 30 years. She spoke to reporters at the gate.\n\n“Nobody told us anything.”',
        '“Nobody told us a thing,” Ruiz said.\n\n“Not one word.”\n\n“The gates were just locked.”',
        'The mill shut in May.\n\n“Nobody told us anything until the gates were locked.”\n\n— Pat Ruiz, millworker',
        'The mill shut.\n\n“Nobody told us anything, and then\n\n“the gates were locked.”',
        'Ruiz said: \n\n“Nobody told us anything until the gates were locked.”',
        'The mill shut in May.\n\n“Nobody told us.”\n\nShe pauses.\n\nRuiz said the union would sue.',
    ):
        assert UNATTRIBUTED_QUOTE not in rules_of(fine), fine


def test_said_he_is_an_attribution_finding():
    (info,) = [r for r in CHECK.rules if r.id == SAID_HE]
    assert info.category is Category.ATTRIBUTION


@pytest.mark.parametrize("body", [
    '"He said the word “too loud” twice," she said.',
    '”Sorry, we are closed today,” posted Jo Lee.',
    '\u202a”Sorry, we are closed today,” posted Jo Lee.',
    '“He is like 6’2”, you know,” Rubio said.',
    '<tweet tweet-author="@x" tweet-date="May 1',
])
def test_quote_marks_a_reader_pairs_are_balanced(body):
    assert UNBALANCED not in rules_of(body)


@pytest.mark.parametrize("body", [
    '“We will help in every way we can.” Graham told CNN.',
    '“This is an organized effort.” Bush said in an interview with Hugh Hewitt.',
    '“We will help in every way we can.” he told the show.',
])
def test_period_before_a_tag_with_a_short_tail(body):
    assert rules_of(body) == [PERIOD_BEFORE_TAG]


def test_period_then_a_new_sentence_not_flagged():
    assert rules_of('“It was a joke.” Trump said he meant it anyway.') == []


def test_a_double_quote_nested_in_a_double_quote_is_named_as_such():
    from newslint.checks.news.attribution import NESTED_DOUBLE

    found = hits('Smith tweeted: “People wearing “Settle For Hillary” shirts… ouch.”\n')
    assert [(rule, span) for rule, span, _ in found] == [(NESTED_DOUBLE, "“Settle For Hillary”")]
    # Marks that do not pair as nested quotes stay unbalanced.
    assert rules_of("“They can see I am the candidate,” he said. “They see that. “\n") == [UNBALANCED]
    assert rules_of("“People wearing “Settle For Hillary” shirts.\n") == [UNBALANCED]
    # Straight marks have no direction of their own: nesting them is only unbalanced.
    assert rules_of('"He said "I\'d like 10,000 rounds," and left," she said.\n') == [UNBALANCED]
