"""The news profile: LanguageTool rules that contradict news conventions, or repeat a
newslint check, are off or lowered to ``suggestion`` by default.

Each entry is a default level, not a filter: config levels win, so
``rules: {lt.EN_UNPAIRED_QUOTES: warning}`` turns a rule back on (and ``"lt.*": warning``
turns them all back on). ``languagetool: {profile: none}`` drops the whole profile.
README's "LanguageTool's news profile" and ``newslint explain languagetool-profile``
print this table.
"""
from __future__ import annotations

from dataclasses import dataclass

from newslint.languagetool.rulemeta import RULE_PREFIX

PROFILES = ("news", "none")


@dataclass(frozen=True)
class ProfileEntry:
    rules: tuple[str, ...]        # LanguageTool rule ids
    level: str                    # "off" or "suggestion"
    reason: str


NEWS_PROFILE: tuple[ProfileEntry, ...] = (
    ProfileEntry(("EN_UNPAIRED_QUOTES",), "off",
                 "A quotation that runs over several paragraphs has no closing mark until its last "
                 "paragraph (the news convention); news.attribution.unbalanced-quote checks quote "
                 "balance with that convention."),
    ProfileEntry(("EN_QUOTES",), "off",
                 "Straight versus curly marks: news.style.quote-mix already flags a story that mixes "
                 "them, and either kind alone is fine."),
    ProfileEntry(("POSSESSIVE_APOSTROPHE",), "off",
                 "AP style writes descriptive plurals without an apostrophe (a veterans hospital, the "
                 "teachers union, a sanctions regime)."),
    ProfileEntry(("EN_SPECIFIC_CASE",), "suggestion",
                 "AP style lowercases a title that does not come before a name (the former secretary "
                 "of state, running for president of the United States); the rule asks for capitals."),
    ProfileEntry(("COMMA_COMPOUND_SENTENCE", "COMMA_COMPOUND_SENTENCE_2", "COMMA_COMPOUND_SENTENCE_3",
                  "COMMA_COMPOUND_SENTENCE_4"), "suggestion",
                 "A comma before a conjunction joining two short clauses is optional in AP style, and "
                 "quoted speech is printed as spoken: advice, not an error."),
    ProfileEntry(("SENT_START_CONJUNCTIVE_LINKING_ADVERB_COMMA",), "suggestion",
                 "A comma after a sentence-opening “However” or “Meanwhile” is a matter of rhythm in "
                 "news copy."),
    ProfileEntry(("PER_CENT",), "off",
                 "Repeats news.style.percent (AP's “percent”) on the same words, so a desk that writes "
                 "“per cent” turns off one rule, not two."),
    ProfileEntry(("EN_DIACRITICS_REPLACE_ORTHOGRAPHY_*",), "suggestion",
                 "English-language news copy often prints foreign names and loanwords without their "
                 "accents (Jose Mourinho, Arsene Wenger, communique); with or without them is a desk's "
                 "choice, not a misspelling."),
    ProfileEntry(("SERIAL_COMMA_ON",), "off",
                 "AP style has no serial (Oxford) comma. Off in the request itself (the default "
                 "languagetool.disabled_rules); set that list to turn it back on."),
    ProfileEntry(("WHITESPACE_RULE",), "off",
                 "Repeats news.style.double-space. Off in the request itself (the default "
                 "languagetool.disabled_rules); set that list to turn it back on."),
)

# An id ending in "*" stands for every rule whose id starts with the rest (LanguageTool
# has one EN_DIACRITICS_REPLACE_ORTHOGRAPHY_<WORD> rule per word).
_LEVELS = {RULE_PREFIX + rule: entry.level for entry in NEWS_PROFILE for rule in entry.rules
           if not rule.endswith("*")}
_REASONS = {RULE_PREFIX + rule: entry.reason for entry in NEWS_PROFILE for rule in entry.rules
            if not rule.endswith("*")}
_PREFIXES = tuple((RULE_PREFIX + rule[:-1], entry) for entry in NEWS_PROFILE for rule in entry.rules
                  if rule.endswith("*"))


def _entry(rule: str) -> ProfileEntry | None:
    return next((entry for prefix, entry in _PREFIXES if rule.startswith(prefix)), None)


def default_level(rule: str, profile: str = "news") -> str | None:
    """The profile's level for ``rule`` (``lt.<ID>``), or None when the profile leaves it be."""
    if profile != "news":
        return None
    entry = _entry(rule)
    return _LEVELS.get(rule) or (entry.level if entry else None)


def reason(rule: str) -> str | None:
    entry = _entry(rule)
    return _REASONS.get(rule) or (entry.reason if entry else None)


def table_rows() -> list[tuple[str, str, str]]:
    """(rules, level, reason) for each entry, rule ids with their ``lt.`` prefix."""
    return [(", ".join(RULE_PREFIX + r for r in e.rules), e.level, e.reason) for e in NEWS_PROFILE]
