"""news.fragment: the filter over LanguageTool matches, and the XML rules on a real server.

The filter tests build LanguageTool hits by hand (our own code around the server). The
rule tests need a LanguageTool server started with rules/languagetool/grammar_custom.xml
on its classpath; they run when NEWSLINT_LANGUAGETOOL_URL names one.
"""
from __future__ import annotations

import json
import urllib.parse
import urllib.request
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from newslint.checks.base import Hit
from newslint.checks.news.fragment import FRAGMENT, FragmentCheck, refine
from newslint.documents import parse_document
from newslint.findings import Category, Severity

REPO = Path(__file__).resolve().parents[1]
CUSTOM_XML = REPO / "rules" / "languagetool" / "grammar_custom.xml"
LT_RULE = "lt.NEWSLINT_FRAGMENT_PARTICIPLE"


def _doc(text: str, fmt: str = "text"):
    return parse_document(text, {"text": "a.txt", "markdown": "a.md", "html": "a.html"}[fmt], fmt)


def _lt_hit(doc, sentence: str, rule: str = LT_RULE) -> Hit:
    """A LanguageTool match on the first segment holding ``sentence``."""
    for seg in doc.segments:
        at = seg.text.find(sentence)
        if at >= 0:
            return Hit(rule, seg.index, at, at + len(sentence), "lt message")
    raise AssertionError(f"{sentence!r} not in the document")


def _kept(text: str, sentence: str, fmt: str = "text") -> list[Hit]:
    doc = _doc(text, fmt)
    fragments, _ = refine(doc, [_lt_hit(doc, sentence)])
    return fragments


BODY = ("Fighting spreads in the north\n\n"
        "The White House ruled out joining any strike on Iran. Fearing a wider war in the Middle East.\n")


def test_fragment_in_body_paragraph_becomes_news_fragment():
    doc = _doc(BODY)
    other = Hit("lt.MORFOLOGIK_RULE_EN_US", 1, 4, 9, "spelling")
    fragments, rest = refine(doc, [_lt_hit(doc, "Fearing a wider war in the Middle East."), other])
    assert rest == [other]
    assert [(h.rule, doc.segments[h.segment].text[h.start:h.end]) for h in fragments] == [
        (FRAGMENT, "Fearing a wider war in the Middle East.")]
    assert "no main clause" in fragments[0].message


@pytest.mark.parametrize("text, sentence, fmt", [
    # the article's first sentence (a headline or dateline line in plain text)
    ("Fearing a wider war in the Middle East.\n\nThe talks failed.\n",
     "Fearing a wider war in the Middle East.", "text"),
    # credit and time-stamp lines
    ("Fighting spreads\n\nThe talks failed.\n\nEditing by Jane Doe and Tom Roe.\n",
     "Editing by Jane Doe and Tom Roe.", "text"),
    ("Fighting spreads\n\nThe talks failed.\n\nUpdated at 5 p.m. on Monday.\n",
     "Updated at 5 p.m. on Monday.", "text"),
    # quoted speech
    ("Fighting spreads\n\nThe general was blunt. “We are ready. Fearing nothing and nobody in this war.”\n",
     "Fearing nothing and nobody in this war.", "text"),
    # headline and subhead
    ("# Fearing a wider war in the Middle East.\n\nThe talks failed. Officials left.\n",
     "Fearing a wider war in the Middle East.", "markdown"),
    ("Intro text here. More text.\n\n## Fearing a wider war in the region.\n\nBody. More.\n",
     "Fearing a wider war in the region.", "markdown"),
    # list item and caption
    ("Intro text here. More.\n\n- Including two destroyers and a cruiser. Also more.\n",
     "Including two destroyers and a cruiser.", "markdown"),
    ("<p>Intro. More.</p><figure><img src=a.jpg><figcaption>Fearing the worst at the border. "
     "Residents leave.</figcaption></figure>", "Fearing the worst at the border.", "html"),
    # a few words, or trailing off
    ("Fighting spreads\n\nThe talks failed. With abandon.\n", "With abandon.", "text"),
    ("Fighting spreads\n\nThe talks failed. Continued on the next page...\n",
     "Continued on the next page...", "text"),
])
def test_never_flagged(text, sentence, fmt):
    assert _kept(text, sentence, fmt) == []


def test_fragment_standing_as_its_own_paragraph_is_flagged():
    text = "Fighting spreads\n\nThe talks failed.\n\nFearing a wider war in the Middle East.\n"
    assert len(_kept(text, "Fearing a wider war in the Middle East.")) == 1


def test_verbless_sentence_only_after_a_full_one():
    rule = "lt.NEWSLINT_FRAGMENT_VERBLESS"
    after = "Fighting spreads\n\nThe council approved the plan. Pending approval of state funding.\n"
    alone = "Fighting spreads\n\nThe council met.\n\nPhoto by the city of Lakewood.\n"
    doc = _doc(after)
    assert len(refine(doc, [_lt_hit(doc, "Pending approval of state funding.", rule)])[0]) == 1
    doc = _doc(alone)
    assert refine(doc, [_lt_hit(doc, "Photo by the city of Lakewood.", rule)])[0] == []


def test_two_rules_on_one_sentence_make_one_finding():
    doc = _doc(BODY)
    sentence = "Fearing a wider war in the Middle East."
    found, _ = refine(doc, [_lt_hit(doc, sentence), _lt_hit(doc, sentence, "lt.NEWSLINT_FRAGMENT_VERBLESS")])
    assert len(found) == 1


def test_byline_is_not_a_fragment():
    text = "Fighting spreads\n\nBy Jane Doe and John Roe. Updated 5 p.m.\n"
    assert _kept(text, "By Jane Doe and John Roe.") == []


def test_check_itself_returns_nothing_and_needs_languagetool():
    check = FragmentCheck()
    assert check.check(_doc(BODY), {FRAGMENT}) == []
    assert (check.refines, check.needs_family) == ("lt.", True)
    (info,) = check.rules
    assert (info.id, info.category, info.severity) == (FRAGMENT, Category.FRAGMENT, Severity.SUGGESTION)
    assert check.refine(_doc(BODY), []) == ([], [])


def test_custom_rules_file_is_valid_and_prefixed():
    root = ET.parse(CUSTOM_XML).getroot()
    ids = [g.get("id") for g in root.iter("rulegroup")] + [r.get("id") for r in root.iter("rule") if r.get("id")]
    assert ids and all(i.startswith("NEWSLINT_FRAGMENT") for i in ids)
    assert "NEWSLINT_FRAGMENT_VERBLESS" in ids


# -- the XML rules on a real LanguageTool server --------------------------------------


FRAGMENTS = [
    "Fearing a wider war in the Middle East.",
    "Founded in 1990 by two brothers from Ohio.",
    "Because the trains do not stop near the hospital.",
    "Which is why evacuation orders for the town were lifted at noon.",
    "In the wake of the attacks on the capital.",
    "With revenue growth slowing to 4 percent in the last quarter.",
    "Including two truckloads of alfalfa from a farm near Kearney.",
    "Despite repeated denials from the utility.",
    "Although the network had promised to keep them open.",
    "Leaving thousands of patients without a nearby doctor.",
    "Pending approval of state funding.",
    "Many of them in favor of the change.",
]
SENTENCES = [
    "Fearing a wider war, the administration held back.",
    "Backed by Iran, the militia attacks ships in the strait.",
    "Armed soldiers escort teachers to school every day.",
    "Hauling water costs Burkett about $900 a week.",
    "Because the drought has dried up stock ponds, ranchers are hauling water.",
    "When it comes to cheap protein, the human wins every time.",
    "In the 1950s, a seven-year dry spell drove thousands off the land.",
    "Which candidate won the vote?",
    "Determined to keep the herd, he has sold 60 of his 250 cows.",
    "Many of them favor the change.",
    "The result: a stalemate for the council.",
    "While the city slept, the storm moved east.",
]


def _lt_matches(url: str, text: str) -> list[str]:
    """The NEWSLINT_FRAGMENT matches of the real server newslint started with its custom rules."""
    form = urllib.parse.urlencode({"text": text, "language": "en-US", "enabledOnly": "true",
                                   "enabledCategories": "NEWSLINT"}).encode()
    with urllib.request.urlopen(f"{url.rstrip('/')}/v2/check", form, timeout=60) as answer:
        matches = json.load(answer)["matches"]
    return [text[m["offset"]:m["offset"] + m["length"]] for m in matches
            if m["rule"]["id"].startswith("NEWSLINT_FRAGMENT")]


@pytest.mark.languagetool
@pytest.mark.parametrize("sentence", FRAGMENTS)
def test_languagetool_rules_match_fragments(languagetool_url, sentence):
    assert _lt_matches(languagetool_url, "The council met on Monday. " + sentence) == [sentence]


@pytest.mark.languagetool
@pytest.mark.parametrize("sentence", SENTENCES)
def test_languagetool_rules_leave_sentences_alone(languagetool_url, sentence):
    assert _lt_matches(languagetool_url, "The council met on Monday. " + sentence) == []


@pytest.mark.parametrize("text, sentence", [
    # split at an abbreviation by the sentence splitter
    ("Fighting spreads\n\nThe march went on until 2 a.m. Friday in defiance of the order.\n",
     "Friday in defiance of the order."),
    ("Fighting spreads\n\nThe bill has support from three Sens. Marco Rubio and Ted Cruz among them.\n",
     "Marco Rubio and Ted Cruz among them."),
    ("Fighting spreads\n\nThe bill has support. With members of the Senate in attendance, Pres.\n",
     "With members of the Senate in attendance, Pres."),
    # transcripts and leftover markup
    ("Fighting spreads\n\nQ: How did it go? A: Well. Despite the rain in the morning.\n",
     "Despite the rain in the morning."),
    ('Fighting spreads\n\n<tweet author="@x">The vote is over. Despite the rain in the morning.</tweet>\n',
     "Despite the rain in the morning."),
    # a short first paragraph: a headline line with a period
    ("After the vote, a scramble for seats in the city council.\n\nThe talks failed. Officials left.\n",
     "After the vote, a scramble for seats in the city council."),
    ("Fighting spreads\n\nThe talks failed.\n\nFrom THE LONG ROAD by Jane Doe.\n", "From THE LONG ROAD by Jane Doe."),
])
def test_splitter_artifacts_transcripts_and_headlines_not_flagged(text, sentence):
    assert _kept(text, sentence) == []


@pytest.mark.languagetool
def test_a_misspelt_verb_is_a_spelling_match_not_a_fragment(languagetool_url):
    # A whole-sentence match would hide the spelling match inside it.
    assert _lt_matches(languagetool_url, "The council met on Monday. The mayor recieve the report.") == []


def test_a_list_given_as_sentences_opening_with_participles_is_not_flagged():
    text = ("Clinton's record\n\nHere is a list of his achievements: three bank bills. "
            "Deregulating the telecom industry. Passing the North American Free Trade Agreement. "
            "Slashing the capital gains tax. He even cut a deal on Social Security.\n")
    for item in ("Deregulating the telecom industry.", "Passing the North American Free Trade Agreement.",
                 "Slashing the capital gains tax."):
        assert _kept(text, item) == [], item
    # One participle fragment after a full sentence is still a fragment, whatever follows it.
    for after in ("Officials met on Monday.", "Nothing came of the talks.", "During the talks, officials met."):
        text = ("Fighting spreads\n\nThe White House ruled out joining any strike on Iran. Fearing a wider war "
                f"in the Middle East. {after}\n")
        assert len(_kept(text, "Fearing a wider war in the Middle East.")) == 1, after
