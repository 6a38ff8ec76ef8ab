"""A scraped article with the defects a desk meets: news findings on exactly its listed lines.

tests/data/scraped-article.expected.tsv lists them (the same shapes as the seed article,
which scripts/check_seed.py holds to its own list in CI). The Markdown and HTML versions
are built from the text at test time, so each format must map the same findings to its
own file's lines.
"""
from __future__ import annotations

import html

import pytest

from newslint.findings import Category

from .conftest import ARTICLE, ARTICLE_EXPECTED

CHROME_LINES = [17, 33, 49, 53, 55]


def _chrome(findings):
    return sorted({(f.line, f.column) for f in findings if f.category is Category.CHROME})


def _lint(path):
    import newslint

    report = newslint.lint_paths([path])
    assert not report.errors
    return report.findings


def test_text_chrome_lines_and_columns():
    assert _chrome(_lint(str(ARTICLE))) == [(line, 1) for line in CHROME_LINES]


def test_cli_reports_chrome_lines(run_cli):
    result = run_cli("check", "--no-languagetool", "--format", "json", str(ARTICLE))
    assert result.code == 1
    chrome = sorted({(f["line"], f["column"]) for f in result.json()["findings"] if f["category"] == "chrome"})
    assert chrome == [(line, 1) for line in CHROME_LINES]


def _paragraphs(text: str) -> list[str]:
    return [p for p in text.split("\n\n")]


def test_markdown_version_maps_to_its_own_lines(write):
    headline, *body = _paragraphs(ARTICLE.read_text(encoding="utf-8"))
    front = "---\ntitle: story\nauthor: desk\n---\n"   # 4 lines
    md = front + "\n# " + headline + "\n\n" + "\n\n".join(body)
    shift = 5                                        # front matter + blank line
    findings = _lint(write("story.md", md))
    assert _chrome(findings) == [(line + shift, 1) for line in CHROME_LINES]


@pytest.mark.parametrize("indent", ["", "    "])
def test_html_version_maps_to_its_own_lines(write, indent):
    headline, *body = _paragraphs(ARTICLE.read_text(encoding="utf-8"))
    lines = ["<!DOCTYPE html>", "<html><head><title>story</title>",
             "<script>var x = 'See also';</script></head><body>",
             f"{indent}<h1>{html.escape(headline)}</h1>"]
    first = len(lines) + 1
    for paragraph in body:
        lines.append(f"{indent}<p>{html.escape(paragraph, quote=False)}</p>")
    lines.append("</body></html>")
    findings = _lint(write("story.html", "\n".join(lines) + "\n"))
    # Paragraph k of the body sits on text line 3 + 2k; here on line first + k.
    expected = [(first + (line - 3) // 2, 1 + len(indent) + 3) for line in CHROME_LINES]
    assert _chrome(findings) == expected


NEWS_EXPECTED = {(7, "fragment"), (9, "attribution"), (41, "attribution"),
                 (17, "chrome"), (33, "chrome"), (49, "chrome"), (53, "chrome"), (55, "chrome")}


@pytest.mark.languagetool
def test_with_languagetool_news_findings_match_the_desk_and_grammar_is_added(languagetool_server):
    import newslint

    report = newslint.lint_paths([str(ARTICLE)], languagetool=True)
    assert not report.errors
    news = {(f.line, str(f.category)) for f in report.findings
            if f.category in (Category.CHROME, Category.ATTRIBUTION, Category.FRAGMENT)}
    assert news == NEWS_EXPECTED
    lt = [f for f in report.findings if f.source.value == "languagetool"]
    # LanguageTool's matches here repeat newslint's own findings, so they are folded into
    # them (also) rather than reported twice.
    assert lt or any(rule.startswith("lt.") for f in report.findings for rule in f.also), \
        "LanguageTool added no grammar or spelling findings"
    spans = [(f.offset, f.end_offset) for f in report.findings]
    others = {(f.offset, f.end_offset) for f in report.findings if f.source.value != "languagetool"}
    assert not [f for f in lt if (f.offset, f.end_offset) in others], "same span reported by two sources"
    assert len(spans) == len(set((f.offset, f.end_offset, f.rule) for f in report.findings))


@pytest.mark.languagetool
def test_cli_with_languagetool_reports_the_fragment(run_cli, languagetool_server):
    result = run_cli("check", "--format", "json", str(ARTICLE))
    assert result.code == 1
    data = result.json()
    assert data["errors"] == []
    assert [(f["line"], f["rule"]) for f in data["findings"] if f["category"] == "fragment"] == [
        (7, "news.fragment")]


# -- scripts/check_seed.py: the same exactness, as CI holds the seed article to it ----------

def _check_seed():
    import importlib.util
    import sys

    from .conftest import REPO

    spec = importlib.util.spec_from_file_location("check_seed", REPO / "scripts" / "check_seed.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("check_seed", module)
    spec.loader.exec_module(module)
    return module


def test_expected_tsv_lists_the_news_findings():
    assert _check_seed().read_expected(ARTICLE_EXPECTED) == NEWS_EXPECTED


def test_check_seed_passes_on_the_article_and_reports_drift(tmp_path, capsys):
    check_seed = _check_seed()
    assert check_seed.main([str(ARTICLE), str(ARTICLE_EXPECTED), "--no-languagetool"]) == 0
    drifted = tmp_path / "drifted.tsv"
    rows = ARTICLE_EXPECTED.read_text(encoding="utf-8").replace("17\tchrome", "19\tchrome")
    drifted.write_text(rows, encoding="utf-8")
    capsys.readouterr()
    assert check_seed.main([str(ARTICLE), str(drifted), "--no-languagetool"]) == 1
    out = capsys.readouterr().out
    assert "missing: line 19 chrome" in out and "unexpected: line 17:1 chrome" in out


def test_check_seed_flags_chrome_off_column_one():
    from newslint.findings import Finding, Severity, Source

    moved = Finding("a.txt", 17, 4, 17, 9, "news.chrome.see-also", Category.CHROME, Severity.WARNING,
                    Source.RULES, "m")
    assert _check_seed().drift([moved], {(17, "chrome")}, languagetool=False) == [
        "chrome not at column 1: line 17:4 [news.chrome.see-also]"]


def test_check_seed_rejects_a_malformed_row(tmp_path, capsys):
    bad = tmp_path / "bad.tsv"
    bad.write_text("17\tchrom\twhy\n", encoding="utf-8")
    assert _check_seed().main([str(ARTICLE), str(bad), "--no-languagetool"]) == 2
    assert "bad.tsv:1:" in capsys.readouterr().err


@pytest.mark.languagetool
def test_check_seed_with_languagetool(languagetool_server):
    assert _check_seed().main([str(ARTICLE), str(ARTICLE_EXPECTED)]) == 0
