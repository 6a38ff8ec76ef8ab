"""extends: occurrence: max and min per unit."""
from __future__ import annotations

import textwrap

from newslint.checks.yaml_rules import compile_rules, load_rule
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


def test_max_per_sentence_reports_at_the_units_first_match_as_vale_does():
    text = "Five. One, two, three, four. Five, six."
    rule = load_rule(textwrap.dedent(COMMAS), "Occ.yml", "Acme.Occ")
    doc = parse_document(text, "a.txt", "text")
    found = compile_rules([rule]).check(doc, {"Acme.Occ"})
    assert [(h.start, h.message) for h in found] == [(text.index(","), "3 commas in one sentence.")]


def test_too_long_sentence_is_flagged_where_it_starts():
    rule = """
        extends: occurrence
        message: "Too long."
        scope: sentence
        max: 3
        token: \\b(\\w+)\\b
    """
    assert hits(rule, "Short one. This one has far too many words.") == [(0, "This", "Too long.")]


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
    assert hits(rule, "Headline\n\nOne.\n\nTwo.\n\nthree.") == [(3, "three.", "0")]
