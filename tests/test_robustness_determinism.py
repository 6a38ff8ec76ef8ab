"""Deterministic output: the same files and config give byte-identical JSON across repeated
runs and across ``--jobs 1`` and ``--jobs 2`` (a generated corpus of mixed txt, md and html
articles, with and without LanguageTool)."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent


def write_corpus(out_dir: Path, count: int, seed: int) -> list[str]:
    sys.path.insert(0, str(REPO / "benchmarks"))
    try:
        from corpus import write_corpus as write
    finally:
        sys.path.remove(str(REPO / "benchmarks"))
    return write(str(out_dir), count, seed)


@pytest.fixture
def corpus(tmp_path, monkeypatch) -> Path:
    (tmp_path / ".newslint.yml").write_text("extends: [newslint:news]\n")
    desk = tmp_path / "desk"
    write_corpus(desk, 60, seed=23)
    # Articles the checks have plenty to say about, and files that cannot be checked.
    (desk / "chrome.md").write_text("# Vote\n\nSee also: Budget talks stall\n\nLeave a Reply\n\n"
                                    "“We are done,” the mayor said. “It is over.”\n\nShare this:\n")
    (desk / "quotes.html").write_text("<h1>Vote</h1><p>“Unbalanced, the mayor said.</p><p>He said: 5 per cent"
                                      "</p><footer>© 2024 The Paper. All rights reserved.</footer>")
    (desk / "latin1.txt").write_bytes("Caf\xe9 vote\n".encode("latin-1"))
    (desk / "binary.html").write_bytes(bytes(range(256)))
    monkeypatch.chdir(tmp_path)
    return desk


def run_json(run_cli, *args: str) -> str:
    result = run_cli("check", "--format", "json", *args)
    assert result.code == 2, result.err          # the two bad files make it 2
    return result.out


def test_json_is_byte_identical_across_runs_and_jobs(corpus, run_cli):
    first = run_json(run_cli, "--no-languagetool", "-j", "1", "desk")
    assert '"news.chrome.see-also"' in first and '"binary file, not text"' in first
    assert run_json(run_cli, "--no-languagetool", "-j", "1", "desk") == first
    assert run_json(run_cli, "--no-languagetool", "-j", "2", "desk") == first
    assert run_json(run_cli, "--no-languagetool", "-j", "2", "desk") == first
    # Files named one by one, in another order, give the same report.
    files = sorted(str(p.relative_to(corpus.parent)) for p in corpus.iterdir())
    assert run_json(run_cli, "--no-languagetool", "-j", "2", *reversed(files)) == first


def test_json_with_languagetool_is_byte_identical_across_jobs(tmp_path, run_cli, monkeypatch,
                                                              languagetool_server):
    (tmp_path / ".newslint.yml").write_text("extends: [newslint:news]\n")
    desk = tmp_path / "desk"
    paths = write_corpus(desk, 4, seed=5)
    for path in paths:       # the first few paragraphs of each: enough for LanguageTool to answer on
        text = Path(path).read_text(encoding="utf-8")
        cut = text.find("\n\n", 1500)
        if cut > 0 and not path.endswith(".html"):
            Path(path).write_text(text[:cut + 1], encoding="utf-8")
    with open(paths[0], "a", encoding="utf-8") as handle:
        handle.write("\nThe mayor will recieve the report. She have left.\n")
    monkeypatch.chdir(tmp_path)
    outputs = []
    for jobs in ("1", "2"):
        result = run_cli("check", "--no-cache", "--format", "json", "-j", jobs, "desk")
        assert result.code == 1, result.out
        outputs.append(result.out)
    assert '"source": "languagetool"' in outputs[0]
    assert outputs[1] == outputs[0]
