"""extends: capitalization: headline case by default, other units on request."""
from __future__ import annotations

import textwrap

from newslint.checks.base import FixSafety
from newslint.checks.yaml_rules import compile_rules, load_rule
from newslint.documents import parse_document


def hits(rule_yaml: str, text: str, fmt: str = "text"):
    rule = load_rule(textwrap.dedent(rule_yaml), "Cap.yml", "Acme.Cap")
    doc = parse_document(text, "a.md" if fmt == "markdown" else "a.txt", fmt)
    return rule, [(doc.segments[h.segment].text[h.start:h.end], h.message, h.replacement)
                  for h in compile_rules([rule]).check(doc, {"Acme.Cap"})]


SENTENCE = """
    extends: capitalization
    message: "'%s' should be in sentence case: '%s'."
    level: warning
    match: $sentence
    exceptions: [Senate]
"""

TITLE = """
    extends: capitalization
    message: "'%s' should be in title case."
    match: $title
    style: AP
"""


def test_sentence_case_headline():
    rule, found = hits(SENTENCE, "Storm Forces Evacuations Along The Coast\n\nBody text Stays Alone.")
    assert found == [("Storm Forces Evacuations Along The Coast",
                      "'Storm Forces Evacuations Along The Coast' should be in sentence case: "
                      "'Storm forces evacuations along the coast'.",
                      "Storm forces evacuations along the coast")]
    assert rule.info.fix_safety is FixSafety.UNSAFE


def test_sentence_case_passes_acronyms_and_exceptions():
    _, found = hits(SENTENCE, "Senate passes NATO funding bill\n\nText.")
    assert found == []


def test_ap_title_case():
    _, found = hits(TITLE, "Storm forces evacuations along the coast\n\nText.")
    assert [f[2] for f in found] == ["Storm Forces Evacuations Along the Coast"]
    _, found = hits(TITLE, "Storm Forces Evacuations Along the Coast\n\nText.")
    assert found == []


def test_threshold_tolerates_a_proper_noun_or_two():
    _, found = hits(SENTENCE, "Mayor says Springfield will rebuild the old bridge quickly\n\nText.")
    assert found == []


def test_upper_and_regex_matches():
    upper = SENTENCE.replace("match: $sentence", "match: $upper").replace("exceptions: [Senate]", "scope: paragraph")
    _, found = hits(upper, "Headline here\n\nALL CAPS HERE.\n\nNot caps.")
    assert [f[0] for f in found] == ["Not caps."]
    regex = upper.replace("match: $upper", "match: '^[A-Z]'")
    _, found = hits(regex, "Headline here\n\nfine start? no.\n\nGood.")
    assert [f[0] for f in found] == ["fine start? no."]


def test_subheads_are_checked_too():
    text = "# Storm forces evacuations\n\nBody.\n\n## What Happens Next For The Town\n\nMore body.\n"
    _, found = hits(SENTENCE, text, fmt="markdown")
    assert [f[0] for f in found] == ["What Happens Next For The Town"]


GOOGLE_HEADINGS = """
    extends: capitalization
    message: "'%s' should use sentence-style capitalization."
    scope: heading
    match: $sentence
    indicators: [":"]
    exceptions: [I, Linux, macOS, Visual Studio, UTF]
"""


def test_sentence_case_decides_as_vale_does():
    # Checked with Vale 3.22.0 on the same headings: an exception is also searched inside
    # each word (the exception I keeps "Identifiers"), a word after ':' starts a sentence,
    # a numbered heading's number is an indicator, multi-word exceptions keep their case.
    text = ("# Raw Identifiers\n\n## Command Line Notation\n\n### Using the Debug Trait: A guide\n\n"
            "## Installing rustup on Linux or macOS\n\n## 1. Getting started with Cargo\n\n"
            "## Coding in Visual Studio today\n\n## The Rust Programming Language\n")
    _, found = hits(GOOGLE_HEADINGS, text, fmt="markdown")
    assert [f[0] for f in found] == ["Command Line Notation", "Using the Debug Trait: A guide",
                                     "The Rust Programming Language"]


def test_prefix_is_a_regex_left_alone():
    rule = GOOGLE_HEADINGS + "    prefix: '^[A-Z]+-\\\\d+: '\n"
    _, found = hits(rule, "# JIRA-12: Fix the parser\n\n## BUG-7: Broken Links Everywhere Today\n", fmt="markdown")
    assert [f[0] for f in found] == ["BUG-7: Broken Links Everywhere Today"]


def test_code_in_a_heading_counts_as_a_word_as_in_vale():
    # Vale reads "Using `if` in a `let` Statement" as "Using ** in a *** Statement":
    # five of six words conform, so it passes.
    _, found = hits(GOOGLE_HEADINGS, "# Using `if` in a `let` Statement\n\n## Repeating Code With `loop`\n",
                    fmt="markdown")
    assert [f[0] for f in found] == ["Repeating Code With"]
