"""The unified diff that ``newslint check --fix --dry-run`` prints instead of writing."""
from __future__ import annotations

import difflib
import re

_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$")
_NO_NEWLINE = "\\ No newline at end of file\n"


def unified_diff(path: str, before: str, after: str, context: int = 3) -> str:
    """A ``diff -u`` style patch from ``before`` to ``after`` ("" when they are equal).

    Lines end at ``\\n``, ``\\r\\n`` or ``\\r``, as the linter counts them; each line keeps
    its own ending, so a patch applies to a CRLF file unchanged.
    """
    if before == after:
        return ""
    out: list[str] = []
    for line in difflib.unified_diff(_lines(before), _lines(after), f"a/{path}", f"b/{path}",
                                     n=context):
        if line.endswith(("\n", "\r")):
            out.append(line)
        else:                       # the last line of a file with no final line break
            out.append(line + "\n" + _NO_NEWLINE)
    return "".join(out)


def _lines(text: str) -> list[str]:
    return _LINE.findall(text)
