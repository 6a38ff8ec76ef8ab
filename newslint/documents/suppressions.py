"""Inline suppressions: HTML comments that turn rules off for some lines.

::

    <!-- newslint-disable news.chrome.* lt.MORFOLOGIK_RULE_EN_US -->   off from here ...
    <!-- newslint-enable news.chrome.* -->                             ... to here
    <!-- newslint-disable-next-line news.attribution -->               off on the next non-blank line
    <!-- newslint-disable-file -->                                     off in the whole file

Vale's switches mean the same (a Vale project's files keep working)::

    <!-- vale off --> ... <!-- vale on -->                              every rule
    <!-- vale Google.Headings = NO --> ... <!-- vale Google.Headings = YES -->
    <!-- vale Google = NO -->                                           a whole style

Rule lists are separated by spaces or commas, may use globs, and when empty mean every
rule. A ``disable`` with no matching ``enable`` runs to the end of the file. An
``enable`` closes the open ``disable`` regions it names (an ``enable`` without rules
closes all of them); rules it names are taken out of a region that names more.
"""
from __future__ import annotations

import bisect
import fnmatch
import re
from typing import Iterable, Sequence

from newslint.documents.model import LineIndex, Suppression

_COMMENT = re.compile(
    r"<!--[ \t\r\n]*newslint-(disable-next-line|disable-file|disable|enable)(?=[\s,]|-->)(.*?)-->",
    re.DOTALL,
)
_VALE = re.compile(
    r"<!--[ \t\r\n]*vale[ \t]+(?:(off|on)|([A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)?)[ \t]*=[ \t]*(NO|YES))[ \t\r\n]*-->")
_SEPARATORS = re.compile(r"[\s,]+")


def _directives(text: str):
    """(offset, end, directive, rules) of each newslint or Vale comment, in file order."""
    found = []
    for m in _COMMENT.finditer(text):
        rules = tuple(r for r in _SEPARATORS.split(m.group(2).strip()) if r)
        found.append((m.start(), m.end(), m.group(1), rules))
    for m in _VALE.finditer(text):
        if m.group(1):
            found.append((m.start(), m.end(), "disable" if m.group(1) == "off" else "enable", ()))
        else:
            name = m.group(2)
            rules = (name if "." in name else name + ".*",)
            found.append((m.start(), m.end(), "disable" if m.group(3) == "NO" else "enable", rules))
    return sorted(found)


def find_suppressions(text: str, lines: LineIndex,
                      skip: Sequence[tuple[int, int]] = ()) -> tuple[Suppression, ...]:
    """Suppressions from the comments in ``text``, ignoring comments that start inside
    one of the ``skip`` file ranges (code blocks, code spans, scripts)."""
    skipper = _Ranges(skip)
    found: list[Suppression] = []
    open_regions: list[tuple[tuple[str, ...], int]] = []  # (rules, first line)
    for start, end, directive, rules in _directives(text):
        if skipper.contains(start):
            continue
        line, _ = lines.position(start)
        if directive == "disable-file":
            found.append(Suppression(rules, 1, None))
        elif directive == "disable-next-line":
            target = _next_non_blank_line(text, lines, lines.position(end)[0] + 1)
            if target is not None:
                found.append(Suppression(rules, target, target))
        elif directive == "disable":
            open_regions.append((rules, line))
        else:
            open_regions = _close(open_regions, rules, line, found)
    found.extend(Suppression(rules, first, None) for rules, first in open_regions)
    return tuple(sorted(found, key=lambda s: (s.first_line, s.rules)))


def is_suppressed(suppressions: Iterable[Suppression], rule_id: str, line: int) -> bool:
    """Whether ``rule_id`` is turned off on ``line`` by any of ``suppressions``."""
    for s in suppressions:
        if line < s.first_line or (s.last_line is not None and line > s.last_line):
            continue
        if not s.rules or any(fnmatch.fnmatchcase(rule_id, pattern) for pattern in s.rules):
            return True
    return False


def _close(open_regions: list[tuple[tuple[str, ...], int]], rules: tuple[str, ...], line: int,
           found: list[Suppression]) -> list[tuple[tuple[str, ...], int]]:
    """End the regions an ``enable`` names at ``line``; return the regions still open."""
    still_open = []
    for region_rules, first in open_regions:
        if not rules:
            found.append(Suppression(region_rules, first, line))
            continue
        if not region_rules:  # "all rules" cannot lose single rules: stays open
            still_open.append((region_rules, first))
            continue
        kept = tuple(r for r in region_rules if r not in rules)
        if kept == region_rules:
            still_open.append((region_rules, first))
            continue
        found.append(Suppression(region_rules, first, line))
        if kept:
            still_open.append((kept, line + 1))
    return still_open


def _next_non_blank_line(text: str, lines: LineIndex, line: int) -> int | None:
    while line <= lines.line_count:
        start = lines.line_start(line)
        end = lines.line_start(line + 1) if line < lines.line_count else len(text)
        if text[start:end].strip():
            return line
        line += 1
    return None


class _Ranges:
    """Sorted, possibly overlapping file ranges, for "is this offset inside one?"."""

    def __init__(self, ranges: Sequence[tuple[int, int]]):
        merged: list[tuple[int, int]] = []
        for start, end in sorted(ranges):
            if merged and start <= merged[-1][1]:
                merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
            else:
                merged.append((start, end))
        self._starts = [s for s, _ in merged]
        self._ranges = merged

    def contains(self, offset: int) -> bool:
        i = bisect.bisect_right(self._starts, offset) - 1
        return i >= 0 and self._ranges[i][0] <= offset < self._ranges[i][1]
