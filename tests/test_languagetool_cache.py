"""The SQLite match cache: keys, sharing across processes, hits in the stage, clearing."""
from __future__ import annotations

import multiprocessing
from pathlib import Path

from click.testing import CliRunner

from newslint.config.model import LanguageToolSettings
from newslint.documents import parse_document
from newslint.languagetool.cache import MatchCache, cache_key, cache_path
from newslint.cache_cli import cache_group
from newslint.languagetool.stage import LanguageToolStage, StageOptions

pytest_plugins = ["tests.lt_fixtures"]

MATCH = {"offset": 3, "length": 7, "message": "m", "replacements": ["receive"], "rule": "R", "category": "TYPOS"}


def test_put_get_count_clear(tmp_path):
    cache = MatchCache(tmp_path / "c.sqlite3")
    assert cache.get("k") is None
    cache.put("k", [MATCH])
    cache.put("empty", [])
    assert cache.get("k") == [MATCH] and cache.get("empty") == []
    assert cache.count() == 2
    assert cache.clear() == 2 and cache.get("k") is None
    cache.close()


def test_wal_mode_and_busy_timeout(tmp_path):
    cache = MatchCache(tmp_path / "c.sqlite3")
    cache.put("k", [])
    conn = cache._connection()
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA busy_timeout").fetchone()[0] >= 10_000


def test_key_depends_on_everything_that_changes_the_answer():
    base = cache_key("local:6.8:abc", "en-US", "s1", "data")
    assert base == cache_key("local:6.8:abc", "en-US", "s1", "data")
    assert len({base, cache_key("local:6.9:abc", "en-US", "s1", "data"),
                cache_key("local:6.8:abc", "en-GB", "s1", "data"),
                cache_key("local:6.8:abc", "en-US", "s2", "data"),
                cache_key("local:6.8:abc", "en-US", "s1", "data!")}) == 5


def _writer(path: str, worker: int) -> None:
    cache = MatchCache(Path(path))
    for i in range(100):
        cache.put(f"{worker}-{i}", [MATCH])
        assert cache.get(f"{worker}-{i}") == [MATCH]
    cache.close()


def test_parallel_processes_share_the_file(tmp_path):
    path = tmp_path / "c.sqlite3"
    ctx = multiprocessing.get_context("spawn")
    procs = [ctx.Process(target=_writer, args=(str(path), w)) for w in range(4)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(60)
    assert [p.exitcode for p in procs] == [0, 0, 0, 0]
    assert MatchCache(path).count() == 400


def test_cache_path_follows_the_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSLINT_CACHE_DIR", str(tmp_path))
    assert cache_path() == tmp_path.resolve() / "languagetool.sqlite3"
    assert cache_path(tmp_path / "x") == tmp_path / "x" / "languagetool.sqlite3"


def test_second_check_is_answered_from_the_cache(tmp_path, languagetool_server):
    doc = parse_document("Cache test\n\nHe recieve the letter yesterday.\n", "a.txt", "text")
    stage = LanguageToolStage(options=StageOptions(cache_dir=str(tmp_path)))
    first = stage.check(doc, LanguageToolSettings(), ())
    sent = stage.requests_sent
    assert sent == 1 and [h.rule for h in first] == ["lt.MORFOLOGIK_RULE_EN_US"]
    fresh = LanguageToolStage(options=StageOptions(cache_dir=str(tmp_path)))
    assert fresh.check(doc, LanguageToolSettings(), ()) == first
    assert fresh.requests_sent == 0
    # other settings are another entry
    picky = fresh.check(doc, LanguageToolSettings(picky=True), ())
    assert fresh.requests_sent == 1 and picky


def test_no_cache_always_asks(tmp_path, languagetool_server):
    doc = parse_document("He recieve the letter yesterday.\n", "a.txt", "text")
    stage = LanguageToolStage(options=StageOptions(use_cache=False, cache_dir=str(tmp_path)))
    stage.check(doc, LanguageToolSettings(), ())
    stage.check(doc, LanguageToolSettings(), ())
    assert stage.requests_sent == 2
    assert not cache_path(tmp_path).exists()


def test_cache_clear_command(tmp_path):
    cache = MatchCache(cache_path(tmp_path))
    cache.put("a", [])
    cache.put("b", [])
    cache.close()
    runner = CliRunner()
    result = runner.invoke(cache_group, ["clear"], env={"NEWSLINT_CACHE_DIR": str(tmp_path)})
    assert result.exit_code == 0 and "removed 2 cached LanguageTool answers" in result.stdout
    assert MatchCache(cache_path(tmp_path)).count() == 0
    empty = runner.invoke(cache_group, ["clear"], env={"NEWSLINT_CACHE_DIR": str(tmp_path / "none")})
    assert empty.exit_code == 0 and "the cache is empty" in empty.stdout
