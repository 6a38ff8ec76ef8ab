"""A config someone else dropped above the checkout: discovery stops at the repository
root or the home folder, and a discovered config outside any repository may not send the
article to a LanguageTool server on another machine."""
from __future__ import annotations

import pytest

from newslint.config.discovery import ConfigResolver, is_loopback_url
from newslint.config.model import Config
from newslint.errors import ConfigError

RULES_OFF = "rules:\n  news.*: off\n"
REMOTE = "languagetool:\n  url: https://lt.example.net\n"


@pytest.fixture
def shared(tmp_path, monkeypatch):
    """tmp/shared holds a hostile config; tmp/shared/repo is a checkout; home is elsewhere."""
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    (tmp_path / "home").mkdir()
    repo = tmp_path / "above" / "repo"
    (repo / "desk").mkdir(parents=True)
    (repo / ".git").mkdir()
    (tmp_path / "above" / ".newslint.yml").write_text(RULES_OFF + REMOTE, encoding="utf-8")
    return tmp_path


def test_discovery_stops_at_the_repository_root(shared, run_cli):
    story = shared / "above" / "repo" / "desk" / "story.txt"
    story.write_text("Budget vote delayed\n\nLeave a Reply\n", encoding="utf-8")
    assert ConfigResolver().for_file(str(story)) == Config()
    result = run_cli("check", "--no-languagetool", "--format", "json", story)
    assert result.code == 1
    assert [f["rule"] for f in result.json()["findings"]] == ["news.chrome.leave-a-reply"]


def test_discovery_stops_at_the_home_folder(tmp_path, monkeypatch):
    home = tmp_path / "home"
    (home / "notes").mkdir(parents=True)
    (tmp_path / ".newslint.yml").write_text(RULES_OFF, encoding="utf-8")
    monkeypatch.setenv("HOME", str(home))
    assert ConfigResolver().for_file(str(home / "notes" / "story.txt")) == Config()


def test_a_config_inside_the_repository_still_applies(shared):
    repo = shared / "above" / "repo"
    (repo / ".newslint.yml").write_text(RULES_OFF + REMOTE, encoding="utf-8")
    config = ConfigResolver().for_file(str(repo / "desk" / "story.txt"))
    assert config.languagetool.urls == ("https://lt.example.net",)


def test_a_discovered_config_outside_a_repository_may_not_name_a_remote_server(shared, run_cli):
    loose = shared / "above" / "loose"
    loose.mkdir()
    story = loose / "story.txt"
    story.write_text("Budget vote delayed\n\nThe mayor spoke.\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="outside any repository"):
        ConfigResolver().for_file(str(story))
    result = run_cli("check", "--format", "json", story)
    assert result.code == 2
    assert "lt.example.net" in result.out and "--languagetool-url" in result.out
    # Given explicitly, the same file is used.
    config = ConfigResolver(explicit=str(shared / "above" / ".newslint.yml")).for_file(str(story))
    assert config.languagetool.urls == ("https://lt.example.net",)


def test_a_loopback_server_in_a_loose_config_is_fine(tmp_path):
    (tmp_path / ".newslint.yml").write_text("languagetool:\n  url: http://127.0.0.1:8081\n", encoding="utf-8")
    config = ConfigResolver().for_file(str(tmp_path / "story.txt"))
    assert config.languagetool.urls == ("http://127.0.0.1:8081",)


def test_servers_given_explicitly_replace_the_configs_own(shared):
    story = shared / "above" / "story.txt"
    config = ConfigResolver(servers_given=True).for_file(str(story))
    assert config.languagetool.urls == ("https://lt.example.net",)


@pytest.mark.parametrize("url, loopback", [
    ("http://localhost:8081", True), ("http://127.0.0.1:1", True), ("http://[::1]:80", True),
    ("127.0.0.2:9", True), ("https://lt.example.net", False), ("http://10.0.0.1", False)])
def test_loopback_urls(url, loopback):
    assert is_loopback_url(url) is loopback
