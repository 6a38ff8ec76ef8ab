"""Choosing and applying fixes on text, the fix loop, and the dry-run diff (no files)."""
from __future__ import annotations

from newslint.findings import Category, FileError, Finding, Fix, Severity, Source
from newslint.fixing import apply_fixes, choose_fixes, fix_text
from newslint.fixing.unified_diff import unified_diff
from newslint.results import FileResult


def finding(start: int, end: int, replacement: str | None, safe: bool = True, rule: str = "t.rule") -> Finding:
    return Finding("a.txt", 1, start + 1, 1, end + 1, rule, Category.STYLE, Severity.WARNING, Source.RULES,
                   "msg", Fix(replacement, safe) if replacement is not None else None, start, end)


def test_applies_from_the_end_so_earlier_offsets_stay_valid():
    text = "one two three"
    fixes = choose_fixes([finding(0, 3, "1"), finding(8, 13, "3"), finding(4, 7, "2")], text)
    assert [f.offset for f in fixes] == [0, 4, 8]
    assert apply_fixes(text, fixes) == "1 2 3"


def test_overlapping_fixes_keep_the_first_in_file_order():
    text = "abcdefgh"
    chosen = choose_fixes([finding(2, 6, "X"), finding(0, 3, "Y"), finding(5, 8, "Z"), finding(6, 8, "W")], text)
    assert [(f.offset, f.end_offset) for f in chosen] == [(0, 3), (5, 8)]
    assert apply_fixes(text, chosen) == "YdeZ"


def test_two_insertions_at_one_point_do_not_both_apply():
    chosen = choose_fixes([finding(3, 3, "x", rule="a"), finding(3, 3, "y", rule="b")], "abcdef")
    assert len(chosen) == 1


def test_an_insertion_right_after_a_replacement_applies_with_it():
    chosen = choose_fixes([finding(0, 3, "X"), finding(3, 3, "!")], "abcdef")
    assert apply_fixes("abcdef", chosen) == "X!def"


def test_unsafe_fixes_need_the_unsafe_switch():
    items = [finding(0, 1, "A", safe=True), finding(2, 3, "C", safe=False)]
    assert [f.offset for f in choose_fixes(items, "abc")] == [0]
    assert [f.offset for f in choose_fixes(items, "abc", unsafe=True)] == [0, 2]


def test_skips_findings_without_fix_no_ops_and_spans_outside_the_text():
    items = [finding(0, 1, None), finding(1, 2, "b"), finding(2, 9, "x"), finding(3, 2, "y")]
    assert choose_fixes(items, "abc") == []


def test_fix_text_iterates_until_nothing_applies():
    # Each round fixes one "--" pair; the rule sees the text again after every round.
    def lint(text: str) -> FileResult:
        at = text.find("--")
        found = [finding(at, at + 2, "-")] if at >= 0 else []
        return FileResult("a.txt", found)

    outcome = fix_text("a----b", lint)
    assert outcome.text == "a-b"
    assert outcome.applied == 3 and outcome.converged
    assert outcome.result.findings == []


def test_fix_text_reports_a_loop_that_does_not_settle():
    def lint(text: str) -> FileResult:      # flips between two spellings for ever
        return FileResult("a.txt", [finding(0, 1, "b" if text[0] == "a" else "a")])

    outcome = fix_text("a", lint, max_rounds=3)
    assert not outcome.converged and outcome.applied == 3


def test_fix_text_keeps_the_original_when_a_later_round_cannot_check_it():
    calls = []

    def lint(text: str) -> FileResult:
        calls.append(text)
        if len(calls) == 1:
            return FileResult("a.txt", [finding(0, 3, "one")])
        return FileResult("a.txt", errors=[FileError("a.txt", "LanguageTool: not answering")])

    outcome = fix_text("uno dos", lint)
    assert outcome.text == "uno dos" and outcome.applied == 0
    assert [f.offset for f in outcome.result.findings] == [0]      # findings of the original text
    assert [e.message for e in outcome.result.errors] == ["LanguageTool: not answering"]


def test_fix_text_does_nothing_when_the_first_check_fails():
    outcome = fix_text("x", lambda text: FileResult("a.txt", [finding(0, 1, "y")], [FileError("a.txt", "bad")]))
    assert outcome.text == "x" and outcome.applied == 0 and outcome.result.errors


def test_diff_keeps_crlf_and_marks_a_missing_final_newline():
    before = "Head\r\n\r\nIt rose 5 percent.\r\nEnd"
    after = "Head\r\n\r\nIt rose 5%.\r\nEnd!"
    diff = unified_diff("story.txt", before, after)
    assert diff.startswith("--- a/story.txt\n+++ b/story.txt\n")
    assert "-It rose 5 percent.\r\n" in diff and "+It rose 5%.\r\n" in diff
    assert "-End\n\\ No newline at end of file\n" in diff
    assert diff.endswith("+End!\n\\ No newline at end of file\n")
    assert unified_diff("story.txt", before, before) == ""


def test_a_match_across_markup_keeps_its_message_but_has_no_fix():
    import newslint

    text = "<h1>Rates</h1>\n<p>Rents rose 5 <b>per</b> cent in May.</p>\n<p>Fees rose 4 per cent.</p>\n"
    findings = [f for f in newslint.lint_text(text, "a.html") if f.rule == "news.style.percent"]
    assert [(f.line, f.fix is not None) for f in findings] == [(2, False), (3, True)]
