"""extends: repetition: the same token twice in a row."""
from __future__ import annotations

import textwrap

from newslint.checks.yaml_rules import compile_rules, load_rule
from newslint.documents import parse_document

REPEAT = """
    extends: repetition
    message: "'%s' is repeated."
    level: error
    alpha: true
    ignorecase: true
    tokens: ['[^\\s.!?]+']
"""


def hits(rule_yaml: str, text: str):
    rule = load_rule(textwrap.dedent(rule_yaml), "Rep.yml", "Acme.Rep")
    doc = parse_document(text, "a.txt", "text")
    return [(doc.segments[h.segment].text[h.start:h.end], h.message)
            for h in compile_rules([rule]).check(doc, {"Acme.Rep"})]


def test_doubled_word_is_flagged_over_both():
    assert hits(REPEAT, "He said the the plan failed.") == [("the the", "'the' is repeated.")]


def test_case_folded_with_ignorecase():
    assert hits(REPEAT, "The the plan failed.") == [("The the", "'the' is repeated.")]


def test_not_across_sentences_or_segments():
    assert hits(REPEAT, "I knew that. That was it.") == []
    assert hits(REPEAT, "It ended with Paris\n\nParis was quiet.") == []


def test_alpha_ignores_numbers():
    assert hits(REPEAT, "It fell 10 10 times.") == []
    assert hits(REPEAT.replace("alpha: true", "alpha: false"), "It fell 10 10 times.") == [
        ("10 10", "'10' is repeated.")]
