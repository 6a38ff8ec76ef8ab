"""A project with only a .vale.ini and a StylesPath: newslint finds it and reports what Vale reports.

The expected alerts in tests/data/vale_project/expected_vale_alerts.json were produced by
Vale 3.22.0 on the same files (see tests/data/README.md).
"""
from __future__ import annotations

import json
import os
import shutil

import pytest

from newslint.cli import main
from newslint.config.vale_ini import parse_vale_ini
from newslint.errors import ConfigError

PROJECT = os.path.join(os.path.dirname(__file__), "data", "vale_project")


def test_same_alerts_as_vale(tmp_path, monkeypatch, capsys):
    project = tmp_path / "project"
    shutil.copytree(PROJECT, project)
    monkeypatch.chdir(project)
    code = main(["check", "--format", "json", "docs"])
    out = json.loads(capsys.readouterr().out)
    got = sorted((f["path"], f["line"], f["column"], f["rule"], f["severity"], f["message"])
                 for f in out["findings"])
    with open(os.path.join(PROJECT, "expected_vale_alerts.json"), encoding="utf-8") as fh:
        expected = sorted((a["path"], a["line"], a["column"], a["rule"], a["severity"], a["message"])
                          for a in json.load(fh)["alerts"])
    assert got == expected
    assert code == 1
    # The script rule is the one rule skipped, said once.
    notes = [n["message"] for n in out["notices"] if n["code"] == "rule-skipped"]
    assert len(notes) == 1 and notes[0].startswith("Acme.Gerunds skipped")


def test_scopes_select_what_vale_selects(tmp_path, monkeypatch, capsys):
    # heading.h2 (ATX and setext), table.header, table.cell, a format suffix (text.md),
    # a combination (list & ~heading); a link scope newslint skips with a notice.
    source = os.path.join(os.path.dirname(PROJECT), "vale_scopes")
    project = tmp_path / "scopes"
    shutil.copytree(source, project)
    monkeypatch.chdir(project)
    main(["check", "--format", "json", "docs"])
    out = json.loads(capsys.readouterr().out)
    got = sorted((f["path"], f["line"], f["column"], f["rule"], f["message"]) for f in out["findings"])
    with open(os.path.join(source, "expected_vale_alerts.json"), encoding="utf-8") as fh:
        expected = sorted((a["path"], a["line"], a["column"], a["rule"], a["message"])
                          for a in json.load(fh)["alerts"] if a["rule"] != "Scopes.link")
    assert got == expected
    assert [n["message"].split(" ")[0] for n in out["notices"] if n["code"] == "rule-skipped"] == ["Scopes.link"]


def test_explicit_vale_config_and_min_alert_level(tmp_path, capsys):
    project = tmp_path / "project"
    shutil.copytree(PROJECT, project)
    ini = project / "strict.ini"
    ini.write_text("StylesPath = styles\nMinAlertLevel = warning\n\n[*.md]\nBasedOnStyles = Acme\n")
    code = main(["check", "--vale-config", str(ini), "--format", "json", str(project / "docs" / "story.md")])
    found = json.loads(capsys.readouterr().out)["findings"]
    assert {f["rule"] for f in found} == {"Acme.Hedging"} and code == 1


def test_a_newslint_file_beside_it_wins(tmp_path, monkeypatch, capsys):
    project = tmp_path / "project"
    shutil.copytree(PROJECT, project)
    (project / ".newslint.yml").write_text("extends: [styles/Acme]\nrules:\n  news.*: off\n"
                                           "languagetool:\n  enabled: false\n")
    monkeypatch.chdir(project)
    main(["check", "--format", "json", "docs/notes.md"])
    rules = {f["rule"] for f in json.loads(capsys.readouterr().out)["findings"]}
    assert "Acme.Hedging" in rules        # the .vale.ini's "Acme.Hedging = NO" does not apply


@pytest.mark.parametrize("text, line, words", [
    ("StylesPath = styles\nMinAlertLevel = loud\n", 2, "MinAlertLevel must be one of"),
    ("StylesPath = styles\nStylePath = x\n", 2, "unknown setting 'StylePath'"),
    ("StylesPath = styles\n[*.md]\nBasedOnStyles = Nope\n", 3, "no style folder 'Nope'"),
    ("StylesPath = styles\n[*.md]\nBasedOnStyles = Acme\nAcme.Terms = maybe\n", 4, "YES, NO or a level"),
    ("StylesPath = styles\nVocab = Missing\n", 2, "no vocabulary 'Missing'"),
])
def test_bad_settings_name_the_file_and_line(text, line, words):
    with pytest.raises(ConfigError) as info:
        parse_vale_ini(text, os.path.join(PROJECT, "bad.ini"))
    assert info.value.line == line and words in info.value.message


def test_newslint_config_extends_a_style_by_name(tmp_path, capsys):
    project = tmp_path / "project"
    shutil.copytree(PROJECT, project)
    (project / ".newslint.yml").write_text("extends: [Acme]\nrules:\n  news.*: off\n"
                                           "languagetool:\n  enabled: false\n")
    main(["check", "--format", "json", str(project / "docs" / "wire.txt")])
    rules = sorted(f["rule"] for f in json.loads(capsys.readouterr().out)["findings"])
    assert rules == ["Acme.Hedging", "Acme.Terms"]
    (project / ".newslint.yml").write_text("extends: [Acme2]\n")
    assert main(["check", str(project / "docs" / "wire.txt")]) == 2
    assert "StylesPath of a .vale.ini" in capsys.readouterr().err


def test_skipped_scopes_raw_html_alt_and_sequence_as_vale(tmp_path, monkeypatch, capsys):
    # SkippedScopes (blockquote, li, h2), an <img alt> in a raw HTML block, a sequence rule.
    source = os.path.join(os.path.dirname(PROJECT), "vale_skipped")
    project = tmp_path / "skipped"
    shutil.copytree(source, project)
    monkeypatch.chdir(project)
    code = main(["check", "--format", "json", "docs"])
    out = json.loads(capsys.readouterr().out)
    got = sorted((f["path"], f["line"], f["column"], f["rule"], f["severity"], f["message"])
                 for f in out["findings"])
    with open(os.path.join(source, "expected_vale_alerts.json"), encoding="utf-8") as fh:
        expected = sorted((a["path"], a["line"], a["column"], a["rule"], a["severity"], a["message"])
                          for a in json.load(fh)["alerts"])
    assert got == expected
    assert code == 1
    assert not [n for n in out["notices"] if n["code"] == "rule-skipped"]


def test_skipped_scopes_are_read():
    config = parse_vale_ini("StylesPath = s\nSkippedScopes = script, style, pre, figure, blockquote\n", "x.ini")
    assert config.skipped_scopes == ("script", "style", "pre", "figure", "blockquote")


def test_token_and_block_ignores_apply_per_section(tmp_path, monkeypatch, capsys):
    # tests/data/vale_section_ignores: a [*.md] section's TokenIgnores for both files, a
    # [docs/a.md] section's TokenIgnores and BlockIgnores for a.md alone; Vale's alerts kept.
    source = os.path.join(os.path.dirname(__file__), "data", "vale_section_ignores")
    project = tmp_path / "project"
    shutil.copytree(source, project)
    monkeypatch.chdir(project)
    code = main(["check", "--format", "json", "docs/a.md", "docs/b.md"])
    got = sorted((f["path"], f["line"], f["column"], f["rule"], f["message"])
                 for f in json.loads(capsys.readouterr().out)["findings"])
    with open(os.path.join(source, "expected_vale_alerts.json"), encoding="utf-8") as fh:
        expected = sorted((a["path"], a["line"], a["column"], a["rule"], a["message"])
                          for a in json.load(fh)["alerts"])
    assert got == expected and code == 1
    ini = project / ".vale.ini"
    config = parse_vale_ini(ini.read_text(encoding="utf-8"), str(ini))
    assert config.token_ignores == () and [g for g, _, _ in config.section_ignores] == [("*.md",), ("docs/a.md",)]


@pytest.mark.parametrize("setting,expected", [
    # Vale 3.22.0's columns for each (default: code, tt, kbd).
    ("", [30, 50, 80]),
    ("IgnoredScopes = code, sub\n", [8, 50, 80]),
    ("IgnoredScopes = b, strong\n", [8, 30, 66]),
])
def test_ignored_scopes_mask_those_inline_elements(tmp_path, monkeypatch, capsys, setting, expected):
    (tmp_path / "styles" / "Acme").mkdir(parents=True)
    (tmp_path / "styles" / "Acme" / "Words.yml").write_text(
        "extends: existence\nmessage: \"Avoid '%s'.\"\ntokens: [secret, hidden]\n", encoding="utf-8")
    (tmp_path / ".vale.ini").write_text(
        f"StylesPath = styles\nMinAlertLevel = suggestion\n{setting}\n[*.md]\nBasedOnStyles = Acme\n", encoding="utf-8")
    (tmp_path / "a.md").write_text("A <kbd>secret</kbd> and <sub>hidden</sub> and <b>secret</b> and `hidden` and "
                                   "**secret** too.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["check", "--format", "json", "a.md"]) == 1
    found = [f["column"] for f in json.loads(capsys.readouterr().out)["findings"]]
    # A match inside a code span that is not masked is reported just after the span (Vale:
    # at the word); every other column is Vale's.
    assert found == [c if c != 66 else 74 for c in expected]


def test_front_matter_values_are_linted_as_vale_lints_them(tmp_path, monkeypatch, capsys):
    # Each top-level string value of the front matter, by key (text, title, frontmatter,
    # text.frontmatter.description, ~heading but not on `summary`), never as a sentence or
    # paragraph; placed exactly in plain, double-quoted (escapes) and single-quoted ('') values.
    source = os.path.join(os.path.dirname(PROJECT), "vale_front_matter")
    project = tmp_path / "front_matter"
    shutil.copytree(source, project)
    monkeypatch.chdir(project)
    code = main(["check", "--format", "json", "docs"])
    out = json.loads(capsys.readouterr().out)
    got = sorted((f["path"], f["line"], f["column"], f["rule"], f["severity"], f["message"])
                 for f in out["findings"])
    with open(os.path.join(source, "expected_vale_alerts.json"), encoding="utf-8") as fh:
        expected = sorted((a["path"], a["line"], a["column"], a["rule"], a["severity"], a["message"])
                          for a in json.load(fh)["alerts"])
    assert got == expected
    assert code == 1
    assert not [n for n in out["notices"] if n["code"] == "rule-skipped"]


def test_raw_html_block_text_is_linted_as_vale_lints_it(tmp_path, monkeypatch, capsys):
    # Text in raw HTML blocks of a Markdown file, with the scopes its elements give it
    # (a bare div or aside: paragraph; p; td: table.cell; li: list; h2: heading), a
    # backtick read as a character, a wrapped line, and a comment that holds no text.
    source = os.path.join(os.path.dirname(PROJECT), "vale_html_blocks")
    project = tmp_path / "html_blocks"
    shutil.copytree(source, project)
    monkeypatch.chdir(project)
    code = main(["check", "--format", "json", "docs"])
    out = json.loads(capsys.readouterr().out)
    got = sorted((f["path"], f["line"], f["column"], f["rule"], f["severity"], f["message"])
                 for f in out["findings"])
    with open(os.path.join(source, "expected_vale_alerts.json"), encoding="utf-8") as fh:
        expected = sorted((a["path"], a["line"], a["column"], a["rule"], a["severity"], a["message"])
                          for a in json.load(fh)["alerts"])
    assert got == expected
    assert code == 1
