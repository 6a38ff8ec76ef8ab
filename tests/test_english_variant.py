"""A story written in British English is not misspelt: newslint.languagetool.variant
(units on LanguageTool-shaped hits, then a real server end to end)."""
from __future__ import annotations

from newslint.checks.base import Hit
from newslint.documents import parse_document
from newslint.languagetool.variant import (american_spellings, american_words, british_word, is_british,
                                           is_british_form, without_american_only)


def _doc(text: str):
    return parse_document(text, "story.txt", "text")


def _british(word: str, start: int = 0) -> Hit:
    return Hit("lt.MORFOLOGIK_RULE_EN_US", 0, start, start + len(word),
               f"Possible spelling mistake. ‘{word}’ is British English. Suggestions: 'x'.")


def test_reads_the_british_note_of_the_speller_only():
    assert british_word(_british("Programme")) == "programme"
    assert british_word(Hit("lt.MORFOLOGIK_RULE_EN_US", 0, 0, 4, "Possible spelling mistake found: 'teh'.")) is None
    assert british_word(Hit("lt.OTHER", 0, 0, 4, "‘colour’ is British English.")) is None


def test_a_suggested_american_form_marks_a_british_word_the_note_does_not_name():
    plain = Hit("lt.MORFOLOGIK_RULE_EN_US", 0, 0, 10, "Possible spelling mistake found.", replacement="defenseman")
    assert british_word(plain, "defenceman") == "defenceman"
    assert british_word(plain) is None
    pairs = [("lackluster", "lacklustre"), ("equalized", "equalised"), ("coordinator", "co-ordinator"),
             ("traveled", "travelled"), ("favorite", "favourite"), ("pediatric", "paediatric")]
    assert all(is_british_form(a, b) for a, b in pairs)
    # A swapped "er" or a doubled "l" inside a word is a slip's shape, not British spelling.
    assert not any(is_british_form(a, b) for a, b in [("funeral", "funreal"), ("until", "untill"),
                                                       ("general", "genreal"), ("color", "color"),
                                                       ("lawyers", "lawyres"), ("partners", "partnres")])


def test_a_canadian_story_with_words_the_british_note_lacks_is_not_misspelt():
    doc = _doc("The defenceman showed a lacklustre effort and a teh slip.")
    hits = [Hit("lt.MORFOLOGIK_RULE_EN_US", 0, 4, 14, "Possible spelling mistake found.", replacement="defenseman"),
            Hit("lt.MORFOLOGIK_RULE_EN_US", 0, 24, 34, "Possible spelling mistake found.", replacement="lackluster"),
            Hit("lt.MORFOLOGIK_RULE_EN_US", 0, 49, 52, "Possible spelling mistake found.", replacement="the")]
    assert without_american_only(doc, hits) == hits[2:]
    # The same words in a story that writes "color" and "center" stay findings.
    mixed = _doc("The defenceman showed a lacklustre effort; his color, the center.")
    assert without_american_only(mixed, hits[:2]) == hits[:2]


def test_american_spellings_are_the_systematic_pairs_only():
    known = american_spellings()
    assert {"color", "center", "defense", "traveled", "anemia", "catalog"} <= known
    # Also British (program, practice, judgment), or both in British copy (-ize), or ambiguous.
    assert not {"program", "practice", "judgment", "organize", "license", "ton"} & known
    assert american_words(_doc("The color of the Center and the defense.")) == {"color", "defense"}


def test_a_british_story_drops_the_matches_that_only_say_it_is_not_american():
    doc = _doc("The programme was a favourite, with turnout at 40 per cent and a teh slip.")
    hits = [_british("programme", 4), _british("favourite", 22),
            Hit("lt.PER_CENT", 0, 47, 55, "In American English, “percent” is the recommended spelling."),
            Hit("lt.MORFOLOGIK_RULE_EN_US", 0, 62, 65, "Possible spelling mistake found: 'teh'.")]
    assert is_british(doc, hits)
    assert without_american_only(doc, hits) == hits[3:]


def test_a_mixed_or_american_story_keeps_every_match():
    doc = _doc("Her favourite color was the center of the defense.")
    hits = [_british("favourite", 4)]
    assert not is_british(doc, hits)
    assert without_american_only(doc, hits) == hits
    assert without_american_only(_doc("No notes here."), []) == []


def test_british_story_end_to_end(run_cli, write, languagetool_server):
    british = ("The council's programme to tackle antisocial behaviour was a favourite of the mayor. "
               "Turnout was 40 per cent, and the centre will open in spring.\n\n"
               "Officials said the neighbours had recieved letters.\n")
    american = "Her favourite color was the center of the defense, and turnout was 40 percent.\n"
    result = run_cli("check", "--format", "json", write("uk.txt", british), write("us.txt", american))
    assert result.code == 1, result.err
    found = result.json()["findings"]
    uk = [(f["rule"], f["line"]) for f in found if f["path"].endswith("uk.txt")
          and f["category"] == "spelling" or f["rule"] == "lt.PER_CENT" and f["path"].endswith("uk.txt")]
    assert uk == [("lt.MORFOLOGIK_RULE_EN_US", 3)]          # only the real slip, "recieved"
    us = [f["rule"] for f in found if f["path"].endswith("us.txt") and f["category"] == "spelling"]
    assert us == ["lt.MORFOLOGIK_RULE_EN_US"]               # "favourite" in American copy
