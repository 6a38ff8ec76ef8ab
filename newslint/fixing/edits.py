"""Which fixes to apply and how: pure functions on the decoded file text.

A fix replaces ``finding.offset .. finding.end_offset`` of the file text. Fixes whose
spans overlap, or that start at the same offset (two insertions at one point have no
agreed order), cannot all apply in one pass: the first in file order wins and the
others wait for the next round, when the file has been linted again.
"""
from __future__ import annotations

from typing import Iterable, Sequence

from newslint.findings import Finding


def choose_fixes(findings: Iterable[Finding], text: str, unsafe: bool = False) -> list[Finding]:
    """The findings whose fixes apply together to ``text``, in file order.

    Skips findings without a fix, unsafe fixes unless ``unsafe``, fixes that would not
    change the text, spans outside the text or not holding the text the check flagged,
    and fixes that collide with one taken earlier.
    """
    candidates = sorted(
        (f for f in findings if _applicable(f, text, unsafe)),
        key=lambda f: (f.offset, f.end_offset, f.rule),
    )
    chosen: list[Finding] = []
    for finding in candidates:
        if chosen and _collide(chosen[-1], finding):
            continue
        chosen.append(finding)
    return chosen


def apply_fixes(text: str, fixes: Sequence[Finding]) -> str:
    """``text`` with each fix applied; ``fixes`` must come from :func:`choose_fixes`.

    Works from the end of the text backwards, so earlier offsets stay valid, and leaves
    every character outside the fixed spans as it was (line endings included).
    """
    out = text
    for finding in sorted(fixes, key=lambda f: f.offset, reverse=True):
        assert finding.fix is not None
        out = out[:finding.offset] + finding.fix.replacement + out[finding.end_offset:]
    return out


def _applicable(finding: Finding, text: str, unsafe: bool) -> bool:
    fix = finding.fix
    if fix is None or not (fix.safe or unsafe):
        return False
    if not 0 <= finding.offset <= finding.end_offset <= len(text):
        return False
    current = text[finding.offset:finding.end_offset]
    if fix.original is not None and current != fix.original:
        return False        # the text there is not the text the check flagged
    return current != fix.replacement


def _collide(earlier: Finding, later: Finding) -> bool:
    """``later`` starts at or after ``earlier`` (sorted); do the two edits interfere?"""
    return later.offset < earlier.end_offset or later.offset == earlier.offset
