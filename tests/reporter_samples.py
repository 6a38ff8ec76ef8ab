"""A hand-built Report shared by the reporter tests."""
from __future__ import annotations

from newslint.hits import Notice
from newslint.ruleinfo import FixSafety, RuleDoc, RuleInfo
from newslint.findings import Category, FileError, Finding, Fix, Severity, Source
from newslint.results import Report

SEE_ALSO = RuleInfo(
    id="news.chrome.see-also", category=Category.CHROME, severity=Severity.WARNING, source=Source.RULES,
    doc=RuleDoc(what="A \u201cSee also\u201d teaser left from the web page.",
                why="Teasers point at other pages and make no sense in print.",
                fix="Delete the line.", link="https://example.org/rules/see-also"),
    fix_safety=FixSafety.SAFE)
SAID_HE = RuleInfo(
    id="news.attribution.said-he", category=Category.ATTRIBUTION, severity=Severity.SUGGESTION,
    source=Source.NEWS, doc=RuleDoc(what="\u201csaid he\u201d instead of \u201che said\u201d."))


def sample_report() -> Report:
    findings = [
        # Deliberately out of order: reporters sort.
        Finding("desk/b, c.md", 2, 5, 3, 2, "news.attribution.said-he", Category.ATTRIBUTION,
                Severity.SUGGESTION, Source.NEWS, 'Write "he said", not "said he"\n100% sure: yes',
                offset=20, end_offset=40),
        Finding("a.md", 12, 1, 12, 8, "lt.MORFOLOGIK_RULE_EN_US", Category.SPELLING, Severity.ERROR,
                Source.LANGUAGETOOL, "Possible spelling mistake: \u201crecieve\u201d",
                fix=Fix("receive", safe=False), offset=300, end_offset=307),
        Finding("a.md", 7, 3, 7, 41, "news.chrome.see-also", Category.CHROME, Severity.WARNING,
                Source.RULES, "\u201cSee also\u201d teaser left in the copy", fix=Fix("", safe=True),
                offset=100, end_offset=138),
    ]
    return Report(
        findings=findings,
        errors=[FileError("bad.txt", "not UTF-8 (byte 0xff at offset 12)")],
        notices=[Notice("languagetool-unavailable",
                        "LanguageTool is not running; grammar and spelling were not checked")],
        files_checked=2,
        rules={r.id: r for r in (SEE_ALSO, SAID_HE)},  # the LanguageTool rule has no metadata
    )
