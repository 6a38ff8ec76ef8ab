"""Language-server pieces without a client: positions, edits, settings, URIs."""
from __future__ import annotations

import pytest
from lsprotocol import types

from newslint.findings import Category, Finding, Fix, Severity, Source
from newslint.lsp.actions import DocumentState, EditStyle, code_actions, disable_next_line_edit
from newslint.lsp.diagnostics import to_diagnostic
from newslint.lsp.positions import UTF8, UTF16, UTF32, PositionMap
from newslint.lsp.server import document_format, path_of
from newslint.lsp.settings import ServerSettings, SettingsError


def pos(line: int, character: int) -> types.Position:
    return types.Position(line, character)


@pytest.mark.parametrize("encoding, column", [(UTF16, 3), (UTF8, 6), (UTF32, 2)])
def test_columns_count_code_units_of_the_negotiated_encoding(encoding, column):
    text = "first\né😀x"
    positions = PositionMap(text, encoding)
    offset = text.index("x")
    assert positions.position(offset) == pos(1, column)
    assert positions.offset(pos(1, column)) == offset


def test_lines_break_at_lf_crlf_and_cr_only():
    text = "a\r\nb\rc\nd\x0ce\u2028f"
    positions = PositionMap(text)
    assert positions.position(text.index("b")) == pos(1, 0)
    assert positions.position(text.index("c")) == pos(2, 0)
    assert positions.position(text.index("f")) == pos(3, 4)       # form feed and U+2028 are no breaks
    assert positions.line_break(0) == "\r\n" and positions.line_break(1) == "\r"


def test_offsets_past_a_line_or_the_text_are_clamped():
    positions = PositionMap("ab\ncd")
    assert positions.offset(pos(0, 99)) == 2
    assert positions.offset(pos(7, 0)) == 5
    assert positions.position(99) == pos(1, 2)


def finding(text: str, word: str, rule: str = "house.style.percent", fix: str | None = "per cent") -> Finding:
    start = text.index(word)
    return Finding("a.md", 1, 1, 1, 1, rule, Category.STYLE, Severity.SUGGESTION, Source.RULES, "msg",
                   Fix(fix, True) if fix is not None else None, start, start + len(word))


def state(text: str, fmt: str, *findings: Finding) -> DocumentState:
    return DocumentState("file:///a", 3, fmt, PositionMap(text), findings)


def test_suggestions_are_information_not_faint_hints():
    text = "It rose 5 percent."
    diagnostic = to_diagnostic(finding(text, "percent"), PositionMap(text))
    assert diagnostic.severity is types.DiagnosticSeverity.Information
    assert diagnostic.code == "house.style.percent"


def test_markdown_disable_goes_above_a_line_that_starts_a_block():
    text = "# Head\n\n  It rose 5 percent.\r\nMore.\n"
    edit = disable_next_line_edit(state(text, "markdown"), finding(text, "percent"))
    assert edit.range.start == pos(2, 0) and edit.range.end == pos(2, 0)
    assert edit.new_text == "  <!-- newslint-disable-next-line house.style.percent -->\r\n"


@pytest.mark.parametrize("text", [
    "# Head\n\nThe first line of a paragraph\nand 5 percent on the next.\n",
    "- one item\n- two items, 5 percent\n",
])
def test_markdown_disable_inside_a_block_goes_at_the_end_of_the_line_above(text):
    """A comment line would split the paragraph or list; a trailing comment does not."""
    edit = disable_next_line_edit(state(text, "markdown"), finding(text, "percent"))
    line_above = text.splitlines()[text[:text.index("percent")].count("\n") - 1]
    assert edit.range.start == edit.range.end == pos(text[:text.index("percent")].count("\n") - 1,
                                                      len(line_above))
    assert edit.new_text == " <!-- newslint-disable-next-line house.style.percent -->"


def test_markdown_disable_after_a_code_fence_or_heading_goes_on_its_own_line():
    text = "```\ncode\n```\nIt rose 5 percent.\n"
    edit = disable_next_line_edit(state(text, "markdown"), finding(text, "percent"))
    assert edit.range.start == pos(3, 0) and edit.new_text.endswith("-->\n")


def test_plain_text_gets_no_disable_edit():
    text = "It rose 5 percent."
    assert disable_next_line_edit(state(text, "text"), finding(text, "percent")) is None


def test_actions_touch_only_findings_in_the_range_and_respect_only():
    text = "5 percent and 6 percent\n"
    first = finding(text, "percent")
    second = Finding("a.md", 1, 1, 1, 1, "house.style.percent", Category.STYLE, Severity.WARNING,
                     Source.RULES, "msg", Fix("per cent", True), 16, 23)
    doc = state(text, "markdown", first, second)
    near_second = types.Range(pos(0, 18), pos(0, 18))
    actions = code_actions(doc, near_second, ["quickfix"], EditStyle(document_changes=False))
    assert [a.title for a in actions][0].startswith("Replace “percent”")
    assert actions[0].edit.changes["file:///a"][0].range == types.Range(pos(0, 16), pos(0, 23))
    fix_all = code_actions(doc, near_second, ["source.fixAll"], EditStyle())
    assert [a.kind for a in fix_all] == ["source.fixAll.newslint"]
    assert len(fix_all[0].edit.document_changes[0].edits) == 2


def test_settings_from_initialization_options():
    assert ServerSettings.from_options(None) == ServerSettings() == ServerSettings.from_options({})
    settings = ServerSettings.from_options(
        {"languagetool": {"enabled": False, "url": "http://127.0.0.1:9"}, "debounceMs": 50})
    assert settings.languagetool is False and settings.languagetool_urls == ("http://127.0.0.1:9",)
    assert settings.debounce == pytest.approx(0.05)
    assert ServerSettings.from_options({"languagetoolUrl": ["http://a", "http://b"]}).languagetool_urls == (
        "http://a", "http://b")


@pytest.mark.parametrize("options, message", [
    ([], "must be an object"),
    ({"languagetool": "off"}, "true or false"),
    ({"languagetool": {"enable": False}}, "unknown keys under languagetool: enable"),
    ({"debounceMs": -1}, "debounceMs"),
    ({"languagetoolUrl": 8081}, "URL"),
])
def test_bad_settings_are_typed_errors(options, message):
    with pytest.raises(SettingsError, match=message):
        ServerSettings.from_options(options)


def test_uris_become_paths_and_formats():
    assert path_of("file:///desk/my%20story.md") == "/desk/my story.md"
    assert path_of("untitled:Untitled-1") is None
    assert document_format("markdown", "untitled:Untitled-1") == "markdown"
    assert document_format(None, "file:///desk/a.htm") == "html"
    assert document_format("python", "file:///desk/a.py") is None
