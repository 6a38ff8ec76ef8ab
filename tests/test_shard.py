"""--shard I/N: every file in exactly one shard, chosen by its path alone."""
from __future__ import annotations

import hashlib
import os

import pytest

from newslint.workflows.shard import Shard, ShardSpecError, shard_key, shard_of

ARTICLE = ("# Harbor vote\n\nThe harbor board voted 5-2 on Tuesday to rebuild the north pier.\n\n"
           "Print | Email | Share\n\nThe work starts in May, the board said.\n")


@pytest.mark.parametrize("spec, expected", [("1/1", Shard(1, 1)), ("2/4", Shard(2, 4)), (" 4 / 4 ", Shard(4, 4))])
def test_parse_accepts_one_based_index(spec, expected):
    assert Shard.parse(spec) == expected


@pytest.mark.parametrize("spec, fragment", [
    ("0/4", "between 1 and 4"), ("5/4", "between 1 and 4"), ("1/0", "at least 1"),
    ("2", "not I/N"), ("a/b", "not I/N"), ("-1/4", "not I/N"), ("1/4/2", "not I/N"), ("", "not I/N"),
])
def test_parse_rejects_bad_specs_with_a_reason(spec, fragment):
    with pytest.raises(ShardSpecError, match=fragment):
        Shard.parse(spec)


def _names(count: int) -> list[str]:
    return [f"desk/{year}/story-{n:04d}.md" for year in (2023, 2024) for n in range(count // 2)]


@pytest.mark.parametrize("count", [1, 2, 3, 7])
def test_shards_cover_every_file_exactly_once(count):
    files = _names(400)
    picked = [Shard(i, count).select(files) for i in range(1, count + 1)]
    flat = [f for part in picked for f in part]
    assert sorted(flat) == sorted(files)
    assert len(flat) == len(set(flat))
    # A hash split is roughly even: no shard gets less than half its fair share.
    assert min(len(p) for p in picked) > len(files) / count / 2


def test_adding_files_moves_no_existing_file():
    files = _names(200)
    before = {f: shard_of(f, 4) for f in files}
    grown = sorted(files + [f"desk/2025/new-{n}.md" for n in range(50)])
    assert {f: shard_of(f, 4) for f in grown if f in before} == before


def test_selection_keeps_the_input_order():
    files = _names(100)
    assert Shard(2, 3).select(files) == [f for f in files if shard_of(f, 3) == 2]


def test_key_is_the_path_relative_to_the_working_directory(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    spelled = ["desk/a.md", "./desk/a.md", os.path.join(str(tmp_path), "desk", "a.md"), "desk//a.md"]
    assert {shard_key(p) for p in spelled} == {"desk/a.md"}
    assert len({shard_of(p, 5) for p in spelled}) == 1


def test_assignment_is_the_documented_hash_so_every_machine_agrees():
    # The first 8 bytes of sha256(relative path), big-endian, modulo N, plus one.
    for name in ("desk/story-0001.md", "a.md", "wires/ap/é.html"):
        expected = int(hashlib.sha256(name.encode()).hexdigest()[:16], 16) % 4 + 1
        assert shard_of(name, 4) == expected


def test_cli_shards_split_a_folder_without_gaps_or_overlap(run_cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    for n in range(12):
        path = tmp_path / "desk" / f"story-{n:02d}.md"
        path.parent.mkdir(exist_ok=True)
        path.write_text(ARTICLE, encoding="utf-8")
    whole = run_cli("check", "--no-languagetool", "--format", "json", "desk")
    assert whole.code == 1
    all_paths = sorted({f["path"] for f in whole.json()["findings"]})
    assert len(all_paths) == 12
    seen: list[str] = []
    for index in (1, 2, 3):
        part = run_cli("check", "--no-languagetool", "--format", "json", "--shard", f"{index}/3", "desk")
        assert part.code in (0, 1), part.err
        seen.extend(sorted({f["path"] for f in part.json()["findings"]}))
    assert sorted(seen) == all_paths


def test_cli_reports_a_bad_shard_as_a_usage_error(run_cli, tmp_path):
    story = tmp_path / "a.md"
    story.write_text(ARTICLE, encoding="utf-8")
    result = run_cli("check", "--no-languagetool", "--shard", "0/3", str(story))
    assert result.code == 2
    assert "--shard" in result.err and "between 1 and 3" in result.err


def test_cli_reports_missing_paths_in_every_shard(run_cli, tmp_path):
    missing = str(tmp_path / "nope.md")
    for index in (1, 2):
        result = run_cli("check", "--no-languagetool", "--format", "json", "--shard", f"{index}/2", missing)
        assert result.code == 2
        assert result.json()["errors"][0]["path"] == missing
