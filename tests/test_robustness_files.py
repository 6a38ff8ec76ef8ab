"""Robustness: files that cannot be read or decoded, loops, files vanishing mid-run, and a
very large file.

Each bad file is a per-file error with a clear message; the other files are still
checked; the exit status is 2. (``--fix`` interrupted between writing and renaming is in
tests/test_fix_files.py: test_an_interrupted_write_leaves_the_original_and_no_temporary_file.)
"""
from __future__ import annotations

import os
import random
import sys
import threading
import time
from pathlib import Path

import pytest

from newslint import engine
from newslint.engine import Linter
from newslint.findings import Severity

REPO = Path(__file__).resolve().parent.parent
STORY = "Harbor vote delayed\n\nThe council met on Tuesday and cut the rate 5 per cent.\n\nLeave a Reply\n"


@pytest.fixture
def desk(tmp_path, monkeypatch):
    (tmp_path / ".newslint.yml").write_text("extends: [newslint:news]\n")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def check_json(run_cli, *paths, jobs: int = 1):
    result = run_cli("check", "--no-languagetool", "-j", str(jobs), "--format", "json", *paths)
    return result.code, result.json()


def errors_by_path(data) -> dict[str, str]:
    return {e["path"]: e["message"] for e in data["errors"]}


def checked(data) -> set[str]:
    return {f["path"] for f in data["findings"]}


def test_invalid_utf8_binary_empty_and_good_files_in_one_run(desk, run_cli):
    (desk / "good.txt").write_text(STORY)
    (desk / "latin1.txt").write_bytes("Caf\xe9 owners said the vote was delayed.\n".encode("latin-1"))
    (desk / "truncated.md").write_bytes("# Vote\n\nThe caf\u00e9".encode()[:-1] + b"\n")
    (desk / "image.html").write_bytes(bytes(range(256)) * 8)
    (desk / "nul.txt").write_bytes(b"Harbor vote\x00delayed\n")
    (desk / "blank.txt").write_bytes(b"\xef\xbb\xbf \r\n\t\n")
    code, data = check_json(run_cli, ".")
    assert code == 2
    errors = errors_by_path(data)
    assert errors == {
        "./image.html": "binary file, not text",
        "./latin1.txt": "not UTF-8 (byte 0xe9 at offset 3)",
        "./nul.txt": "binary file, not text",
        "./truncated.md": "not UTF-8 (byte 0xc3 at offset 15)",
    }
    assert checked(data) == {"./good.txt"}
    assert {"code": "empty-file", "message": "./blank.txt: empty file, nothing to check"} in data["notices"]


def test_unreadable_file_through_a_failing_open(desk, run_cli, monkeypatch):
    """An unreadable file (tests run as root, who can read mode 000, so open() is made to refuse)."""
    good = desk / "good.txt"
    good.write_text(STORY)
    locked = desk / "locked.txt"
    locked.write_text(STORY)

    real_open = os.open

    def guarded_open(file, *args, **kwargs):
        if os.path.basename(os.fsdecode(file)) == "locked.txt":
            raise PermissionError(13, "Permission denied", os.fsdecode(file))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(os, "open", guarded_open)
    code, data = check_json(run_cli, ".")
    assert code == 2
    assert errors_by_path(data) == {"./locked.txt": "permission denied"}
    assert checked(data) == {"./good.txt"}


def _run_with_deadline(target, seconds: float):
    """Runs ``target()`` in a thread; fails the test (instead of hanging) past ``seconds``."""
    box: dict = {}

    def run():
        try:
            box["value"] = target()
        except BaseException as exc:  # noqa: BLE001 (re-raised in the test thread)
            box["error"] = exc

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(seconds)
    assert not thread.is_alive(), f"still running after {seconds} s (blocked on a special file?)"
    if "error" in box:
        raise box["error"]
    return box["value"]


def test_a_fifo_named_like_an_article_is_an_error_not_a_hang(desk):
    (desk / "good.txt").write_text(STORY)
    fifo = desk / "pipe.txt"
    os.mkfifo(fifo)
    linter = Linter(engine.LintOptions(languagetool=False))
    try:
        report = _run_with_deadline(lambda: linter.lint_paths(["."]), 10)
        assert report.exit_code(Severity.WARNING) == 2
        assert {e.path: e.message for e in report.errors} == {"./pipe.txt": "not a regular file"}
        assert {f.path for f in report.findings} == {"./good.txt"}
        # Named explicitly, too.
        report = _run_with_deadline(lambda: linter.lint_paths(["pipe.txt", "good.txt"]), 10)
        assert {e.path: e.message for e in report.errors} == {"pipe.txt": "not a regular file"}
    finally:
        _release_readers(fifo)


def _release_readers(fifo: Path) -> None:
    """Lets a reader blocked on opening ``fifo`` go (a writer opens it and closes it)."""
    for _ in range(5):
        try:
            os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
        except OSError:       # no reader waiting
            return
        time.sleep(0.05)


def test_a_directory_named_like_an_article_is_walked(desk, run_cli):
    (desk / "folder.txt").mkdir()
    (desk / "folder.txt" / "inner.md").write_text(STORY)
    code, data = check_json(run_cli, "folder.txt")
    assert code == 1 and data["errors"] == []
    assert checked(data) == {os.path.join("folder.txt", "inner.md")}


def test_directory_symlink_to_its_parent_is_not_followed(desk, run_cli):
    (desk / "desk").mkdir()
    (desk / "desk" / "story.txt").write_text(STORY)
    (desk / "desk" / "loop").symlink_to("..", target_is_directory=True)
    (desk / "desk" / "self").symlink_to(".", target_is_directory=True)
    code, data = _run_with_deadline(lambda: check_json(run_cli, "desk"), 20)
    assert code == 1 and data["errors"] == []
    assert checked(data) == {os.path.join("desk", "story.txt")}


def test_file_symlink_loop_is_a_per_file_error(desk, run_cli):
    (desk / "good.txt").write_text(STORY)
    os.symlink("b.txt", desk / "a.txt")
    os.symlink("a.txt", desk / "b.txt")
    code, data = check_json(run_cli, ".")
    assert code == 2
    errors = errors_by_path(data)
    assert set(errors) == {"./a.txt", "./b.txt"}
    assert all("symbolic link" in m for m in errors.values()), errors
    assert checked(data) == {"./good.txt"}
    # Named on the command line.
    code, data = check_json(run_cli, "a.txt", "good.txt")
    assert code == 2
    assert set(errors_by_path(data)) == {"a.txt"} and "symbolic link" in errors_by_path(data)["a.txt"]


def test_a_file_deleted_after_expansion_is_an_error_and_the_rest_is_checked(desk, run_cli, monkeypatch):
    for name in ("a.txt", "b.txt", "c.txt"):
        (desk / name).write_text(STORY)
    original = Linter._read        # where each file's check starts

    def read(self, path):
        if os.path.basename(path) == "a.txt":
            os.remove(desk / "b.txt")               # gone between expansion and reading
        return original(self, path)

    monkeypatch.setattr(Linter, "_read", read)
    code, data = check_json(run_cli, ".")
    assert code == 2
    assert errors_by_path(data) == {"./b.txt": "no such file or directory"}
    assert checked(data) == {"./a.txt", "./c.txt"}


def test_a_file_replaced_by_a_directory_mid_run(desk, run_cli, monkeypatch):
    for name in ("a.txt", "b.txt"):
        (desk / name).write_text(STORY)
    original = Linter._read        # where each file's check starts

    def read(self, path):
        if os.path.basename(path) == "a.txt":
            os.remove(desk / "b.txt")
            (desk / "b.txt").mkdir()
        return original(self, path)

    monkeypatch.setattr(Linter, "_read", read)
    code, data = check_json(run_cli, ".")
    assert code == 2
    assert errors_by_path(data) == {"./b.txt": "is a directory"}
    assert checked(data) == {"./a.txt"}


def test_ten_megabyte_file_checks_in_bounded_time(tmp_path, run_cli):
    sys.path.insert(0, str(REPO / "benchmarks"))
    try:
        from corpus import article, render
    finally:
        sys.path.remove(str(REPO / "benchmarks"))
    rng = random.Random(11)
    parts, size = [], 0
    while size < 10_000_000:
        headline, paragraphs = article(rng)
        piece = render("txt", headline, paragraphs)
        parts.append(piece)
        size += len(piece)
    parts.insert(len(parts) // 2, "word " * 200_000 + "\n\n")       # one 1 MB line
    path = tmp_path / "archive.txt"
    path.write_text("".join(parts), encoding="utf-8")
    (tmp_path / ".newslint.yml").write_text("extends: [newslint:news]\n")
    assert path.stat().st_size >= 10_000_000
    started = time.monotonic()
    result = run_cli("check", "--no-languagetool", "-j", "1", "--format", "json", path)
    elapsed = time.monotonic() - started
    assert elapsed < 120, f"10 MB took {elapsed:.0f} s"
    assert result.code == 1
    data = result.json()
    assert data["errors"] == []
    assert len(data["findings"]) > 100
    lines = path.read_text(encoding="utf-8").split("\n")
    assert all(1 <= f["line"] <= len(lines) for f in data["findings"])
