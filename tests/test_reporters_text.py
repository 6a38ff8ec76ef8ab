"""The text reporter: exact lines, colour only on request, the closing count."""
from __future__ import annotations

import io


try:  # tests/ as a package, or as a plain folder on sys.path
    from .reporter_samples import sample_report
except ImportError:
    from reporter_samples import sample_report

from newslint.hits import Notice
from newslint.findings import FileError
from newslint.reporters import text
from newslint.results import Report


def render(report: Report, color: bool = False) -> str:
    out = io.StringIO()
    text.render(report, out, color=color)
    return out.getvalue()


def test_plain_output():
    assert render(sample_report()) == (
        "a.md:7:3: warning [news.chrome.see-also] \u201cSee also\u201d teaser left in the copy\n"
        "a.md:12:1: error [lt.MORFOLOGIK_RULE_EN_US] Possible spelling mistake: \u201crecieve\u201d\n"
        'desk/b, c.md:2:5: suggestion [news.attribution.said-he] Write "he said", not "said he" 100% sure: yes\n'
        "bad.txt: error: not UTF-8 (byte 0xff at offset 12)\n"
        "note: LanguageTool is not running; grammar and spelling were not checked\n"
        "3 findings (1 error, 1 warning, 1 suggestion) in 2 files; 1 file could not be checked\n"
    )


def test_colour_only_when_asked():
    plain = render(sample_report())
    coloured = render(sample_report(), color=True)
    assert "\x1b[" not in plain
    assert "\x1b[31merror\x1b[0m" in coloured
    assert "\x1b[33mwarning\x1b[0m" in coloured
    assert "\x1b[1ma.md:7:3:\x1b[0m" in coloured
    stripped = coloured
    for code in ("\x1b[0m", "\x1b[1m", "\x1b[2m", "\x1b[31m", "\x1b[33m", "\x1b[36m", "\x1b[35m"):
        stripped = stripped.replace(code, "")
    assert stripped == plain


def test_clean_run():
    assert render(Report(files_checked=1)) == "0 findings in 1 file\n"


def test_counts_files_not_errors_and_singulars():
    report = Report(errors=[FileError("x.md", "unreadable"), FileError("x.md", "also bad"),
                            FileError("y.md", "binary")], files_checked=0)
    assert text.summary(report) == "0 findings in 0 files; 2 files could not be checked"
    report = sample_report()
    report.findings = report.findings[:1]
    report.errors = []
    assert text.summary(report) == "1 finding (1 suggestion) in 2 files"


def test_run_level_error_without_a_path():
    out = render(Report(errors=[FileError("", "LanguageTool did not start")],
                        notices=[Notice("x", "said once")]))
    assert out.splitlines()[:2] == ["error: LanguageTool did not start", "note: said once"]


def test_cli_text_output_keeps_errors_and_notes_on_stderr(run_cli, write):
    good = write("desk/good.txt", "Council delays vote\n\nThe council delayed its vote.\n\nLeave a Reply\n")
    bad = write("desk/bad.txt", b"Caf\xe9\n")
    result = run_cli("check", "--no-languagetool", good, bad)
    assert result.code == 2
    assert result.out.splitlines() == [
        f"{good}:5:1: warning [news.chrome.leave-a-reply] Comment-section heading left over from the web page.",
        "1 finding (1 warning) in 1 file; 1 file could not be checked"]
    assert result.err.splitlines() == [
        f"{bad}: error: not UTF-8 (byte 0xe9 at offset 3)",
        "note: news.fragment, news.names.near-known, news.names.variant not checked: these checks need LanguageTool, which is off"]


def test_cli_json_keeps_errors_and_notes_in_its_document(run_cli, write):
    bad = write("bad.txt", b"Caf\xe9\n")
    good = write("good.txt", "Council delays vote\n\nThe council delayed its vote.\n")
    result = run_cli("check", "--no-languagetool", "--format", "json", bad, good)
    assert result.err == ""
    assert result.json()["errors"] == [{"path": bad, "message": "not UTF-8 (byte 0xe9 at offset 3)"}]
    assert result.json()["notices"]
