"""The chrome line model, stacked lines in plain text, and lists the story itself gives."""
from __future__ import annotations

import json
import math

import pytest

from newslint.checks.news.chrome_features import FEATURES, LineInput, features
from newslint.checks.news.chrome_lines import LineKind
from newslint.checks.news.chrome_model import ChromeModel, ChromeModelError, shipped_model
from newslint.checks.news.chrome_structure import BOILERPLATE, HEADLINE_LIST
from newslint.documents import parse_document
from newslint.documents.model import SegmentKind
from newslint.findings import Category

STORY = (
    "The county opened a second cooling center on Monday as temperatures climbed past 100 degrees for a third day.",
    "The center at the Westfield library will stay open until 9 p.m. through Friday, the county's emergency office said.",
    "Officials asked residents to check on older neighbors and to keep pets indoors during the afternoon.",
)


def _chrome_lines(tmp_path, name: str, text: str) -> dict[int, str]:
    import newslint

    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    report = newslint.lint_paths([str(path)])
    assert not report.errors
    return {f.line: f.rule for f in report.findings if f.category is Category.CHROME}


# ---------------------------------------------------------------- the model file


def test_shipped_model_matches_the_features():
    model = shipped_model()
    assert model.trees
    assert 0.0 < model.threshold <= 1.0
    assert 0.0 <= model.keep_threshold <= 1.0


def test_model_trained_on_other_features_is_refused():
    with pytest.raises(ChromeModelError, match="other features"):
        ChromeModel.from_json({"features": ["log_chars"], "trees": [], "init": 0, "learning_rate": 1,
                               "threshold": 0.5, "keep_threshold": 0.1})


def test_malformed_model_is_refused():
    with pytest.raises(ChromeModelError, match="malformed"):
        ChromeModel.from_json({"features": list(FEATURES), "trees": [{"feature": [0]}], "init": 0,
                               "learning_rate": 1, "threshold": 0.5, "keep_threshold": 0.1})


def test_tree_ensemble_probability_follows_its_leaves():
    # One stump on the first feature: <= 1.0 goes left (-2), else right (+2); learning rate 0.5.
    stump = {"feature": [0, -2, -2], "threshold": [1.0, -2, -2], "left": [1, -1, -1],
             "right": [2, -1, -1], "value": [0.0, -2.0, 2.0]}
    model = ChromeModel.from_json(json.loads(json.dumps({
        "features": list(FEATURES), "trees": [stump, stump], "init": 0.5, "learning_rate": 0.5,
        "threshold": 0.9, "keep_threshold": 0.1})))
    row_low = [0.0] * len(FEATURES)
    row_high = [3.0] + [0.0] * (len(FEATURES) - 1)
    assert model.probability(row_low) == pytest.approx(1 / (1 + math.exp(-(0.5 - 2.0))))
    assert model.probability(row_high) == pytest.approx(1 / (1 + math.exp(-(0.5 + 2.0))))


def test_features_give_one_row_per_scored_line_and_none_for_prose():
    lines = [LineInput(STORY[0], SegmentKind.PARAGRAPH, LineKind.PROSE),
             LineInput("Print | Email", SegmentKind.PARAGRAPH, LineKind.TOOL, "news.chrome.tools"),
             LineInput(STORY[1], SegmentKind.PARAGRAPH, LineKind.PROSE)]
    rows = features(lines)
    assert rows[0] is None and rows[2] is None
    assert rows[1] is not None and len(rows[1]) == len(FEATURES)
    assert features(lines[:1]) == [None]


# ---------------------------------------------------------------- stacked lines in plain text


def test_chrome_lines_stacked_under_a_paragraph_are_checked_each(tmp_path):
    text = ("Heat wave: second cooling center opens\n\n" + STORY[0] + "\n\n" + STORY[1] + "\n"
            "Share this:\nTwitter\nFacebook\nLike this:\nLike Loading...\n")
    found = _chrome_lines(tmp_path, "heat.txt", text)
    assert set(found) == {6, 7, 8, 9, 10}, found
    assert 5 not in found


def test_wrapped_prose_stays_one_paragraph():
    text = ("The county opened a second cooling center on Monday as\n"
            "temperatures climbed for a third day. Officials met the U.S.\n"
            "weather service on Tuesday and said the center would stay\n"
            "open through Friday.\n")
    doc = parse_document(text, "w.txt", "text")
    assert len(doc.segments) == 1


def test_lines_that_end_a_sentence_start_a_new_paragraph():
    text = "Heat wave\n" + STORY[0] + "\n" + STORY[1] + "\n"
    doc = parse_document(text, "s.txt", "text")
    assert [s.line for s in doc.segments] == [1, 2, 3]
    assert doc.segments[0].kind is SegmentKind.HEADLINE


# ---------------------------------------------------------------- lists the story gives


LISTS = {
    "ingredients": ["You will need:", "2 cups flour", "1 teaspoon baking soda", "3 large eggs",
                    "1/2 cup brown sugar", "Pinch of salt"],
    "steps": ["Method", "Preheat the oven to 180C", "Whisk the eggs and sugar until pale",
              "Fold in the flour and bake for 25 minutes"],
    "schedule": ["Saturday", "9:00 a.m. Gates open", "11:30 a.m. Parade down Main Street",
                 "2:00 p.m. Pie contest judging", "8:30 p.m. Fireworks over the lake"],
    "prices": ["Tickets", "Adults: $18", "Seniors and students: $12", "Children under 5: free",
               "Family pass: $50"],
    "features": ["What you get", "Water-resistant case", "Two-day battery", "Wireless charging",
                 "Dual cameras"],
    "fact box": ["At a glance", "Founded: 1952", "Employees: 1,400", "Headquarters: Dayton, Ohio",
                 "Chief executive: Mara Quist"],
    "interview": ["Q: Why close the center now?", "A: Demand fell by half after the storm.",
                  "Q: Will it reopen in the summer?", "A: If the heat comes back, yes."],
    "race results": ["Men's 10K", "1. Tomas Reyes, 31:02", "2. Ali Haddad, 31:40", "3. Ben Cho, 32:15"],
}


@pytest.mark.parametrize("kind", sorted(LISTS))
def test_lists_in_the_body_are_not_chrome(tmp_path, kind):
    blocks = ["Heat wave: second cooling center opens", STORY[0], STORY[1], *LISTS[kind], STORY[2]]
    found = _chrome_lines(tmp_path, "list.txt", "\n\n".join(blocks) + "\n")
    assert found == {}, found


def test_one_sentence_quoted_paragraphs_are_not_a_headline_list(tmp_path):
    blocks = ["Heat wave: second cooling center opens", STORY[0],
              "“We are not closing anything.”", "“The doors stay open.”", "“Nobody gets turned away.”",
              STORY[1], STORY[2]]
    found = _chrome_lines(tmp_path, "quotes.txt", "\n\n".join(blocks) + "\n")
    assert found == {}, found


def test_a_related_box_is_still_a_headline_list(tmp_path):
    blocks = ["Heat wave: second cooling center opens", STORY[0], STORY[1], "Related Stories",
              "Mayor Opens New Bridge Downtown", "Storm Knocks Out Power Across County",
              "School Board Picks Interim Superintendent", STORY[2]]
    found = _chrome_lines(tmp_path, "related.txt", "\n\n".join(blocks) + "\n")
    assert set(found) == {7, 9, 11, 13}
    assert {found[9], found[11], found[13]} <= {HEADLINE_LIST, BOILERPLATE}


def test_verdict_thresholds_are_read_and_default_to_standing():
    base = {"features": list(FEATURES), "trees": [], "init": 0, "learning_rate": 1, "threshold": 0.5,
            "keep_threshold": 0.1}
    assert ChromeModel.from_json(base).verdict_threshold("news.chrome.tools") == 0.0
    model = ChromeModel.from_json(base | {"verdict_thresholds": {"news.chrome.tools": 0.4}})
    assert model.verdict_threshold("news.chrome.tools") == 0.4
    with pytest.raises(ChromeModelError, match="malformed"):
        ChromeModel.from_json(base | {"verdict_thresholds": ["news.chrome.tools"]})
