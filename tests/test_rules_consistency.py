"""extends: consistency: one spelling per document."""
from __future__ import annotations

import textwrap

from newslint.checks.yaml_rules import compile_rules, load_rule
from newslint.documents import parse_document

SPELLING = """
    extends: consistency
    message: "Inconsistent spelling of '%s'."
    level: warning
    ignorecase: true
    either:
      advisor: adviser
      'judgment': 'judgement'
"""


def hits(rule_yaml: str, text: str):
    rule = load_rule(textwrap.dedent(rule_yaml), "Cons.yml", "Acme.Cons")
    doc = parse_document(text, "a.txt", "text")
    return [(h.segment, doc.segments[h.segment].text[h.start:h.end], h.message)
            for h in compile_rules([rule]).check(doc, {"Acme.Cons"})]


def test_the_block_where_the_second_spelling_appears_is_flagged():
    text = "The adviser spoke.\n\nAnother adviser agreed.\n\nThe advisor left."
    assert hits(SPELLING, text) == [(2, "advisor", "Inconsistent spelling of 'advisor'.")]


def test_one_block_with_both_is_flagged_at_its_last_use():
    assert [h[1] for h in hits(SPELLING, "The judgement came. The judgment stood.")] == ["judgment"]


def test_one_spelling_is_quiet():
    assert hits(SPELLING, "The adviser spoke. The adviser left. A judgment came.") == []


def test_once_both_are_seen_each_block_using_the_pair_gets_one_alert_as_in_vale():
    # Vale 3.22.0 on the same text: 3:23 'adviser' and 5:4 'adviser'.
    text = "The adviser spoke.\n\nThe advisor left, the adviser too.\n\nAn adviser again.\n\nNo match here."
    found = hits(SPELLING, text)
    assert [(h[0], h[1]) for h in found] == [(1, "adviser"), (2, "adviser")]
