"""Exit status 0/1/2 and per-file errors, through the real CLI."""
from __future__ import annotations

import subprocess
import sys

import pytest

CLEAN = "Council delays vote\n\nThe council delayed its vote on the budget until next week.\n"
CHROME = "Council delays vote\n\nThe council delayed its vote.\n\nLeave a Reply\n"


def test_clean_file_exits_0(run_cli, write):
    result = run_cli("check", "--no-languagetool", write("clean.txt", CLEAN))
    assert result.code == 0, result.out


def test_findings_exit_1(run_cli, write):
    result = run_cli("check", "--no-languagetool", write("chrome.txt", CHROME))
    assert result.code == 1
    assert "chrome.txt:5:1: warning [news.chrome.leave-a-reply]" in result.out


def test_fail_on_error_ignores_warnings(run_cli, write):
    result = run_cli("check", "--no-languagetool", "--fail-on", "error", write("chrome.txt", CHROME))
    assert result.code == 0
    assert "news.chrome.leave-a-reply" in result.out


def test_mixed_run_with_one_bad_file_exits_2_and_checks_the_rest(run_cli, write):
    good = write("good.txt", CHROME)
    bad = write("bad.txt", b"Headline\n\nCaf\xff au lait.\n")
    result = run_cli("check", "--no-languagetool", "--format", "json", bad, good)
    assert result.code == 2
    data = result.json()
    assert [f["rule"] for f in data["findings"]] == ["news.chrome.leave-a-reply"]
    assert data["errors"] == [{"path": bad, "message": "not UTF-8 (byte 0xff at offset 13)"}]


def test_missing_path_empty_dir_and_binary_files_are_errors_empty_files_are_clean(run_cli, write, tmp_path):
    (tmp_path / "empty-dir").mkdir()
    binary = write("photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00")
    empty = write("empty.md", "")
    good = write("ok.txt", CLEAN)
    result = run_cli("check", "--no-languagetool", "--format", "json",
                     str(tmp_path / "missing.txt"), str(tmp_path / "empty-dir"), binary, empty, good)
    assert result.code == 2
    errors = {e["path"]: e["message"] for e in result.json()["errors"]}
    assert set(errors) == {str(tmp_path / "missing.txt"), str(tmp_path / "empty-dir"), binary}
    assert "no such file" in errors[str(tmp_path / "missing.txt")]
    assert "no files to check" in errors[str(tmp_path / "empty-dir")]
    assert "binary" in errors[binary]
    assert {"code": "empty-file", "message": f"{empty}: empty file, nothing to check"} in result.json()["notices"]


@pytest.mark.parametrize("content", ["", "  \n\n\t\n", "\ufeff\r\n"])
def test_an_empty_or_blank_file_is_checked_and_clean(run_cli, write, content, monkeypatch):
    # No LanguageTool needed or started for a file with nothing in it.
    monkeypatch.setattr("newslint.languagetool.check.LanguageToolService.stage",
                        lambda self: pytest.fail("LanguageTool asked to check an empty file"))
    stub = write("stub.md", content)
    text = run_cli("check", stub)
    assert text.code == 0
    assert "0 findings in 1 file" in text.out
    assert f"{stub}: empty file, nothing to check" in text.err + text.out
    data = run_cli("check", "--format", "json", stub)
    assert data.code == 0 and data.json()["errors"] == [] and data.json()["findings"] == []
    assert data.json()["notices"] == [{"code": "empty-file", "message": f"{stub}: empty file, nothing to check"}]


def test_directories_are_walked_for_article_extensions(run_cli, write, tmp_path):
    write("desk/a.txt", CHROME)
    write("desk/sub/b.md", "# Title\n\nLeave a Reply\n")
    write("desk/notes.csv", "Leave a Reply\n")
    result = run_cli("check", "--no-languagetool", "--format", "json", str(tmp_path / "desk"))
    assert result.code == 1
    assert sorted({f["path"] for f in result.json()["findings"]}) == [
        str(tmp_path / "desk" / "a.txt"), str(tmp_path / "desk" / "sub" / "b.md")]


def test_select_and_ignore(run_cli, write):
    path = write("story.txt", "Headline here\n\nLeave a Reply\n\nShare this article\n")
    only = run_cli("check", "--no-languagetool", "--format", "json", "--select", "news.chrome.leave-*", path)
    assert {f["rule"] for f in only.json()["findings"]} == {"news.chrome.leave-a-reply"}
    rest = run_cli("check", "--no-languagetool", "--format", "json", "--ignore", "news.chrome.leave-*", path)
    assert "news.chrome.leave-a-reply" not in {f["rule"] for f in rest.json()["findings"]}


def test_stdin_uses_stdin_filename_for_format(tmp_path):
    text = "---\ntitle: x\n---\n\n# Title\n\nLeave a Reply\n"
    proc = subprocess.run([sys.executable, "-m", "newslint", "check", "--no-languagetool", "--format", "json",
                           "--stdin-filename", "story.md", "-"],
                          input=text.encode(), capture_output=True, cwd=tmp_path)
    assert proc.returncode == 1, proc.stderr
    import json

    findings = json.loads(proc.stdout)["findings"]
    assert [(f["path"], f["line"], f["column"]) for f in findings] == [("story.md", 7, 1)]


def test_usage_error_exits_2(run_cli):
    assert run_cli("check", "--format", "xml").code == 2


def test_version(run_cli):
    result = run_cli("--version")
    assert result.code == 0 and "newslint" in result.out
