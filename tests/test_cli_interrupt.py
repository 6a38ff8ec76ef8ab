"""Ctrl-C: exit 130 at once, with what was checked so far, a whole JSON document, and no
worker left behind."""
from __future__ import annotations

import json
import os
import select
import signal
import subprocess
import sys
import time

import pytest

from .conftest import ARTICLE


def _children(pid: int) -> set[int]:
    found = set()
    for task in os.listdir(f"/proc/{pid}/task"):
        with open(f"/proc/{pid}/task/{task}/children") as handle:
            found.update(int(p) for p in handle.read().split())
    return found


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as handle:
            return handle.read().split(") ", 1)[1][0] != "Z"
    except FileNotFoundError:
        return False


# Enough files that a run takes several seconds, so Ctrl-C lands while files are checked.
FILES = 3000


@pytest.fixture
def desk(tmp_path):
    text = ARTICLE.read_text(encoding="utf-8")
    for i in range(FILES):
        (tmp_path / f"story-{i:04d}.txt").write_text(text, encoding="utf-8")
    return tmp_path


def _interrupt(desk, *args: str, streams: bool = False):
    finding_mark = b'"rule": ' if "json" in args else b": warning ["
    env = {**os.environ, "NO_COLOR": "1"}
    proc = subprocess.Popen([sys.executable, "-m", "newslint", "check", "--no-languagetool", *args, str(desk)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True, env=env)
    # Wait until the workers are busy, then press Ctrl-C for the whole process group.
    deadline = time.monotonic() + 60
    workers: set[int] = set()
    while not workers and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
        parallel = "--dask" in args or ("-j" in args and args[args.index("-j") + 1] != "1")
        workers = _children(proc.pid) if parallel else {0}
    workers.discard(0)
    first = b""
    if streams:
        # Wait for findings on stdout (a pipe gets them 8 KB at a time), so some files
        # are checked; the document's opening alone comes out when the workers fork.
        deadline = time.monotonic() + 120
        while finding_mark not in first and time.monotonic() < deadline:
            ready, _, _ = select.select([proc.stdout], [], [], 1)
            if ready:
                chunk = os.read(proc.stdout.fileno(), 65536)
                assert chunk, "the run ended before it could be interrupted"
                first += chunk
        assert finding_mark in first, "no findings within 120 s"
    else:
        time.sleep(1.0)
    assert proc.poll() is None, "the run ended before it could be interrupted"
    os.killpg(proc.pid, signal.SIGINT)
    try:
        out, err = proc.communicate(timeout=30)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)     # fail, and leave no run behind
        proc.communicate()
        pytest.fail("the run did not end within 30 s of Ctrl-C")
    return proc.returncode, first + out, err.decode(), workers


@pytest.mark.parametrize("fmt, engine", [
    pytest.param("json", ("-j", "2"), id="json-j2"),
    pytest.param("sarif", ("-j", "2"), id="sarif-j2"),
    pytest.param("json", ("--dask",), id="json-dask"),
])
def test_ctrl_c_exits_130_with_a_closed_document_and_no_workers_left(desk, fmt, engine):
    code, out, err, workers = _interrupt(desk, *engine, "--format", fmt, streams=fmt == "json")
    assert code == 130, err
    document = json.loads(out)                   # whole, not cut off
    assert workers, "the run had no worker processes to leave behind"
    deadline = time.monotonic() + 5
    while any(_alive(p) for p in workers) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not [p for p in workers if _alive(p)]
    if fmt == "json":
        [error] = document["errors"]
        assert error["path"] == "" and error["message"].startswith("interrupted: stopped after ")
        checked = {f["path"] for f in document["findings"]}
        assert f"stopped after {len(checked)} file{'' if len(checked) == 1 else 's'};" in error["message"]
        assert 0 < len(checked) < FILES
    else:
        run = document["runs"][0]
        assert run["invocations"][0]["executionSuccessful"] is False
    assert "Traceback" not in err, err


def test_ctrl_c_in_text_prints_the_summary_so_far(desk):
    code, out, err, _ = _interrupt(desk, "-j", "1", streams=True)
    assert code == 130
    summary = out.decode().splitlines()[-1]
    assert summary.endswith("; not every check ran (see the error above)") and " in " in summary
    assert "error: interrupted: stopped after " in err
    assert "Traceback" not in err
