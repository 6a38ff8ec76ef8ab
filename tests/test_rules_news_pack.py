"""The shipped newslint:news pack on whole articles: chrome where a desk wants it, nowhere else."""
from __future__ import annotations

import os

from newslint.checks.yaml_rules import compile_rules, load_packs
from newslint.documents import parse_document

ROOT = os.path.dirname(os.path.dirname(__file__))
ARTICLE = os.path.join(ROOT, "tests", "data", "scraped-article.txt")

RULES = load_packs(["newslint:news"], ROOT)
CHECK = compile_rules(RULES)
ALL = frozenset(r.id for r in RULES)

CLEAN_ARTICLE = """\
City council approves new transit plan after long debate

SPRINGFIELD — The City Council voted 7-2 on Tuesday to approve a transit plan that would add three bus lines and extend service hours by Jan. 15, ending months of debate.

"This is the most important vote we have taken this year," council member Dana Ortiz said. "Residents have waited long enough."

Opponents said the plan would cost too much. Officials urged residents to "share" their views at a hearing on Aug. 4, and the agency said it would advertise the new routes in September.

The plan, which officials described as a first step, follows a U.S. Department of Transportation grant of $12 million. Ridership has fallen 18 percent since 2019, according to the agency's report.

Read more about the grant program in the agency's annual report, a spokesperson said. Related charges against a contractor were dropped last year.

The council will meet again at 7 p.m. on Oct. 3. See the full schedule on the city's website, officials said.

Leave a light on, the mayor joked as the meeting ran past midnight.

Sarah Lin contributed to this report.
"""


def chrome_lines(text: str) -> dict[int, list[str]]:
    doc = parse_document(text, "a.txt", "text")
    found: dict[int, list[str]] = {}
    for hit in CHECK.check(doc, ALL):
        if not hit.rule.startswith("news.chrome."):
            continue
        start, _ = doc.file_span(doc.segments[hit.segment], hit.start, hit.end)
        found.setdefault(doc.position(start)[0], []).append(hit.rule)
    return found


def test_scraped_article_chrome_lines():
    with open(ARTICLE, encoding="utf-8") as f:
        found = chrome_lines(f.read())
    assert sorted(found) == [17, 33, 49, 53, 55]
    assert found[17] == found[33] == found[49] == ["news.chrome.see-also"]
    assert found[53] == ["news.chrome.leave-a-reply"]
    assert found[55] == ["news.chrome.comment-form"]


def test_professional_article_has_no_chrome():
    assert chrome_lines(CLEAN_ARTICLE) == {}


def test_professional_article_has_no_style_findings():
    doc = parse_document(CLEAN_ARTICLE, "a.txt", "text")
    assert [(h.rule, doc.segments[h.segment].text[h.start:h.end]) for h in CHECK.check(doc, ALL)] == []


def test_chrome_appended_to_clean_article_is_found():
    tail = "\n\nAdvertisement\n\nShare this article\n\nSubscribe to our newsletter\n\n© 2024 Springfield Ledger\n"
    found = chrome_lines(CLEAN_ARTICLE + tail)
    assert sorted(rule for rules in found.values() for rule in rules) == [
        "news.chrome.advertisement", "news.chrome.copyright",
        "news.chrome.share-prompt", "news.chrome.subscribe-prompt"]
