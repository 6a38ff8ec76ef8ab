"""Glob semantics for include/exclude/overrides, and is_included / is_excluded."""
from __future__ import annotations

import fnmatch
import re

import pytest
from hypothesis import given, strategies as st

from newslint.config.discovery import is_excluded, is_included, relative_to_root
from newslint.config.globs import GlobSet, translate
from newslint.config.model import Config


@pytest.mark.parametrize("pattern,path,expected", [
    ("*.md", "story.md", True),
    ("*.md", "desk/2024/story.md", True),          # no "/": matches the name at any depth
    ("*.md", "story.mdx", False),
    ("story.?d", "story.md", True),
    ("story[0-9].md", "story7.md", True),
    ("story[!0-9].md", "story7.md", False),
    ("story[!0-9].md", "storyx.md", True),
    ("[[]x].md", "[x].md", True),                  # a class holding "["
    ("a[b", "a[b", True),                          # an unclosed "[" is literal
    ("wires/*.md", "wires/a.md", True),
    ("wires/*.md", "wires/x/a.md", False),         # "*" stays inside one component
    ("wires/*.md", "desk/wires/a.md", False),      # a "/" anchors at the root
    ("/story.md", "story.md", True),
    ("/story.md", "desk/story.md", False),
    ("./wires/*.md", "wires/a.md", True),
    ("wires/**", "wires/a.md", True),
    ("wires/**", "wires/x/y/a.md", True),
    ("wires/**", "wires", False),
    ("**/draft.md", "draft.md", True),
    ("**/draft.md", "a/b/draft.md", True),
    ("a/**/b.md", "a/b.md", True),
    ("a/**/b.md", "a/x/y/b.md", True),
    ("a/**/b.md", "ab.md", False),
    ("**", "anything/at/all", True),
    ("a**b", "axxb", True),
    ("a**b", "ax/xb", False),
    ("Story.md", "story.md", False),               # case-sensitive
    ("wires/", "wires", True),                     # a trailing "/" is ignored
    ("*.md", "../elsewhere/story.md", True),       # outside the root: only by name
    ("elsewhere/*.md", "../elsewhere/story.md", False),
    ("a+b(c).md", "a+b(c).md", True),              # regex characters are literal
])
def test_matches(pattern, path, expected):
    assert GlobSet((pattern,)).matches(path) is expected


@pytest.mark.parametrize("pattern,path,expected", [
    ("archive", "archive/2020/a.md", True),
    ("archive", "desk/archive/a.md", True),
    ("archive/**", "archive/2020/a.md", True),
    ("archive/2020", "archive/2020/a.md", True),
    ("archive/2020", "archive/2021/a.md", False),
    ("*.bak", "desk.bak/story.md", True),
    ("drafts", "desk/story.md", False),
    ("desk/*", "desk/a/b.md", True),               # the folder desk/a matches
])
def test_matches_path_or_parent(pattern, path, expected):
    assert GlobSet((pattern,)).matches_path_or_parent(path) is expected


def test_empty_set_matches_nothing():
    assert not GlobSet(()).matches("a.md")
    assert not GlobSet(()).matches_path_or_parent("a/b.md")


def test_translate_reports_anchoring():
    assert translate("*.md")[1] is False
    assert translate("desk/*.md")[1] is True
    assert translate("/x")[1] is True


NAMES = st.text(alphabet="ab.-_xyz", min_size=1, max_size=8).filter(lambda s: s not in (".", ".."))


@given(NAMES, st.text(alphabet="ab.-_xyz*?", min_size=1, max_size=8).filter(lambda s: s not in (".", "..")))
def test_single_component_agrees_with_fnmatch(name, pattern):
    # Without "/" or classes, a one-component glob means what fnmatch means.
    assert GlobSet((pattern,)).matches(name) == fnmatch.fnmatchcase(name, pattern)


@given(st.text(min_size=1, max_size=12).filter(lambda s: "/" not in s and "\\" not in s))
def test_any_text_translates_to_a_valid_regex(pattern):
    regex, _ = translate(pattern)
    re.compile(regex)


def test_is_included_and_is_excluded_take_paths_from_the_root(tmp_path, monkeypatch):
    config = Config(root=str(tmp_path), include=("*.md", "wires/*.txt"), exclude=("archive/**", "*.draft.md"))
    assert is_included(config, str(tmp_path / "desk" / "a.md"))
    assert is_included(config, str(tmp_path / "wires" / "a.txt"))
    assert not is_included(config, str(tmp_path / "desk" / "a.txt"))
    assert is_excluded(config, str(tmp_path / "archive" / "2020" / "a.md"))
    assert is_excluded(config, str(tmp_path / "desk" / "a.draft.md"))
    assert not is_excluded(config, str(tmp_path / "desk" / "archive.md"))
    monkeypatch.chdir(tmp_path / "..")
    assert is_excluded(config, f"{tmp_path.name}/archive/b.md")
    assert relative_to_root(config, f"{tmp_path.name}/archive/b.md") == "archive/b.md"


def test_default_config_includes_article_formats(tmp_path):
    config = Config(root=str(tmp_path))
    for name in ("a.txt", "b.md", "c.markdown", "d.html", "e.htm"):
        assert is_included(config, str(tmp_path / "x" / name))
    assert not is_included(config, str(tmp_path / "x" / "f.pdf"))
    assert not is_excluded(config, str(tmp_path / "x" / "a.txt"))
