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

from typing import TYPE_CHECKING

from newslint.findings import Category, Finding, Severity, Source
from newslint.hits import Hit
from newslint.ruleinfo import FixSafety, RuleInfo

if TYPE_CHECKING:
    from newslint.languagetool.catalog import LanguageToolRule, RuleCatalog

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


def _describe(rule: str, category: Category | None, severity: Severity | None,
              described: "LanguageToolRule | None" = None) -> RuleInfo:
    """A LanguageTool rule's metadata; its doc comes from LanguageTool's own description
    and category when the catalog is at hand (never from one match's message)."""
    lt_id = lt_rule_id(rule)
    if described is not None and category is None:
        category = category_for(lt_id, described.category_id)
    category = category or Category.OTHER
    if described is not None and described.description:
        what = described.description.strip().rstrip(".") + "."
        what = what[:1].upper() + what[1:]
        why = f"LanguageTool's rule {lt_id}, in its category {described.category_name or described.category_id}."
    else:
        what, why = f"LanguageTool rule {lt_id}.", ""
    return RuleInfo.documented(
        rule, category, severity or severity_for(category), Source.LANGUAGETOOL,
        what=what,
        why=why,
        fix="LanguageTool's first suggestion is offered as an unsafe fix; review it before applying.",
        # newslint's own rules loaded into the daemon are not on LanguageTool's site.
        link="" if lt_id.startswith(FRAGMENT_RULE_PREFIX) else
        f"https://community.languagetool.org/rule/show/{lt_id}?lang=en",
        fix_safety=FixSafety.UNSAFE,
    )


def rule_info(hit: Hit) -> RuleInfo:
    """Metadata for an ``lt.*`` hit (LanguageTool rules are not known before they match)."""
    return _describe(hit.rule, hit.category, hit.severity)


def rule_info_for_finding(finding: Finding, catalog: "RuleCatalog | None" = None) -> RuleInfo:
    described = catalog.get(lt_rule_id(finding.rule)) if catalog is not None else None
    return _describe(finding.rule, finding.category, None, described)


def rule_info_from_catalog(rule: str, catalog: "RuleCatalog") -> RuleInfo | None:
    """``newslint explain lt.ID``: the rule as LanguageTool describes it; None if it has no such rule."""
    described = catalog.get(lt_rule_id(rule))
    return None if described is None else _describe(rule, None, None, described)
