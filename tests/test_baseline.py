"""Baselines: known findings stay hidden when lines move; new ones show; fixed ones go stale."""
from __future__ import annotations

import json
import os

import pytest

from newslint.findings import Category, Finding, Severity, Source
from newslint.workflows.baseline import Baseline, BaselineError, fingerprint

TOOLS = "Print | Email | Share"
STORY = f"""# Harbor vote

The harbor board voted 5-2 on Tuesday to rebuild the north pier.

{TOOLS}

The work starts in May and will take two years, the board said.
"""
MORE = """The vote ends a decade of debate over the pier, which closed in 2014.

Officials expect the pier to reopen in 2027.

"""


def _finding(path: str, text: str, needle: str, rule: str = "news.chrome.tools") -> Finding:
    start = text.index(needle)
    line = text.count("\n", 0, start) + 1
    return Finding(path=path, line=line, column=1, end_line=line, end_column=1 + len(needle), rule=rule,
                   category=Category.CHROME, severity=Severity.WARNING, source=Source.NEWS, message="m",
                   offset=start, end_offset=start + len(needle))


# -- fingerprints -----------------------------------------------------------------------


def test_fingerprint_ignores_position_and_spacing_but_not_words():
    moved = "# Harbor vote\n\n" + MORE + STORY.split("\n", 2)[2]
    a = fingerprint(STORY, _finding("a.md", STORY, TOOLS))
    b = fingerprint(moved, _finding("a.md", moved, TOOLS))
    assert a == b and a[1] == TOOLS
    spaced = STORY.replace(TOOLS, "Print  |  Email | Share ")
    assert fingerprint(spaced, _finding("a.md", spaced, "Print  |  Email | Share"))[0] == a[0]
    edited = STORY.replace(TOOLS, "Print | Share")
    assert fingerprint(edited, _finding("a.md", edited, "Print | Share"))[0] != a[0]
    other_rule = _finding("a.md", STORY, TOOLS, rule="news.chrome.print-email")
    assert fingerprint(STORY, other_rule)[0] != a[0]


def test_the_flagged_lines_text_is_part_of_the_fingerprint():
    one = "He said it.\n\nWe recieve mail.\n"
    two = "He said it.\n\nThey recieve mail.\n"
    assert fingerprint(one, _finding("a.md", one, "recieve"))[0] != fingerprint(two, _finding("a.md", two, "recieve"))[0]


def test_duplicates_share_an_entry_with_a_count(tmp_path):
    text = STORY + "\n" + TOOLS + "\n"
    path = str(tmp_path / "a.md")
    first = _finding(path, text, TOOLS)
    second_start = text.rindex(TOOLS)
    second = Finding(**{**first.__dict__, "line": 9, "end_line": 9, "offset": second_start,
                        "end_offset": second_start + len(TOOLS)})
    baseline = Baseline.from_findings([first, second], str(tmp_path), lambda p: text)
    [entry] = baseline.entries.values()
    assert entry.count == 2 and entry.key.path == "a.md"
    outcome = baseline.apply([first, second, second], lambda p: text, [path])
    assert outcome.known == 2 and len(outcome.new) == 1 and outcome.stale == []
    outcome = baseline.apply([first], lambda p: text, [path])
    assert outcome.known == 1 and outcome.new == [] and [e.count for e in outcome.stale] == [1]


def test_stale_entries_only_for_files_and_rules_that_were_checked(tmp_path):
    path = str(tmp_path / "a.md")
    baseline = Baseline.from_findings([_finding(path, STORY, TOOLS), _finding(path, STORY, "Tuesday", "lt.X")],
                                      str(tmp_path), lambda p: STORY)
    assert len(baseline.apply([], lambda p: STORY, [str(tmp_path / "b.md")]).stale) == 0
    assert len(baseline.apply([], lambda p: STORY, [path]).stale) == 2
    no_lt = baseline.apply([], lambda p: STORY, [path], rule_checked=lambda rule: not rule.startswith("lt."))
    assert [e.key.rule for e in no_lt.stale] == ["news.chrome.tools"]


def test_load_rejects_what_is_not_a_baseline(tmp_path):
    bad = tmp_path / "b.json"
    for content, message in [("{", "not JSON"), ('{"version": 9, "entries": []}', "not a newslint baseline"),
                             ('{"version": 1, "entries": {}}', "must be a list"),
                             ('{"version": 1, "entries": [{"path": "a.md"}]}', "entry 1"),
                             ('{"version": 1, "entries": [{"path": "a", "rule": "r", "fingerprint": "f", '
                              '"count": 0}]}', "at least 1")]:
        bad.write_text(content)
        with pytest.raises(BaselineError, match=message):
            Baseline.load(str(bad))
    with pytest.raises(BaselineError, match="newslint baseline create"):
        Baseline.load(str(tmp_path / "missing.json"))


# -- the CLI ------------------------------------------------------------------------------


@pytest.fixture
def newsroom(tmp_path, monkeypatch):
    (tmp_path / "desk").mkdir()
    (tmp_path / "desk" / "harbor.md").write_text(STORY, encoding="utf-8")
    (tmp_path / "desk" / "clean.md").write_text(STORY.replace(TOOLS + "\n\n", ""), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _check(run_cli, *args: str):
    return run_cli("check", "--no-languagetool", "--format", "json", *args)


def test_create_then_check_reports_nothing_new(run_cli, newsroom):
    before = _check(run_cli, "desk")
    assert before.code == 1 and before.json()["findings"]
    created = run_cli("baseline", "create", "--no-languagetool", "-o", "baseline.json", "desk")
    assert created.code == 0, created.err
    data = json.loads((newsroom / "baseline.json").read_text())
    assert data["version"] == 1
    assert {e["path"] for e in data["entries"]} == {"desk/harbor.md"}
    assert sum(e["count"] for e in data["entries"]) == len(before.json()["findings"])
    assert all(TOOLS in e["text"] for e in data["entries"])
    after = _check(run_cli, "--baseline", "baseline.json", "desk")
    assert after.code == 0, after.out
    assert after.json()["findings"] == []
    assert any(n["code"] == "baseline" for n in after.json()["notices"])


def test_findings_stay_baselined_when_paragraphs_are_inserted_above(run_cli, newsroom):
    run_cli("baseline", "create", "--no-languagetool", "-o", "baseline.json", "desk")
    harbor = newsroom / "desk" / "harbor.md"
    harbor.write_text(STORY.replace("# Harbor vote\n\n", "# Harbor vote\n\n" + MORE), encoding="utf-8")
    moved = _check(run_cli, "desk")
    assert {f["line"] for f in moved.json()["findings"]} == {9}          # was line 5
    result = _check(run_cli, "--baseline", "baseline.json", "desk")
    assert result.code == 0 and result.json()["findings"] == []


def test_a_new_finding_is_reported_and_a_fixed_one_is_stale(run_cli, newsroom):
    run_cli("baseline", "create", "--no-languagetool", "-o", "baseline.json", "desk")
    harbor = newsroom / "desk" / "harbor.md"
    clean = newsroom / "desk" / "clean.md"
    harbor.write_text(STORY.replace(TOOLS + "\n\n", ""), encoding="utf-8")              # fixed
    clean.write_text(clean.read_text() + "\n" + TOOLS + "\n", encoding="utf-8")           # new
    result = _check(run_cli, "--baseline", "baseline.json", "desk")
    assert result.code == 1
    assert {(f["path"], f["line"]) for f in result.json()["findings"]} == {("desk/clean.md", 7)}
    stale = [n["message"] for n in result.json()["notices"] if n["code"] == "baseline-stale"]
    assert len(stale) == 1 and "desk/harbor.md" in stale[0] and "newslint baseline create" in stale[0]
    text = run_cli("check", "--no-languagetool", "--baseline", "baseline.json", "desk")
    assert "no longer found" in text.err


def test_paths_are_relative_to_the_baseline_so_any_working_directory_matches(run_cli, newsroom, monkeypatch):
    run_cli("baseline", "create", "--no-languagetool", "-o", "baseline.json", "desk")
    monkeypatch.chdir(newsroom / "desk")
    result = _check(run_cli, "--baseline", os.path.join("..", "baseline.json"), "harbor.md")
    assert result.code == 0 and result.json()["findings"] == []
    absolute = _check(run_cli, "--baseline", str(newsroom / "baseline.json"), str(newsroom / "desk"))
    assert absolute.code == 0 and absolute.json()["findings"] == []


def test_a_subset_run_does_not_call_other_files_stale(run_cli, newsroom):
    run_cli("baseline", "create", "--no-languagetool", "-o", "baseline.json", "desk")
    result = _check(run_cli, "--baseline", "baseline.json", "desk/clean.md")
    assert result.code == 0
    assert not [n for n in result.json()["notices"] if n["code"] == "baseline-stale"]


def test_bad_baseline_and_unreadable_files_exit_2(run_cli, newsroom):
    missing = _check(run_cli, "--baseline", "nope.json", "desk")
    assert missing.code == 2 and "nope.json" in missing.err
    (newsroom / "desk" / "broken.md").write_bytes(b"The caf\xe9 opened on Tuesday.\n")
    refused = run_cli("baseline", "create", "--no-languagetool", "-o", "baseline.json", "desk")
    assert refused.code == 2 and "broken.md" in refused.err
    assert not (newsroom / "baseline.json").exists()


def test_with_diff_baselined_findings_outside_the_change_are_not_stale(run_cli, newsroom):
    import subprocess

    env = dict(os.environ, GIT_AUTHOR_NAME="D", GIT_AUTHOR_EMAIL="d@example.org", GIT_COMMITTER_NAME="D",
               GIT_COMMITTER_EMAIL="d@example.org", GIT_CONFIG_GLOBAL=os.devnull)
    for args in (["init", "-q", "-b", "main"], ["add", "."], ["commit", "-q", "-m", "desk"]):
        subprocess.run(["git", *args], cwd=newsroom, env=env, check=True, capture_output=True)
    run_cli("baseline", "create", "--no-languagetool", "-o", "baseline.json", "desk")
    clean = newsroom / "desk" / "clean.md"
    clean.write_text(clean.read_text() + "\n" + TOOLS + "\n", encoding="utf-8")
    harbor = newsroom / "desk" / "harbor.md"                    # changed, but not on its tool line
    harbor.write_text(harbor.read_text().replace("Tuesday", "Wednesday"), encoding="utf-8")
    result = _check(run_cli, "--diff=HEAD", "--baseline", "baseline.json", "desk")
    assert result.code == 1
    assert {(f["path"], f["line"]) for f in result.json()["findings"]} == {("desk/clean.md", 7)}
    assert not [n for n in result.json()["notices"] if n["code"] == "baseline-stale"]
