"""Faults around a run: a damaged or unusable cache, odd config YAML, file names that are
not UTF-8, output that cannot be written, and errors nobody expected.

A broken cache is rebuilt (or bypassed) with one warning; everything else that goes
wrong exits 2 with one line naming what failed, never a traceback (unless asked for).
"""
from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys

import pytest

from newslint.languagetool.cache import CACHE_FILE, MatchCache

NEWSLINT = [sys.executable, "-m", "newslint"]


def _cache_notices(result) -> list[str]:
    return [n["message"] for n in result.json()["notices"] if n["code"] == "languagetool-cache"]


# -- the LanguageTool cache ----------------------------------------------------------------

@pytest.mark.languagetool
def test_a_garbage_cache_is_rebuilt_with_one_warning(run_cli, write, tmp_path, monkeypatch,
                                                     languagetool_server):
    cache_dir = tmp_path / "cache"
    cache_dir.mkdir()
    (cache_dir / CACHE_FILE).write_bytes(os.urandom(4096))
    monkeypatch.setenv("NEWSLINT_CACHE_DIR", str(cache_dir))
    path = write("a.txt", "Budget vote\n\nThe mayor will recieve the report.\n")
    first = run_cli("check", "--format", "json", path)
    assert first.code == 1 and first.json()["errors"] == []
    assert len(_cache_notices(first)) == 1 and "damaged" in _cache_notices(first)[0]
    second = run_cli("check", "--format", "json", path)
    assert second.code == 1 and _cache_notices(second) == []
    assert MatchCache(cache_dir / CACHE_FILE).count() >= 1


@pytest.mark.languagetool
def test_a_cache_folder_that_is_a_file_is_bypassed(run_cli, write, tmp_path, monkeypatch, languagetool_server):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    monkeypatch.setenv("NEWSLINT_CACHE_DIR", str(blocker))
    path = write("a.txt", "Budget vote\n\nThe mayor will recieve the report.\n")
    result = run_cli("check", "--format", "json", path)
    assert result.code == 1 and result.json()["errors"] == []
    assert "cannot be used" in _cache_notices(result)[0]


def test_a_truncated_cache_is_rebuilt(tmp_path):
    path = tmp_path / CACHE_FILE
    cache = MatchCache(path)
    for i in range(300):
        cache.put(f"k{i}", [{"offset": i, "text": "x" * 200}])
    cache.close()
    for suffix in ("-wal", "-shm"):
        if os.path.exists(f"{path}{suffix}"):
            os.unlink(f"{path}{suffix}")
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 3])
    cache = MatchCache(path)
    for i in range(300):
        assert cache.get(f"k{i}") in (None, [{"offset": i, "text": "x" * 200}])
    cache.put("fresh", [])
    assert cache.get("fresh") == []
    assert any("damaged" in w for w in cache.take_warnings())


def test_a_full_or_read_only_cache_is_bypassed(tmp_path, monkeypatch):
    cache = MatchCache(tmp_path / CACHE_FILE)
    cache.put("a", [])
    real = sqlite3.Connection.execute

    class Full(sqlite3.Connection):
        def execute(self, sql, *args):
            if sql.startswith("INSERT"):
                raise sqlite3.OperationalError("database or disk is full")
            return real(self, sql, *args)

    cache.close()
    connect = sqlite3.connect
    monkeypatch.setattr(sqlite3, "connect", lambda *a, **k: connect(*a, factory=Full, **k))
    cache = MatchCache(tmp_path / CACHE_FILE)
    assert cache.get("a") == []
    cache.put("b", [])                       # no exception: the run goes on without the cache
    assert cache.get("a") is None            # bypassed from now on
    warnings = cache.take_warnings()
    assert len(warnings) == 1 and "disk is full" in warnings[0]
    assert cache.take_warnings() == []


def test_cache_clear_on_a_garbage_cache(run_cli, tmp_path, monkeypatch):
    (tmp_path / CACHE_FILE).write_bytes(b"SQLite format 3\x00" + os.urandom(2000))
    monkeypatch.setenv("NEWSLINT_CACHE_DIR", str(tmp_path))
    result = run_cli("cache", "clear")
    assert result.code == 0, result.err
    assert "damaged" in result.err
    assert MatchCache(tmp_path / CACHE_FILE).count() == 0


# -- config YAML, names, output --------------------------------------------------------------

def test_a_merge_key_merging_a_list_of_scalars_is_a_config_error(run_cli, write):
    write(".newslint.yml", "rules: {<<: [1]}\n")
    path = write("a.txt", "The mayor spoke.\n")
    result = run_cli("check", "--no-languagetool", path)
    assert result.code == 2
    text = result.out + result.err
    assert ".newslint.yml:1" in text and "'<<'" in text and "Traceback" not in text


def test_a_file_name_that_is_not_utf8_in_sarif(run_cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with open(os.fsdecode(b"b\xff.txt"), "w", encoding="utf-8") as handle:
        handle.write("Budget vote\n\nLeave a Reply\n")
    result = run_cli("check", "--no-languagetool", "--format", "sarif", ".")
    assert result.code == 1
    (run,) = json.loads(result.out)["runs"]
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in run["results"]}
    assert uris == {"b%FF.txt"}


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_output_to_a_full_device_exits_2_with_one_line(tmp_path, fmt):
    (tmp_path / "a.txt").write_text("Budget vote\n\nLeave a Reply\n")
    with open("/dev/full", "w") as full:
        proc = subprocess.run([*NEWSLINT, "check", "--no-languagetool", "--format", fmt, "a.txt"],
                              cwd=tmp_path, stdout=full, stderr=subprocess.PIPE, text=True, timeout=60)
    assert proc.returncode == 2
    assert proc.stderr.strip().splitlines() == ["newslint: error: cannot write the output: No space left on device"]


def test_an_unexpected_error_is_one_line_and_exit_2(run_cli, write, monkeypatch):
    from newslint.engine import Linter

    def boom(self, path):
        raise RuntimeError("disk gremlins")

    monkeypatch.setattr(Linter, "lint_file", boom)
    monkeypatch.setattr(Linter, "iter_by_path", lambda self, paths, progress=None: iter([(p, boom(self, p)) for p in paths]))
    path = write("a.txt", "The mayor spoke.\n")
    result = run_cli("check", "--no-languagetool", "--format", "json", path)
    assert result.code == 2
    (line,) = result.err.strip().splitlines()
    assert "RuntimeError: disk gremlins" in line and "NEWSLINT_DEBUG" in line
    monkeypatch.setenv("NEWSLINT_DEBUG", "1")
    result = run_cli("check", "--no-languagetool", path)
    assert result.code == 2 and "Traceback" in result.err
