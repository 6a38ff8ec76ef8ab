"""extends: readability and extends: metric, measured as Vale 3.22.0 measures.

tests/data/vale_measures holds a Vale project with readability and metric rules;
expected_vale_alerts.json is Vale 3.22.0's output there (see tests/data/README.md). The
syllable counts below are Vale's too (a metric rule with ``formula: syllables`` on a
one-word file).
"""
from __future__ import annotations

import json
import os
import shutil
import textwrap

import pytest

from newslint.checks.yaml_rules import compile_rules, load_rule
from newslint.checks.yaml_rules.textstats import TextStats, syllables
from newslint.cli import main
from newslint.documents import parse_document
from newslint.errors import ConfigError

PROJECT = os.path.join(os.path.dirname(__file__), "data", "vale_measures")

VALE_SYLLABLES = {
    "people": 2, "reorganization": 6, "biology": 4, "beautifully": 4, "queue": 2, "create": 1,
    "readable": 3, "naturalism": 5, "coyote": 3, "preview": 2, "unusual": 4, "overwhelming": 4,
    "hyperactive": 4, "the": 1, "a": 1, "idea": 3, "piano": 3, "business": 2, "walked": 2,
    "boxes": 2, "cities": 2, "rhythm": 2, "chaos": 1, "science": 1, "quiet": 2, "pianos": 3,
    "gentlemen": 3, "anticlimax": 4, "realistic": 4, "happiness": 3,
}


@pytest.mark.parametrize("word,count", sorted(VALE_SYLLABLES.items()))
def test_syllables_as_vale_counts_them(word, count):
    assert syllables(word) == count


def test_counts_of_a_text():
    stats = TextStats.of("The U.S. office opens at nine. Dr. Smith will meet you there.\n\nBring it!")
    assert (stats.words, stats.sentences, stats.paragraphs) == (14, 3, 2)
    assert stats.characters == sum(c.isalnum() for c in "TheUSofficeopensatnineDrSmithwillmeetyoutherebringit")


def test_same_alerts_as_vale(tmp_path, monkeypatch, capsys):
    project = tmp_path / "project"
    shutil.copytree(PROJECT, project)
    monkeypatch.chdir(project)
    code = main(["check", "--format", "json", "docs"])
    out = json.loads(capsys.readouterr().out)
    got = sorted((f["path"], f["line"], f["column"], f["rule"], f["severity"], f["message"])
                 for f in out["findings"])
    with open(os.path.join(PROJECT, "expected_vale_alerts.json"), encoding="utf-8") as fh:
        expected = sorted((a["path"], a["line"], a["column"], a["rule"], a["severity"], a["message"])
                          for a in json.load(fh)["alerts"])
    assert got == expected
    assert code == 1
    assert not [n for n in out["notices"] if n["code"] == "rule-skipped"]


def _check(rule_yaml: str, text: str, fmt: str = "markdown"):
    rule = load_rule(textwrap.dedent(rule_yaml), "M.yml", "Acme.M")
    doc = parse_document(text, "a.md", fmt)
    return [(h.segment, h.start, h.message) for h in compile_rules([rule]).check(doc, {"Acme.M"})]


GRADE = """
    extends: readability
    message: "Grade %s."
    grade: 8
    metrics: [Flesch-Kincaid]
"""


def test_headings_and_tables_are_not_measured():
    dense = "Intercontinental telecommunications infrastructure modernization initiatives."
    assert _check(GRADE, f"# {dense}\n\nA cat sat.\n") == []
    assert _check(GRADE, f"| a |\n| - |\n| {dense} |\n\nA cat sat.\n") == []
    assert _check(GRADE, f"A cat sat.\n\n- {dense}\n") == [(None, 0, "Grade 28.75.")]


def test_a_file_without_words_is_not_measured():
    assert _check(GRADE, "# Only a heading\n") == []
    metric = "extends: metric\nmessage: '%s'\nformula: words\ncondition: '>= 0'\n"
    assert _check(metric, "# Only a heading\n") == []


def test_a_paragraph_scope_measures_each_paragraph():
    rule = GRADE + "    scope: paragraph\n"
    dense = "Intercontinental telecommunications infrastructure modernization initiatives."
    found = _check(rule, f"A cat sat.\n\n{dense}\n")
    assert [(seg, start) for seg, start, _ in found] == [(1, 0)]


@pytest.mark.parametrize("formula,condition,expected", [
    ("words", "> 2", ["4.00"]),
    ("words * 2 + sentences", "== 7", []),
    ("math.sqrt(words + 1)", "< 3 && words > 1", ["2.24"]),
    ("words / sentences", "> 5 || sentences > 9", []),
    ("heading.h1 + heading_h2 + list + paragraphs", ">= 4", ["4.00"]),
])
def test_formula_and_condition(formula, condition, expected):
    # Expected values: Vale 3.22.0 on the same rule and text.
    rule = f"extends: metric\nmessage: 'Value %s.'\nformula: {formula}\ncondition: '{condition}'\n"
    found = _check(rule, "# T\n\n## U\n\nA cat sat.\n\n- item\n")
    assert [m for _, _, m in found] == [f"Value {v}." for v in expected]


@pytest.mark.parametrize("formula,condition,words", [
    ("words + nouns", "> 1", "unknown variable 'nouns'"),
    ("math.round(words)", "> 1", "only math."),
    ("words +", "> 1", "not one expression"),
    ("__import__('os')", "> 1", "unknown variable"),
    ("words", "", "'condition'"),    # Vale panics on an empty condition
])
def test_bad_formulas_name_the_file_and_line(formula, condition, words):
    text = f"extends: metric\nmessage: x\nformula: {formula!r}\ncondition: {condition!r}\n"
    with pytest.raises(ConfigError) as err:
        load_rule(text, "M.yml", "Acme.M")
    assert words in str(err.value) and "M.yml" in str(err.value)


def test_readability_needs_metrics():
    with pytest.raises(ConfigError, match="metrics"):
        load_rule("extends: readability\nmessage: x\ngrade: 8\n", "R.yml", "Acme.R")
