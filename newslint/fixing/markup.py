"""Keep fixes off markup: a fix applies only where the file holds the prose verbatim.

Checks match the plain text of segments; the source map turns a match into a file span.
When that span crosses markup (``per<b>cent</b>``, ``*per*cent``, ``&amp;``, a line
break the parser joined into a space), replacing it would delete or mangle the markup,
so such a finding keeps its message but loses its fix. A span entirely outside prose
(a rule that matches the raw file) is left as its rule made it.
"""
from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Iterable

from newslint.documents import format_for_path, parse_document
from newslint.documents.model import Document
from newslint.findings import Finding
from newslint.report import FileResult

if TYPE_CHECKING:
    from newslint.engine import Linter


def lint_with_safe_fixes(linter: "Linter", text: str, path: str, fmt: str | None = None) -> FileResult:
    """``linter.lint_text`` whose findings carry only fixes that cannot touch markup."""
    result = linter.lint_text(text, path, fmt=fmt)
    if any(f.fix is not None for f in result.findings):
        doc = parse_document(text, path, fmt or format_for_path(path) or "text")
        result.findings = without_fixes_across_markup(result.findings, doc)
    return result


def without_fixes_across_markup(findings: Iterable[Finding], doc: Document) -> list[Finding]:
    runs = _Runs(doc)
    return [f if f.fix is None or runs.fix_is_safe(f.offset, f.end_offset) else replace(f, fix=None)
            for f in findings]


class _Runs:
    """The file spans of every segment's source-map runs."""

    def __init__(self, doc: Document):
        self.verbatim: list[tuple[int, int]] = []
        self.all: list[tuple[int, int]] = []
        for segment in doc.segments:
            for run in segment.source_map.runs:
                span = (run.file_start, run.file_start + run.file_len)
                self.all.append(span)
                if run.text_len == run.file_len:
                    self.verbatim.append(span)

    def fix_is_safe(self, start: int, end: int) -> bool:
        if any(s <= start and end <= e for s, e in self.verbatim):
            return True
        return not any(self._overlaps(start, end, s, e) for s, e in self.all)

    @staticmethod
    def _overlaps(start: int, end: int, s: int, e: int) -> bool:
        if start == end:                       # an insertion: only strictly inside counts
            return s < start < e
        return max(start, s) < min(end, e)
