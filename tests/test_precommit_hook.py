"""The pre-commit hook, run by the real pre-commit on real commits.

pre-commit installs hooks from a git commit, so these tests commit a snapshot of the
working tree (tracked and untracked files that git does not ignore) into a scratch
repository and point a newsroom repository's ``.pre-commit-config.yaml`` at it. The hook's
environment is built once per test session (pip needs PyPI access).
"""
from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from .conftest import REPO

CLEAN = """# Harbor vote

The harbor board voted 5-2 on Tuesday to rebuild the north pier, ending a decade of debate.

The work starts in May and will take two years, the board said.
"""
CHROME = CLEAN + "\nLeave a Reply\n"
NO_LANGUAGETOOL = "languagetool: {enabled: false}\n"



def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("GIT_", "PRE_COMMIT", "NEWSLINT_", "VIRTUAL_ENV", "PYTHONPATH"))}
    env.update(GIT_AUTHOR_NAME="Desk", GIT_AUTHOR_EMAIL="desk@example.org", GIT_COMMITTER_NAME="Desk",
               GIT_COMMITTER_EMAIL="desk@example.org", GIT_CONFIG_GLOBAL=os.devnull, GIT_CONFIG_NOSYSTEM="1")
    env.update(extra)
    return env


def _run(args: list[str], cwd: Path, env: dict[str, str], check: bool = True) -> subprocess.CompletedProcess:
    done = subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, timeout=900)
    if check and done.returncode != 0:
        raise AssertionError(f"{args} failed ({done.returncode}):\n{done.stdout}\n{done.stderr}")
    return done


@pytest.fixture(scope="session")
def hook_repo(tmp_path_factory) -> tuple[Path, str]:
    """A git repository holding the current working tree; returns (path, commit)."""
    target = tmp_path_factory.mktemp("newslint-hook-repo")
    listing = _run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"], REPO, _env()).stdout
    for name in filter(None, listing.split("\0")):
        source = REPO / name
        if source.is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)
    env = _env()
    _run(["git", "init", "-q", "-b", "main"], target, env)
    _run(["git", "add", "-A"], target, env)
    _run(["git", "commit", "-q", "-m", "snapshot"], target, env)
    return target, _run(["git", "rev-parse", "HEAD"], target, env).stdout.strip()


@pytest.fixture(scope="session")
def pre_commit_home(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("pre-commit-home")


@pytest.fixture
def newsroom(tmp_path, hook_repo, pre_commit_home):
    """A repository with the hook installed; returns a function that commits files."""
    root = tmp_path / "newsroom"
    root.mkdir()
    repo_path, rev = hook_repo
    config = {"repos": [{"repo": str(repo_path), "rev": rev, "hooks": [{"id": "newslint"}]}]}
    (root / ".pre-commit-config.yaml").write_text(yaml.safe_dump(config), encoding="utf-8")
    empty_data = tmp_path / "no-languagetool-here"
    empty_data.mkdir()
    env = _env(PRE_COMMIT_HOME=str(pre_commit_home), NEWSLINT_CACHE_DIR=str(tmp_path / "cache"),
               NEWSLINT_DATA_DIR=str(empty_data), NO_COLOR="1")
    _run(["git", "init", "-q", "-b", "main"], root, env)
    _run([sys.executable, "-m", "pre_commit", "install"], root, env)

    def commit(files: dict[str, str]) -> subprocess.CompletedProcess:
        for name, text in files.items():
            (root / name).parent.mkdir(parents=True, exist_ok=True)
            (root / name).write_text(text, encoding="utf-8")
        _run(["git", "add", "--", *files], root, env)
        return _run(["git", "commit", "-m", "story"], root, env, check=False)

    commit.root = root
    commit.env = env
    return commit


def _commits(root: Path, env) -> int:
    done = _run(["git", "rev-list", "--count", "--all"], root, env, check=False)
    return int(done.stdout.strip() or 0)


def test_a_clean_article_is_committed(newsroom):
    done = newsroom({".newslint.yml": NO_LANGUAGETOOL, "desk/harbor.md": CLEAN})
    output = done.stdout + done.stderr       # git shows hook output on stderr
    assert done.returncode == 0, output
    assert "newslint....." in output and "Passed" in output
    assert _commits(newsroom.root, newsroom.env) == 1


def test_a_commit_with_page_chrome_is_refused_with_the_finding(newsroom):
    done = newsroom({".newslint.yml": NO_LANGUAGETOOL, "desk/harbor.md": CHROME})
    output = done.stdout + done.stderr
    assert done.returncode != 0, output
    assert "Failed" in output
    assert "desk/harbor.md:7:1:" in output and "news.chrome." in output
    assert _commits(newsroom.root, newsroom.env) == 0


def test_only_article_files_are_passed_to_the_hook(newsroom):
    done = newsroom({".newslint.yml": NO_LANGUAGETOOL, "notes.yml": "said: Leave a Reply\n",
                     "build.py": "print('Leave a Reply')\n"})
    output = done.stdout + done.stderr
    assert done.returncode == 0, output
    assert "(no files to check)Skipped" in output.replace(".", "")


def test_missing_languagetool_fails_with_the_install_command(newsroom):
    # LanguageTool is on (no config turns it off) and NEWSLINT_DATA_DIR is an empty folder.
    done = newsroom({"desk/harbor.md": CLEAN})
    output = done.stdout + done.stderr
    assert done.returncode != 0, output
    assert "newslint languagetool install" in output
    assert _commits(newsroom.root, newsroom.env) == 0


def test_try_repo_runs_the_hook_on_named_files(hook_repo, pre_commit_home, tmp_path):
    root = tmp_path / "scratch"
    root.mkdir()
    env = _env(PRE_COMMIT_HOME=str(pre_commit_home), NEWSLINT_CACHE_DIR=str(tmp_path / "cache"), NO_COLOR="1")
    _run(["git", "init", "-q", "-b", "main"], root, env)
    (root / ".newslint.yml").write_text(NO_LANGUAGETOOL, encoding="utf-8")
    (root / "story.md").write_text(CHROME, encoding="utf-8")
    repo_path, rev = hook_repo
    done = _run([sys.executable, "-m", "pre_commit", "try-repo", str(repo_path), "newslint", "--ref", rev,
                 "--files", "story.md"], root, env, check=False)
    assert done.returncode == 1, done.stdout + done.stderr
    assert "story.md:7:1:" in done.stdout


def _readme_section() -> str:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    return readme[readme.index("## Pre-commit hook"):readme.index("## CI")]


def test_the_readme_snippet_works_as_written_with_a_real_commit(hook_repo, pre_commit_home, tmp_path):
    config = re.search(r"```yaml\n(.+?)```", _readme_section(), re.S).group(1)
    assert "v0.1.0" not in config and "/path/to/newslint" in config and "<commit>" in config
    repo_path, rev = hook_repo
    root = tmp_path / "desk-repo"
    root.mkdir()
    env = _env(PRE_COMMIT_HOME=str(pre_commit_home), NEWSLINT_CACHE_DIR=str(tmp_path / "cache"), NO_COLOR="1")
    # The reader's two substitutions, nothing else.
    (root / ".pre-commit-config.yaml").write_text(
        config.replace("/path/to/newslint", str(repo_path)).replace("<commit>", rev), encoding="utf-8")
    (root / ".newslint.yml").write_text(NO_LANGUAGETOOL, encoding="utf-8")
    (root / "desk").mkdir()
    (root / "desk" / "harbor.md").write_text(CHROME, encoding="utf-8")
    _run(["git", "init", "-q", "-b", "main"], root, env)
    _run([sys.executable, "-m", "pre_commit", "install"], root, env)
    _run(["git", "add", "-A"], root, env)
    refused = _run(["git", "commit", "-m", "story"], root, env, check=False)
    assert refused.returncode != 0 and "desk/harbor.md:7:1:" in refused.stdout + refused.stderr
    (root / "desk" / "harbor.md").write_text(CLEAN, encoding="utf-8")
    _run(["git", "add", "-A"], root, env)
    passed = _run(["git", "commit", "-m", "story"], root, env, check=False)
    assert passed.returncode == 0, passed.stdout + passed.stderr


def test_the_readme_try_repo_command_works_as_written(hook_repo, pre_commit_home, tmp_path):
    command = re.search(r"```sh\n(.+?)\n```", _readme_section(), re.S).group(1)
    assert command.startswith("pre-commit try-repo /path/to/newslint newslint --files desk/story.md")
    repo_path, _ = hook_repo
    root = tmp_path / "scratch"
    (root / "desk").mkdir(parents=True)
    env = _env(PRE_COMMIT_HOME=str(pre_commit_home), NEWSLINT_CACHE_DIR=str(tmp_path / "cache"), NO_COLOR="1")
    _run(["git", "init", "-q", "-b", "main"], root, env)
    (root / ".newslint.yml").write_text(NO_LANGUAGETOOL, encoding="utf-8")
    (root / "desk" / "story.md").write_text(CHROME, encoding="utf-8")
    args = shlex.split(command.replace("/path/to/newslint", str(repo_path)))
    done = _run([sys.executable, "-m", "pre_commit", *args[1:]], root, env, check=False)
    assert done.returncode == 1, done.stdout + done.stderr
    assert "desk/story.md:7:1:" in done.stdout
