"""extends: occurrence: max and min per unit."""
from __future__ import annotations

import textwrap

from newslint.checks.rules import compile_rules, load_rule
from newslint.documents import parse_document


def hits(rule_yaml: str, text: str):
    rule = load_rule(textwrap.dedent(rule_yaml), "Occ.yml", "Acme.Occ")
    doc = parse_document(text, "a.txt", "text")
    return [(h.segment, doc.segments[h.segment].text[h.start:h.end], h.message)
            for h in compile_rules([rule]).check(doc, {"Acme.Occ"})]


COMMAS = """
    extends: occurrence
    message: "%d commas in one sentence."
    scope: sentence
    max: 2
    token: ','
"""


def test_max_per_sentence_reports_the_first_extra_match():
    text = "One, two, three, four. Five, six."
    assert hits(COMMAS, text) == [(0, ",", "3 commas in one sentence.")]


def test_max_per_segment():
    rule = COMMAS.replace("scope: sentence", "scope: paragraph")
    assert hits(rule, "A, b. C, d, e.\n\nE, f, g.") == [(0, ",", "3 commas in one sentence.")]


def test_under_the_max_is_quiet():
    assert hits(COMMAS, "One, two. Three, four, five.") == []


def test_min_over_the_whole_body():
    rule = """
        extends: occurrence
        message: "Only %d attributions in the story."
        scope: summary
        min: 2
        token: '\\bsaid\\b'
    """
    assert hits(rule, "Storm hits\n\nThe mayor said it was bad.\n\nRoads closed.") == [
        (1, "said", "Only 1 attributions in the story.")]
    assert hits(rule, "Storm hits\n\nThe mayor said so.\n\nThe chief said so.") == []
    assert [m for _, _, m in hits(rule, "Storm hits\n\nRoads closed.")] == ["Only 0 attributions in the story."]


def test_anchors_without_multiline_mean_each_segment():
    rule = """
        extends: occurrence
        message: "%d"
        scope: paragraph
        min: 1
        token: '^[A-Z]'
    """
    assert hits(rule, "Headline\n\nOne.\n\nTwo.\n\nthree.") == [(3, "", "0")]
