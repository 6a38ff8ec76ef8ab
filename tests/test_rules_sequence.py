"""extends: sequence: words given by part-of-speech tags and patterns, tagged per sentence."""
from __future__ import annotations

import textwrap

import pytest

from newslint.checks.yaml_rules import compile_rules, load_rule
from newslint.checks.yaml_rules.loader import RuleSkipped
from newslint.checks.yaml_rules.sequence import Tagger, tag_words
from newslint.documents import parse_document
from newslint.errors import ConfigError

USING = """
    extends: sequence
    message: "Use 'by using' after '%s'."
    scope: ~heading
    tokens:
      - tag: NN|NNP|NNPS|NNS
      - pattern: \\busing\\b
"""


def hits(rule_yaml: str, text: str, fmt: str = "text"):
    rule = load_rule(textwrap.dedent(rule_yaml), "Seq.yml", "Acme.Seq")
    doc = parse_document(text, "a.md" if fmt == "markdown" else "a.txt", fmt)
    return [(doc.segments[h.segment].text[h.start:h.end], h.message)
            for h in compile_rules([rule]).check(doc, {"Acme.Seq"})]


def test_tagger_gives_penn_treebank_tags_with_offsets():
    words = tag_words("You’re taking the project.", Tagger())
    assert [(w.text, w.tag) for w in words] == [
        ("You", "PRP"), ("’re", "VBP"), ("taking", "VBG"), ("the", "DT"), ("project", "NN"), (".", ".")]
    assert [w.start for w in words] == [0, 3, 7, 14, 18, 25]


def test_noun_before_the_anchor_is_flagged_over_both_words():
    assert hits(USING, "You build the project using Cargo.") == [
        ("project using", "Use 'by using' after 'project'.")]


def test_no_alert_when_the_left_token_does_not_match():
    assert hits(USING, "You build it by using Cargo.") == []
    assert hits(USING, "If you’re using Linux, open a terminal.") == []


def test_each_anchor_is_tried_once_per_sentence():
    text = "The crate using serde and the tool using clap both build."
    assert [h[0] for h in hits(USING, text)] == ["crate using", "tool using"]


def test_headings_are_left_out_by_the_scope():
    assert hits(USING, "# Files using Rust\n\nThe crate using serde builds.\n", "markdown") == [
        ("crate using", "Use 'by using' after 'crate'.")]


def test_negated_token_and_skip():
    rule = """
        extends: sequence
        message: "'%s %s %s'"
        tokens:
          - pattern: make
          - tag: DT
            skip: 2
          - tag: NN
            negate: true
    """
    assert [h[0] for h in hits(rule, "They make the decision.")] == []
    assert [h[0] for h in hits(rule, "They make decisions.")] == []
    assert [h[0] for h in hits(rule, "They make the fast one.")] == ["make the fast"]


def test_exceptions_drop_a_match_that_begins_inside_one():
    rule = USING + "    exceptions: ['project using Cargo']\n"
    assert hits(rule, "You build the project using Cargo.") == []


def test_target_narrows_the_span():
    rule = """
        extends: sequence
        message: "x"
        tokens:
          - tag: NN
          - pattern: using
            target: true
    """
    assert [h[0] for h in hits(rule, "The crate using serde builds.")] == ["using"]


def test_universal_tags_and_own_models_skip_the_rule():
    for extra in ("tokens:\n  - upos: NOUN\n  - pattern: using\n",
                  "model: mytagger\ntokens:\n  - pattern: using\n"):
        with pytest.raises(RuleSkipped) as exc:
            load_rule("extends: sequence\nmessage: x\n" + extra, "Seq.yml", "Acme.Seq")
        assert "Acme.Seq" == exc.value.skipped.rule_id


def test_bad_token_is_an_error_naming_the_file():
    with pytest.raises(ConfigError) as exc:
        load_rule("extends: sequence\nmessage: x\ntokens:\n  - tag: NN\n    colour: red\n", "Seq.yml", "Acme.Seq")
    assert "tokens.colour" in str(exc.value) and "Seq.yml" in str(exc.value)
    with pytest.raises(ConfigError):
        load_rule("extends: sequence\nmessage: x\ntokens:\n  - negate: true\n    tag: NN\n", "Seq.yml", "Acme.Seq")


def test_the_tagger_belongs_to_the_compiled_rule_set():
    import pickle

    rules = [load_rule(textwrap.dedent(USING), "Seq.yml", f"Acme.Seq{n}") for n in (1, 2)]
    first, second = compile_rules(rules), compile_rules(rules)
    taggers = [{id(e.matcher.tagger) for g in c._groups for e in g.entries} for c in (first, second)]
    assert len(taggers[0]) == 1 and len(taggers[1]) == 1 and taggers[0] != taggers[1]
    copy = pickle.loads(pickle.dumps(first))
    doc = parse_document("Create a project using the tool.", "a.txt", "text")
    assert [h.start for h in copy.check(doc, {"Acme.Seq1"})] == [h.start for h in first.check(doc, {"Acme.Seq1"})]
