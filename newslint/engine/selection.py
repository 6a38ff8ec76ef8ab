"""Which rules are on: levels from the config, --select/--ignore globs, --min-level."""
from __future__ import annotations

import fnmatch
from typing import Sequence

from newslint.config.model import level_of
from newslint.findings import Severity
from newslint.ruleinfo import RuleInfo

Levels = tuple[tuple[str, str], ...]


def selected(rule_id: str, select: Sequence[str], ignore: Sequence[str]) -> bool:
    """Whether ``rule_id`` matches a ``select`` glob (or none are given) and no ``ignore`` glob."""
    if select and not any(fnmatch.fnmatchcase(rule_id, p) for p in select):
        return False
    return not any(fnmatch.fnmatchcase(rule_id, p) for p in ignore)


def explicit(rule_id: str, levels: Levels) -> bool:
    """Whether the config sets ``rule_id``'s level itself (by id or glob)."""
    return any(pattern == rule_id or fnmatch.fnmatchcase(rule_id, pattern) for pattern, _ in levels)


def severities(rules: dict[str, RuleInfo], levels: Levels, select: Sequence[str], ignore: Sequence[str],
               min_level: Severity = Severity.SUGGESTION) -> dict[str, Severity]:
    """The severity of every rule of ``rules`` that is on."""
    found: dict[str, Severity] = {}
    for rule_id, info in rules.items():
        level = level_of(rule_id, levels, str(info.severity))
        if level != "off" and selected(rule_id, select, ignore):
            found[rule_id] = Severity.parse(level)
    if min_level > Severity.SUGGESTION:
        found = {r: s for r, s in found.items() if s >= min_level}
    return found
