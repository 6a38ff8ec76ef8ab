"""Nothing hostile makes a run hang: regexes, rule packs, and LanguageTool servers that
stop, dribble, or answer with monsters.

- a catastrophic ``vocab.accept`` entry runs on RE2 (linear time) like rule patterns;
- a rule pack holding a FIFO or a link to ``/dev/zero`` is refused, never read;
- a daemon stopped with SIGSTOP is found out by a short health check and replaced;
- a server answering a byte a second meets a deadline for the whole request;
- an answer nested too deeply or too large is an unreadable answer, not a crash.
"""
from __future__ import annotations

import json
import os
import signal
import threading
import time
from http.server import BaseHTTPRequestHandler

import pytest

from newslint.config.model import LanguageToolSettings
from newslint.documents import parse_document
from newslint.errors import ConfigError
from newslint.languagetool import http as lt_http
from newslint.languagetool.http import HttpClient, LanguageToolBadResponse, LanguageToolTimeout
from newslint.languagetool.install import install
from newslint.languagetool.paths import LanguageToolHome
from newslint.languagetool.process import is_stopped, pid_alive
from newslint.languagetool.server import ensure_server, orphan_servers, start_server, stop_server
from newslint.languagetool.stage import LanguageToolStage, StageOptions
from newslint.names.desk import read_names
from tests.test_robustness_languagetool import VERSION, answer, fake_server, on_check


def _within(seconds: float, target):
    """Run ``target()`` in a thread; fail if it has not returned after ``seconds``."""
    box: dict = {}

    def run():
        try:
            box["value"] = target()
        except BaseException as exc:  # noqa: BLE001 (handed to the test)
            box["error"] = exc

    thread = threading.Thread(target=run, daemon=True)
    started = time.monotonic()
    thread.start()
    thread.join(seconds)
    assert not thread.is_alive(), f"still running after {seconds} s"
    if "error" in box:
        raise box["error"]
    return box.get("value"), time.monotonic() - started


# -- regexes and rule packs ---------------------------------------------------------------

def test_a_catastrophic_vocab_accept_entry_does_not_hang():
    word = "a" * 40
    match = {"offset": 4, "length": len(word), "message": "Possible spelling mistake found.",
             "rule": {"id": "MORFOLOGIK_RULE_EN_US", "category": {"id": "TYPOS"}}, "replacements": []}
    with fake_server(on_check({**VERSION, "matches": [match]})) as url:
        stage = LanguageToolStage(LanguageToolSettings(), StageOptions(use_cache=False, urls=(url,), timeout=5))
        doc = parse_document(f"The {word} went home.\n", "a.txt", "text")
        hits, _ = _within(10, lambda: stage.check(doc, vocab_accept=("(a|aa)+c", "Yoav")))
        stage.close()
    assert [h.rule for h in hits] == ["lt.MORFOLOGIK_RULE_EN_US"]


@pytest.mark.parametrize("kind", ["fifo", "dev-zero"])
def test_a_rule_pack_holding_a_fifo_or_a_device_is_refused(run_cli, write, tmp_path, kind):
    pack = tmp_path / "styles" / "house"
    pack.mkdir(parents=True)
    (pack / "said.yml").write_text("extends: existence\nmessage: \"Avoid '%s'.\"\ntokens: [irregardless]\n")
    trap = pack / "trap.yml"
    if kind == "fifo":
        os.mkfifo(trap)
    else:
        os.symlink("/dev/zero", trap)
    write(".newslint.yml", "extends: [styles/house]\n")
    path = write("a.txt", "The mayor spoke.\n")
    result, _ = _within(20, lambda: run_cli("check", "--no-languagetool", "--format", "json", path))
    assert result.code == 2
    assert "trap.yml" in result.out and "Not a regular file" in result.out


@pytest.mark.parametrize("kind", ["fifo", "dev-zero"])
def test_a_names_list_that_is_a_fifo_or_a_device_is_refused(run_cli, write, tmp_path, kind):
    trap = tmp_path / "names.txt"
    if kind == "fifo":
        os.mkfifo(trap)
    else:
        os.symlink("/dev/zero", trap)
    with pytest.raises(ConfigError) as raised:
        _within(10, lambda: read_names(str(trap)))
    assert raised.value.path == str(trap) and "Not a regular file" in raised.value.message
    write(".newslint.yml", "vocab: {names: names.txt}\n")
    path = write("a.txt", "The mayor spoke.\n")
    result, _ = _within(20, lambda: run_cli("check", "--no-languagetool", path))
    assert result.code == 2 and "names.txt" in result.err and "Not a regular file" in result.err


def test_extends_at_an_empty_folder_is_an_error(run_cli, write, tmp_path):
    (tmp_path / "styles" / "empty").mkdir(parents=True)
    write(".newslint.yml", "extends: [styles/empty]\n")
    result = run_cli("check", "--no-languagetool", write("a.txt", "The mayor spoke.\n"))
    assert result.code == 2 and "holds no .yml or .yaml rule files" in result.out + result.err


# -- servers that hang, dribble, or answer monsters ---------------------------------------

def _dribbling(handler: BaseHTTPRequestHandler, form: dict) -> None:
    body = json.dumps(VERSION).encode()
    handler.send_response(200)
    handler.send_header("Content-Length", str(len(body)))
    handler.end_headers()
    try:
        for byte in body:
            handler.wfile.write(bytes([byte]))
            handler.wfile.flush()
            time.sleep(1.0)
    except OSError:
        pass


def test_a_server_answering_a_byte_a_second_meets_the_deadline():
    with fake_server(_dribbling) as url:
        def request():
            with pytest.raises(LanguageToolTimeout):
                HttpClient().request_json(url, "/v2/check", {"text": "x"}, 2.0)

        _, took = _within(10, request)
    assert took < 5


def test_an_answer_nested_too_deeply_is_unreadable_not_a_crash():
    with fake_server(lambda h, form: answer(h, b"[" * 200_000 + b"]" * 200_000)) as url:
        with pytest.raises(LanguageToolBadResponse, match="nested too deeply"):
            HttpClient().request_json(url, "/v2/check", {"text": "x"}, 10)


def test_an_answer_too_large_is_unreadable(monkeypatch):
    monkeypatch.setattr(lt_http, "MAX_ANSWER_BYTES", 1000)
    with fake_server(lambda h, form: answer(h, b'{"matches": [], "pad": "' + b"x" * 5000 + b'"}')) as url:
        with pytest.raises(LanguageToolBadResponse, match="larger than"):
            HttpClient().request_json(url, "/v2/check", {"text": "x"}, 10)


def test_a_stage_meeting_a_monster_reports_a_file_error(tmp_path):
    from tests.test_robustness_languagetool import lint_two, short_stage

    with fake_server(on_check(b'{"matches": ' + b"[" * 100_000 + b"]" * 100_000 + b"}")) as url:
        paths, report = lint_two(tmp_path, short_stage(url, timeout=10))
    assert sorted(e.path for e in report.errors) == sorted(paths)
    assert all("nested too deeply" in e.message for e in report.errors)


@pytest.mark.languagetool
def test_a_stopped_daemon_is_replaced(tmp_path, languagetool_installation):
    home = LanguageToolHome(tmp_path / "data")
    install(home, path=languagetool_installation.root)
    first = start_server(home)
    try:
        os.kill(first.pid, signal.SIGSTOP)
        # kill() returns once the signal is queued; under load a JVM thread can still
        # answer before the group stop takes hold, so wait until the daemon is stopped.
        deadline = time.monotonic() + 30
        while not is_stopped(first.pid) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert is_stopped(first.pid)
        started = time.monotonic()
        second = ensure_server(home)
        assert second.pid != first.pid
        assert time.monotonic() - started < 120
        assert not pid_alive(first.pid)
    finally:
        if pid_alive(first.pid):
            os.kill(first.pid, signal.SIGCONT)
        stop_server(home)
    assert orphan_servers(home) == []

