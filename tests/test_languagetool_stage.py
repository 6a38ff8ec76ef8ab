"""The LanguageTool stage against the real server: hits, offsets through source maps,
vocabulary, settings, long documents, recovery and failures."""
from __future__ import annotations

import os
import pickle
import signal
import socket

import pytest

from newslint.checks.base import FixSafety, Hit
from newslint.config.model import LanguageToolSettings
from newslint.documents import parse_document
from newslint.documents.model import Document, LineIndex, SegmentKind, SourceMapBuilder, make_segments
from newslint.errors import LanguageToolNotInstalled, LanguageToolUnavailable
from newslint.findings import Category, Severity, Source
from newslint.languagetool.install import install
from newslint.languagetool.paths import LanguageToolHome
from newslint.languagetool.process import pid_alive
from newslint.languagetool.rulemeta import category_for, rule_info, severity_for
from newslint.languagetool.server import running_server
from newslint.languagetool.stage import LanguageToolStage, StageOptions

pytest_plugins = ["tests.lt_fixtures"]

SETTINGS = LanguageToolSettings()


@pytest.fixture
def stage(tmp_path, languagetool_server) -> LanguageToolStage:
    s = LanguageToolStage(options=StageOptions(cache_dir=str(tmp_path / "cache"), owner_pid=os.getpid()))
    yield s
    s.close()


def text_doc(text: str) -> Document:
    return parse_document(text, "story.txt", "text")


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_spelling_slip(stage):
    doc = text_doc("He recieve the letter yesterday.\n")
    hits = stage.check(doc, SETTINGS, ())
    assert hits == [Hit(rule="lt.MORFOLOGIK_RULE_EN_US", segment=0, start=3, end=10,
                        message="Possible spelling mistake found: 'recieve'. Suggestions: 'receive', 'relieve'.",
                        replacement="receive",
                        category=Category.SPELLING, severity=Severity.WARNING)]


def test_hits_land_in_the_right_segment(stage):
    doc = text_doc("Storm hits the coast\n\nThe storm hit on Monday.\n\nOfficials said she have left.\n")
    hits = stage.check(doc, SETTINGS, ())
    assert [(h.rule, h.segment) for h in hits] == [("lt.HE_VERB_AGR", 2)]
    seg = doc.segments[2]
    assert seg.text[hits[0].start:hits[0].end] == "have"
    assert hits[0].category is Category.GRAMMAR and hits[0].replacement == "has"


def test_offsets_map_through_a_source_map_with_an_entity(stage):
    # <p>Tom &amp; Jerry recieve the letter.</p>: the entity is one character in the
    # segment and five in the file.
    file_text = "<p>Tom &amp; Jerry recieve the letter.</p>\n"
    b = SourceMapBuilder()
    b.copy("Tom ", 3)
    b.replace("&", 7, 12)
    rest = " Jerry recieve the letter."
    b.copy(rest, 12)
    text, smap = b.build()
    lines = LineIndex(file_text)
    doc = Document("story.html", "html", file_text, make_segments([(SegmentKind.PARAGRAPH, text, smap)], lines),
                   lines)
    hits = [h for h in stage.check(doc, SETTINGS, ()) if h.rule == "lt.MORFOLOGIK_RULE_EN_US"]
    assert len(hits) == 1
    hit = hits[0]
    assert (hit.segment, hit.start, hit.end) == (0, 12, 19)
    assert text[hit.start:hit.end] == "recieve"
    start, end = doc.file_span(doc.segments[0], hit.start, hit.end)
    assert file_text[start:end] == "recieve"
    assert doc.position(start) == (1, 20)


def test_accepted_vocabulary_silences_spelling_only(stage):
    doc = text_doc("Defence minister Yoav Gallant said Hezbolah fighters were near.\n")
    plain = {doc.segments[0].text[h.start:h.end] for h in stage.check(doc, SETTINGS, ())}
    assert "Hezbolah" in plain
    accepted = stage.check(doc, SETTINGS, ["Hezbolah"])
    assert "Hezbolah" not in {doc.segments[0].text[h.start:h.end] for h in accepted}
    # Vale semantics: case-sensitive regular expressions
    assert "Hezbolah" in {doc.segments[0].text[h.start:h.end] for h in stage.check(doc, SETTINGS, ["hezbolah"])}
    assert "Hezbolah" not in {doc.segments[0].text[h.start:h.end]
                              for h in stage.check(doc, SETTINGS, ["[Hh]ezbolah"])}


def test_disabled_rules_and_categories_are_sent(stage):
    doc = text_doc("He recieve the letter yesterday. She have a cat.\n")
    rules = {h.rule for h in stage.check(doc, SETTINGS, ())}
    assert rules == {"lt.MORFOLOGIK_RULE_EN_US", "lt.HE_VERB_AGR"}
    off = LanguageToolSettings(disabled_rules=("lt.MORFOLOGIK_RULE_EN_US",))
    assert {h.rule for h in stage.check(doc, off, ())} == {"lt.HE_VERB_AGR"}
    no_grammar = LanguageToolSettings(disabled_categories=("GRAMMAR",))
    assert {h.rule for h in stage.check(doc, no_grammar, ())} == {"lt.MORFOLOGIK_RULE_EN_US"}


def test_picky_level_finds_more(stage):
    doc = text_doc('The mayor said: "We will rebuild the bridge."\n')
    assert stage.check(doc, SETTINGS, ()) == []
    picky = stage.check(doc, LanguageToolSettings(picky=True), ())
    assert {h.rule for h in picky} == {"lt.EN_QUOTES"}
    assert all(h.category is Category.TYPOGRAPHY and h.severity is Severity.SUGGESTION for h in picky)
    assert [doc.segments[0].text[h.start:h.end] for h in picky] == ['"', '"']


def test_long_document_is_split_and_offsets_hold(stage):
    filler = "The council met on Tuesday and discussed the budget for the coming year at length. " * 25
    paragraphs = [filler.strip() for _ in range(30)] + ["The mayor recieve the report."]
    doc = text_doc("\n\n".join(paragraphs) + "\n")
    assert len(doc.text) > 60_000
    hits = [h for h in stage.check(doc, SETTINGS, ()) if h.rule == "lt.MORFOLOGIK_RULE_EN_US"]
    assert [(h.segment, doc.segments[h.segment].text[h.start:h.end]) for h in hits] == [(30, "recieve")]
    assert stage.requests_sent >= 2


def test_server_killed_mid_run_is_restarted_once(stage, languagetool_home):
    doc = text_doc("He recieve the letter yesterday.\n")
    stage.prepare()
    before = running_server(languagetool_home)
    os.kill(before.pid, signal.SIGKILL)
    hits = stage.check(doc, SETTINGS, ())
    assert [h.rule for h in hits] == ["lt.MORFOLOGIK_RULE_EN_US"]
    after = running_server(languagetool_home)
    assert after is not None and after.pid != before.pid
    assert not pid_alive(before.pid)
    assert stage.requests_sent == 2          # the failed attempt and the retry


def test_a_dead_url_is_unavailable(tmp_path):
    url = f"http://127.0.0.1:{closed_port()}"
    stage = LanguageToolStage(options=StageOptions(urls=(url,), cache_dir=str(tmp_path)))
    with pytest.raises(LanguageToolUnavailable, match=f"LanguageTool at {url} is unreachable"):
        stage.check(text_doc("He recieve the letter.\n"), SETTINGS, ())


def test_url_from_the_environment_is_used(tmp_path, monkeypatch, languagetool_url):
    dead = f"http://127.0.0.1:{closed_port()}"
    monkeypatch.setenv("NEWSLINT_LANGUAGETOOL_URL", dead)
    stage = LanguageToolStage(options=StageOptions(cache_dir=str(tmp_path)))
    with pytest.raises(LanguageToolUnavailable, match=dead):
        stage.check(text_doc("He recieve the letter.\n"), SETTINGS, ())
    # settings.urls (config) yield to the environment; a pool with a live server works
    monkeypatch.setenv("NEWSLINT_LANGUAGETOOL_URL", f"{dead},{languagetool_url}")
    stage = LanguageToolStage(options=StageOptions(cache_dir=str(tmp_path)))
    hits = stage.check(text_doc("He recieve the letter.\n"), LanguageToolSettings(urls=("http://127.0.0.1:9",)), ())
    assert [h.rule for h in hits] == ["lt.MORFOLOGIK_RULE_EN_US"]


def test_not_installed_names_the_install_command(tmp_path):
    stage = LanguageToolStage(options=StageOptions(data_dir=str(tmp_path), cache_dir=str(tmp_path)))
    with pytest.raises(LanguageToolNotInstalled, match="run `newslint languagetool install`"):
        stage.check(text_doc("He recieve the letter.\n"), SETTINGS, ())


def test_no_autostart_and_no_daemon_is_unavailable(tmp_path, languagetool_installation):
    home = LanguageToolHome(tmp_path / "data")
    install(home, path=languagetool_installation.root)
    stage = LanguageToolStage(options=StageOptions(data_dir=str(home.data_dir), use_cache=False))
    with pytest.raises(LanguageToolUnavailable, match="newslint languagetool start"):
        stage.check(text_doc("He recieve the letter.\n"), LanguageToolSettings(autostart=False), ())
    assert running_server(home) is None


def test_stage_pickles_without_its_connections(stage):
    doc = text_doc("He recieve the letter yesterday.\n")
    first = stage.check(doc, SETTINGS, ())
    copy = pickle.loads(pickle.dumps(stage))
    assert copy.options == stage.options and copy.requests_sent == 0
    assert copy.check(doc, SETTINGS, ()) == first


def test_empty_document_needs_no_server(tmp_path):
    stage = LanguageToolStage(options=StageOptions(urls=(f"http://127.0.0.1:{closed_port()}",)))
    doc = Document("e.txt", "text", "", (), LineIndex(""))
    assert stage.check(doc, SETTINGS, ()) == []


def test_rule_info_describes_lt_rules():
    hit = Hit("lt.MORFOLOGIK_RULE_EN_US", 0, 3, 10, "Possible spelling mistake found.", "receive",
              Category.SPELLING, Severity.WARNING)
    info = rule_info(hit)
    assert info.id == hit.rule and info.source is Source.LANGUAGETOOL
    assert info.category is Category.SPELLING and info.severity is Severity.WARNING
    assert info.fix_safety is FixSafety.UNSAFE
    assert "MORFOLOGIK_RULE_EN_US" in info.doc.what and info.doc.link


@pytest.mark.parametrize("rule, category, expected", [
    ("MORFOLOGIK_RULE_EN_US", "TYPOS", Category.SPELLING),
    ("HE_VERB_AGR", "GRAMMAR", Category.GRAMMAR),
    ("EN_A_VS_AN", "MISC", Category.OTHER),
    ("COMMA_PARENTHESIS_WHITESPACE", "TYPOGRAPHY", Category.TYPOGRAPHY),
    ("EN_QUOTES", "PUNCTUATION", Category.PUNCTUATION),
    ("VERY_BASICALLY", "REDUNDANCY", Category.STYLE),
    ("LOSE_LOOSE", "CONFUSED_WORDS", Category.GRAMMAR),
    ("NEWSLINT_FRAGMENT_PARTICIPLE", "GRAMMAR", Category.FRAGMENT),
    ("SOMETHING_NEW", "NO_SUCH_CATEGORY", Category.OTHER),
])
def test_category_mapping(rule, category, expected):
    assert category_for(rule, category) is expected


def test_severity_mapping():
    assert severity_for(Category.SPELLING) is Severity.WARNING
    assert severity_for(Category.GRAMMAR) is Severity.WARNING
    assert severity_for(Category.STYLE) is Severity.SUGGESTION
    assert severity_for(Category.TYPOGRAPHY) is Severity.SUGGESTION
    assert severity_for(Category.FRAGMENT) is Severity.SUGGESTION
