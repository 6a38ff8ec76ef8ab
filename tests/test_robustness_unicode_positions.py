"""Characters outside the Basic Multilingual Plane against LanguageTool's UTF-16 measure.

LanguageTool (Java) counts offsets, lengths and its text limit in UTF-16 code units, where
an emoji takes two; Python counts code points. Positions, fixes and the request limit must
use LanguageTool's measure, and no fix may replace text other than the text it flagged.
These talk to the real server the session fixture starts.
"""
from __future__ import annotations

import pytest

from newslint.findings import Category, Finding, Fix, Severity, Source
from newslint.fixing.edits import apply_fixes, choose_fixes
from newslint.languagetool.annotated import (AnnotatedText, Piece, batch_pieces, split_text, utf16_length,
                                             utf16_slice)
from newslint.languagetool.server import MAX_TEXT_LENGTH
from newslint.languagetool.stage import flagged_text, same_text

pytestmark = pytest.mark.languagetool

EMOJI_LINE = "The \U0001F600\U0001F600\U0001F600 mayor ate a apple on Tuesday.\n"


def _finding(rule: str, result) -> dict:
    return next(f for f in result.json()["findings"] if f["rule"] == rule)


def test_astral_characters_do_not_shift_languagetool_columns(run_cli, write, languagetool_server):
    path = write("e.txt", EMOJI_LINE)
    result = run_cli("check", "--no-cache", "--format", "json", path)
    found = _finding("lt.EN_A_VS_AN", result)
    assert (found["line"], found["column"], found["end_column"]) == (1, EMOJI_LINE.index(" a ") + 2,
                                                                     EMOJI_LINE.index(" a ") + 3)
    assert [f for f in result.json()["findings"] if f["rule"] == "lt.MORFOLOGIK_RULE_EN_US"] == []


def test_unsafe_fix_after_astral_characters_fixes_the_right_word(run_cli, write, languagetool_server,
                                                                  tmp_path):
    path = write("e.txt", EMOJI_LINE)
    run_cli("check", "--no-cache", "--fix", "--unsafe-fixes", path)
    assert (tmp_path / "e.txt").read_text("utf-8") == EMOJI_LINE.replace(" a apple", " an apple")


def test_astral_characters_in_markdown_map_to_the_right_column(run_cli, write, languagetool_server):
    text = "# Vote \U0001F5F3\n\nCity \U0001F3DB\U0001F3DB hall will *recieve* the report.\n"
    path = write("e.md", text)
    result = run_cli("check", "--no-cache", "--format", "json", path)
    found = _finding("lt.MORFOLOGIK_RULE_EN_US", result)
    line = text.splitlines()[2]
    assert (found["line"], found["column"]) == (3, line.index("recieve") + 1)
    assert found["end_column"] - found["column"] == len("recieve")


def test_a_paragraph_over_languagetools_limit_in_utf16_units_is_split(run_cli, write, languagetool_server):
    """Under newslint's 50,000-character limit, over LanguageTool's in UTF-16 units."""
    sentence = "Fans " + "\U0001F600" * 12 + " cheered. "
    paragraph = sentence * (46_000 // len(sentence)) + "He ate a apple."
    assert len(paragraph) < MAX_TEXT_LENGTH < utf16_length(paragraph)
    path = write("long.txt", "Crowd cheers\n\n" + paragraph + "\n")
    result = run_cli("check", "--no-cache", "--format", "json", path)
    assert result.json()["errors"] == [], result.out[-500:]
    found = _finding("lt.EN_A_VS_AN", result)
    assert found["column"] == paragraph.index(" a apple") + 2


# -- the conversions, without a server -----------------------------------------------------

def test_pieces_and_batches_are_measured_in_utf16_units():
    text = "\U0001F600" * 30 + " " + "\U0001F600" * 30
    pieces = split_text(0, text, 40)
    assert all(utf16_length(p.text) <= 40 for p in pieces)
    assert "".join(p.text for p in pieces) == text
    batches = batch_pieces([Piece(0, 0, "\U0001F600" * 15), Piece(1, 0, "\U0001F600" * 15)], 40)
    assert len(batches) == 2


def test_annotated_offsets_convert_back_to_code_points():
    first, second = "A \U0001F600 b.", "Then \U0001F600\U0001F600 a apple."
    batch = AnnotatedText([Piece(0, 0, first), Piece(1, 5, second)])
    unit = batch.starts[1] + utf16_length(second[:second.index("a apple")])
    where = batch.locate(unit, 1)
    assert (where.segment, where.start, where.end) == (1, 5 + second.index("a apple"),
                                                       5 + second.index("a apple") + 1)
    assert utf16_slice(second, utf16_length("Then \U0001F600\U0001F600 "), 1) == "a"


def test_languagetool_context_gives_the_flagged_text():
    context = {"text": "The \U0001F600\U0001F600\U0001F600 mayor ate a apple", "offset": 21, "length": 1}
    assert flagged_text(context) == "a"
    assert flagged_text({"text": 3}) is None
    assert same_text("a", "a") and not same_text("p", "a") and same_text("a\nb", "a b")


def test_a_fix_never_replaces_text_other_than_the_flagged_text():
    text = "He ate a pple today."
    wrong = Finding("e.txt", 1, 10, 1, 11, "lt.EN_A_VS_AN", Category.GRAMMAR, Severity.SUGGESTION,
                    Source.LANGUAGETOOL, "Use an", Fix("an", False, original="a"), 9, 10)
    assert choose_fixes([wrong], text, unsafe=True) == []
    right = Finding("e.txt", 1, 8, 1, 9, "lt.EN_A_VS_AN", Category.GRAMMAR, Severity.SUGGESTION,
                    Source.LANGUAGETOOL, "Use an", Fix("an", False, original="a"), 7, 8)
    assert apply_fixes(text, choose_fixes([right], text, unsafe=True)) == "He ate an pple today."
