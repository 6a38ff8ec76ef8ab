"""The CLI writes findings file by file; its output must equal the buffered rendering of
the whole report (``Linter.lint_paths`` then ``render``), byte for byte, in every format."""
from __future__ import annotations

import io
import json
import os
import sys
from pathlib import Path

import pytest

from newslint.engine import Linter, LintOptions
from newslint.findings import Severity
from newslint.reporters import REPORTERS, WRITERS, write_groups
from newslint.reporters.jsontext import dumps_at
from newslint.results import Report, Totals

sys.path.insert(0, str(Path(__file__).resolve().parent))

from reporter_samples import sample_report  # noqa: E402

CORPUS = Path(__file__).resolve().parent / "corpus"
# Folder names chosen so a folder walk and a sorted path list disagree: "a-b" sorts before
# "a/", and a folder's own files are walked before its subfolders.
FOLDERS = ("", "a", "a/b", "a-b", "a/b/c", "z", "A")


@pytest.fixture
def corpus(tmp_path):
    """60 articles in nested folders, one file that is not UTF-8 and one empty folder."""
    sources = sorted(p for p in CORPUS.iterdir() if p.suffix in (".txt", ".md", ".html"))
    root = tmp_path / "desk"
    for i in range(60):
        source = sources[i % len(sources)]
        folder = root / FOLDERS[i % len(FOLDERS)]
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{i:02d}-{source.name}").write_bytes(source.read_bytes())
    (root / "a" / "bad.txt").write_bytes(b"Headline\n\nCaf\xff au lait.\n")
    (root / "empty").mkdir()
    (tmp_path / ".newslint.yml").write_text("languagetool: {enabled: false}\n", encoding="utf-8")
    return root


def _targets(root: Path) -> list[str]:
    first = sorted(str(p) for p in root.rglob("*.md"))[0]
    # A folder, a file inside it named again, a missing path and an empty folder.
    return [str(root), first, str(root / "missing.txt"), str(root / "empty")]


@pytest.mark.parametrize("fmt", sorted(REPORTERS))
@pytest.mark.parametrize("jobs", [1, 2])
def test_cli_streaming_equals_buffered_rendering(corpus, fmt, jobs, run_cli, monkeypatch):
    monkeypatch.chdir(corpus.parent)
    paths = _targets(corpus)
    streamed = run_cli("check", "--no-languagetool", "--format", fmt, "-j", str(jobs), *paths)
    linter = Linter(LintOptions(languagetool=False, jobs=jobs))
    report = linter.lint_paths(paths)
    buffered, messages = io.StringIO(), io.StringIO()
    options = {"messages": messages} if fmt == "text" else {}
    REPORTERS[fmt](report, buffered, color=False, quiet=False, **options)
    assert report.findings and report.errors
    assert streamed.out == buffered.getvalue()
    assert streamed.err == messages.getvalue()
    assert streamed.code == report.exit_code(Severity.WARNING)       # the default --fail-on


def test_groups_come_in_sorted_path_order(corpus, monkeypatch):
    monkeypatch.chdir(corpus.parent)
    linter = Linter(LintOptions(languagetool=False))
    groups = list(linter.iter_by_path(_targets(corpus)))
    paths = [group[0].path for group in groups]
    assert paths == sorted(paths) and len(set(paths)) == len(paths)
    walked = [r.path for r in linter.iter_results(_targets(corpus))]
    assert walked != sorted(walked)            # the walk order differs: the buffer reorders
    assert sorted(r.path for g in groups for r in g) == sorted(walked)
    assert max(len(g) for g in groups) == 2    # the file named twice


@pytest.mark.parametrize("fmt", sorted(WRITERS))
@pytest.mark.parametrize("report", [sample_report(), Report()], ids=["sample", "empty"])
@pytest.mark.parametrize("quiet", [False, True])
def test_writer_in_pieces_equals_render(fmt, report, quiet):
    buffered = io.StringIO()
    REPORTERS[fmt](report, buffered, color=True, quiet=quiet)
    streamed = io.StringIO()
    writer = WRITERS[fmt](streamed, color=True, quiet=quiet)
    findings = sorted(report.findings)
    for i in range(len(findings)):
        writer.findings(findings[i:i + 1])
    writer.end(Totals.of(report))
    assert streamed.getvalue() == buffered.getvalue()


def test_sarif_spool_on_disk(monkeypatch, corpus):
    from newslint.reporters import sarif

    monkeypatch.setattr(sarif, "SPOOL_IN_MEMORY", 10)     # every result goes through a file
    linter = Linter(LintOptions(languagetool=False))
    report = linter.lint_paths([str(corpus)])
    streamed = io.StringIO()
    write_groups(linter.iter_by_path([str(corpus)]), sarif.Writer(streamed), linter.rules_of)
    buffered = io.StringIO()
    sarif.render(report, buffered)
    assert streamed.getvalue() == buffered.getvalue()


@pytest.mark.parametrize("value", [
    {}, [], {"a": [], "b": {}}, [1, -2, 2.5, float("nan"), float("inf"), -float("inf"), True, False, None],
    {"s": "quote \" back \\ nl \n tab \t ctl \x01 \u2028 é \U0001F600"}, {1: "x", 2.5: "y", True: 1, None: 0},
    [[{"deep": [[[]]]}]], (1, (2, 3)),
])
@pytest.mark.parametrize("level", [0, 1, 4])
def test_json_pieces_equal_the_standard_encoder(value, level):
    expected = json.dumps(value, indent=2, ensure_ascii=False).replace("\n", "\n" + "  " * level)
    assert dumps_at(value, level) == expected


def test_json_pieces_reject_what_json_rejects():
    with pytest.raises(TypeError):
        dumps_at({"x": object()}, 0)
    with pytest.raises(TypeError):
        dumps_at({(1, 2): 0}, 0)


def test_one_file_under_two_spellings_is_two_groups(tmp_path, monkeypatch):
    (tmp_path / "a.txt").write_text("Headline\n\nLeave a Reply\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    linter = Linter(LintOptions(languagetool=False))
    assert [g[0].path for g in linter.iter_by_path(["a.txt", os.path.join(".", "a.txt")])] == [
        os.path.join(".", "a.txt"), "a.txt"]
