"""Files checked in turn send each file's LanguageTool request before the file ahead of
it is finished (a stand-in stage here: the code around LanguageTool is under test; the
real server is exercised by the LanguageTool tests, which go through the same path)."""
from __future__ import annotations

import threading

from newslint.config.model import Config
from newslint.engine import Linter, LintOptions
from newslint.errors import LanguageToolError


class OverlapStage:
    """The answer for the first document waits until the second one has been asked: it
    comes only if both requests are out at once."""

    def __init__(self):
        self.asked: list[str] = []
        self.second_asked = threading.Event()
        self.overlapped = False

    def check(self, doc, settings=None, vocab_accept=()):
        self.asked.append(doc.path)
        if len(self.asked) == 2:
            self.second_asked.set()
        if len(self.asked) == 1:
            self.overlapped = self.second_asked.wait(timeout=10)
        return []


class FailingStage:
    def check(self, doc, settings=None, vocab_accept=()):
        if doc.path.endswith("b.txt"):
            raise LanguageToolError("the server said no")
        return []


def _files(tmp_path, names):
    paths = []
    for name in names:
        path = tmp_path / name
        path.write_text(f"The council met on Tuesday in {name}.\n", encoding="utf-8")
        paths.append(str(path))
    return paths


def _linter(stage) -> Linter:
    linter = Linter(LintOptions(languagetool=True, jobs=1), config=Config())
    linter.services.languagetool.use(stage)
    return linter


def test_the_next_file_is_asked_while_the_one_before_waits(tmp_path):
    stage = OverlapStage()
    paths = _files(tmp_path, ["a.txt", "b.txt", "c.txt"])
    results = list(_linter(stage).iter_files(paths))
    assert stage.overlapped
    assert [r.path for r in results] == paths
    assert sorted(stage.asked) == paths          # each file asked once


def test_a_file_whose_request_failed_ahead_reports_it_and_the_others_are_checked(tmp_path):
    paths = _files(tmp_path, ["a.txt", "b.txt", "c.txt"])
    results = _linter(FailingStage()).lint_batch(paths)
    assert [r.path for r in results] == paths
    assert [bool(r.errors) for r in results] == [False, True, False]
    assert "the server said no" in results[1].errors[0].message


def test_unreadable_and_empty_files_keep_their_place(tmp_path):
    stage = OverlapStage()
    paths = _files(tmp_path, ["a.txt", "c.txt"])
    empty = tmp_path / "b.txt"
    empty.write_text("  \n", encoding="utf-8")
    missing = str(tmp_path / "gone.txt")
    order = [str(empty), paths[0], paths[1], missing]
    results = list(_linter(stage).iter_files(order))
    assert [r.path for r in results] == order
    assert results[0].notices and results[3].errors
    assert stage.overlapped
