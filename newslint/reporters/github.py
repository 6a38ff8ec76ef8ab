"""GitHub Actions workflow commands: findings become annotations on the pull request.

    ::warning file=a.md,line=7,col=3,endLine=7,endColumn=41,title=news.chrome.see-also::message

Severities map to ``error``, ``warning`` and ``notice``. Escaping follows GitHub's rules
for workflow commands: in the message ``%``, ``\\r`` and ``\\n`` are percent-encoded; in
property values ``:`` and ``,`` are as well.
"""
from __future__ import annotations

from typing import Iterable, TextIO

from newslint.findings import Finding, Severity
from newslint.reporters.text import also_note
from newslint.results import Report, Totals

_COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.SUGGESTION: "notice"}


def render(report: Report, stream: TextIO, *, color: bool = False, quiet: bool = False) -> None:
    writer = Writer(stream)
    writer.findings(sorted(report.findings))
    writer.end(Totals.of(report))


class Writer:
    """One annotation per finding as findings come (already in order); errors and notes
    at the end."""

    def __init__(self, stream: TextIO, *, color: bool = False, quiet: bool = False):
        self._stream = stream

    def findings(self, findings: Iterable[Finding]) -> None:
        write = self._stream.write
        for f in findings:
            props = {"file": f.path, "line": f.line, "col": f.column,
                     "endLine": f.end_line, "endColumn": f.end_column, "title": f.rule}
            write(command(_COMMANDS[f.severity], props, f.message + also_note(f)))

    def end(self, totals: Totals) -> None:
        stream = self._stream
        for e in totals.errors:
            stream.write(command("error", {"file": e.path} if e.path else {}, e.message))
        for notice in totals.notices:
            stream.write(command("notice", {"title": "newslint"}, notice.message))


def command(name: str, properties: dict[str, object], message: str) -> str:
    """One workflow command line, escaped."""
    props = ",".join(f"{key}={escape_property(str(value))}" for key, value in properties.items())
    return f"::{name}{' ' + props if props else ''}::{escape_data(message)}\n"


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")
