"""One problem, one finding: findings on one span folded into the most specific."""
from __future__ import annotations

import dataclasses

from newslint.findings import Category, Finding, Source


# Which of several findings on one span is the more specific, best first: built-in news
# checks (they read the story's structure), then YAML rules, then LanguageTool; then the
# higher severity; then a finding with a category over one of "other"; then the rule id.
_SOURCE_RANK = {Source.NEWS: 0, Source.RULES: 1, Source.LANGUAGETOOL: 2}


def _specificity(f: Finding) -> tuple:
    return (_SOURCE_RANK[f.source], -f.severity, f.category is Category.OTHER, f.rule)


def without_duplicates(findings: list[Finding]) -> list[Finding]:
    """One problem, one finding. Findings on the same span become one: the most specific
    (see ``_specificity``) is kept and lists the others' rule ids in ``also``. A
    LanguageTool finding that overlaps a finding of another source in the same category
    (the same problem, found twice) is folded in the same way. House-style rules (YAML rules
    of category style or other) each keep their finding, as Vale reports each alert: two
    style rules on one span are two opinions, not one problem."""
    by_span: dict[tuple, list[Finding]] = {}
    for f in findings:
        own = f.source is Source.RULES and f.category in (Category.STYLE, Category.OTHER)
        by_span.setdefault((f.offset, f.end_offset, f.rule if own else None), []).append(f)
    kept: dict[int, Finding] = {}
    folded: dict[int, list[str]] = {}
    for group in by_span.values():
        best = min(group, key=_specificity)
        kept[id(best)] = best
        folded[id(best)] = [f.rule for f in group if f is not best]
    ours = [f for f in kept.values() if f.source is not Source.LANGUAGETOOL]
    if ours:
        for f in list(kept.values()):
            if f.source is not Source.LANGUAGETOOL:
                continue
            owner = next((o for o in ours if o.category == f.category
                          and o.offset < f.end_offset and f.offset < o.end_offset), None)
            if owner is not None:
                del kept[id(f)]
                folded[id(owner)].extend([f.rule, *folded.pop(id(f))])
    out = []
    for f in findings:
        if id(f) in kept:
            also = tuple(sorted(set(folded[id(f)]) - {f.rule}))
            out.append(dataclasses.replace(f, also=also) if also else f)
    return out
