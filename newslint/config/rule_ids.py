"""Rule ids and globs in config (``rules``, ``overrides``) and on the command line
(``--select``, ``--ignore``) must name a rule: a typo would otherwise turn nothing off,
or check nothing, in silence.

An id or glob is known when it matches a rule of the loaded packs and built-in checks,
or names LanguageTool's family (``lt.`` followed by anything: LanguageTool's rules are
many and depend on its version and language, so they are valid by family).
"""
from __future__ import annotations

import difflib
import fnmatch
from typing import Iterable

LANGUAGETOOL_PREFIX = "lt."


def unknown_rule_glob(glob: str, known: Iterable[str]) -> str | None:
    """None when ``glob`` names a known rule; else the message that says why, with a did-you-mean."""
    if glob.startswith(LANGUAGETOOL_PREFIX):
        return None
    ids = sorted(set(known))
    if any(fnmatch.fnmatchcase(rule_id, glob) for rule_id in ids):
        return None
    what = "no rule matches" if any(c in glob for c in "*?[") else "unknown rule id"
    return f"{what} {glob!r}{_did_you_mean(glob, ids)}"


def _did_you_mean(glob: str, ids: list[str]) -> str:
    # Candidates: every id and every family glob above it ("news.chrome.*", "news.*").
    families = {".".join(parts[:n]) + ".*" for parts in (i.split(".") for i in ids) for n in range(1, len(parts))}
    close = difflib.get_close_matches(glob, [*ids, *sorted(families)], n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else " (newslint rules lists them)"
