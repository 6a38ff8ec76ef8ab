"""extends: spelling with a style's own Hunspell dictionaries, as Vale 3.22.0 checks them.

tests/data/vale_spelling is a Vale project written for these tests: a small newsroom
dictionary (.dic/.aff with suffix rules), an ignore file, a vocabulary, filters and
``custom: true``. expected_vale_alerts.json is Vale 3.22.0's output there.
"""
from __future__ import annotations

import json
import os
import pickle
import shutil
import textwrap

import pytest

from newslint.checks.yaml_rules import compile_rules, load_rule
from newslint.checks.yaml_rules.loader import RuleSkipped
from newslint.checks.yaml_rules.spelling import skipped_by_default, words
from newslint.cli import main
from newslint.documents import parse_document
from newslint.errors import ConfigError

PROJECT = os.path.join(os.path.dirname(__file__), "data", "vale_spelling")
STYLES = os.path.join(PROJECT, "styles")


def test_same_alerts_as_vale(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("NEWSLINT_DATA_DIR", str(tmp_path / "data"))     # Vale's base dictionary not installed
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
    # The rule that needs Vale's base dictionary is skipped, said once.
    notes = [n["message"] for n in out["notices"] if n["code"] == "rule-skipped"]
    assert len(notes) == 1 and notes[0].startswith("Desk.Base skipped") and "en_US-web" in notes[0]


def test_words_are_split_as_vale_splits_them():
    text = '"Hello," she said (quietly). It\u2019s $100 [sic] U.S. Dr. -- ok!'
    found = words(text)
    assert [w for w, _ in found] == ["Hello", "she", "said", "quietly", "It's", "sic", "U.S.", "Dr.", "ok"]
    assert all(text[at:at + len(w)] == w for w, at in found if w != "It's")


@pytest.mark.parametrize("word,skipped", [
    ("NASA", True), ("JavaScript", True), ("iPhone", False), ("U.S.", True), ("café", True),
    ("don't", False), ("snake_case", False), ("Hello", False),
])
def test_default_filters(word, skipped):
    assert skipped_by_default(word) is skipped


def _rule(body: str):
    text = "extends: spelling\nmessage: \"'%s'\"\n" + textwrap.dedent(body)
    return load_rule(text, os.path.join(STYLES, "Desk", "T.yml"), "Desk.T", (STYLES,))


def test_a_rule_survives_pickling_for_worker_processes():
    rule = _rule("dicpath: Desk/dict\ndictionaries: [newsroom]\n")
    checks = pickle.loads(pickle.dumps(compile_rules([rule])))
    doc = parse_document("The mayorr voted.", "a.txt", "text")
    assert [h.message for h in checks.check(doc, {"Desk.T"})] == ["'mayorr'", "'voted'"]


@pytest.mark.parametrize("body", ["append: true\ndicpath: Desk/dict\ndictionaries: [newsroom]\n", "filters: [x]\n"])
def test_a_rule_needing_the_base_dictionary_is_skipped(body, tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSLINT_DATA_DIR", str(tmp_path))
    with pytest.raises(RuleSkipped, match="en_US-web"):
        _rule(body)


@pytest.mark.parametrize("body,words", [
    ("dicpath: Desk/nowhere\ndictionaries: [newsroom]\n", "'dicpath'"),
    ("dicpath: Desk/dict\ndictionaries: [missing]\n", "no dictionary 'missing'"),
    ("dicpath: Desk/dict\ndictionaries: [newsroom]\nfilters: ['(']\n", "filters"),
])
def test_bad_settings_name_the_file(body, words):
    with pytest.raises(ConfigError) as err:
        _rule(body)
    assert words in str(err.value) and "T.yml" in str(err.value)
