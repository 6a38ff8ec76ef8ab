"""scripts/slips.py: slip injection and scoring (no corpus needed: text written here)."""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from newslint.findings import Category, Finding, Severity, Source

REPO = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("slips", REPO / "scripts" / "slips.py")
slips = importlib.util.module_from_spec(_spec)
sys.modules.setdefault("slips", slips)
_spec.loader.exec_module(slips)

ARTICLE = slips.Article("a", "polnear", (
    "Reince Priebus spoke to reporters on Monday.",
    "The chairman said Priebus would campaign in several states.",
    "Officials described the schedule as demanding and expensive.",
    "Later, the committee released statements about Priebus and his plans.",
))


def test_name_candidates_need_two_mid_sentence_uses_and_no_lowercase_form():
    assert set(slips.name_candidates(ARTICLE.text)) == {"Priebus"}


def test_inject_swaps_or_changes_one_word_per_paragraph_and_records_offsets():
    text, found = slips.inject(ARTICLE, seed=3, word_slips=2)
    assert [s.kind for s in found].count("name") == 1 and [s.kind for s in found].count("word") == 2
    for slip in found:
        assert text[slip.start:slip.end] == slip.slipped != slip.original
        if slip.kind == "word":
            assert sorted(slip.slipped) == sorted(slip.original) and slip.original.islower()
        else:
            assert abs(len(slip.slipped) - len(slip.original)) == 1 and slip.original == "Priebus"
    assert slips.inject(ARTICLE, seed=3, word_slips=2) == (text, found)     # seeded


def _f(start, end, category="spelling", severity=Severity.WARNING):
    return Finding("a.txt", 1, 1, 1, 2, "r", Category(category), severity, Source.LANGUAGETOOL, "m",
                   offset=start, end_offset=end)


def test_score_counts_recall_noise_and_spans_reported_twice():
    text, found = slips.inject(ARTICLE, seed=3, word_slips=2)
    caught = [_f(s.start, s.end) for s in found if s.kind == "word"]
    clean = [_f(0, 6), _f(0, 6, "grammar"), _f(10, 12, "style", Severity.SUGGESTION)]
    score = slips.score([ARTICLE], {"a": clean}, {"a": caught}, {"a": found}, {"a": text})
    figures = score.figures()
    assert figures["word_slip_recall"] == 1.0 and figures["name_slip_recall"] == 0.0
    assert figures["false_spelling_per_100_paragraphs"] == 25.0
    assert figures["warnings_per_100_paragraphs"] == 50.0
    assert figures["spans_reported_twice"] == 1


def test_the_reserved_split_is_refused(tmp_path):
    folder = tmp_path / "data" / "test" / "text"
    folder.mkdir(parents=True)
    with pytest.raises(SystemExit, match="reserved"):
        slips.read_polnear(folder)
