"""One problem, one finding: duplicates on a span fold into the most specific finding's
``also``; the news profile's default levels for LanguageTool rules (a fake stage stands in
for LanguageTool here: these test our own code around it)."""
from __future__ import annotations

import io
import json

from newslint.checks.base import Hit
from newslint.config.loader import parse_config
from newslint.config.model import Config
from newslint.engine import Linter, LintOptions
from newslint.findings import Category, Finding, Severity, Source
from newslint.languagetool.profile import NEWS_PROFILE, default_level, reason, table_rows
from newslint.reporters import github, sarif, text as text_reporter
from newslint.reporters.json import render as render_json
from newslint.results import Report

ARTICLE = "Subscribe to our newsletter for the latest news.\n\nThe mayor said the “plan was late.\n"


class FakeStage:
    """Answers with fixed LanguageTool hits (our code around the stage is under test)."""

    def __init__(self, hits):
        self.hits = hits

    def check(self, doc, settings=None, vocab_accept=()):
        return list(self.hits)


def _lint(text, hits, config: Config | None = None, path="a.txt"):
    linter = Linter(LintOptions(languagetool=True), config=config or Config())
    linter.services.languagetool.use(FakeStage(hits))
    result = linter.lint_text(text, path)
    assert not result.errors
    return result.findings


def _span(text, part):
    at = text.index(part)
    return at, at + len(part)


def test_two_findings_on_one_span_become_one_with_also():
    seg_text = "The mayor said the “plan was late."
    start, end = _span(seg_text, "mayor")
    hits = [Hit("lt.FAKE_GRAMMAR", 1, start, end, "grammar", category=Category.GRAMMAR, severity=Severity.WARNING),
            Hit("lt.FAKE_STYLE", 1, start, end, "style", category=Category.STYLE, severity=Severity.SUGGESTION)]
    found = [f for f in _lint(ARTICLE, hits) if f.rule.startswith("lt.FAKE")]
    assert [(f.rule, f.also) for f in found] == [("lt.FAKE_GRAMMAR", ("lt.FAKE_STYLE",))]


def test_a_news_check_beats_languagetool_on_the_same_span_and_no_span_is_reported_twice():
    findings = _lint(ARTICLE, [])
    chrome = [f for f in findings if f.category is Category.CHROME]
    assert chrome, "the subscribe prompt is chrome"
    first = chrome[0]
    seg_hit = Hit("lt.FAKE_TYPO", 0, 0, first.end_offset, "x", category=Category.CHROME)
    again = _lint(ARTICLE, [seg_hit])
    spans = [(f.offset, f.end_offset) for f in again]
    assert len(spans) == len(set(spans))
    kept = [f for f in again if (f.offset, f.end_offset) == (first.offset, first.end_offset)]
    assert kept[0].source is not Source.LANGUAGETOOL and "lt.FAKE_TYPO" in kept[0].also


def test_profile_levels_are_defaults_config_turns_rules_back_on():
    seg_text = "The mayor said the “plan was late."
    start, _ = _span(seg_text, "“")
    quote = Hit("lt.EN_UNPAIRED_QUOTES", 1, start, start + 1, "Unpaired symbol", category=Category.PUNCTUATION,
                severity=Severity.WARNING)
    case = Hit("lt.EN_SPECIFIC_CASE", 1, 4, 9, "case", category=Category.GRAMMAR, severity=Severity.WARNING)
    found = {f.rule: f for f in _lint(ARTICLE, [quote, case])}
    assert "lt.EN_UNPAIRED_QUOTES" not in found
    assert found["lt.EN_SPECIFIC_CASE"].severity is Severity.SUGGESTION
    config = parse_config("rules: {lt.EN_UNPAIRED_QUOTES: warning, lt.EN_SPECIFIC_CASE: error}\n", "/x/.newslint.yml")
    found = {f.rule: f for f in _lint(ARTICLE, [quote, case], config)}
    assert found["lt.EN_SPECIFIC_CASE"].severity is Severity.ERROR
    # Back on, but the same span and problem as newslint's own quote check: folded into it.
    assert "lt.EN_UNPAIRED_QUOTES" not in found
    assert found["news.attribution.unbalanced-quote"].also == ("lt.EN_UNPAIRED_QUOTES",)
    none = parse_config("languagetool: {profile: none}\n", "/x/.newslint.yml")
    found = {f.rule: f for f in _lint(ARTICLE, [case], none)}
    assert found["lt.EN_SPECIFIC_CASE"].severity is Severity.WARNING


def test_profile_table_has_a_reason_and_a_level_for_every_rule():
    assert default_level("lt.EN_UNPAIRED_QUOTES") == "off"
    assert default_level("lt.EN_UNPAIRED_QUOTES", "none") is None
    assert default_level("lt.MORFOLOGIK_RULE_EN_US") is None
    # A "*" entry covers every rule of that prefix.
    assert default_level("lt.EN_DIACRITICS_REPLACE_ORTHOGRAPHY_JOSE_MOURINHO") == "suggestion"
    assert default_level("lt.EN_DIACRITICS_REPLACE_ORTHOGRAPHY_JOSE_MOURINHO", "none") is None
    assert "accents" in reason("lt.EN_DIACRITICS_REPLACE_ORTHOGRAPHY_CLICHES")
    for entry in NEWS_PROFILE:
        assert entry.level in ("off", "suggestion") and len(entry.reason) > 30
    assert len(table_rows()) == len(NEWS_PROFILE)


def _finding(also=()):
    return Finding("a.md", 1, 1, 1, 5, "news.chrome.tools", Category.CHROME, Severity.WARNING, Source.RULES,
                   "Tool bar", offset=0, end_offset=4, also=also)


def test_also_is_in_json_only_when_non_empty_and_every_reporter_shows_it():
    plain = _finding().to_json()
    assert "also" not in plain
    both = _finding(("news.chrome.subscribe-prompt",)).to_json()
    assert both == {**plain, "also": ["news.chrome.subscribe-prompt"]}
    assert list(both)[-1] == "also"
    report = Report(findings=[_finding(("news.chrome.subscribe-prompt",))], files_checked=1)
    out = io.StringIO()
    render_json(report, out)
    assert json.loads(out.getvalue())["findings"][0]["also"] == ["news.chrome.subscribe-prompt"]
    for module in (text_reporter, github):
        out = io.StringIO()
        module.render(report, out)
        assert "(also: news.chrome.subscribe-prompt)" in out.getvalue()
    assert sarif.build(report)["runs"][0]["results"][0]["properties"]["also"] == ["news.chrome.subscribe-prompt"]


def test_readme_and_explain_print_the_profile_table(run_cli):
    from pathlib import Path

    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    explained = run_cli("explain", "languagetool-profile")
    assert explained.code == 0
    for rules, level, why in table_rows():
        assert f"| `{rules.replace(', ', '`, `')}` | {level} | {why} |" in readme
        assert f"{rules}  [{level}]\n  {why}" in explained.out
    one = run_cli("explain", "lt.EN_UNPAIRED_QUOTES")
    assert one.code == 0 and "news profile: off" in one.out and "rules: {lt.EN_UNPAIRED_QUOTES: warning}" in one.out
    assert '"also"' in readme


STYLE_STORY = ("Festival marks its anniversary\n\n"
               "The first festival was held on September 19 1970, the organisers said.\n\n"
               "E-mail\n")


def test_a_house_style_rule_on_the_span_of_another_finding_is_folded_into_it():
    seg_text = "The first festival was held on September 19 1970, the organisers said."
    start, end = _span(seg_text, "September 19")
    comma = Hit("lt.MISSING_COMMA_BETWEEN_DAY_AND_YEAR", 1, start, end, "comma", category=Category.PUNCTUATION,
                severity=Severity.WARNING)
    found = _lint(STYLE_STORY, [comma])
    spans = [(f.offset, f.end_offset) for f in found]
    assert len(spans) == len(set(spans))
    on_date = [f for f in found if f.rule in ("lt.MISSING_COMMA_BETWEEN_DAY_AND_YEAR", "news.style.month-abbrev")]
    # The warning is kept (a suggestion never hides it); the AP rule is listed in also.
    assert [(f.rule, f.severity, f.also) for f in on_date] == [
        ("lt.MISSING_COMMA_BETWEEN_DAY_AND_YEAR", Severity.WARNING, ("news.style.month-abbrev",))]
    # A tool line of the page is one finding, whatever house style says about its word.
    tool = [f for f in found if f.line == 5]
    assert [(f.rule, f.also) for f in tool] == [("news.chrome.tools", ("news.chrome.print-email", "news.style.email"))]


def test_two_house_style_rules_on_one_span_each_keep_their_finding(write):
    rules = write("house/Acme/Said.yml", "extends: existence\nmessage: 'said'\nlevel: suggestion\ntokens: [said]\n")
    write("house/Acme/Verb.yml", "extends: existence\nmessage: 'verb'\nlevel: suggestion\ntokens: [said]\n")
    config = parse_config("extends: [newslint:news, house/Acme]\n", rules.rsplit("/house/", 1)[0] + "/.newslint.yml")
    found = [f for f in _lint("The mayor said it.\n", [], config) if f.rule.startswith("Acme.")]
    assert sorted((f.rule, f.also) for f in found) == [("Acme.Said", ()), ("Acme.Verb", ())]


def test_findings_inside_a_chrome_line_fold_into_it():
    story = ("Festival marks its anniversary\n\n"
             "The first festival was held in 1970, the organisers said.\n\n"
             "Posted by Jo Park at 10:15 PM | Permalink | Comments (3) | TrackBack (0)\n")
    seg_text = "Posted by Jo Park at 10:15 PM | Permalink | Comments (3) | TrackBack (0)"
    start, end = _span(seg_text, "TrackBack")
    typo = Hit("lt.FAKE_GRAMMAR", 2, start, end, "grammar", category=Category.GRAMMAR, severity=Severity.WARNING)
    found = [f for f in _lint(story, [typo]) if f.line == 5]
    # The line is page text to delete: neither the AP time style nor the grammar of a
    # widget's words is a problem of its own.
    assert [(f.rule, f.column, f.also) for f in found] == [
        ("news.chrome.cms-widgets", 1, ("lt.FAKE_GRAMMAR", "news.style.time-of-day"))]
    # Outside chrome, the same kinds of finding stand.
    plain = _lint("The meeting starts at 10:15 PM on Monday, officials said.\n", [])
    assert [f.rule for f in plain] == ["news.style.time-of-day"]
