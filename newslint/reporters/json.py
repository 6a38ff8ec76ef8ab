"""The JSON contract of DESIGN.md, for scripts and editors.

    {"version": 1, "findings": [...], "errors": [...], "notices": [...]}

``findings`` and ``errors`` are ``Finding.to_json`` and ``FileError.to_json``, sorted by
path and position. ``notices`` is an addition to the contract: things the run wants
the user to know once, as ``{"code": ..., "message": ...}`` (say, that LanguageTool was
not reachable, so an editor can tell "no grammar findings" from "grammar not checked").
Output is UTF-8 text (no ``\\u`` escapes), keys in the contract's order, one trailing
newline: the text ``json.dump(document, indent=2, ensure_ascii=False)`` writes.

:class:`Writer` writes the findings array as findings come (sorted, file by file) and
the rest at the end; :func:`render` writes a whole report through it.
"""
from __future__ import annotations

from typing import Iterable, TextIO

from newslint.findings import Finding
from newslint.reporters.jsontext import dumps_at
from newslint.results import Report, Totals

FORMAT_VERSION = 1


def render(report: Report, stream: TextIO, *, color: bool = False, quiet: bool = False) -> None:
    writer = Writer(stream)
    writer.findings(sorted(report.findings))
    writer.end(Totals.of(report))


class Writer:
    """The JSON document, findings first as they come (already in order), then the rest."""

    def __init__(self, stream: TextIO, *, color: bool = False, quiet: bool = False):
        self._write = stream.write
        self._write('{\n  "version": ' + str(FORMAT_VERSION) + ',\n  "findings": [')
        self._separator = "\n    "

    def findings(self, findings: Iterable[Finding]) -> None:
        write = self._write
        for f in findings:
            write(self._separator + dumps_at(f.to_json(), 2))
            self._separator = ",\n    "

    def end(self, totals: Totals) -> None:
        closing = "]" if self._separator == "\n    " else "\n  ]"
        errors = dumps_at([e.to_json() for e in totals.errors], 1)
        notices = dumps_at([{"code": n.code, "message": n.message} for n in totals.notices], 1)
        self._write(f'{closing},\n  "errors": {errors},\n  "notices": {notices}\n}}\n')
