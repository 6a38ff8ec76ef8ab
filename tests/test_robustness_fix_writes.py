"""`--fix` against a file that changes under it, is read-only, has hard links, or belongs
to someone else: it refuses or preserves, and says so."""
from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from newslint.fixing import files as fix_files

CONFIG = "extends: [./house]\nlanguagetool: {enabled: false}\n"
RULE = ("extends: substitution\nmessage: \"Use '%s' instead of '%s'.\"\nlevel: warning\n"
        "swap:\n  percent: per cent\n")
TEXT = "Rates rise\n\nRates rose 5 percent on Tuesday.\n"
FIXED = TEXT.replace("percent", "per cent")


@pytest.fixture
def desk(tmp_path: Path) -> Path:
    (tmp_path / ".newslint.yml").write_text(CONFIG)
    (tmp_path / "house" / "style").mkdir(parents=True)
    (tmp_path / "house" / "style" / "percent.yml").write_text(RULE)
    (tmp_path / "story.txt").write_text(TEXT)
    return tmp_path


def test_an_edit_made_while_the_fix_is_written_is_not_lost(desk, run_cli, monkeypatch):
    story = desk / "story.txt"
    edited = TEXT + "\nA late paragraph from the desk.\n"
    real_fsync = os.fsync

    def editor_saves_meanwhile(fd):
        real_fsync(fd)
        if story.read_text() == TEXT:
            story.write_text(edited)        # after the re-read, before the rename

    monkeypatch.setattr(fix_files.os, "fsync", editor_saves_meanwhile)
    result = run_cli("check", "--fix", str(story))
    assert story.read_text() == edited
    assert result.code == 2 and "changed while it was being fixed" in result.out + result.err


def test_a_read_only_file_is_not_rewritten(desk, run_cli):
    story = desk / "story.txt"
    story.chmod(0o444)
    result = run_cli("check", "--fix", str(story))
    assert story.read_text() == TEXT
    assert stat.S_IMODE(story.stat().st_mode) == 0o444
    assert result.code == 2 and "read-only" in result.out + result.err


def test_hard_links_stay_one_file(desk, run_cli):
    story = desk / "story.txt"
    other = desk / "copy-desk.txt"
    os.link(story, other)
    inode = story.stat().st_ino
    result = run_cli("check", "--fix", str(story))
    assert result.code == 0, result.out
    assert story.read_text() == FIXED and other.read_text() == FIXED
    assert story.stat().st_ino == other.stat().st_ino == inode


def test_the_owner_is_kept(desk, run_cli):
    story = desk / "story.txt"
    if os.geteuid() == 0:
        os.chown(story, 4321, 4321)          # a reporter's file, fixed by root
    before = story.stat()
    result = run_cli("check", "--fix", str(story))
    assert result.code == 0, result.out
    after = story.stat()
    assert story.read_text() == FIXED
    assert (after.st_uid, after.st_gid) == (before.st_uid, before.st_gid)
    assert stat.S_IMODE(after.st_mode) == stat.S_IMODE(before.st_mode)
