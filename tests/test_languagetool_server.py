"""The LanguageTool daemon: start, reuse, status, stop, idle and owner watchdogs."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import time

import pytest
from click.testing import CliRunner

from newslint.languagetool.cli import languagetool_group
from newslint.languagetool.http import HttpClient
from newslint.languagetool.install import install
from newslint.languagetool.paths import LanguageToolHome
from newslint.languagetool.process import command_line, pid_alive
from newslint.languagetool.server import (SERVER_CLASS, ServerState, is_our_server, read_state, running_server,
                                          server_properties, start_server, stop_server)
from newslint.languagetool.watchdog import should_stop

pytest_plugins = ["tests.lt_fixtures"]


def _wait_until(condition, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.2)
    return condition()


@pytest.fixture
def private_home(tmp_path, languagetool_installation) -> LanguageToolHome:
    """A data folder of its own that uses the session's installation (through --path)."""
    home = LanguageToolHome(tmp_path / "data")
    install(home, path=languagetool_installation.root)
    return home


def test_session_server_answers_on_localhost(languagetool_server):
    state = languagetool_server
    assert state.url.startswith("http://127.0.0.1:")
    cmd = command_line(state.pid)
    assert SERVER_CLASS in cmd and "--public" not in cmd and "-Xmx1g" in cmd
    answer = HttpClient(use_proxies=False).request_json(
        state.url, "/v2/check", {"language": "en-US", "text": "He recieve the letter yesterday."}, 30)
    assert answer["software"]["version"] == state.version
    assert [m["rule"]["id"] for m in answer["matches"]] == ["MORFOLOGIK_RULE_EN_US"]


def test_server_runs_with_the_custom_rules_folder_first(languagetool_home, languagetool_server):
    cmd = command_line(languagetool_server.pid)
    classpath = cmd.split(" -cp ", 1)[1].split(" ", 1)[0].split(os.pathsep)
    assert classpath[0] == str(languagetool_home.run_dir / "classes")
    assert (languagetool_home.run_dir / "classes/org/languagetool/resource/en/hunspell/spelling_custom.txt").is_file()


def test_custom_spelling_words_are_accepted(languagetool_url):
    answer = HttpClient(use_proxies=False).request_json(
        languagetool_url, "/v2/check", {"language": "en-US", "text": "The lede and the nutgraf were fine."}, 30)
    assert answer["matches"] == []


def test_start_reuses_a_running_daemon(languagetool_home, languagetool_server):
    current = running_server(languagetool_home)
    again = start_server(languagetool_home)
    assert again.pid == current.pid and again.port == current.port


def test_status_command_reports_the_running_daemon(languagetool_home, languagetool_server):
    state = running_server(languagetool_home)
    result = CliRunner().invoke(languagetool_group, ["status"])
    assert result.exit_code == 0, result.output
    assert f"LanguageTool {state.version} at {state.url}, pid {state.pid}, up " in result.stdout


def test_server_properties_are_tuned():
    props = dict(line.split("=", 1) for line in server_properties(4).splitlines() if line)
    assert props["pipelinePrewarming"] == "true" and props["maxCheckThreads"] == "4"
    assert int(props["maxTextLength"]) > 0 and int(props["maxCheckTimeMillis"]) > 0 and int(props["cacheSize"]) > 0
    assert props["preferredLanguages"] == "en-US"


def test_stale_state_file_is_dropped(tmp_path):
    home = LanguageToolHome(tmp_path)
    home.run_dir.mkdir(parents=True)
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    home.state_file.write_text(json.dumps({"pid": dead.pid, "port": 1, "version": "6.8",
                                           "config_hash": "x", "started_at": 0}))
    assert read_state(home) is not None
    assert running_server(home) is None
    assert not home.state_file.exists()


def test_a_reused_pid_is_not_taken_for_the_server():
    assert not is_our_server(os.getpid(), 8081)


def test_watchdog_decision():
    assert should_stop(now=100, last=0, idle_timeout=50, owner_alive=True)
    assert not should_stop(now=100, last=80, idle_timeout=50, owner_alive=True)
    assert not should_stop(now=100, last=0, idle_timeout=0, owner_alive=True)
    assert should_stop(now=100, last=99, idle_timeout=0, owner_alive=False)


def test_start_status_stop_leaves_no_process(private_home):
    runner = CliRunner()
    env = {"NEWSLINT_DATA_DIR": str(private_home.data_dir)}
    assert runner.invoke(languagetool_group, ["status"], env=env).exit_code == 3
    started = runner.invoke(languagetool_group, ["start", "--idle-timeout", "600"], env=env)
    assert started.exit_code == 0, started.output
    state = read_state(private_home)
    try:
        assert f"started at {state.url} (pid {state.pid})" in started.stdout
        assert state.watcher_pid and pid_alive(state.watcher_pid)
        status = runner.invoke(languagetool_group, ["status"], env=env)
        assert status.exit_code == 0 and f"pid {state.pid}" in status.stdout
    finally:
        stopped = runner.invoke(languagetool_group, ["stop"], env=env)
    assert stopped.exit_code == 0 and f"pid {state.pid}" in stopped.stdout
    assert not pid_alive(state.pid)
    assert not pid_alive(state.watcher_pid)
    assert not private_home.state_file.exists()
    status = runner.invoke(languagetool_group, ["status"], env=env)
    assert status.exit_code == 3 and "not running" in status.stdout
    assert "not running" in runner.invoke(languagetool_group, ["stop"], env=env).stdout


def test_idle_daemon_stops_itself(private_home):
    state = start_server(private_home, idle_timeout=2)
    try:
        assert _wait_until(lambda: not pid_alive(state.pid), 30), "the idle daemon kept running"
        assert _wait_until(lambda: not private_home.state_file.exists(), 5)
        assert _wait_until(lambda: not pid_alive(state.watcher_pid), 5)
    finally:
        stop_server(private_home)


def test_daemon_stops_when_its_owner_exits(private_home):
    owner = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(600)"])
    try:
        state: ServerState = start_server(private_home, owner_pid=owner.pid)
        assert pid_alive(state.pid)
        owner.kill()
        owner.wait()
        assert _wait_until(lambda: not pid_alive(state.pid), 30), "the daemon outlived its owner"
        assert _wait_until(lambda: running_server(private_home) is None, 5)
    finally:
        owner.kill()
        stop_server(private_home)
