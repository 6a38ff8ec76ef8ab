"""The JSON reporter follows the DESIGN.md contract exactly."""
from __future__ import annotations

import io
import json


try:  # tests/ as a package, or as a plain folder on sys.path
    from .reporter_samples import sample_report
except ImportError:
    from reporter_samples import sample_report

from newslint.reporters import json as json_reporter
from newslint.results import Report


def render(report: Report) -> str:
    out = io.StringIO()
    json_reporter.render(report, out)
    return out.getvalue()


def test_contract():
    data = json.loads(render(sample_report()))
    assert list(data) == ["version", "findings", "errors", "notices"]
    assert data["version"] == 1
    assert data["findings"][0] == {
        "path": "a.md", "line": 7, "column": 3, "end_line": 7, "end_column": 41,
        "rule": "news.chrome.see-also", "category": "chrome", "severity": "warning",
        "source": "rules", "message": "\u201cSee also\u201d teaser left in the copy",
        "fix": {"replacement": "", "safe": True},
    }
    assert [list(f) for f in data["findings"]] == [[
        "path", "line", "column", "end_line", "end_column", "rule", "category", "severity",
        "source", "message", "fix"]] * 3
    assert [(f["path"], f["line"]) for f in data["findings"]] == [("a.md", 7), ("a.md", 12), ("desk/b, c.md", 2)]
    assert data["findings"][1]["fix"] == {"replacement": "receive", "safe": False}
    assert data["findings"][2]["fix"] is None
    assert data["errors"] == [{"path": "bad.txt", "message": "not UTF-8 (byte 0xff at offset 12)"}]
    assert data["notices"] == [{"code": "languagetool-unavailable",
                                "message": "LanguageTool is not running; grammar and spelling were not checked"}]


def test_utf8_not_escaped_and_one_trailing_newline():
    out = render(sample_report())
    assert "\u201cSee also\u201d" in out
    assert "\\u201c" not in out
    assert out.endswith("}\n") and not out.endswith("\n\n")


def test_deterministic_whatever_the_input_order():
    report = sample_report()
    shuffled = sample_report()
    shuffled.findings.reverse()
    assert render(report) == render(shuffled)


def test_empty_report():
    assert json.loads(render(Report())) == {"version": 1, "findings": [], "errors": [], "notices": []}
