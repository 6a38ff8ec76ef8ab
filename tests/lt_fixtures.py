"""Session fixtures for tests that talk to a real LanguageTool server.

Register in tests/conftest.py with ``pytest_plugins = ["tests.lt_fixtures"]``.

- ``languagetool_home``: the data folder, NEWSLINT_DATA_DIR or the user data folder where
  ``newslint languagetool install`` puts LanguageTool (exported for the session, so the
  CLI and the engine use it too); the cache goes to
  a session temporary folder through NEWSLINT_CACHE_DIR.
- ``languagetool_installation``: LanguageTool installed there through newslint's
  installer (Maven route; a no-op once installed).
- ``languagetool_server``: a daemon started once per session, tied to the pytest
  process (its watcher stops it if pytest dies) and stopped at the end.
- ``languagetool_url``: the URL of the daemon running now (a test may have restarted it).
"""
from __future__ import annotations

import os
from typing import Iterator

import pytest

from newslint.languagetool.install import Installation, install
from newslint.languagetool.paths import CACHE_DIR_ENV, DATA_DIR_ENV, LanguageToolHome, default_data_dir
from newslint.languagetool.process import pid_alive
from newslint.languagetool.server import ServerState, ensure_server, running_server, start_server, stop_server


@pytest.fixture(scope="session")
def languagetool_home(tmp_path_factory) -> Iterator[LanguageToolHome]:
    data_dir = os.environ.get(DATA_DIR_ENV) or str(default_data_dir())
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv(DATA_DIR_ENV, data_dir)
        mp.setenv(CACHE_DIR_ENV, str(tmp_path_factory.mktemp("newslint-cache")))
        yield LanguageToolHome.from_env(data_dir)


@pytest.fixture(scope="session")
def languagetool_installation(languagetool_home) -> Installation:
    return install(languagetool_home, "maven", progress=print)


@pytest.fixture(scope="session")
def languagetool_server(languagetool_home, languagetool_installation) -> Iterator[ServerState]:
    already = running_server(languagetool_home)
    state = start_server(languagetool_home, owner_pid=os.getpid())
    yield state
    # Stop whatever daemon runs now (tests may have restarted it), unless it is one that
    # ran before the session.
    current = running_server(languagetool_home)
    if current is not None and (already is None or current.pid != already.pid):
        stop_server(languagetool_home)
        assert not pid_alive(current.pid), f"LanguageTool pid {current.pid} still runs after stop"
    if already is None or already.pid != state.pid:
        assert not pid_alive(state.pid), f"LanguageTool pid {state.pid} still runs after the session"


@pytest.fixture
def languagetool_url(languagetool_home, languagetool_server) -> str:
    state = running_server(languagetool_home) or ensure_server(languagetool_home, owner_pid=os.getpid())
    return state.url
