"""ConfigResolver: walking up for .newslint.yml, caching, --config and stdin."""
from __future__ import annotations

import pytest

from newslint.config import discovery
from newslint.config.discovery import ConfigResolver
from newslint.config.model import Config
from newslint.errors import ConfigError


@pytest.fixture
def tree(tmp_path):
    """tmp/.newslint.yml (exclude root-x), tmp/desk/.newslint.yaml (exclude desk-x), tmp/desk/a/b/."""
    (tmp_path / "desk" / "a" / "b").mkdir(parents=True)
    (tmp_path / "other").mkdir()
    (tmp_path / ".newslint.yml").write_text("exclude: [root-x]\n", encoding="utf-8")
    (tmp_path / "desk" / ".newslint.yaml").write_text("exclude: [desk-x]\n", encoding="utf-8")
    return tmp_path


def test_nearest_config_wins(tree):
    resolver = ConfigResolver()
    assert resolver.for_file(str(tree / "desk" / "a" / "b" / "story.md")).exclude == ("desk-x",)
    assert resolver.for_file(str(tree / "desk" / "story.md")).exclude == ("desk-x",)
    assert resolver.for_file(str(tree / "other" / "story.md")).exclude == ("root-x",)
    assert resolver.for_file(str(tree / "story.md")).root == str(tree)


def test_defaults_when_nothing_is_found(tmp_path):
    # tmp_path's ancestors are assumed free of .newslint.yml (as on the test machines).
    config = ConfigResolver().for_file(str(tmp_path / "story.md"))
    assert config == Config()


def test_the_file_need_not_exist(tree):
    assert ConfigResolver().for_file(str(tree / "desk" / "new" / "x.md")).exclude == ("desk-x",)


def test_relative_paths_resolve_from_the_cwd(tree, monkeypatch):
    monkeypatch.chdir(tree / "desk")
    assert ConfigResolver().for_file("a/story.md").exclude == ("desk-x",)


def test_each_file_is_loaded_once_and_folders_are_cached(tree, monkeypatch):
    calls = []
    real = discovery.load_config
    monkeypatch.setattr(discovery, "load_config", lambda p: calls.append(p) or real(p))
    resolver = ConfigResolver()
    for name in ("a/b/1.md", "a/b/2.md", "a/3.md", "4.md"):
        resolver.for_file(str(tree / "desk" / name))
    resolver.for_file(str(tree / "other" / "5.md"))
    assert calls == [str(tree / "desk" / ".newslint.yaml"), str(tree / ".newslint.yml")]
    # A new resolver has its own cache: an edited file is read again.
    (tree / "desk" / ".newslint.yaml").write_text("exclude: [changed]\n", encoding="utf-8")
    assert resolver.for_file(str(tree / "desk" / "6.md")).exclude == ("desk-x",)
    assert ConfigResolver().for_file(str(tree / "desk" / "6.md")).exclude == ("changed",)


def test_explicit_config_replaces_discovery(tree, tmp_path_factory):
    elsewhere = tmp_path_factory.mktemp("cfg") / "house.yml"
    elsewhere.write_text("exclude: [house-x]\n", encoding="utf-8")
    resolver = ConfigResolver(explicit=str(elsewhere))
    assert resolver.explicit is not None
    assert resolver.for_file(str(tree / "desk" / "story.md")).exclude == ("house-x",)
    assert resolver.for_stdin().exclude == ("house-x",)


def test_bad_explicit_config_fails_at_once(tmp_path):
    with pytest.raises(ConfigError, match="no such file"):
        ConfigResolver(explicit=str(tmp_path / "missing.yml"))


def test_a_broken_config_fails_every_file_under_it_but_not_its_neighbours(tree):
    (tree / "desk" / ".newslint.yaml").write_text("rules: {a: loud}\n", encoding="utf-8")
    resolver = ConfigResolver()
    for name in ("1.md", "a/2.md"):
        with pytest.raises(ConfigError, match="'loud' is not a level") as info:
            resolver.for_file(str(tree / "desk" / name))
        assert info.value.line == 1
    assert resolver.for_file(str(tree / "other" / "3.md")).exclude == ("root-x",)


def test_both_spellings_in_one_folder_is_an_error(tree):
    (tree / "desk" / ".newslint.yml").write_text("{}\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="both .newslint.yml and .newslint.yaml found"):
        ConfigResolver().for_file(str(tree / "desk" / "story.md"))


def test_a_folder_named_like_a_config_is_ignored(tree):
    (tree / "other" / ".newslint.yml").mkdir()
    assert ConfigResolver().for_file(str(tree / "other" / "story.md")).exclude == ("root-x",)


def test_stdin_uses_the_given_filename_or_the_cwd(tree, monkeypatch):
    resolver = ConfigResolver()
    assert resolver.for_stdin(str(tree / "desk" / "pasted.md")).exclude == ("desk-x",)
    monkeypatch.chdir(tree / "other")
    assert resolver.for_stdin(None).exclude == ("root-x",)
