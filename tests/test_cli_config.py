"""Configuration through the CLI: discovery, levels, overrides, and errors with file:line."""
from __future__ import annotations

import os

STORY = "Council delays vote\n\nThe council delayed its vote.\n\nLeave a Reply\n\nRents rose 5 per cent.\n"


def test_unknown_key_is_exit_2_with_file_line_and_suggestion(run_cli, write):
    config = write(".newslint.yml", "extends: [newslint:news]\nlanguagetol:\n  enabled: false\n")
    story = write("story.txt", STORY)
    result = run_cli("check", "--no-languagetool", story)
    assert result.code == 2
    assert f"{config}:2: error:" in result.err   # errors go to stderr in text mode
    assert "languagetool" in result.err          # the did-you-mean
    assert "error" not in result.out


def test_explicit_bad_config_stops_before_any_work(run_cli, write):
    config = write("cfg.yml", "rules:\n  news.chrome.*: loud\n")
    result = run_cli("check", "--no-languagetool", "--config", config, write("story.txt", STORY))
    assert result.code == 2
    assert result.err.startswith(f"{config}:2:")
    assert result.out == ""


def test_wrong_type_is_reported_with_its_line(run_cli, write):
    write(".newslint.yml", "languagetool:\n  enabled: maybe\n")
    result = run_cli("check", "--no-languagetool", write("story.txt", STORY))
    assert result.code == 2 and ".newslint.yml:2: error:" in result.err


def test_bad_regex_in_a_user_rule_names_rule_file_and_line(run_cli, write):
    rule = write("styles/House/Broken.yml",
                 "extends: existence\nmessage: \"Avoid '%s'.\"\ntokens:\n  - 'good'\n  - '(unclosed'\n")
    write(".newslint.yml", "extends: [newslint:news, styles/House]\n")
    result = run_cli("check", "--no-languagetool", write("story.txt", STORY))
    assert result.code == 2
    assert f"{rule}:5: error:" in result.err


def test_levels_globs_and_overrides(run_cli, write, tmp_path):
    write(".newslint.yml", "rules:\n  news.chrome.*: error\n  news.style.percent: 'off'\n"
                           "overrides:\n  - files: 'wires/**'\n    rules: {news.chrome.*: 'off'}\n")
    desk = write("desk/story.txt", STORY)
    wire = write("wires/ap/story.txt", STORY)
    data = run_cli("check", "--no-languagetool", "--format", "json", desk, wire).json()
    by_path = {}
    for f in data["findings"]:
        by_path.setdefault(f["path"], []).append((f["rule"], f["severity"]))
    assert by_path[desk] == [("news.chrome.leave-a-reply", "error")]
    assert wire not in by_path


def test_exclude_skips_files_in_directories(run_cli, write, tmp_path):
    write(".newslint.yml", "exclude: ['archive/**']\n")
    write("archive/old.txt", STORY)
    write("new/story.txt", STORY)
    data = run_cli("check", "--no-languagetool", "--format", "json", str(tmp_path)).json()
    assert {os.path.basename(os.path.dirname(f["path"])) for f in data["findings"]} == {"new"}


def test_vocab_reject_flags_words(run_cli, write):
    write(".newslint.yml", "vocab:\n  reject: [irregardless]\n")
    data = run_cli("check", "--no-languagetool", "--format", "json",
                   write("story.txt", "Headline here\n\nThe plan failed, irregardless of cost.\n")).json()
    assert [(f["rule"], f["line"], f["column"]) for f in data["findings"]] == [("vocab.reject", 3, 18)]


def test_rules_and_explain(run_cli):
    listing = run_cli("rules")
    assert listing.code == 0
    assert "news.chrome.see-also" in listing.out and "news.attribution.two-speakers" in listing.out
    explained = run_cli("explain", "news.chrome.see-also")
    assert explained.code == 0 and "What it flags" in explained.out and "Flagged" in explained.out
    unknown = run_cli("explain", "news.chrome.see-alsp")
    assert unknown.code == 2 and "news.chrome.see-also" in unknown.err
