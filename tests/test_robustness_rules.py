"""Robustness: a user rule with a catastrophic regex cannot hang a run.

RE2 runs ``(a+)+$`` in linear time; a pattern RE2 cannot run (lookaround) falls back to
the `regex` package with a per-call time limit, and running past it is a per-file error
naming the rule, exit 2, while the other files are still checked.
"""
from __future__ import annotations

import time

RULE = """extends: existence
message: "Runaway '%s'."
level: error
nonword: true
tokens:
  - '{pattern}'
"""
STORY = "Harbor vote delayed\n\nThe council met on Tuesday and delayed the vote.\n"
NASTY = "Harbor vote delayed\n\n" + "a" * 50_000 + "b\n"


def desk(write, pattern: str) -> None:
    write("styles/House/Runaway.yml", RULE.format(pattern=pattern))
    write(".newslint.yml", "extends: [newslint:news, styles/House]\n")


def test_nested_quantifier_runs_in_linear_time_under_re2(run_cli, write):
    desk(write, "(a+)+$")
    nasty = write("nasty.txt", NASTY)
    clean = write("clean.txt", STORY)
    started = time.monotonic()
    result = run_cli("check", "--no-languagetool", "-j", "1", "--format", "json", nasty, clean)
    elapsed = time.monotonic() - started
    assert elapsed < 10, f"took {elapsed:.1f} s"
    data = result.json()
    assert data["errors"] == []
    # "$" is the end of a line (Vale's patterns are multi-line); the line ends in "b".
    assert [f for f in data["findings"] if f["rule"] == "House.Runaway"] == []


def test_nested_quantifier_that_matches_is_reported_in_linear_time(run_cli, write):
    desk(write, "(a+)+b")
    nasty = write("nasty.txt", NASTY)
    started = time.monotonic()
    data = run_cli("check", "--no-languagetool", "--format", "json", nasty).json()
    assert time.monotonic() - started < 10
    [hit] = [f for f in data["findings"] if f["rule"] == "House.Runaway"]
    assert (hit["line"], hit["column"], hit["end_line"], hit["end_column"]) == (3, 1, 3, 50_002)


def test_runaway_lookahead_pattern_is_stopped_named_and_other_files_checked(run_cli, write):
    desk(write, "(?=(a+)+$)a")
    nasty = write("nasty.txt", NASTY)
    clean = write("clean.txt", STORY + "\nSee also: the budget story\n")
    started = time.monotonic()
    result = run_cli("check", "--no-languagetool", "-j", "1", "--format", "json", nasty, clean)
    elapsed = time.monotonic() - started
    assert elapsed < 15, f"took {elapsed:.1f} s"
    assert result.code == 2
    data = result.json()
    [error] = data["errors"]
    assert error["path"] == nasty
    assert "House.Runaway" in error["message"] and "took longer than" in error["message"]
    assert "(?=(a+)+$)a" in error["message"]
    # The other file was checked in full, with the same rules.
    assert {f["rule"] for f in data["findings"] if f["path"] == clean} >= {"news.chrome.see-also"}


def test_runaway_pattern_in_text_output_names_the_file_and_rule(run_cli, write):
    desk(write, "(?=(a+)+$)a")
    nasty = write("nasty.md", "# Harbor vote\n\n" + "a" * 50_000 + "b\n")
    result = run_cli("check", "--no-languagetool", nasty)
    assert result.code == 2
    assert nasty in result.out + result.err
    assert "rule House.Runaway" in result.out + result.err


def test_runaway_pattern_with_parallel_jobs(run_cli, write):
    desk(write, "(?=(a+)+$)a")
    paths = [write(f"desk/nasty-{i}.txt", NASTY) for i in range(2)]
    paths += [write(f"desk/clean-{i}.txt", STORY) for i in range(4)]
    started = time.monotonic()
    result = run_cli("check", "--no-languagetool", "-j", "2", "--format", "json", *paths)
    assert time.monotonic() - started < 20
    assert result.code == 2
    data = result.json()
    assert sorted(e["path"] for e in data["errors"]) == sorted(paths[:2])
