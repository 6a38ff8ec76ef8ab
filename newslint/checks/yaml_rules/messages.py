"""Vale-style messages: each ``%s`` takes the next value in order; ``%d`` a count; ``%%`` a percent sign."""
from __future__ import annotations

import re

_VERB = re.compile(r"%[sdv%]")


def format_message(template: str, *values: object) -> str:
    """Fill placeholders left to right; placeholders beyond the values are dropped, like Vale."""
    queue = list(values)

    def fill(m: re.Match[str]) -> str:
        if m.group() == "%%":
            return "%"
        return str(queue.pop(0)) if queue else ""

    return _VERB.sub(fill, template)


def placeholder_count(template: str) -> int:
    return sum(1 for m in _VERB.finditer(template) if m.group() != "%%")


def quoted_list(options: list[str], conjunction: str = "or") -> str:
    """Vale's list of suggestions: 'a'; 'a' or 'b'; 'a', 'b', or 'c' (each option quoted)."""
    if not options:
        return ""
    if len(options) == 1:
        return f"'{options[0]}'"
    if len(options) == 2:
        return f"'{options[0]}' {conjunction} '{options[1]}'"
    return ", ".join(f"'{o}'" for o in options[:-1]) + f", {conjunction} '{options[-1]}'"


def unquote_first(template: str) -> str:
    """For a message whose first ``%s`` takes a quoted list: a message holding exactly two
    ``'%s'`` (or two ``"%s"``) loses the quotes around the first, as in Vale, so the list's
    own quotes are not doubled."""
    for spec in ("'%s'", '"%s"'):
        if template.count(spec) == 2:
            template = template.replace(spec, "%s", 1)
    return template
