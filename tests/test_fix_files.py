"""`newslint check --fix` on real files: only the fixed spans change, nothing else does."""
from __future__ import annotations

import codecs
import os
import stat
import subprocess
from pathlib import Path

import pytest

from newslint.engine import Linter, LintOptions
from newslint.findings import FileError
from newslint.fixing import choose_fixes, fix_paths
from newslint.results import FileResult

# A folder of styles: ids are paths inside it (rules/house/style/percent.yml -> house.style.percent).
CONFIG = "extends: [./rules]\nlanguagetool: {enabled: false}\n"
RULES = {
    "rules/house/style/percent.yml": (
        "extends: substitution\nmessage: \"Use '%s' instead of '%s'.\"\nlevel: warning\n"
        "swap:\n  percent: per cent\n"),
    "rules/house/style/double-space.yml": (
        "extends: substitution\nmessage: \"Use '%s' instead of '%s'.\"\nlevel: suggestion\n"
        "category: typography\nnonword: true\nswap:\n  '  ': ' '\n"),
    "rules/house/style/toward.yml": (          # two choices: the fix is unsafe
        "extends: substitution\nmessage: \"Use '%s' instead of '%s'.\"\nlevel: warning\n"
        "swap:\n  towards: toward|to\n"),
    "rules/house/style/r-and-d.yml": (
        "extends: substitution\nmessage: \"Use '%s' instead of '%s'.\"\nlevel: warning\n"
        "swap:\n  R&D: research\n"),
    "rules/house/chrome/leave-a-reply.yml": (  # no fix: stays after --fix
        "extends: existence\nmessage: \"Page chrome: '%s'.\"\nlevel: warning\ncategory: chrome\n"
        "tokens: ['Leave a Reply']\n"),
}


@pytest.fixture
def desk(tmp_path: Path) -> Path:
    (tmp_path / ".newslint.yml").write_text(CONFIG)
    for name, text in RULES.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text)
    return tmp_path


def linter() -> Linter:
    return Linter(LintOptions(languagetool=False))


def fixed_spans(path: Path) -> list[tuple[int, int, str]]:
    result = linter().lint_file(str(path))
    assert not result.errors
    text = path.read_bytes().decode("utf-8-sig")
    return [(f.offset, f.end_offset, f.fix.replacement) for f in choose_fixes(result.findings, text)]


def outside(text: str, spans: list[tuple[int, int]]) -> list[bytes]:
    """The text between (and around) ``spans``, as UTF-8 bytes."""
    pieces, at = [], 0
    for start, end in spans:
        pieces.append(text[at:start].encode())
        at = end
    pieces.append(text[at:].encode())
    return pieces


def assert_only_spans_changed(before: bytes, after: bytes, spans: list[tuple[int, int, str]]) -> None:
    bom = codecs.BOM_UTF8 if before.startswith(codecs.BOM_UTF8) else b""
    assert after.startswith(bom)
    old, new = before[len(bom):].decode(), after[len(bom):].decode()
    new_spans, shift = [], 0
    for start, end, replacement in spans:
        new_spans.append((start + shift, start + shift + len(replacement)))
        assert new[start + shift:start + shift + len(replacement)] == replacement
        shift += len(replacement) - (end - start)
    assert outside(old, [(s, e) for s, e, _ in spans]) == outside(new, new_spans)
    assert len(new) == len(old) + shift


TXT = "Rates rise again\n\nIt rose 5 percent.  Prices went towards records, café owners said 😀.\n\nLeave a Reply\n"
MD = ("---\ntitle: 5 percent of voters\n---\n\n# Rates\n\nIt rose 5 percent.  Then fell.\n\n"
      "```\nkeep 5 percent  here\n```\n\n- a list item, 9 percent\n\nLeave a Reply\n")
HTML = ("<!doctype html>\n<html><head><title>5 percent</title><style>p{x:1}</style></head>\n<body>\n"
        "<h1>Rates</h1>\n<p>It rose 5 percent &amp; more, caf&eacute; owners said.</p>\n"
        "<pre><code>5 percent</code></pre>\n<p>Leave a Reply</p>\n</body></html>\n")


@pytest.mark.parametrize("name, text, fixes", [
    ("story.txt", TXT, 2),
    ("story.md", MD, 3),
    ("story.html", HTML, 1),
])
def test_round_trip_changes_only_the_fixed_spans(desk, run_cli, name, text, fixes):
    path = desk / name
    path.write_bytes(text.encode())
    before = path.read_bytes()
    spans = fixed_spans(path)
    assert len(spans) == fixes
    result = run_cli("check", "--fix", "--format", "json", str(path))
    after = path.read_bytes()
    assert_only_spans_changed(before, after, spans)
    remaining = {f["rule"] for f in result.json()["findings"]}
    assert "house.style.percent" not in remaining and "house.style.double-space" not in remaining
    assert "house.chrome.leave-a-reply" in remaining          # no fix: still reported
    assert result.code == 1


def test_code_front_matter_and_markup_are_left_alone(desk, run_cli):
    (desk / "story.md").write_text(MD)
    (desk / "story.html").write_text(HTML)
    run_cli("check", "--fix", str(desk / "story.md"), str(desk / "story.html"))
    md, html = (desk / "story.md").read_text(), (desk / "story.html").read_text()
    assert "title: 5 percent of voters" in md and "keep 5 percent  here" in md
    assert "It rose 5 per cent. Then fell." in md and "9 per cent" in md
    assert "<title>5 percent</title>" in html and "<pre><code>5 percent</code></pre>" in html
    assert "5 per cent &amp; more, caf&eacute;" in html


def test_a_second_run_changes_nothing(desk, run_cli):
    path = desk / "story.txt"
    path.write_text(TXT)
    first = run_cli("check", "--fix", str(path))
    assert "Fixed 2 problems in 1 file" in first.err
    once = path.read_bytes()
    inode = path.stat().st_ino
    second = run_cli("check", "--fix", str(path))
    assert path.read_bytes() == once
    assert path.stat().st_ino == inode               # not even rewritten
    assert "Fixed" not in second.err
    assert run_cli("check", "--fix", "--dry-run", str(path)).out == ""


def test_permissions_are_kept(desk, run_cli):
    path = desk / "story.txt"
    path.write_text(TXT)
    path.chmod(0o640)
    run_cli("check", "--fix", str(path))
    assert "per cent" in path.read_text()
    assert stat.S_IMODE(path.stat().st_mode) == 0o640


def test_crlf_and_bom_are_kept(desk, run_cli):
    path = desk / "story.md"
    text = MD.replace("\n", "\r\n")
    path.write_bytes(codecs.BOM_UTF8 + text.encode())
    before = path.read_bytes()
    spans = fixed_spans(path)
    run_cli("check", "--fix", str(path))
    after = path.read_bytes()
    assert after.startswith(codecs.BOM_UTF8)
    assert after.count(b"\r\n") == before.count(b"\r\n") and b"\n" not in after.replace(b"\r\n", b"")
    assert_only_spans_changed(before, after, spans)


def test_utf16_stays_utf16(desk, run_cli):
    path = desk / "story.txt"
    path.write_bytes(codecs.BOM_UTF16_LE + TXT.encode("utf-16-le"))
    run_cli("check", "--fix", str(path))
    data = path.read_bytes()
    assert data.startswith(codecs.BOM_UTF16_LE)
    assert data[2:].decode("utf-16-le") == TXT.replace("5 percent.  ", "5 per cent. ")


def test_a_file_that_cannot_be_decoded_is_untouched(desk, run_cli):
    path = desk / "story.txt"
    data = b"Rates rise\n\nIt rose 5 percent.  Then \xff fell.\n"
    path.write_bytes(data)
    result = run_cli("check", "--fix", str(path))
    assert result.code == 2
    assert path.read_bytes() == data
    assert "not UTF-8" in result.out + result.err


def test_a_file_under_a_broken_config_is_untouched(desk, run_cli):
    (desk / "sub").mkdir()
    (desk / "sub" / ".newslint.yml").write_text("extends: [./rules]\nlangauge: x\n")
    path = desk / "sub" / "story.txt"
    path.write_text(TXT)
    result = run_cli("check", "--fix", str(path))
    assert result.code == 2
    assert path.read_text() == TXT


class FailingLanguageTool(Linter):
    """The YAML rules run; the (simulated) LanguageTool stage fails on every check."""

    def lint_text(self, text, path="-", config=None, fmt=None) -> FileResult:
        result = super().lint_text(text, path, config, fmt)
        result.errors.append(FileError(path, "LanguageTool: the server did not answer"))
        return result


def test_a_file_languagetool_could_not_check_is_untouched(desk):
    path = desk / "story.txt"
    path.write_text(TXT)
    run = fix_paths(FailingLanguageTool(LintOptions(languagetool=False)), [str(path)])
    assert path.read_text() == TXT
    assert run.files_fixed == 0
    assert [e.message for e in run.report.errors] == ["LanguageTool: the server did not answer"]
    assert {f.rule for f in run.report.findings} >= {"house.style.percent"}   # the original findings


@pytest.mark.parametrize("interruption", [OSError(28, "No space left on device"), KeyboardInterrupt()])
def test_an_interrupted_write_leaves_the_original_and_no_temporary_file(desk, run_cli, monkeypatch,
                                                                        interruption):
    path = desk / "story.txt"
    path.write_text(TXT)
    listing = sorted(os.listdir(desk))

    def killed(src, dst):
        assert Path(src).read_text() != TXT          # the new text was fully written ...
        raise interruption                             # ... and the rename never happened

    monkeypatch.setattr(os, "replace", killed)
    if isinstance(interruption, KeyboardInterrupt):
        with pytest.raises(KeyboardInterrupt):
            fix_paths(linter(), [str(path)])
    else:
        result = run_cli("check", "--fix", str(path))
        assert result.code == 2
        assert "No space left on device" in result.out + result.err
    assert path.read_text() == TXT
    assert sorted(os.listdir(desk)) == listing


def test_a_symbolic_link_stays_a_link(desk, run_cli):
    target = desk / "story.txt"
    target.write_text(TXT)
    link = desk / "link.txt"
    link.symlink_to(target)
    run_cli("check", "--fix", str(link))
    assert link.is_symlink()
    assert "per cent" in target.read_text()


def test_unsafe_fixes_apply_only_when_asked(desk, run_cli):
    path = desk / "story.txt"
    path.write_text(TXT)
    run_cli("check", "--fix", str(path))
    assert "towards" in path.read_text()
    run_cli("check", "--fix", "--unsafe-fixes", str(path))
    assert "went toward records" in path.read_text()


def test_dry_run_prints_a_diff_that_applies_and_writes_nothing(desk, run_cli, monkeypatch):
    path = desk / "story.txt"
    path.write_text(TXT)
    monkeypatch.chdir(desk)
    result = run_cli("check", "--fix", "--dry-run", "story.txt")
    assert result.code == 1
    assert path.read_text() == TXT
    assert result.out.startswith("--- a/story.txt\n+++ b/story.txt\n")
    assert "-It rose 5 percent.  Prices" in result.out and "+It rose 5 per cent. Prices" in result.out
    assert "Would fix 2 problems in 1 file" in result.err
    applied = subprocess.run(["patch", "-p1", "-s"], input=result.out, text=True, cwd=desk, capture_output=True)
    assert applied.returncode == 0, applied.stderr
    assert path.read_text() == TXT.replace("5 percent.  ", "5 per cent. ")


@pytest.mark.parametrize("argv, message", [
    (("--dry-run",), "Error: --dry-run only works together with --fix\n"),
    (("--unsafe-fixes",), "Error: --unsafe-fixes only works together with --fix\n"),
    (("--unsafe-fixes", "--dry-run"), "Error: --unsafe-fixes and --dry-run only work together with --fix\n"),
    (("--fix", "-"), "cannot fix stdin"),
    (("--fix", "--shard", "1/2"), "applies to whole files"),
])
def test_option_combinations_that_make_no_sense_are_usage_errors(desk, run_cli, argv, message):
    path = desk / "story.txt"
    path.write_text(TXT)
    args = [*argv] if "-" in argv else [*argv, str(path)]
    result = run_cli("check", *args)
    assert result.code == 2
    assert message in result.err
    assert path.read_text() == TXT


@pytest.mark.parametrize("name, text", [
    ("story.html", "<h1>Rates</h1>\n<p>It rose 5 <b>per</b>cent in R&amp;D.</p>\n"),
    ("story.md", "# Rates\n\nIt rose 5 *per*cent in R\\&D.\n"),
    ("story.markdown", "# Rates\n\nIt rose 5 <b>per</b>cent in R&amp;D.\n"),
])
def test_fixes_never_cut_through_markup_or_entities(desk, run_cli, name, text):
    path = desk / name
    path.write_text(text)
    result = run_cli("check", "--fix", "--format", "json", str(path))
    assert path.read_text() == text
    found = result.json()["findings"]
    assert {f["rule"] for f in found} >= {"house.style.percent", "house.style.r-and-d"}
    assert all(f["fix"] is None for f in found)


def test_a_folder_is_fixed_with_parallel_jobs(desk, run_cli):
    names = ["a.txt", "b.md", "sub/c.txt"]
    for name in names:
        (desk / name).parent.mkdir(parents=True, exist_ok=True)
        (desk / name).write_text(TXT)
    result = run_cli("check", "--fix", "-j", "2", str(desk))
    assert "Fixed 6 problems in 3 files" in result.err
    for name in names:
        assert "5 per cent. Prices" in (desk / name).read_text()


def test_the_scraped_article_with_the_shipped_rules(tmp_path, run_cli, article_text):
    (tmp_path / ".newslint.yml").write_text("languagetool: {enabled: false}\n")
    path = tmp_path / "article.txt"
    path.write_text(article_text)
    before = path.read_bytes()
    spans = fixed_spans(path)
    assert {"U.S.", "toward"} <= {replacement for _, _, replacement in spans}
    run_cli("check", "--fix", str(path))
    after = path.read_bytes()
    assert_only_spans_changed(before, after, spans)
    assert run_cli("check", "--fix", "--dry-run", str(path)).out == ""
    assert path.read_bytes() == after
