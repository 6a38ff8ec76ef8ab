"""The hook manifest, the GitHub Action and the CI docs: structure, and the scripts run."""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from .conftest import REPO

ARTICLE_EXTENSIONS = ("story.txt", "story.md", "story.markdown", "story.html", "story.htm", "STORY.HTML")
NOT_ARTICLES = ("notes.yml", "build.py", "story.md.bak", "data.json", "README")


def _manifest() -> list[dict]:
    return yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))


def _action() -> dict:
    return yaml.safe_load((REPO / "action.yml").read_text(encoding="utf-8"))


# -- .pre-commit-hooks.yaml ---------------------------------------------------------------


def test_manifest_declares_the_newslint_hook():
    [hook] = _manifest()
    assert hook["id"] == "newslint"
    assert hook["entry"] == "newslint check"
    assert hook["language"] == "python"
    assert hook["pass_filenames"] is True
    assert hook["require_serial"] is False
    assert "--no-languagetool" not in hook.get("args", [])        # LanguageTool runs unless configured off


def test_manifest_passes_articles_and_nothing_else():
    [hook] = _manifest()
    pattern = re.compile(hook["files"])
    assert all(pattern.search(name) for name in ARTICLE_EXTENSIONS)
    assert not any(pattern.search(name) for name in NOT_ARTICLES)


def test_manifest_passes_pre_commits_own_validation():
    done = subprocess.run([sys.executable, "-m", "pre_commit", "validate-manifest",
                           str(REPO / ".pre-commit-hooks.yaml")], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr


def test_the_hook_entry_is_a_real_command(run_cli):
    result = run_cli(*_manifest()[0]["entry"].split()[1:], "--help")
    assert result.code == 0 and "--diff" in result.out and "--baseline" in result.out


# -- action.yml ---------------------------------------------------------------------------


def test_action_is_composite_with_the_documented_inputs():
    action = _action()
    assert action["runs"]["using"] == "composite"
    inputs = action["inputs"]
    assert {"paths", "args", "languagetool", "sarif-file", "version", "python-version"} <= set(inputs)
    assert inputs["paths"]["default"] == "." and inputs["languagetool"]["default"] == "true"
    assert all("description" in spec for spec in inputs.values())


def _steps() -> list[dict]:
    return _action()["runs"]["steps"]


def test_every_step_is_complete_and_references_what_exists():
    steps = _steps()
    ids = {s["id"] for s in steps if "id" in s}
    inputs = set(_action()["inputs"])
    text = (REPO / "action.yml").read_text(encoding="utf-8")
    for step in steps:
        assert "name" in step
        assert ("uses" in step) != ("run" in step), step
        if "run" in step:
            assert step["shell"] == "bash"
            # Inputs reach scripts through env only: an input never becomes shell code.
            assert "${{" not in step["run"], step["name"]
        else:
            assert re.fullmatch(r"[\w-]+/[\w/-]+@v\d+", step["uses"]), step["uses"]
    assert set(re.findall(r"steps\.([\w-]+)\.outputs", text)) <= ids
    assert set(re.findall(r"inputs\.([\w-]+)", text)) <= inputs


def test_caches_are_keyed_by_the_newslint_version_and_cover_the_data_and_cache_dirs():
    caches = [s for s in _steps() if s.get("uses", "").startswith("actions/cache@")]
    paths = {c["with"]["path"] for c in caches}
    assert paths == {"${{ env.NEWSLINT_DATA_DIR }}", "${{ env.NEWSLINT_CACHE_DIR }}"}
    assert all("steps.install.outputs.version" in c["with"]["key"] for c in caches)
    install = next(s for s in _steps() if s.get("id") == "install")
    assert "NEWSLINT_DATA_DIR=" in install["run"] and "NEWSLINT_CACHE_DIR=" in install["run"]
    names = [s["name"] for s in _steps()]
    assert names.index("Cache LanguageTool") < names.index("Install LanguageTool") < names.index("Check articles")
    assert "newslint languagetool install" in next(s for s in _steps() if s["name"] == "Install LanguageTool")["run"]


def test_every_script_is_valid_bash():
    for step in _steps():
        if "run" in step:
            done = subprocess.run(["bash", "-n"], input=step["run"], capture_output=True, text=True)
            assert done.returncode == 0, f"{step['name']}: {done.stderr}"


@pytest.fixture
def check_script(tmp_path):
    """Runs the action's check step as GitHub would (bash -e), with newslint on PATH."""
    script = next(s for s in _steps() if s["name"] == "Check articles")["run"]
    newslint = shutil.which("newslint", path=os.path.dirname(sys.executable))
    assert newslint, "newslint is not installed next to the test Python"

    def run(**inputs: str) -> subprocess.CompletedProcess:
        env = {k: v for k, v in os.environ.items() if not k.startswith(("NEWSLINT_", "GITHUB_"))}
        env.update(PATH=os.path.dirname(newslint) + os.pathsep + env.get("PATH", ""), NO_COLOR="1",
                   NEWSLINT_CACHE_DIR=str(tmp_path / "cache"), NEWSLINT_DATA_DIR=str(tmp_path / "no-lt"),
                   NEWSLINT_PATHS=inputs.get("paths", "."),
                   NEWSLINT_ARGS=inputs.get("args", ""), NEWSLINT_LANGUAGETOOL=inputs.get("languagetool", "true"),
                   NEWSLINT_SARIF=inputs.get("sarif-file", ""))
        return subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", script],
                              cwd=tmp_path, env=env, capture_output=True, text=True)

    return run


def _newsroom(tmp_path: Path) -> None:
    (tmp_path / "desk").mkdir()
    (tmp_path / "desk" / "harbor.md").write_text(
        "# Harbor vote\n\nThe harbor board voted 5-2 on Tuesday to rebuild the pier.\n\nLeave a Reply\n",
        encoding="utf-8")
    (tmp_path / "sports").mkdir()
    (tmp_path / "sports" / "clean.md").write_text("# Pier\n\nThe pier reopens in May, the board said.\n",
                                                    encoding="utf-8")


def test_check_step_prints_annotations_and_fails_on_findings(check_script, tmp_path):
    _newsroom(tmp_path)
    done = check_script(paths="desk", languagetool="false", args="--fail-on warning")
    assert done.returncode == 1, done.stderr
    assert re.search(r"^::warning file=desk/harbor\.md,line=5", done.stdout, re.M), done.stdout


def test_check_step_writes_sarif(check_script, tmp_path):
    _newsroom(tmp_path)
    done = check_script(paths="desk", languagetool="false", **{"sarif-file": "out.sarif"})
    assert done.returncode == 1, done.stderr
    sarif = json.loads((tmp_path / "out.sarif").read_text(encoding="utf-8"))
    assert sarif["version"] == "2.1.0"
    assert sarif["runs"][0]["results"]


def test_check_step_keeps_args_as_options_not_code(check_script, tmp_path):
    _newsroom(tmp_path)
    done = check_script(paths="desk", languagetool="false", args="--select news.attribution.* $(touch pwned)")
    assert done.returncode == 2          # "$(touch" and "pwned)" are paths that do not exist
    assert not (tmp_path / "pwned").exists()
    clean = check_script(paths="desk", languagetool="false", args="--select news.attribution.*")
    assert clean.returncode == 0, clean.stdout + clean.stderr


def test_check_step_runs_languagetool_unless_turned_off(check_script, tmp_path):
    _newsroom(tmp_path)
    off = check_script(paths="desk", languagetool="false", args="--format json")
    assert off.returncode == 1
    assert "languagetool-off" in off.stdout           # the later --format wins
    on = check_script(paths="sports", languagetool="true")      # NEWSLINT_DATA_DIR is empty
    assert on.returncode == 2
    assert "newslint languagetool install" in on.stdout + on.stderr


# -- docs/ci.md -------------------------------------------------------------------------


def _yaml_blocks() -> list[object]:
    text = (REPO / "docs" / "ci.md").read_text(encoding="utf-8")
    return [yaml.safe_load(block) for block in re.findall(r"```yaml\n(.*?)```", text, re.S)]


def test_docs_workflow_uses_only_inputs_the_action_has():
    inputs = set(_action()["inputs"])
    workflows = [b for b in _yaml_blocks() if isinstance(b, dict) and "jobs" in b]
    assert workflows, "docs/ci.md has no workflow example"
    for workflow in workflows:
        for job in workflow["jobs"].values():
            for step in job["steps"]:
                if step.get("uses", "").startswith("OWNER/newslint@"):
                    assert set(step.get("with", {})) <= inputs
    steps = workflows[0]["jobs"]["newslint"]["steps"]
    upload = next(s for s in steps if s.get("uses", "").startswith("github/codeql-action/upload-sarif@"))
    ours = next(s for s in steps if s.get("uses", "").startswith("OWNER/newslint@"))
    assert upload["with"]["sarif_file"] == ours["with"]["sarif-file"]
    assert "cancelled()" in upload["if"]


def test_docs_pre_commit_config_names_the_hook():
    configs = [b for b in _yaml_blocks() if isinstance(b, dict) and "repos" in b]
    assert [h["id"] for c in configs for r in c["repos"] for h in r["hooks"]] == [_manifest()[0]["id"]]
