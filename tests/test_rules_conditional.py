"""extends: conditional: acronyms need a definition first."""
from __future__ import annotations

import textwrap

from newslint.checks.yaml_rules import compile_rules, load_rule
from newslint.documents import parse_document

ACRONYMS = """
    extends: conditional
    message: "'%s' has no definition."
    level: suggestion
    ignorecase: false
    first: '\\b([A-Z]{3,5})\\b'
    second: '(?:\\b[A-Z][a-z]+ )+\\(([A-Z]{3,5})\\)'
    exceptions: [NATO]
"""


def hits(rule_yaml: str, text: str):
    rule = load_rule(textwrap.dedent(rule_yaml), "Cond.yml", "Acme.Cond")
    doc = parse_document(text, "a.txt", "text")
    return [doc.segments[h.segment].text[h.start:h.end] for h in compile_rules([rule]).check(doc, {"Acme.Cond"})]


def test_defined_acronyms_pass_and_undefined_ones_are_flagged():
    text = ("The Federal Emergency Management Agency (FEMA) arrived.\n\n"
            "FEMA staff met CDC officials and NATO allies.")
    assert hits(ACRONYMS, text) == ["CDC"]


def test_use_before_the_definition_is_flagged():
    text = "FEMA arrived.\n\nThe Federal Emergency Management Agency (FEMA) said so."
    assert hits(ACRONYMS, text) == ["FEMA"]


def test_second_without_a_group_clears_its_segment():
    rule = """
        extends: conditional
        message: "%s"
        first: 'he said'
        second: 'Smith'
    """
    assert hits(rule, "Smith spoke, he said.\n\nLater, he said more.") == ["he said"]
