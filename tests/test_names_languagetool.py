"""Names, the news profile and one-finding-per-span end to end, on a real LanguageTool
server; `newslint vocab learn` and `vocab.names` through the CLI."""
from __future__ import annotations

import pytest

MD = ("# Talks resume\n\n"
      "Defense Minister Yoav Gallant met the envoy in Cairo. Gallant said talks would go on.\n\n"
      "Later, Galant left for **Amman**.\n")
HTML = ("<html><body><h1>Talks resume</h1>\n"
        "<p>Defense Minister Yoav Gallant met the envoy. Gallant said talks would go on.</p>\n"
        "<p>Later, <b>Galant</b> left &amp; flew home.</p>\n</body></html>\n")


def _findings(run_cli, *paths, config=None):
    args = ["check", "--format", "json", *(["--config", config] if config else []), *paths]
    result = run_cli(*args)
    assert result.code in (0, 1), result.err
    return result.json()["findings"]


@pytest.mark.parametrize("name, text, where", [
    ("story.md", MD, (5, 8, 5, 14)),
    ("story.html", HTML, (3, 14, 3, 20)),
])
def test_name_variant_exact_columns(run_cli, write, languagetool_server, name, text, where):
    found = _findings(run_cli, write(name, text))
    variants = [f for f in found if f["rule"] == "news.names.variant"]
    assert [(f["line"], f["column"], f["end_line"], f["end_column"]) for f in variants] == [where]
    f = variants[0]
    assert f["category"] == "spelling" and f["severity"] == "warning"
    assert f["fix"] == {"replacement": "Gallant", "safe": False}
    assert f["also"] == ["lt.MORFOLOGIK_RULE_EN_US"]          # LanguageTool's match, folded in
    spans = [(x["line"], x["column"], x["end_line"], x["end_column"]) for x in found]
    assert len(spans) == len(set(spans))


def test_names_are_not_spelling_findings_but_slips_are(run_cli, write, languagetool_server):
    text = ("Pat Caddell told Breitbart News Daily host Alex Marlow that the race had changed. "
            "Clinton aide Huma Abedin declined to comment.\n\n"
            "“It is one of the things,” said Caddell. Reporters called it presdiential theater.\n")
    found = _findings(run_cli, write("story.txt", text))
    spelling = [f for f in found if f["category"] == "spelling"]
    assert [(f["rule"], text.splitlines()[f["line"] - 1][f["column"] - 1:f["end_column"] - 1])
            for f in spelling] == [("lt.MORFOLOGIK_RULE_EN_US", "presdiential")]


def test_multi_paragraph_quote_is_not_flagged_by_languagetool_by_default(run_cli, write, languagetool_server):
    text = ("The mayor spoke at length.\n\n"
            "“We will rebuild the harbor,” she said. “It will take years, and it will cost more than anyone "
            "expects.\n\n"
            "“But we will do it,” she said.\n")
    path = write("story.txt", text)
    assert not [f for f in _findings(run_cli, path) if f["rule"] == "lt.EN_UNPAIRED_QUOTES"]
    config = write(".newslint.yml", "rules: {lt.EN_UNPAIRED_QUOTES: warning}\n")
    back = [f for f in _findings(run_cli, path, config=config) if f["rule"] == "lt.EN_UNPAIRED_QUOTES"]
    assert back and back[0]["severity"] == "warning"


def test_vocab_learn_builds_a_names_list_the_config_uses(run_cli, write, tmp_path, languagetool_server):
    for i in range(3):
        write(f"archive/{i}.md", f"# Story {i}\n\nChief of staff Reince Priebus met aides. Priebus left at {i + 1}.\n")
    write("archive/other.txt", "Mayor Tanden spoke once.\n")
    names = tmp_path / "names.txt"
    learned = run_cli("vocab", "learn", str(tmp_path / "archive"), "-o", str(names), "--min-articles", "3")
    assert learned.code == 0, learned.err
    listed = [line for line in names.read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
    assert "Priebus" in listed and "Reince" in listed and "Tanden" not in listed
    config = write("desk/.newslint.yml", f"vocab: {{names: {names}}}\n")
    story = write("desk/new.txt", "Later that day Priebbus spoke to reporters about the plan.\n")
    found = _findings(run_cli, story, config=config)
    near = [f for f in found if f["rule"] == "news.names.near-known"]
    assert [(f["column"], f["end_column"], f["fix"]["replacement"]) for f in near] == [(16, 24, "Priebus")]
    clean = write("desk/ok.txt", "Later that day Priebus spoke to reporters about the plan.\n")
    assert not [f for f in _findings(run_cli, clean, config=config) if f["category"] == "spelling"]


def test_vocab_names_is_validated_strictly(run_cli, write):
    config = write("c/.newslint.yml", "vocab:\n  names: missing.txt\n")
    result = run_cli("check", "--no-languagetool", "--config", config, write("c/a.txt", "Hello.\n"))
    assert result.code == 2 and ".newslint.yml:2" in result.err and "missing.txt" in result.err
    bad = write("c/names.txt", "Priebus\nTwo words\n")
    config = write("c/.newslint.yml", f"vocab: {{names: {bad}}}\n")
    result = run_cli("check", "--no-languagetool", "--config", config, write("c/a.txt", "Hello.\n"))
    assert result.code == 2 and "names.txt:2" in result.err and "not one word" in result.err
    config = write("c/.newslint.yml", "languagetool: {profile: newz}\n")
    result = run_cli("check", "--no-languagetool", "--config", config, write("c/a.txt", "Hello.\n"))
    assert result.code == 2 and "did you mean 'news'" in result.err


def test_coined_compounds_foreign_runs_and_canadian_spelling_are_not_slips(run_cli, write, languagetool_server):
    text = ("The Wings open a homestand on Friday, and the defenceman said the lacklustre start was over.\n\n"
            "Fans sang “mujhe woh bachcha chahiye” as the team took the ice for its socio-cultural night.\n\n"
            "The coach called the win a turning point for the whole organisation and its goverment ties.\n")
    found = _findings(run_cli, write("story.txt", text))
    spelling = [(text.splitlines()[f["line"] - 1][f["column"] - 1:f["end_column"] - 1])
                for f in found if f["category"] == "spelling"]
    assert spelling == ["goverment"]
