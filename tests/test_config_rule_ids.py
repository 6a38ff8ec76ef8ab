"""Rule ids and globs that name no rule are errors (exit 2) with a did-you-mean."""
from __future__ import annotations

import json

import pytest

from newslint.config.rule_ids import unknown_rule_glob

KNOWN = ("news.fragment", "news.chrome.see-also", "news.chrome.leave-a-reply", "house.said")


@pytest.mark.parametrize("glob", ["news.fragment", "news.chrome.*", "*.said", "*", "lt.MORFOLOGIK_RULE_EN_US",
                                  "lt.*", "lt.EN_*"])
def test_known_ids_globs_and_the_languagetool_family(glob):
    assert unknown_rule_glob(glob, KNOWN) is None


def test_unknown_id_and_glob_with_a_suggestion():
    assert unknown_rule_glob("news.fragmnet", KNOWN) == (
        "unknown rule id 'news.fragmnet' (did you mean 'news.fragment'?)")
    assert unknown_rule_glob("news.chrom.*", KNOWN) == "no rule matches 'news.chrom.*' (did you mean 'news.chrome.*'?)"
    assert unknown_rule_glob("zzz", KNOWN) == "unknown rule id 'zzz' (newslint rules lists them)"


def test_config_rules_with_a_typo_fail_at_its_line(run_cli, write, tmp_path):
    write(".newslint.yml", "languagetool: {enabled: false}\nrules:\n  news.chrome.*: warning\n  news.fragmnet: off\n")
    path = write("a.txt", "Headline\n\nThe mayor said the plan was late.\n")
    result = run_cli("check", path)
    assert result.code == 2
    assert f"{tmp_path / '.newslint.yml'}:4: error: rules: unknown rule id 'news.fragmnet'" in result.err + result.out
    assert "did you mean 'news.fragment'?" in result.err + result.out


def test_override_rules_with_a_typo_fail(run_cli, write):
    write(".newslint.yml", "languagetool: {enabled: false}\noverrides:\n"
                           "  - files: 'wires/**'\n    rules: {news.chrome.seealso: off}\n")
    path = write("a.txt", "Headline\n\nThe mayor said the plan was late.\n")
    result = run_cli("check", "--format", "json", path)
    assert result.code == 2
    [error] = result.json()["errors"]
    assert error["line"] == 4 and "unknown rule id 'news.chrome.seealso'" in error["message"]
    assert "did you mean 'news.chrome.see-also'?" in error["message"]


def test_languagetool_ids_in_config_are_valid_by_family(run_cli, write):
    write(".newslint.yml", "languagetool: {enabled: false}\nrules: {lt.MORFOLOGIK_RULE_EN_US: off, 'lt.*': error}\n")
    path = write("a.txt", "Headline\n\nThe mayor said the plan was late.\n")
    assert run_cli("check", path).code == 0


@pytest.mark.parametrize("option, glob, message", [
    ("--select", "news.fragmnet", "--select: unknown rule id 'news.fragmnet' (did you mean 'news.fragment'?)"),
    ("--ignore", "news.chrom.*", "--ignore: no rule matches 'news.chrom.*' (did you mean 'news.chrome.*'?)"),
    ("--select", "news.chrome.*,nothing.here", "--select: unknown rule id 'nothing.here'"),
])
def test_select_and_ignore_with_a_typo_exit_2(run_cli, write, option, glob, message):
    path = write("a.txt", "Headline\n\nSee also  A storm hit the coast on Monday night\n\nThe end came.\n")
    result = run_cli("check", "--no-languagetool", option, glob, path)
    assert result.code == 2
    assert message in result.err
    assert result.out == ""


def test_select_of_known_and_languagetool_ids_runs(run_cli, write):
    path = write("a.txt", "Headline\n\nSee also  A storm hit the coast on Monday night\n\nThe end came.\n")
    result = run_cli("check", "--no-languagetool", "--format", "json", "--select", "news.chrome.*,lt.EN_A_VS_AN",
                     path)
    assert result.code == 1
    assert {f["rule"] for f in json.loads(result.out)["findings"]} == {"news.chrome.see-also"}


def test_baseline_create_refuses_an_unknown_select(run_cli, write, tmp_path):
    path = write("a.txt", "Headline\n\nThe mayor said the plan was late.\n")
    result = run_cli("baseline", "create", "--no-languagetool", "--select", "news.fragmnet",
                     "-o", str(tmp_path / "b.json"), path)
    assert result.code == 2 and "did you mean 'news.fragment'?" in result.err
    assert not (tmp_path / "b.json").exists()
