"""Click pieces for the CI workflows: ``check``'s scope options and ``newslint baseline``."""
from __future__ import annotations

import os
import sys
from typing import Sequence

import click

from newslint.cli_options import lint_options, make_lint_options
from newslint.errors import NewslintError
from newslint.workflows.baseline import Baseline, file_texts
from newslint.workflows.git_diff import ChangedLines, diff_file_changed_lines, git_changed_lines, is_revision
from newslint.workflows.scope import Scope
from newslint.workflows.shard import Shard, ShardSpecError

DEFAULT_BASELINE = ".newslint-baseline.json"
_DEFAULT_BASE = ""       # --diff given without a value


class ShardParam(click.ParamType):
    name = "I/N"

    def convert(self, value, param, ctx):
        if isinstance(value, Shard):
            return value
        try:
            return Shard.parse(value)
        except ShardSpecError as exc:
            self.fail(str(exc), param, ctx)


def scope_options(command):
    """Adds --diff, --diff-file, --baseline and --shard to a command."""
    options = [
        click.option("--diff", "diff_ref", is_flag=False, flag_value=_DEFAULT_BASE, default=None, metavar="[REF]",
                     help="Only findings on lines changed since REF's merge base with HEAD (default: the "
                          "default branch), plus uncommitted edits and new files. Write --diff=REF."),
        click.option("--diff-file", type=click.Path(dir_okay=False, allow_dash=True),
                     help="Only findings on lines this unified diff adds or changes ('-': stdin)."),
        click.option("--baseline", "baseline_path", type=click.Path(dir_okay=False),
                     help="Do not report findings recorded in this baseline (newslint baseline create)."),
        click.option("--shard", type=ShardParam(), default=None,
                     help="Check only shard I of N (1-based), split by a stable hash of each path."),
    ]
    for option in reversed(options):
        command = option(command)
    return command


def resolve_scope(paths: Sequence[str], diff_ref: str | None, diff_file: str | None,
                  baseline_path: str | None, shard: Shard | None) -> tuple[tuple[str, ...], Scope | None]:
    """The paths to check and the scope of the run; click errors for bad combinations.

    ``--diff story.md`` reads as a path when ``story.md`` is no git revision but exists
    (pre-commit appends file names right after the hook's args).
    """
    paths = tuple(paths)
    if diff_ref and os.path.exists(diff_ref) and not _is_revision(diff_ref):
        paths, diff_ref = (diff_ref, *paths), _DEFAULT_BASE
    if diff_ref is None and diff_file is None and baseline_path is None and shard is None:
        return paths, None
    if "-" in paths:
        raise click.UsageError("--diff, --diff-file, --baseline and --shard check files, not stdin ('-')")
    if diff_ref is not None and diff_file is not None:
        raise click.UsageError("use --diff or --diff-file, not both")
    try:
        changed: ChangedLines | None = None
        if diff_ref is not None:
            changed = git_changed_lines(diff_ref or None)
        elif diff_file is not None:
            changed = diff_file_changed_lines(_read_diff(diff_file))
        baseline = Baseline.load(baseline_path) if baseline_path is not None else None
    except NewslintError as exc:
        raise click.ClickException(str(exc)) from None
    return paths, Scope(shard=shard, changed=changed, baseline=baseline, baseline_path=baseline_path or "")


def _is_revision(word: str) -> bool:
    try:
        return is_revision(word)
    except NewslintError:          # no git: the word cannot be a revision
        return False


def _read_diff(name: str) -> str:
    try:
        if name == "-":
            return sys.stdin.buffer.read().decode("utf-8", "surrogateescape")
        with open(name, encoding="utf-8", errors="surrogateescape") as handle:
            return handle.read()
    except OSError as exc:
        raise click.ClickException(f"{name}: cannot read the diff: {exc.strerror or exc}") from None


@click.group("baseline")
def baseline_group() -> None:
    """Record today's findings so that checks report only new ones."""


@baseline_group.command("create")
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("-o", "--output", default=DEFAULT_BASELINE, show_default=True, type=click.Path(dir_okay=False),
              help="The baseline file to write (paths in it are relative to its folder).")
@lint_options
def create_command(paths, output, config_path, select, ignore, no_languagetool, lt_urls, no_cache, jobs) -> int:
    """Write the current findings of PATHS (default: .) to a baseline file."""
    from newslint.engine import Linter
    from newslint.errors import ConfigError

    if config_path and not os.path.isfile(config_path):
        raise click.UsageError(f"config file not found: {config_path}")
    options = make_lint_options(config_path, select, ignore, no_languagetool, lt_urls, no_cache, jobs)
    if "-" in paths:
        raise click.UsageError("a baseline records files, not stdin ('-')")
    linter = Linter(options)
    try:
        linter.check_selection(paths or (".",))
    except ConfigError as exc:
        raise click.UsageError(str(exc)) from None
    report = linter.lint_paths(paths or (".",))
    if report.errors:
        for error in report.errors:
            where = error.path if error.line is None else f"{error.path}:{error.line}"
            click.echo(f"{where}: error: {error.message}", err=True)
        click.echo(f"baseline not written: {len({e.path for e in report.errors})} file(s) could not be checked",
                   err=True)
        return 2
    baseline = Baseline.from_findings(report.findings, os.path.dirname(os.path.abspath(output)), file_texts())
    try:
        baseline.dump(output)
    except NewslintError as exc:
        click.echo(f"error: {exc}", err=True)
        return 2
    click.echo(f"wrote {len(report.findings)} finding(s) as {len(baseline.entries)} baseline entries "
               f"from {report.files_checked} file(s) to {output}")
    return 0
