"""load_config: the schema, strict validation and where errors point."""
from __future__ import annotations

import os
import textwrap

import pytest

from newslint.config.loader import load_config, parse_config
from newslint.config.model import DEFAULT_INCLUDE, Config, LanguageToolSettings, Override
from newslint.errors import ConfigError


def write(tmp_path, text: str, name: str = ".newslint.yml") -> str:
    path = tmp_path / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return str(path)


def load_error(tmp_path, text: str) -> ConfigError:
    with pytest.raises(ConfigError) as info:
        load_config(write(tmp_path, text))
    return info.value


# -- what a valid file means -------------------------------------------------------------


def test_full_example_from_the_design(tmp_path):
    (tmp_path / "house").mkdir()
    path = write(tmp_path, """\
        extends: [newslint:news, house]
        languagetool:
          enabled: true
          language: en-GB
          url: null
          autostart: false
          picky: true
          enabled_rules: [PASSIVE_VOICE]
          disabled_rules: [SERIAL_COMMA_ON]
          enabled_categories: [STYLE]
          disabled_categories: [TYPOGRAPHY]
          idle_timeout: 600
          memory: 2G
        rules: {news.style.us-abbrev: error, news.fragment: off}
        vocab: {accept: [Galant, Hezbollah], reject: [Galant]}
        overrides: [{files: "wires/**", rules: {news.chrome.*: off}}]
        include: ["*.md"]
        exclude: ["archive/**"]
        """)
    config = load_config(path)
    assert config.path == path
    assert config.root == str(tmp_path)
    assert config.extends == ("newslint:news", str(tmp_path / "house"))
    assert config.languagetool == LanguageToolSettings(
        enabled=True, language="en-GB", urls=(), autostart=False, picky=True,
        enabled_rules=("PASSIVE_VOICE",), disabled_rules=("SERIAL_COMMA_ON",),
        enabled_categories=("STYLE",), disabled_categories=("TYPOGRAPHY",),
        idle_timeout=600, memory="2g")
    assert config.rules == (("news.style.us-abbrev", "error"), ("news.fragment", "off"))
    assert config.vocab_accept == ("Galant", "Hezbollah")
    assert config.vocab_reject == ("Galant",)
    assert config.overrides == (Override(files=("wires/**",), rules=(("news.chrome.*", "off"),)),)
    assert config.include == ("*.md",)
    assert config.exclude == ("archive/**",)


@pytest.mark.parametrize("text", ["", "# only a comment\n", "---\n", "~\n"])
def test_empty_file_means_defaults(tmp_path, text):
    path = write(tmp_path, text)
    config = load_config(path)
    assert config == Config(path=path, root=str(tmp_path))
    assert config.include == DEFAULT_INCLUDE
    assert config.languagetool == LanguageToolSettings()


def test_unset_sections_keep_defaults(tmp_path):
    config = load_config(write(tmp_path, "rules: {news.fragment: warning}\n"))
    assert config.extends == Config().extends
    assert config.languagetool == LanguageToolSettings()


def test_strings_may_stand_for_one_item_lists(tmp_path):
    config = load_config(write(tmp_path, """\
        extends: newslint:ap
        include: "*.txt"
        exclude: drafts
        vocab: {accept: Hezbollah}
        overrides: [{files: wires/*.md}]
        languagetool: {url: "http://127.0.0.1:8081/v2"}
        """))
    assert config.extends == ("newslint:ap",)
    assert config.include == ("*.txt",)
    assert config.exclude == ("drafts",)
    assert config.vocab_accept == ("Hezbollah",)
    assert config.overrides == (Override(files=("wires/*.md",), rules=()),)
    assert config.languagetool.urls == ("http://127.0.0.1:8081/v2",)


def test_several_urls_make_a_pool(tmp_path):
    config = load_config(write(tmp_path, """\
        languagetool:
          url: [http://lt1:8081, "https://lt2.example.org"]
        """))
    assert config.languagetool.urls == ("http://lt1:8081", "https://lt2.example.org")


def test_empty_extends_turns_the_default_pack_off(tmp_path):
    assert load_config(write(tmp_path, "extends: []\n")).extends == ()


@pytest.mark.parametrize("word,level", [
    ("off", "off"), ("false", "off"), ("no", "off"), ("Off", "off"),
    ("suggestion", "suggestion"), ("warning", "warning"), ("ERROR", "error"),
])
def test_rule_levels(tmp_path, word, level):
    config = load_config(write(tmp_path, f"rules:\n  news.fragment: {word}\n"))
    assert config.rules == (("news.fragment", level),)


def test_yaml_11_words_stay_text_in_text_settings(tmp_path):
    config = load_config(write(tmp_path, "languagetool: {language: no}\nvocab: {accept: [yes, 2024]}\n"))
    assert config.languagetool.language == "no"
    assert config.vocab_accept == ("yes", "2024")


def test_rule_lines_are_kept_for_later_warnings(tmp_path):
    config = load_config(write(tmp_path, """\
        rules:
          news.no-such-rule: error
          lt.*: off
        overrides:
          - files: "*.md"
            rules:
              news.chrome.*: suggestion
        """))
    assert config.rule_lines == (("news.no-such-rule", 2), ("lt.*", 3), ("news.chrome.*", 7))


def test_sections_with_nothing_under_them_are_empty(tmp_path):
    config = load_config(write(tmp_path, "languagetool:\nrules:\nvocab:\noverrides:\n"))
    assert config == Config(path=config.path, root=str(tmp_path))


def test_merge_keys_work(tmp_path):
    config = load_config(write(tmp_path, """\
        languagetool:
          <<: {language: en-GB, picky: true}
          picky: false
        """))
    assert config.languagetool.language == "en-GB"
    assert config.languagetool.picky is False


def test_utf8_bom_is_accepted(tmp_path):
    path = tmp_path / "c.yml"
    path.write_bytes(b"\xef\xbb\xbfexclude: [x]\n")
    assert load_config(str(path)).exclude == ("x",)


def test_parse_config_resolves_against_the_named_path(tmp_path):
    (tmp_path / "pack").mkdir()
    config = parse_config("extends: [./pack]\n", str(tmp_path / "unsaved.yml"))
    assert config.extends == (str(tmp_path / "pack"),)


# -- errors: message and line ---------------------------------------------------------


@pytest.mark.parametrize("text,line,fragment", [
    ("rules: {}\nlanguagetol: {}\n", 2,
     "unknown key 'languagetol' in the configuration (did you mean 'languagetool'?)"),
    ("colour: true\n", 1, "unknown key 'colour' in the configuration (expected one of: extends,"),
    ("languagetool:\n  enabled: true\n  langauge: en-US\n", 3, "(did you mean 'language'?)"),
    ("vocab:\n  acept: [x]\n", 2, "unknown key 'acept' in vocab (did you mean 'accept'?)"),
    ("overrides:\n  - files: x\n    rule: {a: off}\n", 3, "did you mean 'rules'?"),
    ("languagetool:\n  enabled: maybe\n", 2, "languagetool.enabled: expected true or false, got 'maybe'"),
    ("languagetool:\n  idle_timeout: soon\n", 2, "languagetool.idle_timeout: expected a whole number"),
    ("languagetool:\n  idle_timeout: -5\n", 2, "must be at least 0, got -5"),
    ("languagetool:\n  idle_timeout: true\n", 2, "expected a whole number, got 'true' (true/false)"),
    ("languagetool:\n  memory: 1024\n", 2, "'1024' is not a Java heap size"),
    ("languagetool:\n  memory: lots\n", 2, "is not a Java heap size such as 1g or 512m"),
    ("languagetool:\n  language: English\n", 2, "'English' is not a language code"),
    ("languagetool:\n  url:\n    - http://ok:1\n    - localhost:8081\n", 4,
     "'localhost:8081' is not an http:// or https:// URL"),
    ("languagetool:\n  url: {host: x}\n", 2, "expected a string or a list of strings, got a mapping"),
    ("languagetool:\n  disabled_rules: [A, [B]]\n", 2, "languagetool.disabled_rules: expected a string, got a list"),
    ("languagetool: en-US\n", 1, "languagetool: expected a mapping, got 'en-US'"),
    ("rules:\n  a: off\n  b: warnin\n", 3,
     "rules.b: 'warnin' is not a level; expected one of off, suggestion, warning, error (did you mean 'warning'?)"),
    ("rules:\n  a: true\n", 2, "does not say which level"),
    ("rules:\n  a: [error]\n", 2, "rules.a: expected one of off, suggestion, warning, error, got a list"),
    ("rules:\n  a b: off\n", 2, "'a b' is not a rule id or glob"),
    ("rules: [a, b]\n", 1, "rules: expected a mapping, got a list"),
    ("rules:\n  a: off\n  a: error\n", 3, "rules: 'a' appears twice (first on line 2)"),
    ("include: []\nexclude:\n  - ok\n  - ''\n", 4, "exclude: empty string"),
    ("include: ~\n", 1, "include: expected a string or a list of strings, got nothing (null)"),
    ("extends: [newslint:News]\n", 1, "'newslint:News' is not a pack name"),
    ("extends:\n  - newslint:news\n  - ./missing\n", 3, "extends: './missing': no such file or folder"),
    ("overrides: {files: x}\n", 1, "overrides: expected a list"),
    ("overrides:\n  - rules: {a: off}\n", 2, "overrides entry: 'files' is required"),
    ("overrides:\n  - files: []\n", 2, "overrides.files: give at least one glob"),
    ("overrides:\n  - files: x\n    rules: {a: loud}\n", 3, "overrides.rules.a: 'loud' is not a level"),
    ("- a\n- b\n", 1, "the top level must be a mapping of settings, not a list"),
    ("just words\n", 1, "the top level must be a mapping of settings, not 'just words'"),
    ("? [a]\n: b\n", 1, "keys must be plain words"),
])
def test_invalid_values_name_the_line(tmp_path, text, line, fragment):
    error = load_error(tmp_path, text)
    assert error.line == line
    assert fragment in error.message
    assert str(error).startswith(f"{tmp_path / '.newslint.yml'}:{line}: ")


@pytest.mark.parametrize("text,line", [
    ("rules: {a: off\n", 2),
    ("rules:\n  a: off\n b: on\n", 3),
    ("exclude: [a\ninclude: b\n", 2),
    ("a: 1\n---\nb: 2\n", 2),
    ("languagetool:\n\tenabled: true\n", 2),
])
def test_yaml_syntax_errors_name_the_line(tmp_path, text, line):
    error = load_error(tmp_path, text)
    assert error.message.startswith("invalid YAML: ")
    assert error.line == line


def test_missing_file(tmp_path):
    with pytest.raises(ConfigError, match="no such file") as info:
        load_config(str(tmp_path / "absent.yml"))
    assert info.value.line is None


def test_folder_instead_of_file(tmp_path):
    with pytest.raises(ConfigError, match="is a folder"):
        load_config(str(tmp_path))


def test_not_utf8(tmp_path):
    path = tmp_path / "c.yml"
    path.write_bytes(b"exclude: [caf\xe9]\n")
    with pytest.raises(ConfigError, match=r"not UTF-8 \(byte 0xe9 at offset 13\)"):
        load_config(str(path))


def test_extends_path_relative_to_the_config_folder_not_the_cwd(tmp_path, monkeypatch):
    (tmp_path / "desk" / "style").mkdir(parents=True)
    (tmp_path / "desk" / ".newslint.yml").write_text("extends: [style]\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    config = load_config(os.path.join("desk", ".newslint.yml"))
    assert config.root == str(tmp_path / "desk")
    assert config.extends == (str(tmp_path / "desk" / "style"),)
