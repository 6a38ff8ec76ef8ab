"""The outcome of a run, as reporters receive it."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Mapping

from newslint.checks.base import Notice, RuleInfo
from newslint.findings import FileError, Finding, Severity


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
        self.errors.extend(result.errors)
        for notice in result.notices:
            if notice not in self.notices:
                self.notices.append(notice)
        if not result.errors:
            self.files_checked += 1

    def exit_code(self, fail_on: Severity) -> int:
        """0 clean, 1 findings at or above ``fail_on``, 2 anything could not be checked."""
        if self.errors:
            return 2
        return 1 if any(f.severity >= fail_on for f in self.findings) else 0
