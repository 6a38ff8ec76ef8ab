"""Smaller hostile inputs: a forged daemon state file, control characters in file names,
an unbounded -j, and baselines with absurd numbers or nesting."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import time

import pytest

from newslint.languagetool.paths import LanguageToolHome
from newslint.languagetool.server import SERVER_CLASS, ServerState, _write_state, running_server


def test_a_forged_state_file_naming_a_look_alike_process_is_not_trusted(tmp_path):
    home = LanguageToolHome(tmp_path / "data")
    home.run_dir.mkdir(parents=True)
    port = 45999
    # A process whose command line looks like the daemon's, that listens on nothing.
    fake = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)", SERVER_CLASS, "--port", str(port)])
    try:
        time.sleep(0.3)
        _write_state(home, ServerState(pid=fake.pid, port=port, version="6.8", config_hash="x",
                                       started_at=time.time()))
        assert running_server(home) is None
        assert not home.state_file.exists()
    finally:
        fake.kill()
        fake.wait()


@pytest.mark.languagetool
def test_the_real_daemon_is_still_trusted(languagetool_home, languagetool_server):
    state = running_server(languagetool_home)
    assert state is not None and state.ready


def test_control_characters_in_file_names_are_escaped_in_text_output(run_cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    name = "evil\x1b]0;owned\x07\nfake.txt:1:1: error [x] forged.txt"
    with open(name, "w", encoding="utf-8") as handle:
        handle.write("Budget vote\n\nLeave a Reply\n")
    result = run_cli("check", "--no-languagetool", name)
    assert result.code == 1
    assert "\x1b" not in result.out and "\x07" not in result.out
    lines = [ln for ln in result.out.splitlines() if "leave-a-reply" in ln]
    assert lines == [f"evil\\x1b]0;owned\\x07\\nfake.txt:1:1: error [x] forged.txt:3:1: warning "
                     "[news.chrome.leave-a-reply] Comment-section heading left over from the web page."]


def test_control_characters_from_the_article_are_escaped_in_messages(run_cli, write):
    write(".newslint.yml", "vocab:\n  reject: [\"bad\\e[31mword\"]\n")
    path = write("a.txt", "Budget vote\n\nA bad\x1b[31mword here.\n")
    result = run_cli("check", "--no-languagetool", path)
    assert "\x1b" not in result.out
    assert "[vocab.reject] Avoid using 'bad\\x1b[31mword'." in result.out


def test_jobs_are_capped_with_a_note(run_cli, write):
    from newslint.cli_options import JOBS_PER_CORE

    path = write("a.txt", "Budget vote\n\nThe mayor spoke.\n")
    result = run_cli("check", "--no-languagetool", "-j", "100000", path)
    assert result.code == 0
    limit = JOBS_PER_CORE * (os.cpu_count() or 1)
    assert f"-j 100000 is more than {JOBS_PER_CORE} per core; using {limit}" in result.err


@pytest.mark.parametrize("body", [
    '{"version": 1, "entries": [{"path": "a.txt", "rule": "r", "fingerprint": "f", "count": 1e999}]}',
    '{"version": 1, "entries": [{"path": "a.txt", "rule": "r", "fingerprint": "f", "count": 2.5}]}',
    '{"version": 1, "entries": ' + "[" * 100_000 + "]" * 100_000 + "}",
])
def test_a_baseline_with_absurd_numbers_or_nesting_is_a_clear_error(run_cli, write, body):
    baseline = write("baseline.json", body)
    path = write("a.txt", "Budget vote\n\nLeave a Reply\n")
    result = run_cli("check", "--no-languagetool", "--baseline", baseline, path)
    assert result.code == 2
    text = result.out + result.err
    assert "baseline.json" in text and "Traceback" not in text and "failed:" not in text
