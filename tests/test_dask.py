"""Checking files on a real Dask LocalCluster: the same output as -j 2, and no file lost
when a worker dies."""
from __future__ import annotations

import gc
import io
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import dask
import pytest
from distributed import Client, LocalCluster

import newslint
from newslint.engine import Linter, LintOptions
from newslint.execution.cluster import DaskExecutor, is_address
from newslint.reporters import json as json_reporter, write_groups
from tests.conftest import REPO

sys.path.insert(0, str(REPO / "benchmarks"))
from corpus import write_corpus  # noqa: E402


def _newslint(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "newslint", "check", *args], capture_output=True,
                          cwd=REPO, timeout=600, env={**os.environ, **(env or {})})


@pytest.fixture(scope="module")
def archive(tmp_path_factory) -> Path:
    """The benchmark corpus (200 generated articles, txt/md/html), plus one bad file."""
    root = tmp_path_factory.mktemp("archive")
    write_corpus(str(root / "articles"), 200, 7)
    (root / "articles" / "broken.txt").write_bytes(b"caf\xff\n")
    return root / "articles"


@pytest.fixture(scope="module")
def cluster():
    with dask.config.set({"distributed.scheduler.allowed-failures": 1}):
        with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0",
                          silence_logs=40) as local, Client(local, set_as_default=False) as client:
            yield client


def _json(linter: Linter, paths) -> str:
    out = io.StringIO()
    write_groups(linter.iter_by_path(paths), json_reporter.Writer(out), linter.rules_of)
    return out.getvalue()


def test_cli_output_is_byte_identical_to_two_jobs(archive):
    on_dask = _newslint("--dask", "--no-languagetool", "-j", "2", "--format", "json", str(archive))
    local = _newslint("--no-languagetool", "-j", "2", "--format", "json", str(archive))
    assert local.returncode == 2            # broken.txt
    assert (on_dask.returncode, on_dask.stdout) == (local.returncode, local.stdout)
    assert b"broken.txt" in on_dask.stdout and b'"findings": [\n' in on_dask.stdout


def test_a_bare_dask_before_a_path_takes_the_path_as_a_path(archive):
    first = sorted(archive.iterdir())[0]
    on_dask = _newslint("--no-languagetool", "--format", "json", "--dask", str(first))
    local = _newslint("--no-languagetool", "--format", "json", str(first))
    assert (on_dask.returncode, on_dask.stdout) == (local.returncode, local.stdout)
    assert is_address("tcp://10.0.0.5:8786") and is_address("scheduler:8786") and is_address("tls://h:1")
    assert not is_address(str(first)) and not is_address("desk") and not is_address("a/b:c")


@pytest.mark.languagetool
def test_with_languagetool_each_worker_reaches_the_server(archive, languagetool_server, tmp_path):
    few = [str(p) for p in sorted(archive.iterdir()) if p.name != "broken.txt"][:8]
    cache = {"NEWSLINT_CACHE_DIR": str(tmp_path / "cache")}
    on_dask = _newslint("--dask", "-j", "2", "--format", "json", *few, env=cache)
    local = _newslint("-j", "2", "--no-cache", "--format", "json", *few)
    assert on_dask.returncode in (0, 1), on_dask.stderr
    assert on_dask.stdout == local.stdout
    # LanguageTool's matches there are folded into newslint's findings on the same span.
    assert b'"lt.' in on_dask.stdout


def test_api_takes_a_client_and_gives_the_local_report(archive, cluster):
    paths = [str(archive)]
    remote = newslint.lint_paths(paths, executor=cluster)
    local = newslint.lint_paths(paths, jobs=2)
    assert remote.findings == local.findings and remote.errors == local.errors
    assert remote.files_checked == local.files_checked == 200


class DyingLinter(Linter):
    """Kills the worker process checking ``victim``: once (a marker file remembers), or
    every time."""

    def __init__(self, options, victim: str, marker: str | None):
        super().__init__(options)
        self.victim, self.marker = victim, marker

    def _read(self, path: str):      # where each file's check starts
        if path == self.victim and (self.marker is None or not os.path.exists(self.marker)):
            if self.marker is not None:
                Path(self.marker).touch()
            os.kill(os.getpid(), signal.SIGKILL)
        return super()._read(path)


def test_a_worker_killed_mid_run_loses_no_file(archive, cluster, tmp_path):
    files = sorted(str(p) for p in archive.iterdir())
    victim = files[len(files) // 2]
    options = LintOptions(languagetool=False, jobs=2)
    marker = tmp_path / "killed-once"
    with DaskExecutor(client=cluster, batch_files=8) as executor:
        dying = DyingLinter(options, victim, str(marker))
        dying.executor = executor
        on_dask = _json(dying, [str(archive)])
    assert marker.exists(), "the worker was never killed"
    assert on_dask == _json(Linter(options), [str(archive)])


def test_a_file_that_always_kills_its_worker_is_named_and_the_rest_are_checked(archive, cluster):
    files = sorted(str(p) for p in archive.iterdir())
    victim = files[7]
    options = LintOptions(languagetool=False, jobs=2)
    with DaskExecutor(client=cluster, batch_files=8) as executor:
        dying = DyingLinter(options, victim, None)
        dying.executor = executor
        results = {r.path: r for group in dying.iter_by_path([str(archive)]) for r in group}
    assert set(results) == set(files)
    lost = results[victim]
    assert lost.errors and "not checked on the Dask cluster" in lost.errors[0].message
    assert "KilledWorker" in lost.errors[0].message
    failed = {path for path, r in results.items() if r.errors}
    assert failed == {victim, str(archive / "broken.txt")}   # its batch-mates were checked
    report = newslint.results.Report()
    for r in results.values():
        report.add(r)
    assert report.exit_code(newslint.findings.Severity.WARNING) == 2


def test_no_scheduler_there_means_every_file_is_named_and_exit_2(archive):
    few = [str(p) for p in sorted(archive.iterdir())[:3]]
    done = _newslint("--dask", "tcp://127.0.0.1:9", "--no-languagetool", "--format", "json", *few,
                     env={"DASK_DISTRIBUTED__COMM__TIMEOUTS__CONNECT": "2s"})
    assert done.returncode == 2
    for path in few:
        assert path.encode() in done.stdout
    assert done.stdout.count(b"not checked on the Dask cluster") == 3


def test_a_busy_dashboard_port_is_not_taken_nor_warned_about(archive):
    """The LocalCluster's scheduler serves HTTP on a free port, not on 8787, where a
    user's own cluster may already be listening."""
    held = socket.socket()
    try:
        held.bind(("127.0.0.1", 8787))
        held.listen()
    except OSError:
        pass                          # someone holds it already: the same situation
    try:
        first = next(p for p in sorted(archive.iterdir()) if p.name != "broken.txt")
        done = _newslint("--dask", "--no-languagetool", "--format", "json", str(first))
    finally:
        held.close()
    assert done.returncode in (0, 1), done.stderr
    assert b"8787" not in done.stderr and b"port" not in done.stderr.lower()


class SlowHeadLinter(Linter):
    """Holds the first file until a file far behind it has been checked (or 60 s pass):
    the other worker must keep going past a slow batch at the head of the run."""

    def __init__(self, options, head: str, later: str, marker: str):
        super().__init__(options)
        self.head, self.later, self.marker = head, later, marker
        self.seen = marker + ".seen-by-head"

    def _read(self, path: str):      # where each file's check starts
        if path == self.later:
            Path(self.marker).touch()
        if path == self.head:
            deadline = time.monotonic() + 60
            while not os.path.exists(self.marker) and time.monotonic() < deadline:
                time.sleep(0.05)
            if os.path.exists(self.marker):
                Path(self.seen).touch()
        return super()._read(path)


def test_a_slow_batch_at_the_head_does_not_stall_the_others(archive, cluster, tmp_path):
    files = sorted(str(p) for p in archive.iterdir())
    options = LintOptions(languagetool=False, jobs=2)
    marker = tmp_path / "later-checked"
    # Batches of 4 and a window of 2 being checked: the file waited for is five batches
    # behind the head, so it is only reached if finished batches wait in the buffer.
    with DaskExecutor(client=cluster, batch_files=4, window=2) as executor:
        slow = SlowHeadLinter(options, files[0], files[20], str(marker))
        slow.executor = executor
        on_dask = _json(slow, [str(archive)])
    assert os.path.exists(slow.seen), "the other worker stopped behind the slow head batch"
    assert on_dask == _json(Linter(options), [str(archive)])       # still handed on in order


def test_without_distributed_dask_is_a_usage_error_that_says_what_to_install(run_cli, write, monkeypatch):
    from newslint.execution import cli as execution_cli

    assert execution_cli.dask_installed()
    monkeypatch.setitem(sys.modules, "distributed", None)      # as if it were not installed
    assert not execution_cli.dask_installed()
    result = run_cli("check", "--no-languagetool", "--dask", write("a.txt", "The mayor spoke.\n"))
    assert result.code == 2 and execution_cli.DASK_HINT in result.err


def test_a_worker_freezes_its_heap_once_a_runs_first_batch_is_checked(archive):
    """After the first batch of a run (checks imported, rules compiled) the worker's
    objects leave the garbage collector's reach; later batches add nothing to them."""
    from newslint.execution import cluster as cluster_module

    path = str(next(p for p in sorted(archive.iterdir()) if p.name != "broken.txt"))
    linter = Linter(LintOptions(languagetool=False))
    gc.unfreeze()
    try:
        seconds, results = cluster_module.lint_batch(("freeze-test", linter), [path])
        frozen = gc.get_freeze_count()
        assert frozen > 0 and seconds >= 0 and [r.path for r in results] == [path]
        cluster_module.lint_batch(("freeze-test", linter), [path])
        assert gc.get_freeze_count() <= frozen      # frozen objects freed since count down
    finally:
        gc.unfreeze()
        cluster_module._linters.pop("freeze-test", None)


def _imported(name: str) -> bool:
    return name in sys.modules


def _ignores_ctrl_c() -> bool:
    import signal

    return signal.getsignal(signal.SIGINT) is signal.SIG_IGN


def test_the_local_cluster_spawns_its_workers_and_they_ignore_ctrl_c():
    """Workers are fresh interpreters, never forks of this process (which runs the
    scheduler's logging event-loop thread: a fork could inherit a held lock), and they
    ignore Ctrl-C, which the client handles."""
    import colorsys  # noqa: F401 - a module neither newslint nor Dask imports

    with DaskExecutor(workers=2) as executor:
        client = executor.client()
        assert list(client.run(_imported, "colorsys").values()) == [False, False]
        assert list(client.run(_ignores_ctrl_c).values()) == [True, True]


def test_an_interrupted_run_does_not_show_the_cluster_s_teardown_errors(archive):
    """Stopping a run part-way (Ctrl-C closes the results) quietens the LocalCluster's own
    loggers until the executor closes, then gives them their levels back."""
    import logging

    names = ("distributed", "distributed.scheduler", "distributed.client", "tornado")
    before = [logging.getLogger(n).getEffectiveLevel() for n in names]
    paths = sorted(str(p) for p in archive.iterdir() if p.name != "broken.txt")
    with DaskExecutor(workers=2) as executor:
        results = executor.lint_files(Linter(LintOptions(languagetool=False)), paths)
        next(results)
        results.close()                       # what an interrupted run does
        assert all(logging.getLogger(n).getEffectiveLevel() > logging.CRITICAL for n in names)
    assert [logging.getLogger(n).getEffectiveLevel() for n in names] == before
