"""The outcome of a run, as reporters receive it."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Mapping

from newslint.findings import FileError, Finding, Severity
from newslint.hits import Notice
from newslint.ruleinfo import RuleInfo


@dataclass
class FileResult:
    """What linting one file produced (findings sorted by position)."""

    path: str
    findings: list[Finding] = field(default_factory=list)
    errors: list[FileError] = field(default_factory=list)
    notices: list[Notice] = field(default_factory=list)


@dataclass
class Report:
    findings: list[Finding] = field(default_factory=list)      # sorted: path, line, column, rule
    errors: list[FileError] = field(default_factory=list)      # files (or stages) that could not be checked
    notices: list[Notice] = field(default_factory=list)        # said once per run
    files_checked: int = 0
    rules: Mapping[str, RuleInfo] = field(default_factory=dict)  # metadata of every rule in findings

    def add(self, result: FileResult) -> None:
        self.findings.extend(result.findings)
        _take_outcome(self, result)

    def finish(self, rules_of: Callable[[list[Finding]], Mapping[str, RuleInfo]]) -> "Report":
        """Make the report whole, the one way every command does: findings in order,
        each error once and in order, and the metadata of every rule in the findings
        (``rules_of``: the run's ``Linter.rules_of``)."""
        self.findings.sort()
        self.errors = sorted(set(self.errors))
        self.rules = rules_of(self.findings)
        return self

    def exit_code(self, fail_on: Severity) -> int:
        """0 clean, 1 findings at or above ``fail_on``, 2 anything could not be checked."""
        return _exit_code(self.errors, any(f.severity >= fail_on for f in self.findings))


@dataclass
class Totals:
    """What a report says after its findings, kept while the findings stream past:
    counts, the worst severity, errors, notices and the rules seen. A reporter that
    writes findings file by file gets this at the end instead of a whole :class:`Report`."""

    findings: int = 0
    by_severity: dict[Severity, int] = field(default_factory=dict)
    errors: list[FileError] = field(default_factory=list)      # sorted at the end
    notices: list[Notice] = field(default_factory=list)
    files_checked: int = 0
    rules: dict[str, RuleInfo] = field(default_factory=dict)
    interrupted: bool = False                                  # Ctrl-C stopped the run

    @classmethod
    def of(cls, report: Report) -> "Totals":
        totals = cls(errors=sorted(report.errors), notices=list(report.notices),
                     files_checked=report.files_checked, rules=dict(report.rules))
        totals.count(report.findings)
        return totals

    def count(self, findings: list[Finding]) -> None:
        by_severity = self.by_severity
        for f in findings:
            by_severity[f.severity] = by_severity.get(f.severity, 0) + 1
        self.findings += len(findings)

    def add(self, result: FileResult) -> None:
        """A file's errors and notices (its findings go through :meth:`count`), as
        :meth:`Report.add` takes them."""
        _take_outcome(self, result)

    def exit_code(self, fail_on: Severity) -> int:
        """As :meth:`Report.exit_code`."""
        return _exit_code(self.errors, any(n and s >= fail_on for s, n in self.by_severity.items()))


def _take_outcome(into: "Report | Totals", result: FileResult) -> None:
    """A file's errors and notices (each notice, and each error of the whole run, once),
    and whether it was checked (an error of the run, such as LanguageTool missing, leaves
    the file checked by the other checks; the exit status is 2 all the same)."""
    for error in result.errors:
        # An error of the run (no path) is said once, however many files met it.
        if error.path or error not in into.errors:
            into.errors.append(error)
    for notice in result.notices:
        if notice not in into.notices:
            into.notices.append(notice)
    if not any(error.path for error in result.errors):
        into.files_checked += 1


def _exit_code(errors: list[FileError], failing: bool) -> int:
    return 2 if errors else 1 if failing else 0
