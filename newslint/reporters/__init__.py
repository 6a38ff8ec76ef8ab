"""Output formats. Each module has ``render(report, stream, *, color=False)`` and a
``Writer(stream, *, color=False, quiet=False)`` that writes the same output from findings
that arrive in order, file by file (``findings(list)`` as they come, ``end(totals)`` once),
so the CLI prints while it checks and holds no finding after writing it."""
from __future__ import annotations

import contextlib
from types import MappingProxyType
from typing import Callable, Iterable, Mapping, Protocol, Sequence, TextIO

from newslint.errors import NewslintError
from newslint.findings import FileError, Finding
from newslint.interrupts import HeldInterrupts
from newslint.reporters import github, html, json, sarif, text
from newslint.results import FileResult, Report, Totals
from newslint.ruleinfo import RuleInfo


class Reporter(Protocol):
    def __call__(self, report: Report, stream: TextIO, *, color: bool = False) -> None: ...


REPORTERS: Mapping[str, Reporter] = MappingProxyType({
    "text": text.render,
    "json": json.render,
    "sarif": sarif.render,
    "github": github.render,
    "html": html.render,
})


class Writer(Protocol):
    def findings(self, findings: Sequence[Finding]) -> None: ...

    def end(self, totals: Totals) -> None: ...


WRITERS: Mapping[str, Callable[..., Writer]] = MappingProxyType({
    "text": text.Writer,
    "json": json.Writer,
    "sarif": sarif.Writer,
    "github": github.Writer,
    "html": html.Writer,
})


class UnknownFormat(NewslintError, ValueError):
    def __init__(self, name: str):
        self.name = name
        super().__init__(f"unknown output format {name!r}; choose one of: {', '.join(REPORTERS)}")


def get_reporter(name: str) -> Reporter:
    try:
        return REPORTERS[name]
    except KeyError:
        raise UnknownFormat(name) from None


def get_writer(name: str) -> Callable[..., Writer]:
    try:
        return WRITERS[name]
    except KeyError:
        raise UnknownFormat(name) from None


def write_groups(groups: Iterable[list[FileResult]], writer: Writer,
                 rules_of: Callable[[list[Finding]], Mapping[str, RuleInfo]]) -> Totals:
    """Write the findings of results grouped by path in sorted path order (as
    ``Linter.iter_by_path`` gives them) and end the output; the output is what the
    reporter renders for the report ``Linter.lint_paths`` would return."""
    totals = Totals()
    held = HeldInterrupts()
    with held:
        try:
            for group in groups:
                with held.writing():              # Ctrl-C waits for the group to be written
                    for result in group:
                        totals.add(result)
                    if len(group) == 1:
                        findings = group[0].findings          # sorted, as every FileResult's are
                    else:
                        findings = sorted(f for result in group for f in result.findings)
                    if findings:
                        writer.findings(findings)
                        totals.count(findings)
                        totals.rules.update(rules_of(findings))
        except KeyboardInterrupt:
            # Ctrl-C: stop checking (closing the groups ends any workers) and end the output
            # with what was checked so far, so a JSON or SARIF document is still whole.
            totals.interrupted = True
            totals.errors.append(interrupted_error(totals.files_checked))
            close = getattr(groups, "close", None)
            if close is not None:
                with contextlib.suppress(KeyboardInterrupt):
                    close()
        totals.errors = sorted(set(totals.errors))
        held.handled()      # caught above, or lost after the last group: the run is ending
        try:
            with held.writing():                  # a Ctrl-C now waits for the document to end
                writer.end(totals)
        except KeyboardInterrupt:                 # pressed while the end was written: it is whole
            totals.interrupted = True
    return totals


def interrupted_error(files_checked: int) -> FileError:
    """The run's error after Ctrl-C: what was checked, and that the rest was not."""
    checked = f"{files_checked} file" + ("" if files_checked == 1 else "s")
    return FileError("", f"interrupted: stopped after {checked}; the rest were not checked")
