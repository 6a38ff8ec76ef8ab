"""The article the project started from: chrome on exactly the lines a news desk wants.

The Markdown and HTML versions are built from the shared text at test time, so each
format must map the same findings to its own file's lines.
"""
from __future__ import annotations

import html

import pytest

from newslint.findings import Category

from .conftest import SEED

CHROME_LINES = [17, 33, 49, 53, 55]


def _chrome(findings):
    return sorted({(f.line, f.column) for f in findings if f.category is Category.CHROME})


def _lint(path):
    import newslint

    report = newslint.lint_paths([path])
    assert not report.errors
    return report.findings


def test_text_chrome_lines_and_columns():
    assert _chrome(_lint(str(SEED))) == [(line, 1) for line in CHROME_LINES]


def test_cli_reports_chrome_lines(run_cli):
    result = run_cli("check", "--no-languagetool", "--format", "json", str(SEED))
    assert result.code == 1
    chrome = sorted({(f["line"], f["column"]) for f in result.json()["findings"] if f["category"] == "chrome"})
    assert chrome == [(line, 1) for line in CHROME_LINES]


def _paragraphs(text: str) -> list[str]:
    return [p for p in text.split("\n\n")]


def test_markdown_version_maps_to_its_own_lines(write):
    headline, *body = _paragraphs(SEED.read_text(encoding="utf-8"))
    front = "---\ntitle: seed\nauthor: desk\n---\n"   # 4 lines
    md = front + "\n# " + headline + "\n\n" + "\n\n".join(body)
    shift = 5                                        # front matter + blank line
    findings = _lint(write("seed.md", md))
    assert _chrome(findings) == [(line + shift, 1) for line in CHROME_LINES]


@pytest.mark.parametrize("indent", ["", "    "])
def test_html_version_maps_to_its_own_lines(write, indent):
    headline, *body = _paragraphs(SEED.read_text(encoding="utf-8"))
    lines = ["<!DOCTYPE html>", "<html><head><title>seed</title>",
             "<script>var x = 'See also';</script></head><body>",
             f"{indent}<h1>{html.escape(headline)}</h1>"]
    first = len(lines) + 1
    for paragraph in body:
        lines.append(f"{indent}<p>{html.escape(paragraph, quote=False)}</p>")
    lines.append("</body></html>")
    findings = _lint(write("seed.html", "\n".join(lines) + "\n"))
    # Paragraph k of the body sits on text line 3 + 2k; here on line first + k.
    expected = [(first + (line - 3) // 2, 1 + len(indent) + 3) for line in CHROME_LINES]
    assert _chrome(findings) == expected


NEWS_EXPECTED = {(7, "fragment"), (9, "attribution"), (41, "attribution"),
                 (17, "chrome"), (33, "chrome"), (49, "chrome"), (53, "chrome"), (55, "chrome")}


@pytest.mark.languagetool
def test_with_languagetool_news_findings_match_the_desk_and_grammar_is_added(languagetool_server):
    import newslint

    report = newslint.lint_paths([str(SEED)], languagetool=True)
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
    result = run_cli("check", "--format", "json", str(SEED))
    assert result.code == 1
    data = result.json()
    assert data["errors"] == []
    assert [(f["line"], f["rule"]) for f in data["findings"] if f["category"] == "fragment"] == [
        (7, "news.fragment")]
