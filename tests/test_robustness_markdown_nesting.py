"""Markdown nested past the parser's nesting limit: the skipped text is still checked.

markdown-it stops at its nesting limit and skips the lines below it; those lines become
plain-text paragraphs, so a deeply nested list or blockquote cannot hide the rest of a file.
"""
from __future__ import annotations

from newslint.documents import parse_document


def _nested_list(depth: int) -> str:
    return "".join("  " * i + "- Item.\n" for i in range(depth))


def _chrome_lines(result) -> list[int]:
    return [f["line"] for f in result.json()["findings"] if f["rule"] == "news.chrome.leave-a-reply"]


def test_text_after_a_list_nested_past_the_limit_is_checked(run_cli, write):
    path = write("d.md", _nested_list(10) + "\nLeave a Reply\n\nThe mayor said the vote was delayed.\n")
    result = run_cli("check", "--no-languagetool", "--format", "json", path)
    assert _chrome_lines(result) == [12]
    assert result.code == 1


def test_text_after_a_blockquote_nested_past_the_limit_is_checked(run_cli, write):
    path = write("q.md", ">" * 30 + " Deep quote.\n" + ">" * 30 + "\n" + ">" * 30 + " Leave a Reply\n")
    result = run_cli("check", "--no-languagetool", "--format", "json", path)
    assert _chrome_lines(result) == [3]


def test_skipped_lines_map_to_their_own_text_without_markers():
    text = "Intro.\r\n\r\n" + ">" * 25 + " Deep quote one.\r\n" + ">" * 25 + " Deep quote two.\r\n\r\nEnd.\r\n"
    doc = parse_document(text, "q.md", "markdown")
    texts = [s.text for s in doc.segments]
    assert "Deep quote one." in texts and "Deep quote two." in texts and texts[-1] == "End."
    for seg in doc.segments:
        start, end = seg.source_map.span(0, len(seg.text))
        assert text[start:end] == seg.text


def test_a_list_under_the_limit_is_parsed_as_before():
    doc = parse_document(_nested_list(5) + "\nEnd.\n", "l.md", "markdown")
    assert [s.text for s in doc.segments] == ["Item."] * 5 + ["End."]
