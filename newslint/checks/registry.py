"""The explicit list of built-in checks (YAML rule packs are compiled separately)."""
from __future__ import annotations

from typing import Sequence

from newslint.checks.base import Check
from newslint.checks.news.attribution import AttributionCheck
from newslint.checks.news.broken_characters import BrokenCharactersCheck
from newslint.checks.news.chrome_structure import ChromeStructureCheck
from newslint.checks.news.fragment import FragmentCheck
from newslint.checks.news.names import NamesCheck


def builtin_checks(desk_names: Sequence[str] = ()) -> tuple[Check, ...]:
    """A fresh instance of every built-in check, in a fixed order. ``desk_names``: the
    desk's accepted names (config ``vocab.names``)."""
    checks: list[Check] = []
    checks.append(ChromeStructureCheck())
    checks.append(AttributionCheck())
    checks.append(FragmentCheck())
    checks.append(BrokenCharactersCheck())
    checks.append(NamesCheck(desk_names))
    return tuple(checks)
