"""The SARIF reporter: valid against the official 2.1.0 schema, and what GitHub reads."""
from __future__ import annotations

import copy
import io
import json
from pathlib import Path

import jsonschema
import pytest

try:  # tests/ as a package, or as a plain folder on sys.path
    from .reporter_samples import sample_report
except ImportError:
    from reporter_samples import sample_report

from newslint.hits import Notice
from newslint.reporters import sarif
from newslint.results import Report

SCHEMA = json.loads((Path(__file__).parent / "data" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))


def validate(log: dict) -> None:
    jsonschema.Draft4Validator(SCHEMA, format_checker=jsonschema.FormatChecker()).validate(log)


def rendered(report: Report) -> dict:
    out = io.StringIO()
    sarif.render(report, out)
    return json.loads(out.getvalue())


def test_sample_is_valid_sarif():
    validate(rendered(sample_report()))


@pytest.mark.parametrize("report", [Report(), Report(files_checked=3), Report(notices=[Notice("c", "m")])])
def test_empty_runs_are_valid_sarif(report):
    log = rendered(report)
    validate(log)
    assert log["runs"][0]["results"] == []


def test_the_schema_rejects_a_broken_log():
    # The schema file is real enough to catch mistakes: a level SARIF does not know.
    log = rendered(sample_report())
    broken = copy.deepcopy(log)
    broken["runs"][0]["results"][0]["level"] = "suggestion"
    with pytest.raises(jsonschema.ValidationError):
        validate(broken)
    broken = copy.deepcopy(log)
    broken["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startLine"] = 0
    with pytest.raises(jsonschema.ValidationError):
        validate(broken)


def test_driver_and_rules():
    log = rendered(sample_report())
    assert log["version"] == "2.1.0"
    assert log["$schema"].endswith("sarif-schema-2.1.0.json")
    run = log["runs"][0]
    driver = run["tool"]["driver"]
    assert driver["name"] == "newslint"
    assert driver["version"]
    assert [r["id"] for r in driver["rules"]] == [
        "lt.MORFOLOGIK_RULE_EN_US", "news.attribution.said-he", "news.chrome.see-also"]
    assert driver["rules"][0] == {"id": "lt.MORFOLOGIK_RULE_EN_US"}     # no metadata: a bare descriptor
    assert driver["rules"][2] == {
        "id": "news.chrome.see-also",
        "shortDescription": {"text": "A \u201cSee also\u201d teaser left from the web page."},
        "fullDescription": {"text": "A \u201cSee also\u201d teaser left from the web page. "
                                    "Teasers point at other pages and make no sense in print."},
        "help": {"text": "A \u201cSee also\u201d teaser left from the web page.\n\n"
                         "Teasers point at other pages and make no sense in print.\n\n"
                         "How to fix: Delete the line."},
        "helpUri": "https://example.org/rules/see-also",
        "defaultConfiguration": {"level": "warning"},
        "properties": {"category": "chrome", "source": "rules", "tags": ["chrome", "rules"]},
    }
    said_he = driver["rules"][1]
    assert "helpUri" not in said_he
    assert said_he["defaultConfiguration"] == {"level": "note"}
    assert run["columnKind"] == "unicodeCodePoints"


def test_results_point_at_their_rules():
    run = rendered(sample_report())["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    results = run["results"]
    assert [(r["ruleId"], r["level"]) for r in results] == [
        ("news.chrome.see-also", "warning"),
        ("lt.MORFOLOGIK_RULE_EN_US", "error"),
        ("news.attribution.said-he", "note"),
    ]
    for result in results:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
    said_he = results[2]
    assert said_he["message"] == {"text": 'Write "he said", not "said he"\n100% sure: yes'}
    assert said_he["locations"] == [{"physicalLocation": {
        "artifactLocation": {"uri": "desk/b%2C%20c.md"},
        "region": {"startLine": 2, "startColumn": 5, "endLine": 3, "endColumn": 2}}}]
    assert "fixes" not in said_he
    assert said_he["properties"] == {"category": "attribution", "source": "news"}


def test_fixes():
    results = rendered(sample_report())["runs"][0]["results"]
    assert results[1]["fixes"] == [{
        "description": {"text": "Replace with \u201creceive\u201d"},
        "artifactChanges": [{
            "artifactLocation": {"uri": "a.md"},
            "replacements": [{
                "deletedRegion": {"startLine": 12, "startColumn": 1, "endLine": 12, "endColumn": 8},
                "insertedContent": {"text": "receive"},
            }],
        }],
        "properties": {"safe": False},
    }]
    assert results[0]["fixes"][0]["description"] == {"text": "Delete"}
    assert results[0]["fixes"][0]["artifactChanges"][0]["replacements"][0]["insertedContent"] == {"text": ""}


def test_file_errors_make_the_run_unsuccessful():
    invocation = rendered(sample_report())["runs"][0]["invocations"][0]
    assert invocation["executionSuccessful"] is False
    assert invocation["toolExecutionNotifications"] == [
        {"level": "error", "message": {"text": "not UTF-8 (byte 0xff at offset 12)"},
         "locations": [{"physicalLocation": {"artifactLocation": {"uri": "bad.txt"}}}]},
        {"level": "note", "message": {"text": "LanguageTool is not running; grammar and spelling were not checked"},
         "descriptor": {"id": "languagetool-unavailable"}},
    ]
    assert rendered(Report())["runs"][0]["invocations"] == [{"executionSuccessful": True}]


@pytest.mark.parametrize("path,uri", [
    ("a.md", "a.md"),
    ("./desk/a.md", "desk/a.md"),
    ("../up/a b.md", "../up/a%20b.md"),
    ("caf\u00e9.md", "caf%C3%A9.md"),
    ("/srv/news/a.md", "file:///srv/news/a.md"),
])
def test_artifact_uri(path, uri):
    assert sarif.artifact_uri(path) == uri


def test_deterministic_and_utf8():
    a, b = io.StringIO(), io.StringIO()
    report = sample_report()
    sarif.render(report, a)
    report.findings.reverse()
    sarif.render(report, b)
    assert a.getvalue() == b.getvalue()
    assert "\u201c" in a.getvalue()
