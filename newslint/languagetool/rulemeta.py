"""How LanguageTool matches become newslint categories, severities and rule metadata.

Category mapping (LanguageTool category id -> newslint category):

- TYPOS, MULTITOKEN_SPELLING ("Donald Trummp") -> spelling
- GRAMMAR, CONFUSED_WORDS, CASING, COMPOUNDING, NONSTANDARD_PHRASES, REPETITIONS -> grammar
  (wrong word forms, confusables, capitalisation, "could of", "the the")
- PUNCTUATION -> punctuation
- TYPOGRAPHY -> typography
- STYLE, REDUNDANCY, PLAIN_ENGLISH, COLLOCATIONS, REPETITIONS_STYLE, CREATIVE_WRITING,
  WIKIPEDIA, GENDER_NEUTRALITY, TEXT_ANALYSIS, AMERICAN_ENGLISH_STYLE, BRITISH_ENGLISH,
  MISUSED_TERMS_EU_PUBLICATIONS -> style
- newslint's own NEWSLINT_FRAGMENT_* rules -> fragment
- MISC, SEMANTICS, FALSE_FRIENDS and anything unknown -> other

Severity: spelling, grammar and punctuation are warnings; everything else (style,
typography, fragments, other) is a suggestion. Config levels may change either.
"""
from __future__ import annotations

from newslint.checks.base import FixSafety, Hit, RuleDoc, RuleInfo
from newslint.findings import Category, Finding, Severity, Source

RULE_PREFIX = "lt."
FRAGMENT_RULE_PREFIX = "NEWSLINT_FRAGMENT_"

_CATEGORIES: dict[str, Category] = {
    "TYPOS": Category.SPELLING,
    "MULTITOKEN_SPELLING": Category.SPELLING,
    "PUNCTUATION": Category.PUNCTUATION,
    "TYPOGRAPHY": Category.TYPOGRAPHY,
    **dict.fromkeys(("GRAMMAR", "CONFUSED_WORDS", "CASING", "COMPOUNDING", "NONSTANDARD_PHRASES",
                     "REPETITIONS"), Category.GRAMMAR),
    **dict.fromkeys(("STYLE", "REDUNDANCY", "PLAIN_ENGLISH", "COLLOCATIONS", "REPETITIONS_STYLE",
                     "CREATIVE_WRITING", "WIKIPEDIA", "GENDER_NEUTRALITY", "TEXT_ANALYSIS",
                     "AMERICAN_ENGLISH_STYLE", "BRITISH_ENGLISH", "MISUSED_TERMS_EU_PUBLICATIONS"),
                    Category.STYLE),
}

_WARNING_CATEGORIES = frozenset({Category.SPELLING, Category.GRAMMAR, Category.PUNCTUATION})


def category_for(lt_rule_id: str, lt_category_id: str) -> Category:
    if lt_rule_id.startswith(FRAGMENT_RULE_PREFIX):
        return Category.FRAGMENT
    return _CATEGORIES.get(lt_category_id, Category.OTHER)


def severity_for(category: Category) -> Severity:
    return Severity.WARNING if category in _WARNING_CATEGORIES else Severity.SUGGESTION


def rule_id(lt_rule_id: str) -> str:
    return RULE_PREFIX + lt_rule_id


def lt_rule_id(newslint_rule: str) -> str:
    """``lt.MORFOLOGIK_RULE_EN_US`` or ``MORFOLOGIK_RULE_EN_US`` -> ``MORFOLOGIK_RULE_EN_US``."""
    return newslint_rule[len(RULE_PREFIX):] if newslint_rule.startswith(RULE_PREFIX) else newslint_rule


def _describe(rule: str, category: Category | None, severity: Severity | None, message: str) -> RuleInfo:
    category = category or Category.OTHER
    lt_id = lt_rule_id(rule)
    return RuleInfo(
        id=rule,
        category=category,
        severity=severity or severity_for(category),
        source=Source.LANGUAGETOOL,
        doc=RuleDoc(
            what=f"LanguageTool rule {lt_id}: {message}" if message else f"LanguageTool rule {lt_id}",
            fix="LanguageTool's first suggestion is offered as an unsafe fix; review it before applying.",
            link=f"https://community.languagetool.org/rule/show/{lt_id}?lang=en",
        ),
        fix_safety=FixSafety.UNSAFE,
    )


def rule_info(hit: Hit) -> RuleInfo:
    """Metadata for an ``lt.*`` hit (LanguageTool rules are not known before they match)."""
    return _describe(hit.rule, hit.category, hit.severity, hit.message)


def rule_info_for_finding(finding: Finding) -> RuleInfo:
    return _describe(finding.rule, finding.category, None, finding.message)
