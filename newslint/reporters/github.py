"""GitHub Actions workflow commands: findings become annotations on the pull request.

    ::warning file=a.md,line=7,col=3,endLine=7,endColumn=41,title=news.chrome.see-also::message

Severities map to ``error``, ``warning`` and ``notice``. Escaping follows GitHub's rules
for workflow commands: in the message ``%``, ``\\r`` and ``\\n`` are percent-encoded; in
property values ``:`` and ``,`` are as well.
"""
from __future__ import annotations

from typing import TextIO

from newslint.findings import Severity
from newslint.report import Report

_COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.SUGGESTION: "notice"}


def render(report: Report, stream: TextIO, *, color: bool = False, quiet: bool = False) -> None:
    for f in sorted(report.findings):
        props = {"file": f.path, "line": f.line, "col": f.column,
                 "endLine": f.end_line, "endColumn": f.end_column, "title": f.rule}
        stream.write(command(_COMMANDS[f.severity], props, f.message))
    for e in sorted(report.errors):
        stream.write(command("error", {"file": e.path} if e.path else {}, e.message))
    for notice in report.notices:
        stream.write(command("notice", {"title": "newslint"}, notice.message))


def command(name: str, properties: dict[str, object], message: str) -> str:
    """One workflow command line, escaped."""
    props = ",".join(f"{key}={escape_property(str(value))}" for key, value in properties.items())
    return f"::{name}{' ' + props if props else ''}::{escape_data(message)}\n"


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")
