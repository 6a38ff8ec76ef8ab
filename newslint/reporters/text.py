"""Human-readable output, one line per finding, in the style of flake8 and ruff.

    desk/a.md:7:3: warning [news.chrome.see-also] "See also" teaser left in the copy
    desk/b.txt: error: not UTF-8 (byte 0xff at offset 12)
    note: LanguageTool is not running; grammar and spelling were not checked
    3 findings (1 error, 2 warnings) in 2 files; 1 file could not be checked

"in N files" counts the files that were checked. Errors and notes go to ``messages``
when given (the CLI gives stderr, as ruff and flake8 do), so that stdout holds findings
and the summary alone; without it they follow the findings on the same stream. Line
breaks inside a message become spaces so that every finding stays on one line. ANSI colour only when asked for. Control
characters from file names and article text are printed as escapes, never raw.
"""
from __future__ import annotations

from typing import Iterable, TextIO

from newslint.findings import Finding, Severity
from newslint.reporters.printable import printable
from newslint.results import Report, Totals

_RESET = "\x1b[0m"
_BOLD = "\x1b[1m"
_DIM = "\x1b[2m"
_COLOURS = {Severity.ERROR: "\x1b[31m", Severity.WARNING: "\x1b[33m", Severity.SUGGESTION: "\x1b[36m"}
_ERROR_COLOUR = _COLOURS[Severity.ERROR]
_NOTE_COLOUR = "\x1b[35m"


def render(report: Report, stream: TextIO, *, color: bool = False, quiet: bool = False,
           messages: TextIO | None = None) -> None:
    writer = Writer(stream, color=color, quiet=quiet, messages=messages)
    writer.findings(sorted(report.findings))
    writer.end(Totals.of(report))


class Writer:
    """One line per finding as findings come (already in order); errors, notes and the
    summary at the end."""

    def __init__(self, stream: TextIO, *, color: bool = False, quiet: bool = False,
                 messages: TextIO | None = None):
        self._stream = stream
        self._messages = messages or stream
        self._paint = _painter(color)
        self._quiet = quiet

    def findings(self, findings: Iterable[Finding]) -> None:
        paint, write = self._paint, self._stream.write
        for f in findings:
            write(f"{paint(f'{printable(f.path)}:{f.line}:{f.column}:', _BOLD)} "
                  f"{paint(str(f.severity), _COLOURS[f.severity])} "
                  f"{paint(f'[{f.rule}]', _DIM)} {_one_line(f.message)}{also_note(f)}\n")

    def end(self, totals: Totals) -> None:
        paint, messages = self._paint, self._messages
        if messages is not self._stream:
            self._stream.flush()
        for e in totals.errors:
            path = printable(e.path) if e.path else e.path
            where = f"{path}:{e.line}: " if e.line is not None else f"{path}: " if path else ""
            messages.write(f"{paint(where, _BOLD)}{paint('error:', _ERROR_COLOUR)} {_one_line(e.message)}\n")
        if self._quiet:
            return
        for notice in totals.notices:
            messages.write(f"{paint('note:', _NOTE_COLOUR)} {_one_line(notice.message)}\n")
        if messages is not self._stream:
            messages.flush()
        self._stream.write(summary_of(totals) + "\n")


def summary(report: Report) -> str:
    """``3 findings (1 error, 2 warnings) in 2 files; 1 file could not be checked``."""
    return summary_of(Totals.of(report))


def summary_of(totals: Totals) -> str:
    """:func:`summary` from the totals of a streamed report."""
    counts = [(totals.by_severity.get(s, 0), str(s)) for s in reversed(Severity)]
    breakdown = ", ".join(_plural(n, word) for n, word in counts if n)
    line = _plural(totals.findings, "finding")
    if breakdown:
        line += f" ({breakdown})"
    line += f" in {_plural(totals.files_checked, 'file')}"
    failed = len({e.path for e in totals.errors if e.path})
    if failed:
        line += f"; {_plural(failed, 'file')} could not be checked"
    if any(not e.path for e in totals.errors):
        line += "; not every check ran (see the error above)"
    return line


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def also_note(f: Finding) -> str:
    """`` (also: rule, rule)`` for a finding other rules flagged too; empty otherwise."""
    return f" (also: {', '.join(f.also)})" if f.also else ""


def _one_line(message: str) -> str:
    return printable(" ".join(message.splitlines()) if "\n" in message or "\r" in message else message)


def _painter(color: bool):
    if not color:
        return lambda text, code: text
    return lambda text, code: f"{code}{text}{_RESET}" if text else text
