"""Shared fixtures: run the CLI in-process, write article files, read the test article."""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from newslint.cli import main

pytest_plugins = ["tests.lt_fixtures", "tests.no_skips", "pytester"]

REPO = Path(__file__).resolve().parent.parent
# A scraped article written for the tests, with the defects a desk meets; its news findings
# are listed in scraped-article.expected.tsv beside it.
ARTICLE = REPO / "tests" / "data" / "scraped-article.txt"
ARTICLE_EXPECTED = REPO / "tests" / "data" / "scraped-article.expected.tsv"


class CliResult:
    def __init__(self, code: int, out: str, err: str):
        self.code, self.out, self.err = code, out, err

    def json(self) -> dict:
        return json.loads(self.out)


@pytest.fixture
def run_cli(capsys):
    """Run ``newslint`` in-process: ``run_cli("check", "--no-languagetool", path)``."""

    def run(*argv: str) -> CliResult:
        code = main([str(a) for a in argv])
        captured = capsys.readouterr()
        return CliResult(code, captured.out, captured.err)

    return run


@pytest.fixture
def article_text() -> str:
    return ARTICLE.read_text(encoding="utf-8")


@pytest.fixture
def write(tmp_path):
    """Write a file under tmp_path: ``write("a/story.md", text)`` -> its path as str."""

    def put(name: str, content: str | bytes) -> str:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        return str(path)

    return put


@pytest.fixture(autouse=True)
def _isolated_user_dirs(tmp_path_factory, monkeypatch):
    """Keep tests away from the user's cache; keep the LanguageTool install (data dir) shared."""
    monkeypatch.setenv("NEWSLINT_CACHE_DIR", str(tmp_path_factory.getbasetemp() / "cache"))
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    monkeypatch.delenv("NEWSLINT_LANGUAGETOOL_URL", raising=False)
    os.environ.setdefault("NO_COLOR", "1")
