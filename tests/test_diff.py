"""--diff and --diff-file: findings only on added or changed lines."""
from __future__ import annotations

import io
import os
import subprocess
from pathlib import Path

import pytest

from newslint.findings import Category, Finding, Severity, Source
from newslint.workflows.git_diff import (
    ChangedLines,
    DiffError,
    default_branch,
    git_changed_lines,
    merge_base,
    parse_unified_diff,
)

STORY = """# Harbor vote

The harbor board voted 5-2 on Tuesday to rebuild the north pier.

The work starts in May and will take two years, the board said.

Officials expect the pier to reopen in 2027.
"""
TOOLS = "Print | Email | Share"


def _finding(path: str, line: int, end_line: int | None = None, end_column: int = 5) -> Finding:
    return Finding(path=path, line=line, column=1, end_line=end_line or line, end_column=end_column,
                   rule="news.chrome.tools", category=Category.CHROME, severity=Severity.WARNING,
                   source=Source.NEWS, message="m")


# -- parsing --------------------------------------------------------------------------


def _key(root: Path, name: str) -> str:
    return os.path.realpath(root / name)


def test_zero_context_hunks_give_the_new_side_lines(tmp_path):
    diff = """diff --git a/desk/a.md b/desk/a.md
index 1111111..2222222 100644
--- a/desk/a.md
+++ b/desk/a.md
@@ -3 +3 @@ intro
-old line
+new line
@@ -7,0 +8,2 @@
+added one
+added two
@@ -10,2 +11,0 @@
-gone
-gone too
"""
    changed = parse_unified_diff(diff, [tmp_path])
    assert changed.files == {_key(tmp_path, "desk/a.md"): frozenset({3, 8, 9})}


def test_context_lines_count_but_are_not_changed(tmp_path):
    diff = """--- a/a.md
+++ b/a.md
@@ -1,5 +1,6 @@
 one
-two
+TWO
+two and a half
 three

 five
\\ No newline at end of file
"""
    assert parse_unified_diff(diff, [tmp_path]).files == {_key(tmp_path, "a.md"): frozenset({2, 3})}


def test_removed_lines_that_look_like_headers_stay_in_the_hunk(tmp_path):
    diff = """diff --git a/a.md b/a.md
--- a/a.md
+++ b/a.md
@@ -1,2 +1,2 @@
--- a rule line
-++ odd
+kept
+also kept
"""
    assert parse_unified_diff(diff, [tmp_path]).files == {_key(tmp_path, "a.md"): frozenset({1, 2})}


def test_new_deleted_and_renamed_files(tmp_path):
    diff = """diff --git a/new.md b/new.md
new file mode 100644
index 0000000..3333333
--- /dev/null
+++ b/new.md
@@ -0,0 +1,2 @@
+first
+second
diff --git a/old.md b/old.md
deleted file mode 100644
--- a/old.md
+++ /dev/null
@@ -1,2 +0,0 @@
-first
-second
diff --git a/before.md b/after.md
similarity index 100%
rename from before.md
rename to after.md
diff --git a/was.md b/now.md
similarity index 90%
rename from was.md
rename to now.md
--- a/was.md
+++ b/now.md
@@ -4 +4 @@
-x
+y
"""
    changed = parse_unified_diff(diff, [tmp_path])
    assert changed.files == {_key(tmp_path, "new.md"): frozenset({1, 2}), _key(tmp_path, "now.md"): frozenset({4})}


def test_quoted_unicode_names_and_names_with_spaces(tmp_path):
    diff = """diff --git "a/caf\\303\\251 story.md" "b/caf\\303\\251 story.md"
--- "a/caf\\303\\251 story.md"
+++ "b/caf\\303\\251 story.md"
@@ -1 +1 @@
-a
+b
diff --git a/two words.md b/two words.md
--- a/two words.md
+++ b/two words.md
@@ -2,0 +3 @@
+c
"""
    changed = parse_unified_diff(diff, [tmp_path])
    assert changed.files == {_key(tmp_path, "café story.md"): frozenset({1}),
                             _key(tmp_path, "two words.md"): frozenset({3})}


def test_plain_diff_u_output_with_timestamps_and_a_leading_folder(tmp_path):
    (tmp_path / "desk").mkdir()
    (tmp_path / "desk" / "a.md").write_text("x\n")
    diff = """diff -ru old/desk/a.md new/desk/a.md
--- old/desk/a.md\t2024-05-01 10:00:00.000000000 +0000
+++ new/desk/a.md\t2024-05-02 10:00:00.000000000 +0000
@@ -1 +1 @@
-x
+y
"""
    # new/desk/a.md does not exist here, desk/a.md does: the leading folder is dropped.
    assert parse_unified_diff(diff, [tmp_path]).files == {_key(tmp_path, "desk/a.md"): frozenset({1})}


def test_an_unreadable_hunk_header_is_an_error(tmp_path):
    with pytest.raises(DiffError, match="hunk header"):
        parse_unified_diff("--- a/a.md\n+++ b/a.md\n@@ nonsense @@\n", [tmp_path])


# -- matching findings ----------------------------------------------------------------


def test_findings_are_kept_when_their_lines_meet_changed_lines(tmp_path):
    path = str(tmp_path / "a.md")
    changed = ChangedLines({os.path.realpath(path): frozenset({5, 9})})
    assert changed.covers(_finding(path, 5))
    assert not changed.covers(_finding(path, 6))
    assert changed.covers(_finding(path, 3, end_line=5))          # multi-line span reaching line 5
    assert not changed.covers(_finding(path, 3, end_line=5, end_column=1))   # stops before line 5 starts
    assert not changed.covers(_finding(str(tmp_path / "b.md"), 5))
    assert ChangedLines({os.path.realpath(path): None}).covers(_finding(path, 1234))


def test_relative_and_absolute_spellings_of_a_path_match(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "desk").mkdir()
    changed = ChangedLines({os.path.realpath(tmp_path / "desk" / "a.md"): frozenset({2})})
    assert changed.touches("desk/a.md") and changed.touches("./desk/../desk/a.md")
    assert changed.covers(_finding("desk/a.md", 2))


# -- git ------------------------------------------------------------------------------


def git(cwd: Path, *args: str) -> str:
    env = dict(os.environ, GIT_AUTHOR_NAME="Desk", GIT_AUTHOR_EMAIL="desk@example.org",
               GIT_COMMITTER_NAME="Desk", GIT_COMMITTER_EMAIL="desk@example.org",
               GIT_CONFIG_GLOBAL=os.devnull, GIT_CONFIG_NOSYSTEM="1")
    return subprocess.run(["git", *args], cwd=cwd, env=env, check=True, capture_output=True, text=True).stdout


@pytest.fixture
def repo(tmp_path, monkeypatch) -> Path:
    """A newsroom repo: main has two stories; the branch 'edit' is checked out."""
    root = tmp_path / "newsroom"
    (root / "desk").mkdir(parents=True)
    (root / "desk" / "harbor.md").write_text(STORY, encoding="utf-8")
    (root / "desk" / "old.md").write_text(STORY, encoding="utf-8")
    git(root, "init", "-q", "-b", "main")
    git(root, "add", ".")
    git(root, "commit", "-q", "-m", "stories")
    git(root, "checkout", "-q", "-b", "edit")
    for name in ("GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", os.devnull)
    monkeypatch.chdir(root)
    return root


def _lines(changed: ChangedLines, root: Path, name: str):
    return changed.files.get(os.path.realpath(root / name), "absent")


def test_branch_commits_edits_and_untracked_files_all_count(repo):
    harbor = repo / "desk" / "harbor.md"
    lines = STORY.splitlines(keepends=True)
    harbor.write_text("".join(lines[:3] + [TOOLS + "\n"] + lines[3:]), encoding="utf-8")
    git(repo, "commit", "-q", "-am", "add a tool line")                # committed on the branch
    harbor.write_text(harbor.read_text().replace("2027", "2028"), encoding="utf-8")   # unstaged edit
    (repo / "desk" / "new.md").write_text(STORY, encoding="utf-8")                    # untracked
    (repo / "notes.tmp").write_text("x")
    (repo / ".gitignore").write_text("*.tmp\n")
    changed = git_changed_lines()
    assert _lines(changed, repo, "desk/harbor.md") == frozenset({4, 8})
    assert _lines(changed, repo, "desk/new.md") is None                  # new: every line
    assert _lines(changed, repo, "desk/old.md") == "absent"
    assert _lines(changed, repo, "notes.tmp") == "absent"               # ignored by git


def test_default_base_is_the_merge_base_with_the_default_branch(repo):
    (repo / "desk" / "harbor.md").write_text(STORY + "\n" + TOOLS + "\n", encoding="utf-8")
    git(repo, "commit", "-q", "-am", "branch edit")
    git(repo, "checkout", "-q", "main")
    (repo / "desk" / "old.md").write_text(STORY + "\nA later main-only line.\n", encoding="utf-8")
    git(repo, "commit", "-q", "-am", "main moves on")
    git(repo, "checkout", "-q", "edit")
    assert default_branch() == "main"
    changed = git_changed_lines()
    # old.md changed on main after the branch left it: not this branch's change.
    assert set(changed.files) == {os.path.realpath(repo / "desk" / "harbor.md")}
    assert merge_base("main") == git(repo, "rev-parse", "HEAD~1").strip()


def test_origin_head_names_the_default_branch(repo):
    git(repo, "branch", "-q", "trunk", "main")
    git(repo, "update-ref", "refs/remotes/origin/trunk", "trunk")
    git(repo, "symbolic-ref", "refs/remotes/origin/HEAD", "refs/remotes/origin/trunk")
    assert default_branch() == "origin/trunk"


def test_explicit_ref_and_renames(repo):
    git(repo, "mv", "desk/old.md", "desk/renamed.md")
    git(repo, "commit", "-q", "-m", "rename")
    renamed = repo / "desk" / "renamed.md"
    renamed.write_text(renamed.read_text().replace("Tuesday", "Wednesday"), encoding="utf-8")
    changed = git_changed_lines("main")
    assert changed.files == {os.path.realpath(renamed): frozenset({3})}
    assert git_changed_lines("HEAD").files == {os.path.realpath(renamed): frozenset({3})}


def test_works_from_a_subfolder(repo, monkeypatch):
    (repo / "desk" / "harbor.md").write_text(STORY.replace("May", "June"), encoding="utf-8")
    monkeypatch.chdir(repo / "desk")
    assert git_changed_lines().files == {os.path.realpath(repo / "desk" / "harbor.md"): frozenset({5})}


def test_git_problems_are_typed_errors(repo, tmp_path, monkeypatch):
    with pytest.raises(DiffError, match="not a commit"):
        git_changed_lines("no-such-branch")
    git(repo, "branch", "-q", "-m", "main", "published")
    with pytest.raises(DiffError, match="default branch"):
        git_changed_lines()
    outside = tmp_path / "outside"
    outside.mkdir()
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    monkeypatch.chdir(outside)
    with pytest.raises(DiffError, match="not inside a git repository"):
        git_changed_lines()


# -- the CLI --------------------------------------------------------------------------


def _with_tools_at_end(text: str) -> str:
    return text + "\n" + TOOLS + "\n"


@pytest.fixture
def repo_with_old_chrome(repo) -> Path:
    """main already has a tool line in harbor.md (line 9); the branch adds another story's worth."""
    (repo / "desk" / "harbor.md").write_text(_with_tools_at_end(STORY), encoding="utf-8")
    git(repo, "commit", "-q", "-am", "old chrome")
    git(repo, "branch", "-q", "-f", "main", "HEAD")
    return repo


def _rows(result) -> list[tuple[str, int, str]]:
    return [(f["path"], f["line"], f["rule"]) for f in result.json()["findings"]]


def test_cli_reports_only_changed_lines(run_cli, repo_with_old_chrome):
    repo = repo_with_old_chrome
    harbor = repo / "desk" / "harbor.md"
    harbor.write_text(harbor.read_text().replace("north pier.\n", "north pier.\n\n" + TOOLS + "\n"),
                      encoding="utf-8")
    whole = run_cli("check", "--no-languagetool", "--format", "json", "desk")
    assert {(r[0], r[1]) for r in _rows(whole)} >= {("desk/harbor.md", 5), ("desk/harbor.md", 11)}
    result = run_cli("check", "--no-languagetool", "--format", "json", "--diff", "desk")
    assert result.code == 1, result.err
    assert {(p, n) for p, n, _ in _rows(result)} == {("desk/harbor.md", 5)}
    clean = run_cli("check", "--no-languagetool", "--format", "json", "--diff=HEAD", "desk/old.md")
    assert clean.code == 0 and _rows(clean) == []


def test_cli_diff_followed_by_a_file_name_reads_it_as_a_path(run_cli, repo_with_old_chrome):
    # pre-commit appends file names right after `args: [--diff]`.
    (repo_with_old_chrome / "desk" / "new.md").write_text(_with_tools_at_end(STORY), encoding="utf-8")
    result = run_cli("check", "--no-languagetool", "--format", "json", "--diff", "desk/new.md", "desk/harbor.md")
    assert result.code == 1, result.err
    assert {(p, n) for p, n, _ in _rows(result)} == {("desk/new.md", 9)}


def test_cli_diff_file_from_stdin(run_cli, repo_with_old_chrome, monkeypatch):
    repo = repo_with_old_chrome
    harbor = repo / "desk" / "harbor.md"
    harbor.write_text(TOOLS + "\n\n" + harbor.read_text(), encoding="utf-8")
    patch = git(repo, "diff", "-U3")
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(patch.encode())))
    result = run_cli("check", "--no-languagetool", "--format", "json", "--diff-file", "-", "desk")
    assert result.code == 1, result.err
    assert {(p, n) for p, n, _ in _rows(result)} == {("desk/harbor.md", 1)}


def test_cli_diff_errors_exit_2(run_cli, repo):
    bad = run_cli("check", "--no-languagetool", "--diff=no-such-branch", "desk")
    assert bad.code == 2 and "no-such-branch" in bad.err
    both = run_cli("check", "--no-languagetool", "--diff", "--diff-file", "x.diff", "desk")
    assert both.code == 2 and "not both" in both.err
