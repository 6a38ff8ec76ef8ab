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


def to_sentence(options: list[str], quote: str = "") -> str:
    """["a", "b", "c"] -> "a, b or c". With ``quote`` (the message's quote around %s) each
    option gets its own quotes: "a', 'b' or 'c" inside '%s'."""
    if len(options) <= 1:
        return options[0] if options else ""
    close = {"‘": "’", "“": "”"}.get(quote, quote)
    head = f"{close}, {quote}".join(options[:-1])
    return f"{head}{close} or {quote}{options[-1]}"
