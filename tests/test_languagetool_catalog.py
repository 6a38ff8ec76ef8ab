"""LanguageTool's own descriptions of its rules: `explain lt.ID` and reports' rule docs."""
from __future__ import annotations

import json

import pytest

from newslint.errors import LanguageToolError
from newslint.findings import Category, Finding, Severity, Source
from newslint.languagetool.catalog import catalog_file, parse_listing, read_catalog, write_catalog
from newslint.languagetool.paths import DATA_DIR_ENV
from newslint.languagetool.rulemeta import rule_info_for_finding, rule_info_from_catalog

from .conftest import ARTICLE

# The seed article's one unknown word is a compound of English words ("rockslide"), which
# is not a slip; this story has one.
SLIP = "Council delays vote\n\nThe council recieved the report on Monday.\n"

LISTING = {"software": {"version": "6.8"}, "rules": [
    {"ruleId": "MORFOLOGIK_RULE_EN_US", "description": "Possible spelling mistake", "categoryId": "TYPOS",
     "categoryName": "Possible Typo", "isDictionaryBasedSpellingRule": "yes"},
    {"ruleId": "COMMA_COMPOUND_SENTENCE_2", "description": "comma between independent clauses",
     "categoryId": "PUNCTUATION", "categoryName": "Punctuation"},
    {"ruleId": "COMMA_COMPOUND_SENTENCE_2", "description": "a sub-rule", "categoryId": "PUNCTUATION",
     "categoryName": "Punctuation"},
]}


def _finding(rule: str, message: str) -> Finding:
    return Finding("a.txt", 1, 1, 1, 5, rule, Category.SPELLING, Severity.WARNING, Source.LANGUAGETOOL, message)


def test_listing_keeps_the_first_entry_of_each_rule():
    catalog = parse_listing(LISTING, "en-US")
    assert sorted(catalog.rules) == ["COMMA_COMPOUND_SENTENCE_2", "MORFOLOGIK_RULE_EN_US"]
    assert catalog.get("COMMA_COMPOUND_SENTENCE_2").description == "comma between independent clauses"
    assert catalog.close_to("MORFOLOGIK_RULE_EN_GB") == ["MORFOLOGIK_RULE_EN_US"]


@pytest.mark.parametrize("answer", [[], {"rules": "x"}, {"rules": [{"description": "no id"}]},
                                    {"rules": [{"ruleId": "A", "description": 3}]}])
def test_a_listing_of_the_wrong_shape_is_an_error(answer):
    with pytest.raises(LanguageToolError, match="rule listing"):
        parse_listing(answer, "en-US")


def test_kept_listing_reads_back_and_a_damaged_one_is_ignored(tmp_path):
    path = catalog_file(tmp_path, "local:6.8:abc", "en-US")
    write_catalog(path, LISTING)
    assert read_catalog(path, "en-US").rules == parse_listing(LISTING, "en-US").rules
    assert "isDictionaryBasedSpellingRule" not in path.read_text()
    path.write_text("{not json")
    assert read_catalog(path, "en-US") is None
    assert catalog_file(tmp_path, "local:6.8:abc", "en-GB") != path


def test_report_doc_is_the_rule_description_not_one_match_message():
    catalog = parse_listing(LISTING, "en-US")
    finding = _finding("lt.MORFOLOGIK_RULE_EN_US", "Possible spelling mistake found: 'rockslide'.")
    info = rule_info_for_finding(finding, catalog)
    assert info.doc.what == "Possible spelling mistake."
    assert "Possible Typo" in info.doc.why
    assert info.doc.link == "https://community.languagetool.org/rule/show/MORFOLOGIK_RULE_EN_US?lang=en"
    # Without the listing, the id alone: never the text of one match.
    bare = rule_info_for_finding(finding)
    assert bare.doc.what == "LanguageTool rule MORFOLOGIK_RULE_EN_US." and "rockslide" not in bare.doc.what
    described = rule_info_from_catalog("lt.COMMA_COMPOUND_SENTENCE_2", catalog)
    assert described.doc.what == "Comma between independent clauses." and described.category is Category.PUNCTUATION
    assert rule_info_from_catalog("lt.NO_SUCH_RULE", catalog) is None


def test_explain_without_languagetool_says_how_to_install(run_cli, tmp_path, monkeypatch):
    monkeypatch.setenv(DATA_DIR_ENV, str(tmp_path / "empty"))
    result = run_cli("explain", "lt.MORFOLOGIK_RULE_EN_US")
    assert result.code == 2
    assert "newslint languagetool install" in result.err


@pytest.mark.languagetool
def test_every_languagetool_id_a_finding_carries_is_explainable(run_cli, write, languagetool_server):
    slip = write("slip.txt", SLIP)
    found = run_cli("check", "--format", "json", str(ARTICLE), slip).json()["findings"]
    ids = sorted({f["rule"] for f in found if f["source"] == "languagetool"})
    assert "lt.MORFOLOGIK_RULE_EN_US" in ids
    for rule in ids:
        result = run_cli("explain", rule)
        assert result.code == 0, (rule, result.err)
        assert result.out.startswith(f"{rule}  [")
        assert f"LanguageTool's rule {rule[3:]}, in its category" in result.out
    spelling = run_cli("explain", "lt.MORFOLOGIK_RULE_EN_US").out
    assert "Possible spelling mistake." in spelling
    assert "More: https://community.languagetool.org/rule/show/MORFOLOGIK_RULE_EN_US?lang=en" in spelling


@pytest.mark.languagetool
def test_explain_an_unknown_languagetool_id_suggests_one(run_cli, languagetool_server):
    result = run_cli("explain", "lt.MORFOLOGIK_RULE_EN_UK")
    assert result.code == 2
    assert "LanguageTool has no rule 'MORFOLOGIK_RULE_EN_UK' for en-US (did you mean lt.MORFOLOGIK_RULE_EN_US" \
        in result.err


@pytest.mark.languagetool
def test_sarif_describes_languagetool_rules_by_their_description(run_cli, write, languagetool_server):
    log = json.loads(run_cli("check", "--format", "sarif", str(ARTICLE), write("slip.txt", SLIP)).out)
    rules = {r["id"]: r for r in log["runs"][0]["tool"]["driver"]["rules"]}
    spelling = rules["lt.MORFOLOGIK_RULE_EN_US"]
    assert spelling["shortDescription"]["text"] == "Possible spelling mistake."
    lt_results = [r for r in log["runs"][0]["results"] if r["ruleId"].startswith("lt.")]
    assert lt_results
    for result in lt_results:
        assert result["message"]["text"] not in rules[result["ruleId"]]["shortDescription"]["text"]
