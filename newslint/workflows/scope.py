"""Run the engine on a narrowed scope: a shard of the files, changed lines, a baseline."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from newslint.hits import Notice
from newslint.results import FileResult, Report
from newslint.workflows.baseline import Baseline, TextOf, file_texts, stale_message
from newslint.workflows.git_diff import ChangedLines
from newslint.workflows.shard import Shard


@dataclass(frozen=True)
class Scope:
    shard: Shard | None = None
    changed: ChangedLines | None = None       # --diff / --diff-file
    baseline: Baseline | None = None
    baseline_path: str = ""                   # as the user named it, for messages

    @property
    def narrows(self) -> bool:
        return self.shard is not None or self.changed is not None or self.baseline is not None


def lint_scoped(linter, paths: Iterable[str], scope: Scope, text_of: TextOf | None = None) -> Report:
    """Expand ``paths``, keep this shard's files and the changed ones, lint, then filter findings.

    Paths that cannot be expanded (missing files, empty folders) are errors in every shard,
    so no job passes on a typo. The baseline is applied before the diff filter, so that a
    finding outside the changed lines is not mistaken for a stale baseline entry.
    """
    files: list[str] = []
    report = Report()
    for path, error in linter.iter_targets(paths):
        if error is not None:
            report.add(FileResult(path, errors=[error]))
        else:
            files.append(path)
    expanded = len(files)
    if scope.shard is not None:
        files = scope.shard.select(files)
        report.notices.append(Notice("shard", f"shard {scope.shard}: {len(files)} of {expanded} files"))
    if scope.changed is not None:
        files = [f for f in files if scope.changed.touches(f)]
    linted = linter.lint_paths(files) if files else Report()
    report.findings = linted.findings
    report.errors = sorted(set(report.errors) | set(linted.errors))
    report.files_checked = linted.files_checked
    report.notices.extend(n for n in linted.notices if n not in report.notices)
    if scope.baseline is not None:
        failed = {e.path for e in linted.errors}
        outcome = scope.baseline.apply(
            report.findings, text_of or file_texts(), [f for f in files if f not in failed],
            linter.checks_rule)
        report.findings = outcome.new
        if outcome.known:
            noun = "finding" if outcome.known == 1 else "findings"
            report.notices.append(Notice("baseline", f"{outcome.known} {noun} in the baseline "
                                                     f"{scope.baseline_path} not reported"))
        if outcome.stale:
            report.notices.append(Notice("baseline-stale", stale_message(outcome.stale, scope.baseline_path)))
    if scope.changed is not None:
        report.findings = [f for f in report.findings if scope.changed.covers(f)]
    return report.finish(linter.rules_of)
