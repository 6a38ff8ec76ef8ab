"""Resumable runs: a re-run repeats no finished work, and says how much it reused."""
from __future__ import annotations

import dataclasses
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from newslint.hits import Notice
from newslint.engine import Linter, LintOptions
from newslint.execution.resume import Keys, ResultStore, ResumingExecutor, decode_result, encode_result, store_path
from newslint.findings import Category, Finding, Fix, Severity, Source
from newslint.results import FileResult
from tests.conftest import REPO

sys.path.insert(0, str(REPO / "benchmarks"))
from corpus import write_corpus  # noqa: E402

REUSED = re.compile(rb"reused (\d+) of (\d+) files from the result cache")


def test_a_stored_result_reads_back_equal_in_every_field():
    finding = Finding(path="a.md", line=3, column=4, end_line=3, end_column=9, rule="lt.X", category=Category.GRAMMAR,
                      severity=Severity.ERROR, source=Source.LANGUAGETOOL, message="m “q”", fix=Fix("y", False, "x"),
                      offset=40, end_offset=45, also=("news.style.z",))
    result = FileResult("a.md", findings=[finding], notices=[Notice("languagetool-off", "n")])
    back = decode_result(encode_result(result), "a.md")
    assert [dataclasses.astuple(f) for f in back.findings] == [dataclasses.astuple(finding)]
    assert back.findings[0].also == finding.also and back.findings[0].fix.original == "x"
    assert back.notices == result.notices and back.errors == []


def test_keys_follow_content_settings_and_filters(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("Story.\n", encoding="utf-8")
    plain = Keys(Linter(LintOptions(languagetool=False)))
    key = plain.key(str(article), b"Story.\n")
    assert key == Keys(Linter(LintOptions(languagetool=False))).key(str(article), b"Story.\n")
    assert key != plain.key(str(article), b"Story!\n")
    assert key != plain.key(str(tmp_path / "b.txt"), b"Story.\n")
    assert key != Keys(Linter(LintOptions(languagetool=False, select=("news.*",)))).key(str(article), b"Story.\n")
    (tmp_path / ".newslint.yml").write_text("rules:\n  news.chrome.see-also: error\n", encoding="utf-8")
    assert key != Keys(Linter(LintOptions(languagetool=False))).key(str(article), b"Story.\n")
    (tmp_path / ".newslint.yml").write_text("rules: [\n", encoding="utf-8")
    assert Keys(Linter(LintOptions(languagetool=False))).key(str(article), b"Story.\n") is None


def test_a_rule_file_edit_is_a_new_key(tmp_path):
    pack = tmp_path / "house"
    pack.mkdir()
    rule = pack / "Avoid.yml"
    rule.write_text("extends: existence\nmessage: \"Avoid '%s'.\"\nlevel: warning\ntokens:\n  - utilize\n",
                    encoding="utf-8")
    (tmp_path / ".newslint.yml").write_text("extends: [house]\n", encoding="utf-8")
    article = str(tmp_path / "a.txt")
    before = Keys(Linter(LintOptions(languagetool=False))).key(article, b"x\n")
    rule.write_text(rule.read_text(encoding="utf-8").replace("utilize", "leverage"), encoding="utf-8")
    assert before and before != Keys(Linter(LintOptions(languagetool=False))).key(article, b"x\n")


def _run(archive: Path, env: dict, *extra: str, stdout=subprocess.PIPE) -> subprocess.Popen:
    # A session of its own, so that the whole run (its -j workers too) can be killed at once.
    return subprocess.Popen([sys.executable, "-m", "newslint", "check", "--resume", "--no-languagetool", "-j", "2",
                             "--format", "json", *extra, str(archive)], stdout=stdout,
                            stderr=subprocess.PIPE if stdout is subprocess.PIPE else stdout, cwd=REPO, env=env,
                            start_new_session=True)


def test_an_interrupted_1000_article_run_is_resumed_without_repeating_work(tmp_path):
    archive = tmp_path / "archive"
    write_corpus(str(archive), 1000, 11)
    env = {**os.environ, "NEWSLINT_CACHE_DIR": str(tmp_path / "cache"), "NEWSLINT_PROGRESS": "0"}
    store = ResultStore(store_path(tmp_path / "cache"))

    first = _run(archive, env, stdout=subprocess.DEVNULL)
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline and first.poll() is None:
        if store.path.exists() and store.count() >= 150:
            break
        time.sleep(0.05)
    assert first.poll() is None, "the run ended before it could be interrupted"
    os.killpg(first.pid, signal.SIGKILL)       # the run and its workers, as a crash would
    first.wait(timeout=60)
    finished = store.count()
    assert 150 <= finished < 1000

    second = _run(archive, env)
    out, err = second.communicate(timeout=600)
    reused = REUSED.search(err)
    assert reused, err
    assert (int(reused.group(1)), int(reused.group(2))) == (finished, 1000)
    print(f"\n{reused.group(0).decode()} (interrupted after {finished} files)")

    fresh = subprocess.run([sys.executable, "-m", "newslint", "check", "--no-languagetool", "-j", "2", "--format",
                            "json", str(archive)], capture_output=True, cwd=REPO, env=env, timeout=600)
    assert out == fresh.stdout and second.returncode == fresh.returncode

    third = _run(archive, env, "-j", "1")
    out3, err3 = third.communicate(timeout=600)
    assert REUSED.search(err3).group(1, 2) == (b"1000", b"1000")
    assert out3 == fresh.stdout
    quiet = _run(archive, env, "-q")
    _, err_quiet = quiet.communicate(timeout=600)
    assert not REUSED.search(err_quiet)


@pytest.mark.languagetool
def test_languagetool_findings_are_reused_without_asking_the_server(languagetool_server, tmp_path):
    folder = tmp_path / "desk"
    folder.mkdir()
    (folder / "a.txt").write_text("Their is a problem with the the budget, officials said.\n", encoding="utf-8")
    (folder / "b.md").write_text("# Vote\n\nThe council have recieve the plan on Tuesday.\n", encoding="utf-8")
    store = ResultStore(store_path(tmp_path / "results"))
    options = LintOptions(languagetool=True, use_cache=False, jobs=1)

    first = Linter(options, executor=ResumingExecutor(store))
    report1 = first.lint_paths([str(folder)])
    assert any(f.source is Source.LANGUAGETOOL for f in report1.findings)
    assert first.executor.reused == 0 and first.services.languagetool.stage().requests_sent > 0

    second = Linter(options, executor=ResumingExecutor(store))
    report2 = second.lint_paths([str(folder)])
    assert (second.executor.reused, second.executor.total) == (2, 2)
    assert second.services.languagetool.stage().requests_sent == 0
    assert report2.findings == report1.findings
    assert [f.message for f in report2.findings] == [f.message for f in report1.findings]
    store.close()


def test_cache_clear_forgets_stored_results_too(tmp_path):
    from click.testing import CliRunner

    from newslint.cache_cli import cache_group

    store = ResultStore(store_path(tmp_path))
    store.put("k1", FileResult("a.txt"))
    store.put("k2", FileResult("b.txt"))
    store.close()
    result = CliRunner().invoke(cache_group, ["clear"], env={"NEWSLINT_CACHE_DIR": str(tmp_path)})
    assert result.exit_code == 0, result.output
    assert f"removed 2 stored file results from {store_path(tmp_path)}" in result.stdout
    assert ResultStore(store_path(tmp_path)).count() == 0


def test_cache_clear_deletes_a_damaged_results_store(tmp_path):
    from click.testing import CliRunner

    from newslint.cache_cli import cache_group

    store_path(tmp_path).write_bytes(b"SQLite format 3\x00" + bytes(range(256)) * 8)
    result = CliRunner().invoke(cache_group, ["clear"], env={"NEWSLINT_CACHE_DIR": str(tmp_path)})
    assert result.exit_code == 0, result.output
    assert "removed 0 stored file results" in result.stdout
    assert ResultStore(store_path(tmp_path)).count() == 0
