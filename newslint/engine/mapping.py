"""A hit becomes a finding: segment offsets mapped to file line and column (once), and
the fix policy (a fix only where the file holds the flagged text verbatim)."""
from __future__ import annotations

from newslint.documents.model import Document
from newslint.findings import Finding, Fix, Severity, Source
from newslint.hits import Hit
from newslint.ruleinfo import FixSafety, RuleInfo


def to_finding(doc: Document, hit: Hit, info: RuleInfo, severity: Severity) -> Finding:
    if hit.segment is None:
        start, end = hit.start, hit.end
    else:
        start, end = doc.segment(hit.segment).source_map.span(hit.start, hit.end)
    line, column = doc.position(start)
    end_line, end_column = doc.position(end)
    fix = None
    # A fix applies only where the flagged file text is the matched text itself, so a
    # replacement never swallows markup or an entity that sat inside the match.
    verbatim = hit.segment is None or doc.text[start:end] == doc.segment(hit.segment).text[hit.start:hit.end]
    # Front matter and raw HTML (segments only YAML rules read) are reported, never fixed:
    # an edit there could break the YAML or the markup, and the article body is the copy.
    in_body = hit.segment is None or hit.segment < len(doc.segments)
    if hit.replacement is not None and verbatim and in_body:
        if info.fix_safety is not FixSafety.NONE:
            fix = Fix(hit.replacement, info.fix_safety is FixSafety.SAFE, doc.text[start:end])
        elif info.source is Source.LANGUAGETOOL:
            fix = Fix(hit.replacement, False, doc.text[start:end])
    return Finding(
        path=doc.path, line=line, column=column, end_line=end_line, end_column=end_column,
        rule=hit.rule, category=hit.category or info.category, severity=severity,
        source=info.source, message=hit.message, fix=fix, offset=start, end_offset=end)
