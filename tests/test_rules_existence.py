"""extends: existence, and what every rule type shares: scopes, joining, prefilter, fallback regexes."""
from __future__ import annotations

import textwrap

import pytest

from newslint.checks.yaml_rules import RuleTimeoutError, compile_rules, load_rule
from newslint.checks.yaml_rules import patterns
from newslint.documents import parse_document


def lint(rule_yaml: str, text: str, fmt: str = "text", accept=(), rules=()):
    rule = load_rule(textwrap.dedent(rule_yaml), "Rule.yml", "Test.Rule")
    doc = parse_document(text, "a." + {"text": "txt", "markdown": "md", "html": "html"}[fmt], fmt)
    check = compile_rules([rule, *rules], vocab_accept=accept)
    out = []
    for h in check.check(doc, {"Test.Rule"} | {r.id for r in rules}):
        source = doc.text if h.segment is None else doc.segments[h.segment].text
        out.append((source[h.start:h.end], h.message))
    return out


WEASEL = """
    extends: existence
    message: "Avoid '%s'."
    level: warning
    ignorecase: true
    tokens:
      - very
      - really
      - a lot
"""


def test_tokens_are_whole_words_and_fill_the_message():
    assert lint(WEASEL, "It was Very good.\n\nEvery reality show had a lot of fans.") == [
        ("Very", "Avoid 'Very'."), ("a lot", "Avoid 'a lot'.")]


def test_case_matters_without_ignorecase():
    rule = WEASEL.replace("ignorecase: true", "ignorecase: false")
    assert lint(rule, "Very good, very good.") == [("very", "Avoid 'very'.")]


def test_nonword_matches_inside_words():
    rule = """
        extends: existence
        message: "'%s'"
        nonword: true
        tokens: ['ment\\b']
    """
    assert [m for m, _ in lint(rule, "The government said.")] == ["ment"]


def test_raw_is_prepended_or_appended():
    rule = """
        extends: existence
        message: "%s"
        raw: ['\\d+ ']
        tokens: [percent]
    """
    assert [m for m, _ in lint(rule, "It rose 5 percent and percent.")] == ["5 percent"]
    appended = rule.replace("raw:", "append: true\n        raw:").replace("'\\d+ '", "' \\d+'")
    assert [m for m, _ in lint(appended, "percent 5 and percent.")] == ["percent 5"]


def test_exceptions_and_accepted_vocabulary():
    rule = """
        extends: existence
        message: "%s"
        tokens: ['[A-Z]{3,}']
        exceptions: [NATO]
    """
    text = "NATO and the UN met with FEMA and CDC staff."
    assert [m for m, _ in lint(rule, text)] == ["FEMA", "CDC"]
    assert [m for m, _ in lint(rule, text, accept=["FEMA"])] == ["CDC"]
    no_vocab = textwrap.dedent(rule) + "vocab: false\n"
    assert [m for m, _ in lint(no_vocab, text, accept=["FEMA"])] == ["FEMA", "CDC"]


def test_scope_heading_and_paragraph():
    rule = """
        extends: existence
        message: "%s"
        scope: %s
        tokens: [Storm]
    """
    text = "Storm hits coast\n\nThe Storm moved north."
    assert lint(rule.replace("scope: %s", "scope: heading"), text) == [("Storm", "Storm")]
    assert len(lint(rule.replace("scope: %s", "scope: paragraph"), text)) == 1
    assert len(lint(rule.replace("scope: %s", "scope: text"), text)) == 2
    assert len(lint(rule.replace("scope: %s", "scope: '~heading'"), text)) == 1


def test_raw_scope_sees_markup_and_reports_file_offsets():
    rule = """
        extends: existence
        message: "%s"
        scope: raw
        nonword: true
        tokens: ['\\*\\*']
    """
    assert [m for m, _ in lint(rule, "# Title\n\nSome **bold** text.\n", fmt="markdown")] == ["**", "**"]


def test_sentence_scope_keeps_matches_inside_one_sentence():
    rule = """
        extends: existence
        message: "%s"
        scope: sentence
        tokens: ['done\\. Then']
    """
    assert lint(rule, "It was done. Then we left.") == []
    assert len(lint(rule.replace("scope: sentence", "scope: text"), "It was done. Then we left.")) == 1


def test_a_match_never_spans_two_segments():
    rule = """
        extends: existence
        message: "%s"
        nonword: true
        tokens: ['end\\s+Start', 'x\\s+']
    """
    text = "It was the end\n\nStart again with x  here."
    assert [m for m, _ in lint(rule, text)] == ["x  "]


def test_whole_text_anchors_apply_per_segment():
    rule = """
        extends: existence
        message: "%s"
        nonword: true
        tokens: ['\\AOne']
    """
    assert len(lint(rule, "One.\n\nOne more.\n\nNot One.")) == 2


def test_two_rules_with_overlapping_matches_both_report():
    other = load_rule(textwrap.dedent("""
        extends: existence
        message: "other %s"
        tokens: [US officials]
    """), "Other.yml", "Test.Other")
    rule = """
        extends: existence
        message: "%s"
        tokens: [US]
    """
    found = lint(rule, "Two US officials said.", rules=[other])
    assert sorted(found) == [("US", "US"), ("US officials", "other US officials")]


def test_limit_caps_hits_per_document():
    assert len(lint(textwrap.dedent(WEASEL) + "limit: 1\n", "very very very.")) == 1


def test_action_remove_offers_an_empty_replacement():
    rule = load_rule(textwrap.dedent("""
        extends: existence
        message: "%s"
        tokens: [very]
        action:
          name: remove
    """), "R.yml", "Test.Rule")
    doc = parse_document("A very big day.", "a.txt", "text")
    [hit] = compile_rules([rule]).check(doc, {"Test.Rule"})
    assert hit.replacement == "" and rule.info.fixable


def test_disabled_rules_do_not_run():
    rule = load_rule(textwrap.dedent(WEASEL), "R.yml", "Test.Rule")
    doc = parse_document("A very big day.", "a.txt", "text")
    assert compile_rules([rule]).check(doc, set()) == []


def test_lookaround_falls_back_to_the_regex_package():
    rule = """
        extends: existence
        message: "%s"
        tokens: ['US(?!\\$)']
    """
    assert [m for m, _ in lint(rule, "US officials paid US$5.")] == ["US"]


def test_a_runaway_fallback_pattern_is_stopped_and_named(monkeypatch):
    monkeypatch.setattr(patterns, "FALLBACK_TIMEOUT", 0.05)
    rule = """
        extends: existence
        message: "%s"
        nonword: true
        tokens: ['(a|aa)+(?=b)c']
    """
    with pytest.raises(RuleTimeoutError, match="Test.Rule"):
        lint(rule, "a" * 200)


def test_catastrophic_re2_pattern_stays_linear():
    rule = """
        extends: existence
        message: "%s"
        nonword: true
        tokens: ['(a+)+b']
    """
    assert lint(rule, "a" * 100_000) == []


def test_vocab_reject_becomes_an_error_rule():
    doc = parse_document("Galant said the Galants agreed.", "a.txt", "text")
    check = compile_rules([], vocab_reject=["Galant"])
    [info] = check.rules
    assert info.id == "vocab.reject" and str(info.severity) == "error"
    hits = check.check(doc, {"vocab.reject"})
    assert [(h.start, h.message) for h in hits] == [(0, "Avoid using 'Galant'.")]


def test_vocab_reject_finds_a_lower_case_word_capitalised_at_a_sentence_start():
    doc = parse_document("Irregardless of the vote, irregardless of cost. IRREGARDLESS stays.", "a.txt", "text")
    check = compile_rules([], vocab_reject=["irregardless", "(?:very|quite) unique"])
    assert [h.message for h in check.check(doc, {"vocab.reject"})] == [
        "Avoid using 'Irregardless'.", "Avoid using 'irregardless'."]
    doc = parse_document("Very unique. Quite unique! galant", "a.txt", "text")
    assert [h.message for h in check.check(doc, {"vocab.reject"})] == []
    # Upper-case words stay case-sensitive, as in Vale.
    assert compile_rules([], vocab_reject=["Galant"]).check(doc, {"vocab.reject"}) == []


def test_compiled_rules_pickle():
    import pickle
    rule = load_rule(textwrap.dedent(WEASEL), "R.yml", "Test.Rule")
    check = pickle.loads(pickle.dumps(compile_rules([rule], vocab_reject=["Galant"])))
    doc = parse_document("A very big day for Galant.", "a.txt", "text")
    assert len(check.check(doc, {"Test.Rule", "vocab.reject"})) == 2


def test_a_phrase_does_not_match_across_a_wrapped_line_as_in_vale():
    rule = load_rule(textwrap.dedent("""\
        extends: existence
        message: "Avoid '%s'."
        tokens: ['that is', 'wrapped\\.+']
    """), "R.yml", "Test.Rule")
    doc = parse_document("A phrase that\nis wrapped\nhere, but that is not.\n", "a.md", "markdown")
    found = compile_rules([rule]).check(doc, {"Test.Rule"})
    assert [doc.segments[h.segment].text[h.start:h.end] for h in found] == ["that is"]
    assert found[0].start == doc.segments[0].text.rindex("that is")


def test_inline_code_is_masked_as_vale_masks_it():
    # Vale reads "Deriving `PartialEq` implements" as "Deriving ********* implements":
    # the words on each side of the code stay apart.
    rule = load_rule(textwrap.dedent("""\
        extends: existence
        message: "Avoid '%s'."
        tokens: ['when is', 'the and']
        nonword: false
    """), "R.yml", "Test.Rule")
    text = "Ask when `x` is ready: when is it? The `isize` and `usize` types.\n"
    doc = parse_document(text, "a.md", "markdown")
    found = compile_rules([rule]).check(doc, {"Test.Rule"})
    seg = doc.segments[0]
    assert [seg.text[h.start:h.end] for h in found] == ["when is"]
    assert doc.file_span(seg, found[0].start, found[0].end)[0] == text.index("when is")


def test_markdown_alt_text_is_text_but_not_sentences():
    from newslint.checks.yaml_rules import compile_rules, load_rule
    from newslint.documents import parse_document

    doc = parse_document('Intro.\n\n<img alt="The front page" src="a.png" />\n', "a.md", "markdown")
    for scope, expected in (("text", ["front page"]), ("alt", ["front page"]), ("sentence", []),
                            ("[sentence, alt]", ["front page"]), ("[sentence, list]", [])):
        rule = load_rule(f"extends: existence\nmessage: x\nscope: {scope}\ntokens: ['front page']\n",
                         "Alt.yml", "Acme.Alt")
        found = [doc.segments[h.segment].text[h.start:h.end] for h in compile_rules([rule]).check(doc, {"Acme.Alt"})]
        assert found == expected, scope


def test_kbd_is_masked_as_vale_masks_it():
    from newslint.checks.yaml_rules import compile_rules, load_rule
    from newslint.documents import parse_document

    text = "Press <kbd>ctrl</kbd>-<kbd>C</kbd> after `cargo run` and ctrl stops.\n"
    doc = parse_document(text, "a.md", "markdown")
    rule = load_rule("extends: existence\nmessage: x\ntokens: [ctrl]\n", "Kbd.yml", "Acme.Kbd")
    hits = list(compile_rules([rule]).check(doc, {"Acme.Kbd"}))
    assert [(doc.segments[h.segment].text[h.start:h.end], h.start) for h in hits] == [("ctrl", 23)]


@pytest.mark.parametrize("text,read", [
    # Vale 3.22.0's text for each (checked with the binary): an inline element that opens
    # right after a word is read with a space before it; a comment, a closing tag, an
    # opening bracket or dash before it, or punctuation starting it, add none.
    ("From 2<sup>n</sup> up.", "From 2 n up."),
    ("A x<b>y</b>z b.", "A x yz b."),
    ("A x<span>y</span> b.", "A x y b."),
    ("A x`c` b.", "A x * b."),
    ("A (`c`) b.", "A (*) b."),
    ("A x<!-- c -->y b.", "A xy b."),
    ("A \u2014<b>x</b> b.", "A \u2014x b."),
    ("A `c`d b.", "A *d b."),
    ("See x[the docs](u) b.", "See x the docs b."),
    # Code inside a link's text, beside its brackets, is masked as other code is.
    ("Check the [`syn`\ndocumentation for `DeriveInput`][d] for more.\n\n[d]: https://x",
     "Check the ***\ndocumentation for *********** for more."),
    ("See the [`a` and `b`](u) for it.", "See the * and * for it."),
    # A URL written out is a link whose text is its address: masked.
    ("Go to [https://crates.io/me/](https://crates.io/me/) and get it.", "Go to ********************* and get it."),
    ("Go to <https://crates.io/me/> now.", "Go to ********************* now."),
    ("Go to https://crates.io/me/, now.", "Go to *********************, now."),
])
def test_inline_markup_after_a_word_is_read_with_a_space(text, read):
    from newslint.checks.yaml_rules.ruletext import RuleTexts
    from newslint.documents import parse_document

    doc = parse_document(text + "\n", "a.md", "markdown")
    assert RuleTexts(doc).text(doc.segments[0]).text == read


def test_a_match_across_the_inserted_space_points_at_the_file():
    from newslint.checks.yaml_rules import compile_rules, load_rule
    from newslint.documents import parse_document

    text = "From 2<sup>n</sup> up to 2<sup>n</sup>.\n"
    doc = parse_document(text, "a.md", "markdown")
    rule = load_rule("extends: existence\nmessage: x\nnonword: true\ntokens: ['2 n']\n", "S.yml", "Acme.S")
    hits = compile_rules([rule]).check(doc, {"Acme.S"})
    spans = [doc.file_span(doc.segments[h.segment], h.start, h.end) for h in hits]
    assert [text[s:e] for s, e in spans] == ["2<sup>n", "2<sup>n"]
    assert spans[0][0] == 5 and spans[1][0] == text.index("2", 10)
