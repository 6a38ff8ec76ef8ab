"""No LanguageTool JVM is left that status and stop cannot see or that never stops.

A starter killed while the daemon warms up (``timeout 4 newslint check``) takes its JVM
with it; a damaged state file leaves no invisible daemon: status reports the orphan,
stop stops it, and the next start replaces it. Each test uses a data folder of its own.
"""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest
from click.testing import CliRunner

from newslint.languagetool.cli import languagetool_group
from newslint.languagetool.install import install
from newslint.languagetool.paths import DATA_DIR_ENV, LanguageToolHome
from newslint.languagetool.process import pid_alive
from newslint.languagetool.server import orphan_servers, read_state, start_server, stop_server

pytestmark = pytest.mark.languagetool


def _wait_until(condition, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.1)
    return condition()


@pytest.fixture
def private_home(tmp_path, languagetool_installation):
    home = LanguageToolHome(tmp_path / "data")
    install(home, path=languagetool_installation.root)
    yield home
    stop_server(home)
    assert orphan_servers(home) == []


@pytest.mark.parametrize("argv", [["languagetool", "start"], ["check", "--no-cache", "a.txt"]])
def test_a_starter_killed_during_warm_up_leaves_no_jvm(private_home, tmp_path, argv):
    (tmp_path / "a.txt").write_text("The mayor spoke.\n")
    env = {**os.environ, DATA_DIR_ENV: str(private_home.data_dir)}
    starter = subprocess.Popen([sys.executable, "-m", "newslint", *argv], cwd=tmp_path, env=env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        assert _wait_until(lambda: read_state(private_home) is not None, 60), "no state file at launch"
        state = read_state(private_home)
        assert not state.ready and pid_alive(state.pid)
        status = CliRunner().invoke(languagetool_group, ["status"], env=env)
        assert f"pid {state.pid}" in status.stdout and "warming up" in status.stdout
        starter.send_signal(signal.SIGTERM)
        starter.wait(10)
        assert _wait_until(lambda: not pid_alive(state.pid), 30), "the JVM outlived its starter"
        assert _wait_until(lambda: read_state(private_home) is None, 5)
        assert orphan_servers(private_home) == []
    finally:
        starter.kill()
        starter.wait()


def test_a_damaged_state_file_leaves_no_invisible_daemon(private_home):
    env = {DATA_DIR_ENV: str(private_home.data_dir)}
    first = start_server(private_home)
    private_home.state_file.write_text('{"pid": "oops", "port": [1]}')
    assert read_state(private_home) is None
    status = CliRunner().invoke(languagetool_group, ["status"], env=env)
    assert status.exit_code == 3 and str(first.pid) in status.stdout and "orphan" in status.stdout
    # A start replaces the orphan instead of running a second JVM beside it.
    second = start_server(private_home)
    assert second.pid != first.pid and not pid_alive(first.pid)
    private_home.state_file.write_text("{not json")
    stopped = CliRunner().invoke(languagetool_group, ["stop"], env=env)
    assert stopped.exit_code == 0 and str(second.pid) in stopped.stdout
    assert _wait_until(lambda: not pid_alive(second.pid), 15)
