"""Every shipped YAML rule documents itself and proves its examples."""
from __future__ import annotations

import os

import pytest

from newslint.checks.yaml_rules import compile_rules, load_packs
from newslint.documents import parse_document

RULES_DIR = os.path.join(os.path.dirname(os.path.dirname(__file__)), "rules")
PACKS = sorted(d for d in os.listdir(RULES_DIR)
               if os.path.isdir(os.path.join(RULES_DIR, d))
               and any(f.endswith((".yml", ".yaml")) for _, _, fs in os.walk(os.path.join(RULES_DIR, d)) for f in fs))
RULES = load_packs([RULES_DIR], RULES_DIR)     # the folder of packs: ids start with the pack
CHECK = compile_rules(RULES)


def hits_of(rule, text: str):
    doc = parse_document(text, "example.txt", rule.info.example_format)
    return [h for h in CHECK.check(doc, {rule.id})]


def test_the_news_pack_is_shipped():
    assert "news" in PACKS
    assert sum(r.id.startswith("news.chrome.") for r in RULES) >= 10
    assert sum(r.id.startswith("news.style.") for r in RULES) >= 5


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_rule_is_documented(rule):
    doc = rule.info.doc
    assert doc.what and doc.why and doc.fix, f"{rule.path}: doc needs what, why and fix"


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_rule_has_examples(rule):
    examples = rule.info.examples
    assert len(examples.flag) >= 2, f"{rule.path}: needs at least 2 'flag' examples"
    assert len(examples.pass_) >= 2, f"{rule.path}: needs at least 2 'pass' examples"


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_flag_examples_are_flagged(rule):
    for text in rule.info.examples.flag:
        assert hits_of(rule, text), f"{rule.id} should flag: {text!r}"


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_pass_examples_are_quiet(rule):
    for text in rule.info.examples.pass_:
        found = hits_of(rule, text)
        assert not found, f"{rule.id} should not flag {text!r}: {[text[h.start:h.end] for h in found]}"


@pytest.mark.parametrize("rule", [r for r in RULES if r.info.fixable], ids=lambda r: r.id)
def test_fixes_make_flag_examples_pass(rule):
    """Applying a rule's own fixes must leave nothing for it to flag."""
    for text in rule.info.examples.flag:
        doc = parse_document(text, "example.txt", rule.info.example_format)
        hits = sorted(hits_of(rule, text), key=lambda h: (h.segment, h.start), reverse=True)
        fixed = text
        for h in hits:
            if h.replacement is None:
                continue
            seg = doc.segments[h.segment]
            start, end = doc.file_span(seg, h.start, h.end)
            fixed = fixed[:start] + h.replacement + fixed[end:]
        if all(h.replacement is not None for h in hits):
            assert not hits_of(rule, fixed), f"{rule.id}: fixing {text!r} gave {fixed!r}, still flagged"


# Widget text comes in the case the site's designer chose and, in plain text, often as
# a bulleted list; the phrase rules must not depend on either.
PHRASE_CHROME = [r for r in RULES if r.id.startswith("news.chrome.")]


def _variants(text: str) -> dict[str, str]:
    return {
        "title case": " ".join(w[:1].upper() + w[1:] for w in text.split(" ")),
        "upper case": text.upper(),
        "bulleted": "- " + text,
        "starred": "* " + text,
    }


@pytest.mark.parametrize("rule", PHRASE_CHROME, ids=lambda r: r.id)
def test_chrome_flag_examples_are_flagged_in_any_case_and_as_list_items(rule):
    short = [t for t in rule.info.examples.flag if "\n" not in t and len(t.split()) <= 8]
    assert short, f"{rule.id}: needs a one-paragraph flag example of at most 8 words"
    for text in short:
        for kind, variant in _variants(text).items():
            assert hits_of(rule, variant), f"{rule.id} should flag the {kind} {variant!r}"
