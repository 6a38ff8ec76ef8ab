import pytest

from newslint.documents import LineIndex, Suppression, parse_document
from newslint.documents.suppressions import find_suppressions, is_suppressed


def found(text, skip=()):
    return find_suppressions(text, LineIndex(text), skip=skip)


def test_disable_enable_region():
    text = "a\n<!-- newslint-disable news.chrome.* -->\nb\nc\n<!-- newslint-enable news.chrome.* -->\nd\n"
    (s,) = found(text)
    assert s == Suppression(("news.chrome.*",), 2, 5)
    assert is_suppressed([s], "news.chrome.see-also", 3)
    assert not is_suppressed([s], "news.chrome.see-also", 6)
    assert not is_suppressed([s], "news.attribution", 3)


def test_disable_without_enable_runs_to_end_and_empty_list_means_all():
    (s,) = found("a\n\n<!-- newslint-disable -->\nb\n")
    assert s == Suppression((), 3, None)
    assert is_suppressed([s], "lt.ANYTHING", 10_000)
    assert not is_suppressed([s], "lt.ANYTHING", 2)


def test_rule_lists_split_on_commas_and_spaces():
    (s,) = found("<!-- newslint-disable a.b, c.* ,d\n e -->")
    assert s.rules == ("a.b", "c.*", "d", "e")


def test_disable_next_line_skips_blank_lines():
    text = "x\n<!-- newslint-disable-next-line news.fragment -->\n\n  \nTarget line.\nAfter.\n"
    (s,) = found(text)
    assert s == Suppression(("news.fragment",), 5, 5)
    assert not is_suppressed([s], "news.fragment", 6)


def test_disable_next_line_at_end_of_file_has_no_effect():
    assert found("x\n<!-- newslint-disable-next-line -->\n\n") == ()


def test_disable_file():
    (s,) = found("a\nb\nc <!-- newslint-disable-file lt.* -->\n")
    assert s == Suppression(("lt.*",), 1, None)
    assert is_suppressed([s], "lt.X", 1)


def test_enable_without_rules_closes_everything():
    text = "<!-- newslint-disable a -->\n<!-- newslint-disable b -->\nx\n<!-- newslint-enable -->\ny\n"
    assert found(text) == (Suppression(("a",), 1, 4), Suppression(("b",), 2, 4))


def test_enable_of_one_rule_keeps_the_others_off():
    text = "<!-- newslint-disable a b -->\nx\n<!-- newslint-enable a -->\ny\n"
    sups = found(text)
    assert is_suppressed(sups, "a", 2) and is_suppressed(sups, "b", 2)
    assert not is_suppressed(sups, "a", 4)
    assert is_suppressed(sups, "b", 4)


def test_other_comments_and_lookalikes_are_ignored():
    assert found("<!-- newslint-disabled -->\n<!-- note -->\n<!--newslint-enable-->\n") == ()


def test_skipped_ranges():
    text = "<!-- newslint-disable -->"
    assert found(text, skip=[(0, 5)]) == ()
    assert found(text, skip=[(5, 9)]) != ()


def test_text_documents_have_no_suppressions():
    doc = parse_document("<!-- newslint-disable -->\n\nText.\n", "a.txt", "text")
    assert doc.suppressions == ()


@pytest.mark.parametrize("fmt, text", [
    ("markdown", "Para.\n\n<!-- newslint-disable-next-line news.x -->\nBad para.\n"),
    ("html", "<p>Para.</p>\n\n<!-- newslint-disable-next-line news.x -->\n<p>Bad para.</p>\n"),
])
def test_documents_carry_suppressions(fmt, text):
    doc = parse_document(text, "a", fmt)
    assert doc.suppressions == (Suppression(("news.x",), 4, 4),)
    bad = doc.segments[1]
    assert is_suppressed(doc.suppressions, "news.x", bad.line)
