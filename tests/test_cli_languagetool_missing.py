"""LanguageTool not installed: said once, plainly, with the command that fixes it."""
from __future__ import annotations

import pytest

from newslint.languagetool.paths import DATA_DIR_ENV

STORY = "Council delays vote\n\nThe council delayed its vote on Monday.\n\nLeave a Reply\n"


@pytest.fixture
def no_languagetool(tmp_path, monkeypatch):
    monkeypatch.setenv(DATA_DIR_ENV, str(tmp_path / "empty-data"))


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_said_once_in_text_with_the_fix_and_an_honest_summary(run_cli, write, no_languagetool, jobs):
    paths = [write(f"desk/{n}.txt", STORY) for n in "abc"]
    result = run_cli("check", "-j", jobs, *paths)
    assert result.code == 2
    errors = [line for line in result.err.splitlines() if "error:" in line]
    assert len(errors) == 1, result.err
    assert errors[0].startswith("error: LanguageTool is not installed")
    assert "`newslint languagetool install`" in errors[0] and "--no-languagetool" in errors[0]
    assert "LanguageTool: LanguageTool" not in result.err
    # The other checks ran on every file, and the summary says so.
    assert [line.split(":")[0] for line in result.out.splitlines()[:-1]] == paths
    assert result.out.splitlines()[-1] == "3 findings (3 warnings) in 3 files; not every check ran (see the error above)"


def test_said_once_in_json(run_cli, write, no_languagetool):
    paths = [write(f"desk/{n}.txt", STORY) for n in "ab"]
    result = run_cli("check", "--format", "json", "-j", "2", *paths)
    assert result.code == 2
    [error] = result.json()["errors"]
    assert error["path"] == "" and error["message"].startswith("LanguageTool is not installed")
    assert len(result.json()["findings"]) == 2


def test_fix_leaves_files_alone_when_languagetool_is_missing(run_cli, write, no_languagetool):
    path = write("a.txt", STORY.replace("on Monday", "towards Monday"))
    before = open(path, encoding="utf-8").read()
    assert run_cli("check", "--fix", path).code == 2
    assert open(path, encoding="utf-8").read() == before
