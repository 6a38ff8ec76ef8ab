"""The explicit list of built-in checks (YAML rule packs are compiled separately)."""
from __future__ import annotations

from newslint.checks.base import Check
from newslint.checks.news.attribution import AttributionCheck
from newslint.checks.news.chrome_structure import ChromeStructureCheck
from newslint.checks.news.fragment import FragmentCheck


def builtin_checks() -> tuple[Check, ...]:
    """A fresh instance of every built-in check, in a fixed order."""
    checks: list[Check] = []
    checks.append(ChromeStructureCheck())
    checks.append(AttributionCheck())
    checks.append(FragmentCheck())
    return tuple(checks)
