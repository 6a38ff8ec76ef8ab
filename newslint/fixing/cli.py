"""Click pieces for ``newslint check --fix``: the options and the run that applies them."""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Sequence

import click

from newslint.findings import Severity
from newslint.fixing.runner import FixRun, fix_paths

if TYPE_CHECKING:
    from newslint.engine import Linter


@dataclass(frozen=True)
class FixMode:
    unsafe: bool = False      # also apply fixes a person should review
    dry_run: bool = False     # print a unified diff instead of writing


def fix_options(command):
    """Adds --fix, --unsafe-fixes and --dry-run to a command."""
    options = [
        click.option("--fix", is_flag=True,
                     help="Apply safe fixes to the files, then report the findings that remain."),
        click.option("--unsafe-fixes", is_flag=True,
                     help="With --fix: also apply fixes marked unsafe (review the result)."),
        click.option("--dry-run", is_flag=True,
                     help="With --fix: print a unified diff of the fixes instead of writing files."),
    ]
    for option in reversed(options):
        command = option(command)
    return command


def fix_mode(fix: bool, unsafe_fixes: bool, dry_run: bool) -> FixMode | None:
    """The requested mode (None: no fixing); a usage error for options that need --fix."""
    if not fix:
        given = [name for name, on in (("--unsafe-fixes", unsafe_fixes), ("--dry-run", dry_run)) if on]
        if given:
            raise click.UsageError(f"{' and '.join(given)} only {'works' if len(given) == 1 else 'work'} "
                                   f"together with --fix")
        return None
    return FixMode(unsafe=unsafe_fixes, dry_run=dry_run)


def run_fixes(linter: "Linter", paths: Sequence[str], mode: FixMode, narrowed: bool, quiet: bool) -> FixRun:
    """Fix ``paths`` (or print diffs in a dry run); tells stderr what changed."""
    if "-" in paths:
        raise click.UsageError("--fix rewrites files and cannot fix stdin ('-')")
    if narrowed:
        raise click.UsageError("--fix applies to whole files: drop --diff, --diff-file, --baseline and --shard")
    run = fix_paths(linter, paths, unsafe=mode.unsafe, dry_run=mode.dry_run)
    if mode.dry_run:
        for diff in run.diffs:
            click.echo(diff, nl=False)
        for error in run.report.errors:
            click.echo(f"{error}", err=True)
    if not quiet and run.files_fixed:
        verb = "Would fix" if mode.dry_run else "Fixed"
        problems = "problem" if run.fixes_applied == 1 else "problems"
        files = "file" if run.files_fixed == 1 else "files"
        click.echo(f"{verb} {run.fixes_applied} {problems} in {run.files_fixed} {files}.", err=True)
    return run


def dry_run_exit_code(run: FixRun, fail_on: Severity) -> int:
    """2 for errors, 1 when a fix would change a file or findings would remain, else 0."""
    code = run.report.exit_code(fail_on)
    return code if code == 2 or not run.diffs else 1
