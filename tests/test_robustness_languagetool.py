"""Robustness of the LanguageTool stage: a server that hangs, answers garbage, or is killed.

A run that could not check grammar never exits 0: it restarts newslint's own daemon, or
reports a per-file error and exits 2. A hung server is a typed timeout with a clear
message; an unreadable answer is a typed error, never a crash. Afterwards no JVM that
these tests started is left running.

Already covered elsewhere: HttpClient errors against fake servers (test_languagetool_client),
the stage restarting a killed daemon (test_languagetool_stage), a user-given server dying
mid-run (test_languagetool_positions).
"""
from __future__ import annotations

import contextlib
import json
import os
import signal
import socket
import subprocess
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Callable, Iterator

import pytest

from newslint.config.model import Config
from newslint.documents import parse_document
from newslint.engine import Linter, LintOptions
from newslint.errors import LanguageToolError
from newslint.findings import Severity
from newslint.languagetool.http import LanguageToolTimeout
from newslint.languagetool.process import pid_alive
from newslint.languagetool.server import running_server
from newslint.languagetool.stage import LanguageToolStage, StageOptions

JVM_PATTERN = "org.languagetool.server.HTTPServer"
STORY = "Harbor vote delayed\n\nThe mayor will recieve the report on Tuesday.\n\nLeave a Reply\n"
VERSION = {"software": {"name": "LanguageTool", "version": "6.8"}, "matches": []}


def jvm_pids() -> set[int]:
    done = subprocess.run(["pgrep", "-f", JVM_PATTERN], capture_output=True, text=True)
    return {int(p) for p in done.stdout.split()}


def started_here(pid: int, marker: str) -> bool:
    """Whether this test session started JVM ``pid``: its environment carries the session's
    temporary folder (NEWSLINT_CACHE_DIR). Other people's JVMs on this machine do not count.
    Without /proc, every JVM that appeared during the tests counts."""
    try:
        with open(f"/proc/{pid}/environ", "rb") as handle:
            return marker.encode() in handle.read()
    except FileNotFoundError:
        return False                      # gone already
    except OSError:
        return True


@pytest.fixture(scope="module", autouse=True)
def no_orphaned_jvms(tmp_path_factory, languagetool_home):
    """No LanguageTool JVM that these tests started outlives them, except the session's
    daemon (restarted or not), which the session fixture stops and checks at the end."""
    marker = str(tmp_path_factory.getbasetemp())
    before = jvm_pids()
    yield
    deadline = time.monotonic() + 10
    while True:
        daemon = running_server(languagetool_home)
        left = {p for p in jvm_pids() - before - ({daemon.pid} if daemon else set())
                if started_here(p, marker)}
        if not left or time.monotonic() > deadline:
            break
        time.sleep(0.2)
    assert not left, f"LanguageTool JVMs started by these tests still run: {sorted(left)}"


# -- fake servers ----------------------------------------------------------------------

@contextlib.contextmanager
def fake_server(respond: Callable[[BaseHTTPRequestHandler, dict], None]) -> Iterator[str]:
    """An HTTP server on 127.0.0.1 whose answers ``respond(handler, form)`` writes."""

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):  # noqa: N802 (http.server's naming)
            from urllib.parse import parse_qs

            body = self.rfile.read(int(self.headers.get("Content-Length", 0))).decode()
            respond(self, {k: v[0] for k, v in parse_qs(body).items()})

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@contextlib.contextmanager
def silent_server() -> Iterator[str]:
    """Accepts connections and reads requests, and never answers."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(16)
    held: list[socket.socket] = []
    stop = threading.Event()

    def accept():
        listener.settimeout(0.1)
        while not stop.is_set():
            try:
                conn, _ = listener.accept()
            except OSError:
                continue
            held.append(conn)

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{listener.getsockname()[1]}"
    finally:
        stop.set()
        thread.join()
        for conn in held:
            conn.close()
        listener.close()


def answer(handler: BaseHTTPRequestHandler, body: bytes, status: int = 200,
           content_type: str = "application/json") -> None:
    handler.send_response(status)
    handler.send_header("Content-Type", content_type)
    handler.send_header("Content-Length", str(len(body)))
    handler.end_headers()
    handler.wfile.write(body)


def on_check(payload) -> Callable[[BaseHTTPRequestHandler, dict], None]:
    """Answers the version probe properly and every real check with ``payload``."""

    def respond(handler, form):
        if form.get("text") == "Version probe.":
            answer(handler, json.dumps(VERSION).encode())
        else:
            answer(handler, payload if isinstance(payload, bytes) else json.dumps(payload).encode())

    return respond


class StageLinter(Linter):
    """The engine with a given LanguageTool stage (say, one with a short timeout)."""

    def __init__(self, stage: LanguageToolStage):
        super().__init__(LintOptions(languagetool=True, use_cache=False),
                         config=Config(root="/nonexistent-root"))
        self.services.languagetool.use(stage)


def short_stage(url: str, timeout: float = 0.5) -> LanguageToolStage:
    return LanguageToolStage(options=StageOptions(use_cache=False, urls=(url,), timeout=timeout))


def lint_two(tmp_path, stage: LanguageToolStage):
    paths = []
    for name in ("a.txt", "b.md"):
        path = tmp_path / name
        path.write_text(STORY)
        paths.append(str(path))
    return paths, StageLinter(stage).lint_paths(paths)


# -- a hung server ---------------------------------------------------------------------

def test_hung_server_is_a_typed_timeout_with_a_clear_message():
    doc = parse_document(STORY, "a.txt", "text")
    with silent_server() as url:
        stage = short_stage(url, timeout=0.4)
        started = time.monotonic()
        with pytest.raises(LanguageToolTimeout) as info:
            stage.check(doc)
        assert time.monotonic() - started < 5
    assert str(info.value) == f"LanguageTool at {url} did not answer within 0.4 s"


def test_hung_server_makes_every_file_an_error_and_the_run_exit_2(tmp_path):
    with silent_server() as url:
        started = time.monotonic()
        paths, report = lint_two(tmp_path, short_stage(url, timeout=0.3))
        assert time.monotonic() - started < 10
    assert report.exit_code(Severity.WARNING) == 2
    assert sorted(e.path for e in report.errors) == sorted(paths)
    first, second = sorted(report.errors, key=lambda e: paths.index(e.path))
    assert first.message == f"LanguageTool at {url} did not answer within 0.3 s"
    assert second.message == first.message
    # The other checks still ran on both files.
    assert {(f.path, f.rule) for f in report.findings} == {(p, "news.chrome.leave-a-reply") for p in paths}


def test_server_that_answers_after_the_probe_then_hangs(tmp_path):
    def respond(handler, form):
        if form.get("text") == "Version probe.":
            answer(handler, json.dumps(VERSION).encode())
        else:
            time.sleep(2)

    with fake_server(respond) as url:
        paths, report = lint_two(tmp_path, short_stage(url, timeout=0.3))
    assert report.exit_code(Severity.WARNING) == 2
    assert sorted(e.path for e in report.errors) == sorted(paths)
    assert all("did not answer within 0.3 s" in e.message for e in report.errors)


def test_hung_server_in_a_pool_fails_over_to_a_live_one(tmp_path):
    slip = {"matches": [{"offset": 15, "length": 7, "message": "Possible spelling mistake found.",
                         "replacements": [{"value": "receive"}],
                         "rule": {"id": "MORFOLOGIK_RULE_EN_US", "category": {"id": "TYPOS"}}}]}
    with silent_server() as hung, fake_server(on_check(slip)) as live:
        stage = LanguageToolStage(options=StageOptions(use_cache=False, urls=(hung, live), timeout=0.3))
        paths, report = lint_two(tmp_path, stage)
    assert report.errors == []
    assert report.exit_code(Severity.WARNING) == 1
    assert {(f.path, f.rule) for f in report.findings if f.rule.startswith("lt.")} == {
        (p, "lt.MORFOLOGIK_RULE_EN_US") for p in paths}


# -- garbage answers -------------------------------------------------------------------

GARBAGE = {
    "html": b"<html><body>Proxy login required</body></html>",
    "truncated json": b'{"software": {"version": "6.8"}, "matches": [{"offset": 3,',
    "a json list": [1, 2, 3],
    "a json string": "matches",
    "no matches": {"software": {"version": "6.8"}},
    "matches not a list": {"matches": {"offset": 3}},
    "a match not an object": {"matches": [17]},
    "offset not a number": {"matches": [{"offset": "three", "length": 7, "message": "x",
                                         "rule": {"id": "R", "category": {"id": "TYPOS"}}}]},
    "length missing and rule a string": {"matches": [{"offset": 3, "message": "x", "rule": "R"}]},
    "replacements not objects": {"matches": [{"offset": 3, "length": 7, "message": "x",
                                              "replacements": ["receive"],
                                              "rule": {"id": "R", "category": {"id": "TYPOS"}}}]},
    "message not text": {"matches": [{"offset": 3, "length": 7, "message": None,
                                      "rule": {"id": "R", "category": {"id": "TYPOS"}}}]},
}


@pytest.mark.parametrize("payload", list(GARBAGE.values()), ids=list(GARBAGE))
def test_garbage_answer_is_a_per_file_error_never_a_crash(tmp_path, payload):
    with fake_server(on_check(payload)) as url:
        paths, report = lint_two(tmp_path, short_stage(url, timeout=5))
    assert report.exit_code(Severity.WARNING) == 2
    assert sorted(e.path for e in report.errors) == sorted(paths)
    assert all(e.message.startswith(f"LanguageTool at {url}") or
               e.message.startswith("LanguageTool's answer") for e in report.errors), report.errors


@pytest.mark.parametrize("payload", [b"not json", [], {"software": "6.8"}],
                         ids=["text", "list", "software a string"])
def test_garbage_answer_to_the_version_probe_is_an_error(tmp_path, payload):
    def respond(handler, form):
        answer(handler, payload if isinstance(payload, bytes) else json.dumps(payload).encode())

    with fake_server(respond) as url:
        paths, report = lint_two(tmp_path, short_stage(url, timeout=5))
    assert report.exit_code(Severity.WARNING) == 2
    assert sorted(e.path for e in report.errors) == sorted(paths)
    assert all(url in e.message for e in report.errors), report.errors


def test_garbage_through_the_cli_exits_2(run_cli, write):
    path = write("story.txt", STORY)
    with fake_server(on_check(b"<html>oops</html>")) as url:
        result = run_cli("check", "--no-cache", "-j", "1", "--format", "json", "--languagetool-url", url, path)
    assert result.code == 2
    data = result.json()
    assert [e["path"] for e in data["errors"]] == [path]
    assert "sent an answer newslint cannot read" in data["errors"][0]["message"]


# -- newslint's own daemon, killed -------------------------------------------------------

def test_daemon_killed_between_files_is_restarted_and_the_run_completes(run_cli, write, monkeypatch,
                                                                        languagetool_home, languagetool_server):
    first = write("a.txt", STORY)
    second = write("b.txt", "Council story\n\nThe council will recieve the letter.\n")
    original = Linter._read        # each file is read before its request goes out
    killed: list[int] = []

    def read(self, path):
        if path == second:
            state = running_server(languagetool_home)
            os.kill(state.pid, signal.SIGKILL)
            killed.append(state.pid)
        return original(self, path)

    monkeypatch.setattr(Linter, "_read", read)
    result = run_cli("check", "--no-cache", "-j", "1", "--format", "json", first, second)
    data = result.json()
    assert result.code == 1, data
    assert data["errors"] == []
    lt_paths = {f["path"] for f in data["findings"] if f["source"] == "languagetool"}
    assert lt_paths == {first, second}
    [pid] = killed
    deadline = time.monotonic() + 10
    while pid_alive(pid) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not pid_alive(pid)
    after = running_server(languagetool_home)
    assert after is not None and after.pid != pid


def test_errors_raised_by_the_stage_are_typed(tmp_path):
    """Whatever goes wrong in the stage reaches the engine as a LanguageToolError."""
    with fake_server(on_check({"matches": [None]})) as url:
        stage = short_stage(url, timeout=5)
        with pytest.raises(LanguageToolError):
            stage.check(parse_document(STORY, "a.txt", "text"))


def test_after_an_outage_later_documents_fail_at_once(tmp_path):
    """A hung user server costs one timeout, not one per file."""
    import socket
    import time as _time

    from newslint.documents import parse_document
    from newslint.errors import LanguageToolUnavailable
    from newslint.languagetool.stage import LanguageToolStage, StageOptions

    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(16)                      # accepts connections, never answers
    try:
        url = f"http://127.0.0.1:{listener.getsockname()[1]}"
        stage = LanguageToolStage(options=StageOptions(urls=(url,), use_cache=False, timeout=0.5,
                                                       cache_dir=str(tmp_path)))
        docs = [parse_document(f"Story {i}\n\nThe mayor will recieve it.\n", f"{i}.txt", "text") for i in range(5)]
        start = _time.monotonic()
        failures = []
        for doc in docs:
            with pytest.raises(LanguageToolUnavailable) as caught:
                stage.check(doc)
            failures.append(str(caught.value))
        assert _time.monotonic() - start < 5
        assert len(set(failures)) == 1
    finally:
        listener.close()
