"""scripts/label_bounds.py: what a corpus's labels allow, from adjudicated samples."""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("label_bounds", REPO / "scripts" / "label_bounds.py")
label_bounds = importlib.util.module_from_spec(_spec)
sys.modules.setdefault("label_bounds", label_bounds)
_spec.loader.exec_module(label_bounds)

PRINTOUT = """\
corpus                             model            files chrome rec.  matched false pos. FP files
l3s                                trained on it      489       0.806    0.806      0.49%       23
  FP   a.txt:17 [article] news.chrome.tools: Print
  MISS b.txt:5 [chrome]: Map
site-page                          not trained on      55       0.600    0.610      2.00%       24
  FP   c.txt:3 [article] news.chrome.tools: Continue reading
  MISS c.txt:9 [chrome]: Home
  MISS d.txt:1 [chrome] (disputed: pull quote): A quote
cross-corpus (not trained on)                                   0.600    0.610      2.00%  (mean recall, worst false-positive rate)
chrome rec.: every chrome and related line
"""


def test_the_printout_is_read_per_corpus_with_its_cases():
    runs = label_bounds.read_evaluation(PRINTOUT.splitlines(keepends=True))
    assert list(runs) == ["l3s", "site-page"]
    site = runs["site-page"]
    assert (site.recall, site.false_positive_rate) == (0.6, 0.02)
    assert site.misses == [("c.txt", 9, "[chrome]: Home"), ("d.txt", 1, "[chrome] (disputed: pull quote): A quote")]
    assert site.false_positives == [("c.txt", 3, "[article] news.chrome.tools: Continue reading")]
    assert runs["l3s"].misses == [("b.txt", 5, "[chrome]: Map")]


def test_bounds_follow_the_share_of_labels_verdicts():
    run = label_bounds.CorpusRun("site-page", 0.6, 0.02)
    verdicts = {"MISS-1": "true", "MISS-2": "labels", "MISS-3": "labels", "MISS-4": "unclear",
                "FP-5": "labels", "FP-6": "true", "FP-7": "true", "FP-8": "true"}
    b = label_bounds.bounds(run, verdicts)
    # Half the misses are the labels' doing: they stay misses, so recall <= 1 - 0.4 * 0.5.
    assert b.recall_at_most == pytest.approx(0.8)
    # A quarter of the false positives are chrome the labels call article: 2 % * 0.25.
    assert b.false_positives_at_least == pytest.approx(0.005)
    assert b.recall_interval[0] < b.recall_at_most < b.recall_interval[1]
    assert b.false_positive_interval[0] < b.false_positives_at_least < b.false_positive_interval[1]
    assert (b.misses["true"], b.misses["labels"], b.misses["unclear"]) == (1, 2, 1)


def test_wilson_interval():
    lo, hi = label_bounds.wilson(18, 40)
    assert lo == pytest.approx(0.3064, abs=1e-3) and hi == pytest.approx(0.6024, abs=1e-3)
    assert label_bounds.wilson(0, 0) == (0.0, 1.0)


def test_a_bad_verdict_line_names_its_file_and_line(tmp_path):
    path = tmp_path / "site-page.tsv"
    path.write_text("MISS-1\ttrue\tnavigation\tmenu\nMISS-2\tmaybe\tx\ty\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"site-page\.tsv:2: expected ENTRY"):
        label_bounds.read_verdicts(path)


def test_the_sample_is_seeded_and_shows_each_line_with_its_neighbours_labels(tmp_path):
    folder = tmp_path / "corpus"
    (folder / "articles").mkdir(parents=True)
    (folder / "articles" / "c.txt").write_text("\n".join(f"line {i}" for i in range(1, 12)) + "\n", encoding="utf-8")
    (folder / "labels.tsv").write_text("file\tline\tlabel\ttext\n" + "".join(
        f"c.txt\t{i}\t{'chrome' if i == 9 else 'article'}\tline {i}\n" for i in range(1, 12)), encoding="utf-8")
    run = label_bounds.read_evaluation(PRINTOUT.splitlines(keepends=True))["site-page"]
    run.misses = [m for m in run.misses if m[0] == "c.txt"]
    first, second = tmp_path / "one.txt", tmp_path / "two.txt"
    for out in (first, second):
        assert label_bounds.write_sample(run, folder, out, misses=5, false_positives=5, seed=3, context=2) == 2
    text = first.read_text(encoding="utf-8")
    assert text == second.read_text(encoding="utf-8")
    assert "## MISS-1 c.txt:9 [chrome]: Home" in text and "## FP-2 c.txt:3" in text
    assert ">>    9 [chrome] line 9" in text and "     7 [article] line 7" in text and "line 12" not in text


def test_bounds_command_prints_a_row_per_verdict_file(tmp_path, capsys):
    (tmp_path / "eval.txt").write_text(PRINTOUT, encoding="utf-8")
    verdicts = tmp_path / "verdicts"
    verdicts.mkdir()
    (verdicts / "site-page.tsv").write_text("MISS-1\tlabels\tfact box\tx\nMISS-2\ttrue\tmenu\ty\nFP-3\ttrue\tstory\tz\n",
                                            encoding="utf-8")
    assert label_bounds.main(["bounds", str(tmp_path / "eval.txt"), str(verdicts)]) == 0
    row = next(line for line in capsys.readouterr().out.splitlines() if line.startswith("site-page"))
    assert "0.800" in row and "1/1/0" in row
    (verdicts / "other.tsv").write_text("MISS-1\ttrue\tx\ty\n", encoding="utf-8")
    assert label_bounds.main(["bounds", str(tmp_path / "eval.txt"), str(verdicts)]) == 2
    assert "no corpus 'other'" in capsys.readouterr().err
