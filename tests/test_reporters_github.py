"""The GitHub Actions reporter: command lines and their escaping."""
from __future__ import annotations

import io


try:  # tests/ as a package, or as a plain folder on sys.path
    from .reporter_samples import sample_report
except ImportError:
    from reporter_samples import sample_report

from newslint.reporters import github


def test_output():
    out = io.StringIO()
    github.render(sample_report(), out)
    assert out.getvalue() == (
        "::warning file=a.md,line=7,col=3,endLine=7,endColumn=41,title=news.chrome.see-also"
        "::\u201cSee also\u201d teaser left in the copy\n"
        "::error file=a.md,line=12,col=1,endLine=12,endColumn=8,title=lt.MORFOLOGIK_RULE_EN_US"
        "::Possible spelling mistake: \u201crecieve\u201d\n"
        "::notice file=desk/b%2C c.md,line=2,col=5,endLine=3,endColumn=2,title=news.attribution.said-he"
        '::Write "he said", not "said he"%0A100%25 sure: yes\n'
        "::error file=bad.txt::not UTF-8 (byte 0xff at offset 12)\n"
        "::notice title=newslint::LanguageTool is not running; grammar and spelling were not checked\n"
    )


def test_every_output_line_is_one_command():
    out = io.StringIO()
    github.render(sample_report(), out)
    lines = out.getvalue().splitlines()
    assert len(lines) == 5
    assert all(line.startswith("::") for line in lines)


def test_escaping():
    assert github.escape_data("50% done\r\nnext: a, b") == "50%25 done%0D%0Anext: a, b"
    assert github.escape_property("a:b,c%\n") == "a%3Ab%2Cc%25%0A"
    # "%" first, so escapes are not escaped twice.
    assert github.escape_property("%3A") == "%253A"
    assert github.command("error", {}, "x") == "::error::x\n"
