"""The lint options that `check` and `baseline create` share, the LintOptions they make,
and `check`'s switches grouped by the stage each steers (:class:`CheckOptions`)."""
from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Sequence

import click

from newslint.findings import Severity

if TYPE_CHECKING:
    from newslint.engine import LintOptions


def split_globs(values: Sequence[str]) -> tuple[str, ...]:
    """``("a.*,b", "c")`` -> ``("a.*", "b", "c")``."""
    return tuple(p.strip() for v in values for p in v.split(",") if p.strip())


_OPTIONS = (
    click.option("--config", "--vale-config", "config_path", type=click.Path(dir_okay=False),
                 help="Use this config file (.newslint.yml, or a Vale .ini) instead of discovering one."),
    click.option("--select", multiple=True, help="Only these rule ids (globs, comma-separated)."),
    click.option("--ignore", multiple=True, help="Skip these rule ids (globs, comma-separated)."),
    click.option("--no-languagetool", is_flag=True, help="Skip the LanguageTool stage."),
    click.option("--languagetool-url", "lt_urls", multiple=True, envvar="NEWSLINT_LANGUAGETOOL_URL",
                 help="Use this LanguageTool server (repeat for a pool)."),
    click.option("--no-cache", is_flag=True, help="Do not read or write the result cache."),
    click.option("-j", "--jobs", type=click.IntRange(min=0), default=0,
                 help="Files checked in parallel (0: one per core; at most 4 per core)."),
)


def lint_options(command):
    """Adds --config, --select, --ignore, --no-languagetool, --languagetool-url, --no-cache, --jobs."""
    for option in reversed(_OPTIONS):
        command = option(command)
    return command


JOBS_PER_CORE = 4


def job_count(jobs: int) -> int:
    """``-j``: 0 means one per core; more than :data:`JOBS_PER_CORE` per core is capped
    (each job is a process holding its own rules), with a note on stderr."""
    cores = os.cpu_count() or 1
    if jobs <= 0:
        return cores
    limit = JOBS_PER_CORE * cores
    if jobs > limit:
        click.echo(f"note: -j {jobs} is more than {JOBS_PER_CORE} per core; using {limit}", err=True)
        return limit
    return jobs


def make_lint_options(config_path, select, ignore, no_languagetool, lt_urls, no_cache, jobs) -> "LintOptions":
    """The engine's LintOptions from those switches (imported late: `--help` stays light)."""
    from newslint.engine import LintOptions

    if isinstance(lt_urls, str):          # from the environment: space-separated
        lt_urls = tuple(u for u in lt_urls.split() if u)
    return LintOptions(
        config_path=config_path, select=split_globs(select), ignore=split_globs(ignore),
        languagetool=not no_languagetool, languagetool_urls=tuple(lt_urls), use_cache=not no_cache,
        jobs=job_count(jobs),
        # A person at a terminal hears why the first run waits; hooks and CI logs do not.
        announce_start=sys.stderr.isatty())


@dataclass(frozen=True)
class OutputOptions:
    fmt: str | None           # --format (None: text, or github under GitHub Actions)
    quiet: bool
    fail_on: Severity         # the lowest severity that makes the exit status 1


@dataclass(frozen=True)
class ScopeSwitches:
    """--diff, --diff-file, --baseline, --shard, as given (``workflows.cli.resolve_scope`` reads them)."""

    diff_ref: str | None
    diff_file: str | None
    baseline_path: str | None
    shard: Any                # a workflows.shard.Shard, or None


@dataclass(frozen=True)
class FixSwitches:
    """--fix, --unsafe-fixes, --dry-run, as given (``fixing.cli.fix_mode`` checks them)."""

    fix: bool
    unsafe_fixes: bool
    dry_run: bool


@dataclass(frozen=True)
class CheckOptions:
    """Everything `newslint check` was told, grouped by the stage each part steers."""

    paths: tuple[str, ...]
    lint: "LintOptions"
    output: OutputOptions
    stdin_filename: str | None
    scope: ScopeSwitches
    fix: FixSwitches
    dask_address: str | None
    resume: bool

    @classmethod
    def from_switches(cls, paths, fmt, fail_on, stdin_filename, quiet, diff_ref, diff_file, baseline_path,
                      shard, fix, unsafe_fixes, dry_run, dask_address, resume, **lint) -> "CheckOptions":
        """From click's keyword arguments; ``lint``: the switches :func:`lint_options` adds."""
        return cls(tuple(paths), make_lint_options(**lint), OutputOptions(fmt, quiet, Severity.parse(fail_on)),
                   stdin_filename, ScopeSwitches(diff_ref, diff_file, baseline_path, shard),
                   FixSwitches(fix, unsafe_fixes, dry_run), dask_address, resume)
