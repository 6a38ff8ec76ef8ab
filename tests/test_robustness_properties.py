"""Robustness properties over generated markup soup.

Any text at all (Markdown and HTML fragments, unbalanced quotes, mixed line endings,
byte-order marks, NUL and other control characters, very long lines, deep nesting) goes
through the parsers and the engine without an exception, and every finding points
inside the file: 1 <= line <= number of lines, 1 <= column <= line length + 1, offsets
within the text, start before end, and line/column agree with the offsets. The same
strategies and invariants drive ``scripts/fuzz.py`` with a much larger budget.
"""
from __future__ import annotations

import bisect
import json
import re
from functools import lru_cache

import io

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newslint.config.model import Config
from newslint.documents import parse_document
from newslint.documents.decode import decode_bytes
from newslint.engine import Linter, LintOptions
from newslint.errors import DocumentError
from newslint.reporters.json import render as render_json
from newslint.results import Report

FORMATS = {"text": "story.txt", "markdown": "story.md", "html": "story.html"}
_BREAK = re.compile(r"\r\n|\r|\n")

# --- generated input ----------------------------------------------------------------

WORDS = ["the", "mayor", "said", "Council", "vote", "See", "also", "Share", "this", "Advertisement",
         "he", "said", "she", "told", "reporters", "Leave", "a", "Reply", "Subscribe", "©", "2024",
         "Which", "meant", "Walking", "home", "US", "percent", "%", "per", "cent", "naïve", "東京",
         "😀", "e\u0301", "Zoë", "—", "…"]
MD_TOKENS = ["# ", "## ", "### ", "> ", ">> ", "- ", "* ", "1. ", "+ ", "    ", "```", "~~~", "`", "``",
             "*", "**", "_", "__", "~~", "[", "]", "](", "](/x)", ")", "![", "<", ">", "---", "===",
             "| a | b |", "|---|---|", "|", "\\", "\\|", "\\*", "[x]: /y \"t\"", "[^1]", "<!--", "-->",
             "<https://example.org/a>", "&amp;", "&#0;", "&#x110000;", "&nbsp;", "&bogus;", "+++",
             "<!-- newslint-disable -->", "<!-- newslint-enable -->",
             "<!-- newslint-disable-next-line news.* -->"]
HTML_TOKENS = ["<p>", "</p>", "<div class=\"a\">", "</div>", "<h1>", "</h1>", "<h2>", "<li>", "<ul>",
               "</ul>", "<ol>", "<blockquote>", "</blockquote>", "<nav>", "</nav>", "<aside role=x>",
               "<footer>", "<table><tr><td>", "</td>", "<th>", "<figcaption>", "<br>", "<br/>",
               "<img alt=\"A caption\" src=x>", "<a href='x'>", "</a>", "<b>", "</b>", "<em>", "<i>",
               "<script>", "</script>", "<style>", "</style>", "<title>", "<textarea>", "<pre>",
               "<code>", "</code>", "<plaintext>", "<!DOCTYPE html>", "<!--", "-->", "<!-->",
               "<![CDATA[", "]]>", "<?xml ?>", "</>", "</ p>", "< p>", "<p", "<a href=\"", "=\"",
               "&amp;", "&amp", "&lt;", "&#8220;", "&#x201D;", "&#xD800;", "&#1114112;", "&#",
               "&#x;", "&notit;", "&copy", "&nbsp;", "<", ">", "</", "<!", "<x:y a=b>",
               "<p role=navigation>", "<template>", "<svg>", "<head>", "<body>", "</body>", "</html>"]
QUOTES = ['"', "'", "“", "”", "‘", "’", "«", "»", '""', "''", "„"]
SPACES = [" ", "  ", "\t", "\n", "\r\n", "\r", "\n\n", "\r\n\r\n", "\r\r", "\n\r", "\f", "\v",
          "\u00a0", "\u2028", "\u2029", "\x85", "\u3000"]
CONTROLS = ["\x00", "\x01", "\x07", "\x08", "\x0e", "\x1b", "\x1f", "\x7f", "\x9f", "\ufeff",
            "\ufffe", "\ufffd", "\u200b", "\u200d", "\u202e", "\U000e0001"]
PUNCT = [".", ",", "!", "?", ":", ";", "-", "--", "(", ")", "...", "'s"]

token = st.one_of(
    st.sampled_from(WORDS), st.sampled_from(WORDS), st.sampled_from(MD_TOKENS),
    st.sampled_from(HTML_TOKENS), st.sampled_from(QUOTES), st.sampled_from(SPACES),
    st.sampled_from(SPACES), st.sampled_from(CONTROLS), st.sampled_from(PUNCT),
    st.text(max_size=6),
)


@st.composite
def soup(draw, max_tokens: int = 80) -> str:
    """Markup soup: a mix of Markdown, HTML, quotes, line endings and control characters."""
    count = draw(st.integers(0, max_tokens))
    parts = [draw(token) for _ in range(count)]
    text = "".join(parts)
    shape = draw(st.integers(0, 9))
    if shape == 0:     # a byte-order mark left in the decoded text
        text = "\ufeff" + text
    elif shape == 1:   # a very long line
        text = text + draw(st.sampled_from(["a", "word ", "“", "<b>", "*", "&amp;"])) * draw(
            st.integers(2_000, 20_000)) + text
    elif shape == 2:   # deep nesting
        opener, closer = draw(st.sampled_from([("<div>", "</div>"), ("<blockquote>", ""), ("> ", ""),
                                               ("<li><ul>", ""), ("[", "]"), ("*", "*"), ("<b><i>", ""),
                                               ("- ", ""), ("<table><tr><td>", "")]))
        depth = draw(st.integers(50, 3_000))
        text = opener * depth + text + closer * draw(st.integers(0, depth))
    return text


def documents() -> st.SearchStrategy[tuple[str, str]]:
    return st.tuples(st.sampled_from(sorted(FORMATS)), soup())


ENCODINGS = ["utf-8", "utf-8", "utf-8-sig", "utf-16-le", "utf-16-be", "corrupt"]


def files() -> st.SearchStrategy[tuple[str, bytes]]:
    """(format, file bytes): soup in assorted encodings, or arbitrary bytes."""
    return st.tuples(st.sampled_from(sorted(FORMATS)), st.one_of(
        st.builds(encoded, soup(), st.sampled_from(ENCODINGS)),
        st.binary(max_size=400),
    ))


# --- invariants ---------------------------------------------------------------------

def file_lines(text: str) -> tuple[list[str], list[int]]:
    """The file's lines as the contract counts them (ends at \\n, \\r\\n or \\r), and the
    offset each starts at; computed here, independently of LineIndex."""
    lines, starts, pos = [], [], 0
    for m in _BREAK.finditer(text):
        starts.append(pos)
        lines.append(text[pos:m.start()])
        pos = m.end()
    starts.append(pos)
    lines.append(text[pos:])
    return lines, starts


def position(starts: list[int], offset: int) -> tuple[int, int]:
    """1-based (line, column) of ``offset``."""
    i = bisect.bisect_right(starts, offset) - 1
    return i + 1, offset - starts[i] + 1


def check_document(doc, text: str) -> None:
    """Every segment maps inside the file, in order."""
    n = len(text)
    assert doc.text == text
    for i, seg in enumerate(doc.segments):
        assert seg.index == i
        smap = seg.source_map
        previous = 0
        for k in range(len(seg.text) + 1):
            s = smap.start(k)
            e = smap.end(k)
            assert 0 <= s <= n and 0 <= e <= n, (seg.text, k, s, e, n)
            assert s >= previous or k == 0, (seg.text, k, s, previous)
            previous = s
        a, b = smap.span(0, len(seg.text))
        assert 0 <= a <= b <= n


def check_findings(findings, text: str, path: str) -> None:
    lines, starts = file_lines(text)
    n = len(text)
    for f in findings:
        where = f"{f.rule} {f.line}:{f.column}-{f.end_line}:{f.end_column} [{f.offset}:{f.end_offset}]"
        assert f.path == path
        assert 0 <= f.offset <= f.end_offset <= n, where
        assert 1 <= f.line <= len(lines) and 1 <= f.end_line <= len(lines), where
        assert 1 <= f.column <= len(lines[f.line - 1]) + 1, where
        assert 1 <= f.end_column <= len(lines[f.end_line - 1]) + 1, where
        assert (f.line, f.column) <= (f.end_line, f.end_column), where
        assert (f.line, f.column) == position(starts, f.offset), where
        assert (f.end_line, f.end_column) == position(starts, f.end_offset), where
        assert f.message.strip(), where
        if f.fix is not None:
            assert isinstance(f.fix.replacement, str), where
        json.dumps(f.to_json(), ensure_ascii=False).encode("utf-8")


@lru_cache(maxsize=1)
def linter() -> Linter:
    """The engine with the shipped news pack and no LanguageTool (config not discovered)."""
    return Linter(LintOptions(languagetool=False), config=Config(root="/nonexistent-root"))


def check_json(result) -> None:
    """The JSON reporter's output for this result parses and holds what the result holds."""
    report = Report()
    report.add(result)
    out = io.StringIO()
    render_json(report, out)
    data = json.loads(out.getvalue().encode("utf-8").decode("utf-8"))
    assert len(data["findings"]) == len(result.findings)
    assert len(data["errors"]) == len(result.errors)


def check_text(fmt: str, text: str) -> None:
    """The invariants for one input: the parser's maps, the engine's findings, the JSON."""
    path = FORMATS[fmt]
    check_document(parse_document(text, path, fmt), text)
    result = linter().lint_text(text, path)
    assert not result.errors, result.errors
    check_findings(result.findings, text, path)
    check_json(result)


def check_bytes(fmt: str, data: bytes) -> None:
    """Raw file bytes: decoding fails with a DocumentError or gives text that checks cleanly."""
    try:
        text = decode_bytes(data, FORMATS[fmt])
    except DocumentError as exc:
        assert exc.message and "\n" not in exc.message
        return
    check_text(fmt, text)


def encoded(text: str, how: str) -> bytes:
    """``text`` as a file might hold it: UTF-8 (with or without a BOM), UTF-16, or corrupted."""
    if how == "utf-8-sig":
        return b"\xef\xbb\xbf" + text.encode("utf-8", "surrogatepass")
    if how in ("utf-16-le", "utf-16-be"):
        bom = b"\xff\xfe" if how == "utf-16-le" else b"\xfe\xff"
        return bom + text.encode(how, "surrogatepass")
    data = text.encode("utf-8", "surrogatepass")
    if how == "corrupt" and data:
        cut = len(data) // 2
        return data[:cut] + b"\xff\xc3" + data[cut:]
    return data


# --- properties ---------------------------------------------------------------------

FAST = settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))


@FAST
@given(documents())
def test_soup_parses_and_lints_with_findings_inside_the_file(case):
    fmt, text = case
    check_text(fmt, text)


@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.sampled_from(sorted(FORMATS)), st.text(max_size=300))
def test_any_unicode_text_parses_and_lints(fmt, text):
    check_text(fmt, text)


@pytest.mark.parametrize("fmt", sorted(FORMATS))
@pytest.mark.parametrize("text", [
    "",
    "\ufeff",
    "\r",
    "\r\n\r\n\r",
    "\x00\x00",
    '"He said\r"She said\r\n\r\n“Then ” he said. See also: the vote\r',
    "<p>" * 5_000 + "Text" + "</p>" * 4_000,
    "<div>" * 20_000 + "Body copy here.",
    "> " * 2_000 + "Quoted.",
    "[" * 10_000 + "x" + "]" * 10_000,
    "*" * 20_000 + "a" + "_" * 20_000,
    "- " * 3_000 + "item",
    "<!--" + "x" * 10_000,
    "<a href=\"" + "x" * 10_000,
    "&" + "a" * 5_000 + ";",
    "See also: " + "word " * 40_000,
    "“" * 30_000,
    "\r".join(["He said.", "“Go,” she said", "Share this"]) * 500,
])
def test_edge_inputs(fmt, text):
    check_text(fmt, text)


@settings(max_examples=100, deadline=None, suppress_health_check=list(HealthCheck))
@given(files())
def test_any_file_bytes_decode_or_fail_with_a_document_error(case):
    fmt, data = case
    check_bytes(fmt, data)


@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
@given(files())
def test_cli_json_output_is_valid_json(tmp_path_factory, run_cli, case):
    fmt, data = case
    folder = tmp_path_factory.mktemp("cli-json")
    (folder / ".newslint.yml").write_text("extends: [newslint:news]\n")
    path = folder / FORMATS[fmt]
    path.write_bytes(data)
    result = run_cli("check", "--no-languagetool", "--no-cache", "-j", "1", "--format", "json", path)
    out = json.loads(result.out)
    assert out["version"] == 1
    failing = [f for f in out["findings"] if f["severity"] in ("warning", "error")]   # --fail-on warning
    assert result.code == (2 if out["errors"] else 1 if failing else 0), (result.code, out)
    if out["errors"]:
        assert [e["path"] for e in out["errors"]] == [str(path)]
        assert out["errors"][0]["message"].strip()
        return
    text = decode_bytes(data, str(path))
    lines, starts = file_lines(text)
    for f in out["findings"]:
        assert f["path"] == str(path)
        assert 1 <= f["line"] <= f["end_line"] <= len(lines)
        assert 1 <= f["column"] <= len(lines[f["line"] - 1]) + 1
        assert 1 <= f["end_column"] <= len(lines[f["end_line"] - 1]) + 1
