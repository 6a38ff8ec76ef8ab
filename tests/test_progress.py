"""Progress on a terminal: standard error only, never in machine output, off when quiet."""
from __future__ import annotations

import fcntl
import io
import os
import pty
import re
import struct
import subprocess
import sys
import termios

from newslint.progress import Progress, progress_for
from tests.conftest import REPO

CORPUS = REPO / "tests" / "corpus"
ARTICLES = sorted(p.name for p in CORPUS.iterdir() if p.suffix in (".txt", ".md", ".html"))


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_bar_counts_files_with_rate_and_time_left():
    term = _Terminal()
    progress = Progress(term, mininterval=0)
    progress.start(4)
    for _ in range(4):
        progress.advance()
    drawn = term.getvalue()
    assert "checking" in drawn and "4/4" in drawn and "file/s" in drawn
    assert "<" in drawn            # tqdm's elapsed<remaining
    progress.close()


def test_off_when_quiet_not_a_terminal_or_switched_off(monkeypatch):
    assert progress_for(quiet=False, stream=_Terminal()) is not None
    assert progress_for(quiet=True, stream=_Terminal()) is None
    assert progress_for(quiet=False, stream=io.StringIO()) is None
    monkeypatch.setenv("NEWSLINT_PROGRESS", "0")
    assert progress_for(quiet=False, stream=_Terminal()) is None


def test_text_to_the_same_terminal_is_written_around_the_bar():
    term = _Terminal()
    progress = Progress(term)
    progress.start(2)
    out = progress.wrap(term)
    out.write("a.md:1:1: warning [x] message\n")
    assert "a.md:1:1: warning [x] message\n" in term.getvalue()
    assert progress.wrap(io.StringIO()).__class__ is io.StringIO
    progress.close()


def _check_with_terminal_stderr(*args: str) -> tuple[int, bytes, str]:
    """Run the CLI with standard error on a pseudo-terminal and standard output on a pipe."""
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 100, 0, 0))
    env = {**os.environ, "COLUMNS": "100"}
    env.pop("NEWSLINT_PROGRESS", None)
    proc = subprocess.Popen([sys.executable, "-m", "newslint", "check", *args], stdout=subprocess.PIPE,
                            stderr=slave, stdin=subprocess.DEVNULL, env=env, cwd=REPO)
    os.close(slave)
    terminal = bytearray()
    while True:
        try:
            chunk = os.read(master, 4096)
        except OSError:            # EIO: the child closed its end
            break
        if not chunk:
            break
        terminal += chunk
    out = proc.stdout.read()
    proc.wait(timeout=120)
    os.close(master)
    return proc.returncode, out, terminal.decode("utf-8", "replace")


def test_machine_output_is_untouched_and_the_bar_is_on_the_terminal():
    args = ("--no-languagetool", "-j", "1", "--format", "json", "tests/corpus")
    code, out, terminal = _check_with_terminal_stderr(*args)
    plain = subprocess.run([sys.executable, "-m", "newslint", "check", *args], capture_output=True,
                           cwd=REPO, timeout=120)
    assert code == plain.returncode == 1
    assert out == plain.stdout                 # byte for byte: no bar in the JSON
    assert plain.stderr == b""                 # not a terminal: no bar
    # files done of the total, elapsed<remaining and the rate (the last draw may be skipped:
    # tqdm redraws at most every 0.2 s, and the bar is erased at the end)
    assert re.search(rf"checking: +\d+%\|.*\| \d+/{len(ARTICLES)} \[\d\d:\d\d<[\d:?]+, +[\d.?]+file/s\]",
                     terminal), terminal


def test_quiet_draws_no_bar():
    code, out, terminal = _check_with_terminal_stderr("-q", "--no-languagetool", "-j", "1", "--format", "json",
                                                      "tests/corpus")
    assert code == 1 and out.startswith(b"{")
    assert "file/s" not in terminal and "checking" not in terminal
