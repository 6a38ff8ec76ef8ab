"""Lint, fix, lint again: the loop behind ``newslint check --fix``.

A fix can make another finding appear or go (and overlapping fixes wait a round), so
fixing repeats until no fix applies, at most :data:`MAX_ROUNDS` times; a second run then
changes nothing. A file is written only when every round checked it completely: a
decode error, a config error or a LanguageTool failure on any round leaves it untouched.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Callable, Iterable

from newslint.errors import DocumentError
from newslint.findings import FileError
from newslint.fixing.edits import apply_fixes, choose_fixes
from newslint.fixing.files import FixWriteError, SourceFile, write_atomically
from newslint.fixing.unified_diff import unified_diff
from newslint.hits import Notice
from newslint.results import FileResult, Report

if TYPE_CHECKING:
    from newslint.engine import Linter

MAX_ROUNDS = 5

Lint = Callable[[str], FileResult]


@dataclass(frozen=True)
class FileFix:
    """The outcome of fixing one text: the new text and the findings that remain in it."""

    text: str                 # the fixed text (the original when nothing could be fixed)
    result: FileResult        # lint result for ``text`` (errors: the text was not fixed)
    applied: int = 0          # fixes applied over all rounds
    converged: bool = True    # False: fixes still applied after the last round


def fix_text(text: str, lint: Lint, unsafe: bool = False, max_rounds: int = MAX_ROUNDS) -> FileFix:
    """Apply fixes to ``text`` round by round, linting it with ``lint`` each time.

    When any round reports an error, returns the original text with the first round's
    findings and that round's errors: nothing is fixed in a text that could not be
    fully checked.
    """
    first = lint(text)
    if first.errors:
        return FileFix(text, first)
    current, result, applied = text, first, 0
    for _ in range(max_rounds):
        fixes = choose_fixes(result.findings, current, unsafe)
        if not fixes:
            return FileFix(current, result, applied)
        current = apply_fixes(current, fixes)
        applied += len(fixes)
        result = lint(current)
        if result.errors:
            return FileFix(text, FileResult(first.path, first.findings, result.errors, first.notices))
    converged = not choose_fixes(result.findings, current, unsafe)
    return FileFix(current, result, applied, converged)


@dataclass
class FixRun:
    """What ``check --fix`` did over many files."""

    report: Report = field(default_factory=Report)   # the findings that remain, and errors
    diffs: list[str] = field(default_factory=list)   # dry run: one unified diff per changed file
    files_fixed: int = 0
    fixes_applied: int = 0


def fix_paths(linter: "Linter", paths: Iterable[str], unsafe: bool = False, dry_run: bool = False) -> FixRun:
    """Lint ``paths`` and fix each file that has applicable fixes (or diff it when ``dry_run``)."""
    run = FixRun()
    for result in linter.iter_results(paths):
        if not result.errors and _has_fixes(result, unsafe):
            result = _fix_file(linter, result, unsafe, dry_run, run)
        run.report.add(result)
    run.report.finish(linter.rules_of)
    return run


def _has_fixes(result: FileResult, unsafe: bool) -> bool:
    return any(f.fix is not None and (f.fix.safe or unsafe) for f in result.findings)


def _fix_file(linter: "Linter", checked: FileResult, unsafe: bool, dry_run: bool, run: FixRun) -> FileResult:
    path = checked.path
    try:
        source = SourceFile.read(path)
    except DocumentError as exc:
        return FileResult(path, errors=[FileError(path, exc.message)])
    except OSError as exc:
        return FileResult(path, errors=[FileError(path, f"cannot read: {exc.strerror or exc}")])
    if not source.round_trips:
        return _not_fixed(checked, "its text does not encode back to the same bytes")
    outcome = fix_text(source.text, lambda text: linter.lint_text(text, path), unsafe)
    result = outcome.result
    if not outcome.converged:
        result.notices.append(Notice(
            "fix-not-converged",
            f"{path}: fixes still applied after {MAX_ROUNDS} rounds; run --fix again and check the result"))
    if outcome.text == source.text:
        return result
    if dry_run:
        run.diffs.append(unified_diff(path, source.text, outcome.text))
    else:
        try:
            _write_unless_changed(source, source.encode(outcome.text))
        except FixWriteError as exc:
            return _not_fixed(checked, exc.message)
    run.files_fixed += 1
    run.fixes_applied += outcome.applied
    return result


def _write_unless_changed(source: SourceFile, data: bytes) -> None:
    """Write ``data`` over the file unless someone changed the file since it was read."""
    try:
        with open(source.path, "rb") as handle:
            current = handle.read()
    except OSError as exc:
        raise FixWriteError(source.path, f"cannot read it again: {exc.strerror or exc}") from None
    if current != source.data:
        raise FixWriteError(source.path, "the file changed while it was being fixed; run --fix again")
    write_atomically(source.path, data, expected=source.stat)


def _not_fixed(checked: FileResult, reason: str) -> FileResult:
    error = FileError(checked.path, f"not fixed: {reason}")
    return FileResult(checked.path, checked.findings, [*checked.errors, error], checked.notices)
