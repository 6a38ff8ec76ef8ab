"""The ``-j`` pool forks its workers from the ``newslint`` process: a thread running at
that moment could hold a lock (a log stream's, a connection pool's) that the child then
waits on for ever. A run starts none before the pool forks, LanguageTool on."""
from __future__ import annotations

import threading

from newslint.cli import main
from newslint.engine import pool

ARTICLE = "The council voted on Tuesday to close the library, officials said.\n"


def test_no_thread_of_the_run_is_alive_when_the_pool_forks(tmp_path, monkeypatch, capsys, languagetool_url):
    for n in range(4):
        (tmp_path / f"story-{n}.txt").write_text(ARTICLE, encoding="utf-8")
    before = set(threading.enumerate())
    started: list[set[str]] = []
    lint_in_pool = pool.lint_in_pool

    def spy(linter, files, jobs):
        started.append({t.name for t in set(threading.enumerate()) - before})
        yield from lint_in_pool(linter, files, jobs)

    monkeypatch.setattr(pool, "lint_in_pool", spy)
    status = main(["check", "-j", "2", "--no-cache", "--languagetool-url", languagetool_url,
                   "--format", "json", str(tmp_path)])
    assert status in (0, 1), capsys.readouterr().err
    assert started == [set()]
