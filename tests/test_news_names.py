"""Names and spelling: name evidence, variants, the desk's list, and the LanguageTool
spelling matches the names check keeps or drops (hits built by hand: our own code)."""
from __future__ import annotations

import re

import pytest
from hypothesis import given, strategies as st

from newslint.checks.base import Hit
from newslint.checks.news.names import NEAR_KNOWN, VARIANT, NamesCheck
from newslint.documents import parse_document
from newslint.findings import Category, Severity
from newslint.names.evidence import WORD, NameIndex, _capitalised_words, is_capitalised, strip_possessive
from newslint.names.variants import article_variants, close_forms, is_plural_pair

SPELL = "lt.MORFOLOGIK_RULE_EN_US"


def _doc(text: str, fmt: str = "text"):
    return parse_document(text, {"text": "a.txt", "markdown": "a.md", "html": "a.html"}[fmt], fmt)


def _spelling_hits(doc, words, rule=SPELL, replacement=None) -> list[Hit]:
    """A LanguageTool spelling match on every whole-word occurrence of each word."""
    hits = []
    for seg in doc.segments:
        for word in words:
            for m in re.finditer(rf"(?<!\w){re.escape(word)}(?!\w)", seg.text):
                hits.append(Hit(rule, seg.index, m.start(), m.end(), f"Possible spelling mistake: {word}",
                                replacement=replacement, category=Category.SPELLING, severity=Severity.WARNING))
    return hits


def _run(text, unknown, fmt="text", desk=()):
    doc = _doc(text, fmt)
    hits = _spelling_hits(doc, unknown)
    taken, rest = NamesCheck(desk).refine(doc, hits)
    shown = lambda hs: [(h.rule, doc.segments[h.segment].text[h.start:h.end]) for h in hs]  # noqa: E731
    return shown(taken), shown(rest), taken


@pytest.mark.parametrize("text, word", [
    ("Clinton aide Huma Abedin left early.", "Abedin"),                  # mid-sentence
    ("Abedin left early. Reporters waited.\n\nAbedin returned.", "Abedin"),  # repeated
    ("Sen. Clyburn spoke. Nobody else did.", "Clyburn"),                   # after a title
    ("Gennifer Flowers will not attend.", "Gennifer"),                     # run of capitals
    ("Priebus’s plan failed. Nobody objected.", "Priebus"),                # possessive
    ("Willie O'Ree spoke. Later, O'Ree left.", "Ree"),                     # part of O'Ree
    ("MARGAO, Dec. 30 — The minister spoke.", "MARGAO"),                   # capitals: a dateline
])
def test_a_word_the_story_marks_as_a_name_is_not_a_spelling_finding(text, word):
    taken, rest, _ = _run(text, [word])
    assert taken == [] and rest == []


@pytest.mark.parametrize("text, word", [
    ("Presdiential candidates met on Monday.", "Presdiential"),   # sentence-initial, once, no sign
    ("The secretrary of state spoke.", "secretrary"),             # lowercase
])
def test_unknown_words_without_name_evidence_stay_spelling_findings(text, word):
    taken, rest, _ = _run(text, [word])
    assert taken == [] and rest == [(SPELL, word)]


def test_possessive_is_stripped_and_evidence_is_recorded():
    index = NameIndex.build(_doc("Abedin’s aide met Sen. Kroll and Huma Abedin.\n"))
    forms = {(m.form, m.mid_sentence, m.after_title, m.in_run, m.possessive) for m in index.mentions}
    assert ("Abedin", False, False, False, True) in forms
    assert ("Kroll", True, True, False, False) in forms
    assert ("Abedin", True, False, True, False) in forms
    assert strip_possessive("Jones’") == "Jones" and strip_possessive("Caddell's") == "Caddell"


def test_variant_rarer_form_is_flagged_with_the_other_as_fix():
    text = ("Defense Minister Yoav Gallant met the envoy. Gallant said talks would go on.\n\n"
            "Galant later left for Cairo.\n")
    taken, rest, hits = _run(text, ["Galant"])
    assert taken == [(VARIANT, "Galant")]
    assert hits[0].replacement == "Gallant"
    assert "'Galant' (once) and 'Gallant' (2 times)" in hits[0].message
    assert rest == [(SPELL, "Galant")]      # kept: the engine folds it into the variant finding


def test_variant_tie_flags_both_unknown_forms_every_time():
    text = "Aide Huma Abedin spoke. Later Huma Abeddin left.\n"
    taken, _, hits = _run(text, ["Abedin", "Abeddin"])
    assert sorted(taken) == [(VARIANT, "Abeddin"), (VARIANT, "Abedin")]
    assert {h.replacement for h in hits} == {"Abedin", "Abeddin"}


def test_no_variant_for_plurals_known_pairs_other_first_letters_or_short_words():
    assert _run("Hillary Clinton spoke. The Clintons left.\n", ["Clintons"])[0] == []
    assert _run("Leslie Wimes told The New York Times so.\n", ["Wimes"])[0] == []
    assert article_variants({"Ito": 2, "Itto": 1}, unknown={"Itto"}) == []      # a 3-letter form
    assert article_variants({"Obama": 3, "Osama": 1}, unknown=set()) == []
    # Acronyms and tickers one letter apart are different things.
    assert article_variants({"LOGN": 2, "LOGI": 2, "MPAs": 1, "MNAs": 1}, unknown={"LOGN", "LOGI", "MPAs"}) == []
    assert [v.form for v in article_variants({"VMware": 2, "VWware": 1}, unknown={"VWware"})] == ["VWware"]


def test_variant_on_a_known_rarer_form_when_the_name_is_unknown():
    found = article_variants({"Galant": 3, "Gallant": 1}, unknown={"Galant"})
    assert [(v.form, v.other) for v in found] == [("Gallant", "Galant")]


def test_close_forms_and_plural_pairs():
    assert close_forms("Abeddin", ["Abedin", "Aberdeen", "Abeddin", "Labedin"], 1) == ["Abedin"]
    assert is_plural_pair("Clinton", "Clintons") and is_plural_pair("Kennedy", "Kennedies")
    assert not is_plural_pair("Galant", "Gallant") and not is_plural_pair("Congres", "Congress")


def test_desk_names_are_accepted_and_near_names_are_probable_misspellings():
    text = "Aide Huma Abedin met Mayor Tanden. Later Priebbus spoke.\n"
    taken, rest, hits = _run(text, ["Abedin", "Tanden", "Priebbus"], desk=("Abedin", "Priebus"))
    assert taken == [(NEAR_KNOWN, "Priebbus")]
    assert hits[0].replacement == "Priebus" and "desk's names list" in hits[0].message
    assert rest == [(SPELL, "Priebbus")]


def test_multi_word_spelling_match_on_another_person_is_dropped_but_a_slip_stays():
    doc = _doc("Donald Trump spoke. Later Donald Trummp left, and John Bentel stayed.\n")
    seg = doc.segments[0].text
    slip = Hit("lt.EN_MULTITOKEN_SPELLING_TWO", 0, seg.index("Donald Trummp"), seg.index("Donald Trummp") + 13,
               "m", replacement="Donald Trump", category=Category.SPELLING)
    other = Hit("lt.EN_MULTITOKEN_SPELLING_TWO", 0, seg.index("John Bentel"), seg.index("John Bentel") + 11,
                "m", replacement="John Bester", category=Category.SPELLING)
    taken, rest = NamesCheck().refine(doc, [slip, other])
    assert rest == [slip]


def test_other_hits_pass_untouched_and_the_check_needs_languagetool():
    doc = _doc("Aide Huma Abedin spoke.\n")
    grammar = Hit("lt.SOME_GRAMMAR", 0, 0, 4, "g", category=Category.GRAMMAR)
    assert NamesCheck().refine(doc, [grammar]) == ([], [grammar])
    assert (NamesCheck.refines, NamesCheck.needs_family) == ("lt.", True)
    assert NamesCheck().check(doc, {VARIANT}) == []


def _speller_hit(doc, seg, start, end, replacement=None):
    return Hit(SPELL, seg, start, end, "Possible spelling mistake", replacement=replacement,
               category=Category.SPELLING, severity=Severity.WARNING)


def test_a_repeated_lowercase_term_is_not_a_slip_but_a_repeated_one_edit_slip_is():
    doc = _doc("The team opens a homestand on Friday.\n\nThe homestand ends Monday; he recieved and "
               "recieved the ball.")
    text0, text1 = doc.segments[0].text, doc.segments[1].text
    term = [_speller_hit(doc, 0, text0.index("homestand"), text0.index("homestand") + 9, "home stand"),
            _speller_hit(doc, 1, text1.index("homestand"), text1.index("homestand") + 9, "home stand")]
    slip = [_speller_hit(doc, 1, m.start(), m.end(), "received") for m in re.finditer("recieved", text1)]
    taken, rest = NamesCheck().refine(doc, term + slip)
    assert taken == [] and rest == slip
    # Used once, an unknown word that is no compound of English words stays a finding.
    once = _doc("The team hosts a fooderati dinner on Friday.")
    hit = _speller_hit(once, 0, 17, 26, "federation")
    assert NamesCheck().refine(once, [hit]) == ([], [hit])


def test_a_compound_of_english_words_is_not_a_slip_unless_one_letter_from_the_suggestion():
    doc = _doc("The team opens a homestand on Friday, a socio-cultural event. The popstar sang at the "
               "funreal.")
    text = doc.segments[0].text

    def at(word, suggestion):
        i = text.index(word)
        return _speller_hit(doc, 0, i, i + len(word), suggestion)

    coined = [at("homestand", "home stand"), at("socio-cultural", "sociocultural"), at("popstar", "pop star")]
    slip = at("funreal", "funeral")          # fun + real, but one swap from the suggestion
    assert NamesCheck().refine(doc, coined + [slip]) == ([], [slip])


def foreign_runs_of(text):
    from newslint.names.terms import foreign_runs
    return [text[a:b] for a, b in foreign_runs(text)]


def test_words_in_a_run_of_another_language_are_not_slips_but_a_slip_in_english_is():
    doc = _doc('He yells "mujhe woh bachcha chahiye" at the crowd, then leaves the stadum.')
    text = doc.segments[0].text
    foreign = [_speller_hit(doc, 0, m.start(), m.end(), "x") for m in re.finditer(r"mujhe|bachcha|chahiye", text)]
    slip = _speller_hit(doc, 0, text.index("stadum"), text.index("stadum") + 6, "stadium")
    assert NamesCheck().refine(doc, foreign + [slip]) == ([], [slip])
    # A possessive is its word: "nation’s cybersecurity efofrts" is English with one slip.
    english = _doc("He wants to bolster the nation’s cybersecurity efofrts at once.")
    t = english.segments[0].text
    kept = _speller_hit(english, 0, t.index("efofrts"), t.index("efofrts") + 7, "efforts")
    assert NamesCheck().refine(english, [kept]) == ([], [kept])
    # Nor is a British word beside two names and a slip: "centre Daymond Langkow aimdst".
    assert foreign_runs_of("The goal, said centre Daymond Langkow aimdst the cheers.") == []
    # Names are capitalised: a run of unknown names is not another language.
    names = _doc("Sergei Movsesian Harikrishna drew the game.")
    hit = _speller_hit(names, 0, 7, 16, "Movies")
    from newslint.names.terms import foreign_runs
    assert foreign_runs(names.segments[0].text) == []


def test_a_speller_match_over_a_name_and_the_next_word_is_dropped():
    doc = _doc("Jayalalitha called to congratulate Modi on his win. Willie O'Ree said he was proud. "
               "Later, Modi spoke.")
    text = doc.segments[0].text
    glued = [_speller_hit(doc, 0, text.index("Modi on"), text.index("Modi on") + 7, "Mod ion"),
             _speller_hit(doc, 0, text.index("Ree said"), text.index("Ree said") + 8, "Rees aid")]
    slip = _speller_hit(doc, 0, text.index("Later, Modi"), text.index("Later, Modi") + 11)
    assert NamesCheck().refine(doc, glued + [slip]) == ([], [slip])


@given(st.lists(st.sampled_from(["iPhone", "McDonald's", "O'Neil", "eBay", "ABC", "A", "Smith", "smith",
                                 "phone", "x_Abc", "東京", "Ǆemal", "well-Known", "3Com", " ", ", ", "-", "’",
                                 ".", "\n", "_", "9"]), max_size=30).map("".join))
def test_capitalised_words_are_found_where_they_stand(text):
    expected = [(m.start(), m.end(), m.group()) for m in WORD.finditer(text) if is_capitalised(m.group())]
    assert _capitalised_words(text) == expected
