"""SARIF 2.1.0, the format GitHub code scanning and many editors read.

One run: ``tool.driver`` describes newslint and every rule in the report (from its
:class:`RuleInfo`; a finding whose rule has no metadata gets a bare descriptor), each
finding is a result pointing at its rule by id and index, and files that could not be
checked become ``toolExecutionNotifications`` of a run that was not successful.

Positions: lines and columns are 1-based and counted in Unicode code points
(``columnKind: unicodeCodePoints``); ``endColumn`` is the column just past the span, as
SARIF wants. Artifact URIs are the paths as given, with ``/`` separators and
percent-encoding; absolute paths become ``file://`` URIs.
"""
from __future__ import annotations

import json
import os
import tempfile
from pathlib import PurePath
from typing import Iterable, TextIO
from urllib.parse import quote

from newslint.findings import FileError, Finding, Severity
from newslint.reporters.jsontext import Mark, dumps_at, fill
from newslint.results import Report, Totals
from newslint.ruleinfo import RuleInfo

SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
SARIF_VERSION = "2.1.0"
SPOOL_IN_MEMORY = 4 << 20     # characters of results kept in memory before the spool moves to disk
_RESULT_INDENT = "  " * 4
_LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.SUGGESTION: "note"}


def render(report: Report, stream: TextIO, *, color: bool = False, quiet: bool = False) -> None:
    json.dump(build(report), stream, ensure_ascii=False, indent=2)
    stream.write("\n")


class Writer:
    """The SARIF log of :func:`render`, from findings that come file by file (in order).

    The rules table and the invocation come before the results in the log but are known
    only at the end, and each result carries its rule's index in that table. So results
    are written, each with a mark for its rule index, to a spool (a temporary file once
    it outgrows :data:`SPOOL_IN_MEMORY`), and copied after the table with the marks
    filled in: the writer keeps only the rule ids it has seen.
    """

    def __init__(self, stream: TextIO, *, color: bool = False, quiet: bool = False):
        self._stream = stream
        self._spool = tempfile.SpooledTemporaryFile(SPOOL_IN_MEMORY, mode="w+", encoding="utf-8", newline="")
        self._codes: dict[str, int] = {}
        self._separator = "[\n" + _RESULT_INDENT

    def findings(self, findings: Iterable[Finding]) -> None:
        write, codes = self._spool.write, self._codes
        for f in findings:
            code = codes.get(f.rule)
            if code is None:
                code = codes[f.rule] = len(codes)
            write(self._separator + dumps_at(_result(f, Mark(code)), 4))
            self._separator = ",\n" + _RESULT_INDENT

    def end(self, totals: Totals) -> None:
        rules = totals.rules
        rule_ids = sorted(set(rules) | set(self._codes))
        index = {rule_id: i for i, rule_id in enumerate(rule_ids)}
        report = Report(errors=totals.errors, notices=totals.notices, rules=rules)
        text = dumps_at(_log(report, rule_ids, []), 0)
        cut = text.rindex('"results": []') + len('"results": ')
        write = self._stream.write
        write(text[:cut])
        if not self._codes:
            write("[]")
        else:
            spool = self._spool
            spool.seek(0)
            values = {str(code): str(index[rule_id]) for rule_id, code in self._codes.items()}
            fill(iter(lambda: spool.read(1 << 20), ""), values, write)
            write("\n" + "  " * 3 + "]")
        self._spool.close()
        write(text[cut + 2:] + "\n")


def build(report: Report) -> dict:
    """The SARIF log for ``report`` as plain data."""
    findings = sorted(report.findings)
    rule_ids = sorted(set(report.rules) | {f.rule for f in findings})
    index = {rule_id: i for i, rule_id in enumerate(rule_ids)}
    return _log(report, rule_ids, [_result(f, index[f.rule]) for f in findings])


def _log(report: Report, rule_ids: list[str], results: list[dict]) -> dict:
    """The log of one run: the rules table (in ``rule_ids`` order), the invocation, ``results``."""
    run = {
        "tool": {"driver": _driver([_rule(rule_id, report.rules.get(rule_id)) for rule_id in rule_ids])},
        "invocations": [_invocation(report)],
        "columnKind": "unicodeCodePoints",
        "results": results,
    }
    return {"$schema": SCHEMA_URI, "version": SARIF_VERSION, "runs": [run]}


def _driver(rules: list[dict]) -> dict:
    driver = {"name": "newslint", "version": _version()}
    home = _home_page()
    if home:
        driver["informationUri"] = home
    driver["rules"] = rules
    return driver


def _rule(rule_id: str, info: RuleInfo | None) -> dict:
    if info is None:
        return {"id": rule_id}
    doc = info.doc
    full = " ".join(part for part in (doc.what, doc.why) if part)
    help_text = "\n\n".join(part for part in (doc.what, doc.why, f"How to fix: {doc.fix}" if doc.fix else "") if part)
    descriptor: dict = {"id": info.id}
    if doc.what:
        descriptor["shortDescription"] = {"text": doc.what}
    if full:
        descriptor["fullDescription"] = {"text": full}
    if help_text:
        descriptor["help"] = {"text": help_text}
    if doc.link:
        descriptor["helpUri"] = doc.link
    descriptor["defaultConfiguration"] = {"level": _LEVELS[info.severity]}
    descriptor["properties"] = {
        "category": str(info.category),
        "source": str(info.source),
        "tags": [str(info.category), str(info.source)],
    }
    return descriptor


def _result(f: Finding, rule_index: int) -> dict:
    location = {"uri": artifact_uri(f.path)}
    region = _region(f)
    result: dict = {
        "ruleId": f.rule,
        "ruleIndex": rule_index,
        "level": _LEVELS[f.severity],
        "message": {"text": f.message},
        "locations": [{"physicalLocation": {"artifactLocation": location, "region": region}}],
    }
    if f.fix is not None:
        result["fixes"] = [{
            "description": {"text": f"Replace with \u201c{f.fix.replacement}\u201d" if f.fix.replacement else "Delete"},
            "artifactChanges": [{
                "artifactLocation": location,
                "replacements": [{"deletedRegion": region, "insertedContent": {"text": f.fix.replacement}}],
            }],
            "properties": {"safe": f.fix.safe},
        }]
    result["properties"] = {"category": str(f.category), "source": str(f.source)}
    if f.also:
        result["properties"]["also"] = list(f.also)
    return result


def _region(f: Finding) -> dict:
    start_line, start_column = max(f.line, 1), max(f.column, 1)
    end_line = max(f.end_line, start_line)
    end_column = max(f.end_column, 1) if end_line > start_line else max(f.end_column, start_column)
    return {"startLine": start_line, "startColumn": start_column, "endLine": end_line, "endColumn": end_column}


def _invocation(report: Report) -> dict:
    notifications = [_error_notification(e) for e in sorted(report.errors)]
    notifications += [{"level": "note", "message": {"text": n.message}, "descriptor": {"id": n.code}}
                      for n in report.notices]
    invocation: dict = {"executionSuccessful": not report.errors}
    if notifications:
        invocation["toolExecutionNotifications"] = notifications
    return invocation


def _error_notification(error: FileError) -> dict:
    note: dict = {"level": "error", "message": {"text": error.message}}
    if error.path:
        note["locations"] = [{"physicalLocation": {"artifactLocation": {"uri": artifact_uri(error.path)}}}]
    return note


def artifact_uri(path: str) -> str:
    """A URI reference for ``path``: relative stays relative (``/``-separated), absolute becomes file://."""
    if os.path.isabs(path):
        return PurePath(path).as_uri()
    rel = path.replace(os.sep, "/")
    while rel.startswith("./"):
        rel = rel[2:]
    # The name's bytes (a name that is not UTF-8 keeps them through surrogate escapes).
    return quote(os.fsencode(rel), safe="/")


def _version() -> str:
    from importlib import metadata   # on use: it is slow to import and only SARIF needs it

    try:
        return metadata.version("newslint")
    except metadata.PackageNotFoundError:
        return "0+unknown"


def _home_page() -> str | None:
    """The project's home page from the installed metadata, when it declares one."""
    from importlib import metadata

    try:
        meta = metadata.metadata("newslint")
    except metadata.PackageNotFoundError:
        return None
    for entry in meta.get_all("Project-URL") or []:
        label, _, url = entry.partition(",")
        if label.strip().lower() in ("homepage", "home", "documentation", "source", "repository"):
            return url.strip()
    return meta.get("Home-page") or None
