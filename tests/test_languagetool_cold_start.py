"""A cold start is said once on a terminal's stderr, with how to keep LanguageTool warm."""
from __future__ import annotations

import sys

import pytest

from newslint.errors import LanguageToolUnavailable
from newslint.languagetool import server, stage
from newslint.languagetool.paths import LanguageToolHome
from newslint.languagetool.server import ServerState

STORY = "Council delays vote\n\nThe council delayed its vote on Monday.\n"
FAKE = ServerState(pid=1, port=1, version="6.8", config_hash="h", started_at=0.0, autostarted=True,
                   idle_timeout=0, watcher_pid=None, owner_pid=None, threads=1)


class _Plan:
    config_hash = "h"


@pytest.fixture
def no_daemon(monkeypatch, tmp_path):
    """ensure_server with no daemon running and the start itself faked."""
    started = []
    monkeypatch.setattr(server.LaunchPlan, "build", classmethod(lambda cls, home: _Plan()))
    monkeypatch.setattr(server, "running_server", lambda home: started[-1] if started else None)

    def start_locked(home, plan, memory, idle_timeout, autostarted, owner_pid, timeout=None):
        started.append(FAKE)
        return FAKE

    monkeypatch.setattr(server, "_start_locked", start_locked)
    return LanguageToolHome.from_env(str(tmp_path))


def test_on_start_runs_once_when_a_daemon_starts_and_not_when_one_runs(no_daemon):
    calls = []
    assert server.ensure_server(no_daemon, on_start=lambda: calls.append(1)) is FAKE
    assert server.ensure_server(no_daemon, on_start=lambda: calls.append(1)) is FAKE     # now running
    assert calls == [1]


def test_the_cli_announces_a_start_once_on_a_terminal_only(run_cli, write, monkeypatch):
    started = []

    def ensure(home, memory, idle_timeout, autostart, owner_pid, on_start=None):
        if not started and on_start is not None:
            on_start()
        started.append(on_start)
        raise LanguageToolUnavailable("the fake daemon did not come up")

    monkeypatch.setattr(stage, "ensure_server", ensure)
    monkeypatch.setattr(stage.LanguageToolStage, "_identity_without_server", lambda self, settings: None)
    paths = [write("a.txt", STORY), write("b.txt", STORY)]
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True, raising=False)
    on_terminal = run_cli("check", "-j", "1", "--no-cache", *paths)
    assert on_terminal.err.count("starting LanguageTool") == 1
    assert "keep it warm between runs with `newslint languagetool start`" in on_terminal.err
    started.clear()
    monkeypatch.setattr(sys.stderr, "isatty", lambda: False, raising=False)
    piped = run_cli("check", "-j", "1", "--no-cache", *paths)
    assert "starting LanguageTool" not in piped.err
    assert started and all(callback is None for callback in started)
