"""scripts/evaluate.py: label reading, line scoring, floors, and runs through the public API."""
from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

from newslint.findings import Category, Finding, Severity, Source

REPO = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("evaluate", REPO / "scripts" / "evaluate.py")
evaluate = importlib.util.module_from_spec(_spec)
sys.modules.setdefault("evaluate", evaluate)  # dataclasses look their module up by name
_spec.loader.exec_module(evaluate)

PROJECT_CORPUS = REPO / "tests" / "corpus"


def finding(line: int, category: str = "chrome", end_line: int | None = None, rule: str = "news.chrome.tools") -> Finding:
    return Finding("a.txt", line, 1, end_line or line, 5, rule, Category(category), Severity.WARNING, Source.NEWS, "m")


def test_flagged_lines_cover_spans_and_filter_category():
    found = [finding(3), finding(5, end_line=7), finding(9, "fragment")]
    assert evaluate.flagged_lines(found, "chrome") == {3: "news.chrome.tools", 5: "news.chrome.tools",
                                                       6: "news.chrome.tools", 7: "news.chrome.tools"}
    assert set(evaluate.flagged_lines(found, "fragment")) == {9}


def test_read_l3s_labels_splits_on_first_three_tabs(tmp_path):
    path = tmp_path / "labels.tsv"
    path.write_text('file\tline\tlabel\ttext\na.txt\t1\theadline\t"Quoted" start\ta tab\na.txt\t3\tchrome\tPrint\n',
                    encoding="utf-8")
    assert evaluate.read_l3s_labels(path) == {
        "a.txt": {1: ("headline", '"Quoted" start\ta tab'), 3: ("chrome", "Print")},
    }


def test_score_l3s_counts_recall_false_positives_and_files():
    labels = {
        "a.txt": {1: ("headline", "H"), 3: ("chrome", "Print"), 5: ("article", "Body."), 7: ("related", "R")},
        "b.txt": {1: ("article", "Body."), 3: ("supplemental", "By X"), 5: ("chrome", "Email")},
    }
    found = {"a.txt": [finding(3), finding(5)], "b.txt": [finding(3), finding(5, "fragment")]}
    score = evaluate.score_l3s(labels, found)
    figures = score.figures()
    assert figures["chrome_recall"] == 0.5
    assert figures["related_recall"] == 0.0
    assert figures["recall"] == pytest.approx(1 / 3)
    assert figures["false_positive_rate"] == pytest.approx(1 / 3)
    assert figures["supplemental_flagged"] == 1.0
    assert figures["files_with_false_positive"] == 1
    assert [(c.file, c.line) for c in score.misses] == [("a.txt", 7), ("b.txt", 5)]
    assert [(c.file, c.line, c.rule) for c in score.false_positives] == [("a.txt", 5, "news.chrome.tools")]


def test_disputed_chrome_lines_leave_the_matched_recall_only():
    labels = {"a.txt": {1: ("chrome", "Menu"), 3: ("chrome", "A reader's long comment here."),
                        5: ("chrome", "Share"), 7: ("article", "Body.")}}
    found = {"a.txt": [finding(1)]}
    score = evaluate.score_l3s(labels, found, {"a.txt": {3: "comments"}})
    figures = score.figures()
    assert figures["recall"] == pytest.approx(1 / 3)           # the raw figure keeps every line
    assert figures["matched_recall"] == pytest.approx(1 / 2)   # Menu found, Share missed
    assert figures["disputed"] == 1
    assert [(c.line, c.rule) for c in score.misses] == [(3, "disputed: comments"), (5, "")]


def test_read_disputed(tmp_path):
    path = tmp_path / "disputed.tsv"
    assert evaluate.read_disputed(path) == {}
    path.write_text("file\tline\treason\na.txt\t3\tpull quote\n", encoding="utf-8")
    assert evaluate.read_disputed(path) == {"a.txt": {3: "pull quote"}}
    path.write_text("file\tline\treason\na.txt\tthree\tpull quote\n", encoding="utf-8")
    with pytest.raises(ValueError, match="disputed.tsv:2"):
        evaluate.read_disputed(path)


def test_read_project_labels_rejects_unknown_categories(tmp_path):
    path = tmp_path / "labels.tsv"
    path.write_text("file\tline\tcategory\n# comment\na.txt\t3\tchrome\na.txt\t3\tfragment\n", encoding="utf-8")
    assert evaluate.read_project_labels(path) == {"a.txt": {3: {"chrome", "fragment"}}}
    path.write_text("a.txt\t3\tspelling\n", encoding="utf-8")
    with pytest.raises(ValueError, match="unknown category"):
        evaluate.read_project_labels(path)


def test_score_project_precision_and_recall_per_category():
    labels = {"a.txt": {3: {"chrome"}, 5: {"attribution"}}, "b.txt": {2: {"chrome"}}}
    found = {"a.txt": [finding(3), finding(9), finding(5, "attribution")], "b.txt": [], "c.txt": [finding(1)]}
    scores = evaluate.score_project(labels, found)
    chrome = scores["chrome"]
    assert (chrome.expected, chrome.found, chrome.false_positives) == (2, 1, 2)
    assert chrome.recall == 0.5 and chrome.precision == pytest.approx(1 / 3)
    assert chrome.misses == ["b.txt:2"]
    assert scores["attribution"].precision == scores["attribution"].recall == 1.0
    assert scores["fragment"].expected == 0 and scores["fragment"].recall == 1.0


def test_floor_failures():
    assert evaluate.floor_failures({"recall": 0.8, "precision": 0.95}, {"recall": 0.85, "precision": None}) == [
        "recall 0.8000 is below the floor 0.85"]
    assert evaluate.floor_failures({"recall": 0.9}, {"recall": 0.85}) == []


# ---------------------------------------------------------------- through the public API

STORY = [
    "The city council voted 7-2 on Tuesday to close the Elm Street branch library next spring.",
    "Council members said the 90-year-old building needs repairs the city cannot afford this year.",
    "Residents who spoke at the meeting asked the council to keep the branch open until a new one is built.",
]


def _tiny_corpus(root: Path) -> Path:
    """Two articles: one with a share bar and a related list, one clean."""
    corpus = root / "corpus"
    corpus.mkdir()
    (corpus / "chrome.txt").write_text("\n\n".join([
        "Library to close", STORY[0], "Print | Email | Share", STORY[1],
        "Related Stories", "Mayor opens new bridge downtown", "Storm knocks out power across county",
        STORY[2],
    ]) + "\n", encoding="utf-8")
    (corpus / "clean.txt").write_text("\n\n".join(["Library to close", *STORY]) + "\n", encoding="utf-8")
    (corpus / "labels.tsv").write_text(
        "file\tline\tcategory\nchrome.txt\t5\tchrome\nchrome.txt\t9\tchrome\n"
        "chrome.txt\t11\tchrome\nchrome.txt\t13\tchrome\n", encoding="utf-8")
    return corpus


def test_project_evaluation_of_a_tiny_corpus(tmp_path, capsys):
    corpus = _tiny_corpus(tmp_path)
    scores = evaluate.evaluate_project(corpus)
    assert scores["chrome"].recall == 1.0, scores["chrome"].misses
    assert scores["chrome"].precision == 1.0, scores["chrome"].false_positive_lines
    code = evaluate.main(["--corpus", "project", "--project-dir", str(corpus), "--json",
                          "--min-precision", "0.9", "--min-recall", "0.9"])
    out = json.loads(capsys.readouterr().out)
    assert code == 0 and out["failures"] == []
    assert out["figures"]["chrome"]["recall"] == 1.0


def test_floors_make_the_run_exit_1(tmp_path, capsys):
    corpus = _tiny_corpus(tmp_path)
    with open(corpus / "labels.tsv", "a", encoding="utf-8") as fh:
        fh.write("clean.txt\t3\tchrome\n")   # a line the check rightly leaves alone
    code = evaluate.main(["--corpus", "project", "--project-dir", str(corpus), "--min-recall", "0.9"])
    captured = capsys.readouterr()
    assert code == 1
    assert "FAIL chrome: recall" in captured.err


@pytest.mark.languagetool
def test_project_corpus_floors(languagetool_server):
    """The project's labelled corpus, with LanguageTool on (fragments need its tagger)."""
    scores = evaluate.evaluate_project(PROJECT_CORPUS, languagetool=True)
    for category in ("chrome", "attribution", "fragment"):
        score = scores[category]
        assert score.recall >= 0.85, (category, score.misses)
        assert score.precision >= 0.9, (category, score.false_positive_lines)
