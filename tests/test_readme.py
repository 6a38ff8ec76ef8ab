"""The README's two set-up commands stay true, and CI runs the test command word for word."""
from __future__ import annotations

import re

from .conftest import REPO


def _commands() -> list[str]:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    return re.findall(r"```sh\n(.+?)\n```", readme, flags=re.S)[:2]


def test_readme_opens_with_setup_and_test_commands():
    run_example, run_tests = _commands()
    assert run_example.startswith("python3 -m venv .venv") and "newslint check examples/" in run_example
    assert run_tests.startswith("python3 -m venv .venv") and run_tests.endswith("python -m pytest -q")
    assert (REPO / run_example.rsplit(" ", 1)[1]).is_file()


def test_ci_runs_the_readme_test_command():
    _, run_tests = _commands()
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert run_tests in ci


def test_ci_runs_the_tests_in_a_lone_clone_and_gates_the_seed_article():
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    _, run_tests = _commands()
    clone = ci.index('git clone -q "$checkout" "$lone/repo"')
    enter = ci.index('cd "$lone/repo"', clone)
    assert clone < enter < ci.index(run_tests)
    assert "lone=$(mktemp -d)" in ci
    assert "scripts/check_seed.py" in ci.split(run_tests, 1)[1]
