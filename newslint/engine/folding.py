"""One problem, one finding: findings on one span folded into the most severe, then the most specific."""
from __future__ import annotations

import dataclasses

from newslint.findings import Category, Finding, Source


# Which of several equally severe findings on one span is the more specific, best first: built-in news
# checks (they read the story's structure), then YAML rules, then LanguageTool; then the
# higher severity; then a finding with a category over one of "other"; then the rule id.
_SOURCE_RANK = {Source.NEWS: 0, Source.RULES: 1, Source.LANGUAGETOOL: 2}


def _specificity(f: Finding) -> tuple:
    return (_SOURCE_RANK[f.source], -f.severity, f.category is Category.OTHER, f.rule)


def _rank(f: Finding) -> tuple:
    """Which finding on one span is kept: the most severe (a suggestion never hides a
    warning), then the most specific."""
    return (-f.severity, *_specificity(f))


def _house_style(f: Finding) -> bool:
    return f.source is Source.RULES and f.category in (Category.STYLE, Category.OTHER)


def without_duplicates(findings: list[Finding]) -> list[Finding]:
    """One problem, one finding. Findings on the same span become one: the most severe,
    then the most specific (see ``_rank``), is kept and lists the others' rule ids in
    ``also``. A LanguageTool finding that overlaps a finding of another source in the same
    category (the same problem, found twice) is folded in the same way. Two house-style
    rules (YAML rules of category style or other) on one span each keep their finding, as
    Vale reports each alert: two opinions, not one problem; a house-style rule on a span
    another kind of finding holds is folded into it. Any other finding inside the span of a
    chrome finding is folded into that one: the text is page chrome to delete, not copy to
    correct."""
    by_span: dict[tuple, list[Finding]] = {}
    for f in findings:
        by_span.setdefault((f.offset, f.end_offset), []).append(f)
    kept: dict[int, Finding] = {}
    folded: dict[int, list[str]] = {}
    for group in by_span.values():
        best = min(group, key=_rank)
        kept[id(best)] = best
        folded[id(best)] = []
        for f in group:
            if f is best:
                continue
            if _house_style(f) and _house_style(best) and f.rule != best.rule \
                    and all(k.rule != f.rule for k in group if id(k) in kept):
                kept[id(f)] = f
                folded[id(f)] = []
            else:
                folded[id(best)].append(f.rule)
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
    _fold_into_chrome(kept, folded)
    out = []
    for f in findings:
        if id(f) in kept:
            also = tuple(sorted(set(folded[id(f)]) - {f.rule}))
            out.append(dataclasses.replace(f, also=also) if also else f)
    return out


def _fold_into_chrome(kept: dict[int, Finding], folded: dict[int, list[str]]) -> None:
    # Outermost first: the first chrome finding around a span is never inside another one.
    chrome = sorted((f for f in kept.values() if f.category is Category.CHROME),
                    key=lambda f: (f.offset, -f.end_offset))
    if not chrome:
        return
    for f in list(kept.values()):
        owner = next((c for c in chrome if c.offset <= f.offset and f.end_offset <= c.end_offset
                      and (c.offset, c.end_offset) != (f.offset, f.end_offset)), None)
        if owner is not None:
            del kept[id(f)]
            folded[id(owner)].extend([f.rule, *folded.pop(id(f))])
