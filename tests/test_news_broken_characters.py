"""news.encoding.broken-characters: lost and mis-decoded characters, once per story; the
LanguageTool matches they cause dropped (unit tests, then a real server end to end)."""
from __future__ import annotations

import pytest

from newslint.checks.base import Hit
from newslint.checks.news.broken_characters import BROKEN, BrokenCharactersCheck, find_broken
from newslint.documents import parse_document


def _doc(text: str):
    return parse_document(text, "story.txt", "text")


def _broken(text: str) -> list[str]:
    doc = _doc(text)
    return [doc.segments[b.segment].text[b.start:b.end] + ":" + b.kind for b in find_broken(doc)]


@pytest.mark.parametrize("text, expected", [
    ("Kosovo?s status and Ki-moon?s envoy.", ["?:lost", "?:lost"]),
    ("?We have to learn,? he said.", ["?:lost", "?:lost"]),
    ("Gaza Strip ? Deadly clashes went on.", ["?:lost"]),
    ("It was the starting point.?", ["?:lost"]),
    ("Canadaâ€™s first and Watersâ?? Cry-Baby.", ["â€™:mojibake", "â??:mojibake"]),
    ("CafÃ© au lait \ufffd here.", ["Ã©:mojibake", "\ufffd:mojibake"]),
])
def test_finds_lost_and_misdecoded_characters(text, expected):
    assert _broken(text) == expected


@pytest.mark.parametrize("text", [
    "Was it settled? No one knows. Why? Nobody said.",
    "See example.com/page.php?id=3 and www.site.org/a?b=c today.",
    "Did he leave the U.S.? He did.",
    "Cândido Portinari’s pâté was naïve.",
    "The Eagles? Yes. What? The vote?",
])
def test_question_marks_and_accents_are_not_broken(text):
    assert _broken(text) == []


def test_after_a_lost_character_a_question_mark_before_lowercase_is_lost_too():
    assert _broken("The ?winter bug? that spread. The Eagles? lead grew.") == \
        ["?:lost", "?:lost", "?:lost"]
    # Without that evidence the same shape is a question mark.
    assert _broken("The Eagles? lead grew.") == []


def test_one_finding_per_story_at_the_first_place_with_the_count():
    doc = _doc("Kosovo?s status.\n\nThe province?s leaders met ? and left.\n")
    hits = list(BrokenCharactersCheck().check(doc, {BROKEN}))
    assert len(hits) == 1
    hit = hits[0]
    assert (hit.segment, hit.start, hit.end) == (0, 6, 7)
    assert "3 characters printed as '?'" in hit.message and "'Kosovo?s'" in hit.message
    assert list(BrokenCharactersCheck().check(doc, set())) == []


def test_drops_languagetool_matches_on_or_next_to_broken_characters():
    doc = _doc("Kosovo?s status was odd ? but teh talks went on.")
    on_word = Hit("lt.NON_STANDARD_WORD", 0, 0, 8, "not standard")
    after_dash = Hit("lt.UPPERCASE_SENTENCE_START", 0, 26, 29, "lowercase start")
    slip = Hit("lt.MORFOLOGIK_RULE_EN_US", 0, 30, 33, "spelling")
    ours = Hit("news.style.x", 0, 0, 8, "a house rule")
    taken, kept = BrokenCharactersCheck().refine(doc, [on_word, after_dash, slip, ours])
    assert taken == [] and kept == [slip, ours]


def test_clean_story_keeps_every_languagetool_match():
    doc = _doc("Kosovo’s status was odd — but teh talks went on.")
    hits = [Hit("lt.MORFOLOGIK_RULE_EN_US", 0, 30, 33, "spelling")]
    assert BrokenCharactersCheck().refine(doc, hits) == ([], hits)


def test_refines_languagetool_matches_but_checks_the_text_without_them():
    check = BrokenCharactersCheck()
    assert (check.refines, check.needs_family) == ("lt.", False)
    doc = _doc("Kosovo?s status was odd.")
    assert [h.rule for h in check.check(doc, {BROKEN})] == [BROKEN]


def test_broken_story_end_to_end(run_cli, write, languagetool_server):
    text = ("Kosovo?s leaders met on Monday ? but the province?s status stayed open.\n\n"
            "?We will talk again,? the envoy said. Reporters called it a presdiential visit.\n")
    result = run_cli("check", "--format", "json", write("story.txt", text))
    assert result.code == 1, result.err
    found = result.json()["findings"]
    broken = [f for f in found if f["rule"] == BROKEN]
    assert [(f["line"], f["column"], f["severity"], f["category"]) for f in broken] == \
        [(1, 7, "warning", "typography")]
    # The only spelling finding is the real slip; nothing else touches a broken character.
    assert [f["rule"] for f in found if f["category"] == "spelling"] == ["lt.MORFOLOGIK_RULE_EN_US"]
    assert not [f for f in found if f["rule"] in ("lt.NON_STANDARD_WORD", "lt.UPPERCASE_SENTENCE_START",
                                                  "lt.COMMA_PERIOD")]


def test_a_slip_beside_a_broken_character_is_still_a_spelling_finding():
    from newslint.findings import Category

    doc = _doc("It was ?intreesting? that Hughh?s plan isn?t Kosovo?s.")
    text = doc.segments[0].text

    def spell(word: str) -> Hit:
        at = text.index(word)
        return Hit("lt.MORFOLOGIK_RULE_EN_US", 0, at, at + len(word), "spelling", category=Category.SPELLING)

    slips = [spell("intreesting"), spell("Hughh")]
    echoes = [spell("isn"), spell("Kosovo?s")]
    assert BrokenCharactersCheck().refine(doc, slips + echoes) == ([], slips)
