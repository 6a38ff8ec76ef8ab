"""Command line: parse options, call the engine, pick a reporter, return the exit code."""
from __future__ import annotations

import importlib
import os
import sys
from typing import Sequence

import click

from newslint import __version__
from newslint.cli_options import CheckOptions, OutputOptions, lint_options
from newslint.execution.cli import dask_executor, dask_option, resume_option, resuming_executor
from newslint.fixing.cli import dry_run_exit_code, fix_mode, fix_options, run_fixes
from newslint.reporters import REPORTERS
from newslint.unexpected import flush_output, report_unexpected
from newslint.workflows.cli import resolve_scope, scope_options

FORMATS = tuple(REPORTERS)      # the reporter registry names the formats
PROFILE_TOPIC = "languagetool-profile"
EXIT_OK, EXIT_FINDINGS, EXIT_ERROR, EXIT_INTERRUPTED = 0, 1, 2, 130


def _default_format() -> str:
    return "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"


def _use_color(stream) -> bool:
    return stream.isatty() and "NO_COLOR" not in os.environ


def _output_options(output: OutputOptions, stream) -> dict:
    """A reporter's options. Text output sends errors and notes to stderr (as ruff and
    flake8 do); the machine formats keep them inside their documents."""
    options = {"color": _use_color(stream), "quiet": output.quiet}
    if (output.fmt or _default_format()) == "text":
        options["messages"] = sys.stderr
    return options


class _Commands(click.Group):
    """The top-level group. Command groups that live beside their stage are imported
    only when named (or listed for --help), so ``check`` does not load them."""

    optional = {
        "languagetool": ("newslint.languagetool.cli", "languagetool_group"),
        "cache": ("newslint.cache_cli", "cache_group"),
        "baseline": ("newslint.workflows.cli", "baseline_group"),
        "vocab": ("newslint.names.cli", "vocab_group"),
        "vale": ("newslint.checks.yaml_rules.cli", "vale_group"),
    }

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *self.optional})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        command = super().get_command(ctx, cmd_name)
        if command is None and cmd_name in self.optional:
            module, name = self.optional[cmd_name]
            command = getattr(importlib.import_module(module), name)
            self.add_command(command, cmd_name)
        return command

    def resolve_command(self, ctx: click.Context, args: list[str]):
        try:
            return super().resolve_command(ctx, args)
        except click.UsageError:
            # An unknown name: load every group so "Did you mean" can suggest any of them.
            for cmd_name in self.optional:
                self.get_command(ctx, cmd_name)
            return super().resolve_command(ctx, args)


@click.group(cls=_Commands, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="newslint")
def cli() -> None:
    """newslint: a copy linter for news articles."""


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--format", "fmt", type=click.Choice(FORMATS), default=None,
              help="Output format (default: text; github when GITHUB_ACTIONS=true).")
@click.option("--fail-on", type=click.Choice(["suggestion", "warning", "error"]), default="warning",
              show_default=True, help="Lowest severity that makes the exit status 1.")
@lint_options
@click.option("--stdin-filename", help="Name for text read from '-' (decides format and config).")
@click.option("-q", "--quiet", is_flag=True, help="Print findings and errors only.")
@scope_options
@fix_options
@dask_option
@resume_option
def check(**switches) -> int:
    """Check articles (files, directories, or - for stdin)."""
    from newslint.engine import Linter
    from newslint.errors import ConfigError

    options = CheckOptions.from_switches(**switches)
    config_path = options.lint.config_path
    if config_path and not os.path.isfile(config_path):
        click.echo(f"{config_path}: error: config file not found", err=True)
        return EXIT_ERROR
    executor, paths = dask_executor(options.dask_address, options.lint.jobs, options.paths)
    executor = resuming_executor(options.resume, executor, options.output.quiet)
    try:
        linter = Linter(options.lint, executor=executor)
    except ConfigError as exc:
        click.echo(f"{exc}", err=True)
        return EXIT_ERROR
    scope = options.scope
    paths, narrowed = resolve_scope(paths, scope.diff_ref, scope.diff_file, scope.baseline_path, scope.shard)
    paths = paths or (".",)
    try:
        linter.check_selection(paths)
    except ConfigError as exc:
        click.echo(f"error: {exc}", err=True)
        return EXIT_ERROR
    fixing = fix_mode(options.fix.fix, options.fix.unsafe_fixes, options.fix.dry_run)
    return _run(linter, paths, narrowed, fixing, options)


def _run(linter, paths: tuple[str, ...], scope, fixing, options: CheckOptions) -> int:
    """Check ``paths`` one of four ways (fixing, a narrowed scope, stdin, or streamed file
    by file) and report; an interrupt reports what was checked so far."""
    from newslint.results import Report
    from newslint.reporters import interrupted_error
    from newslint.workflows.scope import lint_scoped

    output = options.output
    report = Report()
    try:
        if fixing is not None:
            run = run_fixes(linter, paths, fixing, narrowed=scope is not None, quiet=output.quiet)
            if fixing.dry_run:
                return dry_run_exit_code(run, output.fail_on)
            report = run.report
        elif scope is not None:
            report = lint_scoped(linter, paths, scope)
        elif "-" in paths:
            for path in paths:
                report.add(_lint_stdin(linter, options.stdin_filename) if path == "-" else linter.lint_file(path))
            report.finish(linter.rules_of)
        else:
            return _stream(linter, paths, output)
    except KeyboardInterrupt:
        if fixing is not None:
            click.echo("error: interrupted; files already fixed stay fixed, the rest are unchanged", err=True)
            return EXIT_INTERRUPTED
        # What was checked so far, in a whole document.
        report.errors.append(interrupted_error(report.files_checked))
        _render(report.finish(linter.rules_of), output)
        return EXIT_INTERRUPTED
    _render(report, output)
    return report.exit_code(output.fail_on)


def _stream(linter, paths: tuple[str, ...], output: OutputOptions) -> int:
    """Findings written file by file as the files are checked, under a progress bar on a
    terminal; an interrupt ends the document already begun."""
    from newslint.progress import progress_for
    from newslint.results import Report, Totals
    from newslint.reporters import get_writer, interrupted_error, write_groups

    stream = sys.stdout
    progress = progress_for(output.quiet)
    options = _output_options(output, stream)
    if progress and "messages" in options:
        options["messages"] = progress.wrap(options["messages"])
    writer = get_writer(output.fmt or _default_format())(progress.wrap(stream) if progress else stream, **options)
    try:
        try:
            totals = write_groups(linter.iter_by_path(paths, progress), writer, linter.rules_of)
        finally:
            if progress:
                progress.close()
    except KeyboardInterrupt:
        writer.end(Totals.of(Report(errors=[interrupted_error(0)])))
        return EXIT_INTERRUPTED
    return EXIT_INTERRUPTED if totals.interrupted else totals.exit_code(output.fail_on)


def _render(report, output: OutputOptions) -> None:
    from newslint.reporters import get_reporter

    stream = sys.stdout
    get_reporter(output.fmt or _default_format())(report, stream, **_output_options(output, stream))


@cli.command()
def lsp() -> int:
    """Run the language server on stdin/stdout (Markdown, HTML and plain text)."""
    from newslint.lsp.server import serve

    return serve()


def _lint_stdin(linter, stdin_filename: str | None):
    from newslint.documents.decode import decode_bytes
    from newslint.errors import DocumentError
    from newslint.findings import FileError
    from newslint.results import FileResult

    name = stdin_filename or "-"
    try:
        text = decode_bytes(sys.stdin.buffer.read(), name)
    except DocumentError as exc:
        return FileResult(name, errors=[FileError(name, exc.message)])
    return linter.lint_text(text, name)


@cli.command("rules")
@click.option("--config", "config_path", type=click.Path(dir_okay=False, exists=True))
def list_rules(config_path) -> int:
    """List every rule: id, category, severity, source, fixable."""
    book = _rulebook(config_path)
    if book is None:
        return EXIT_ERROR
    rows = [(i.id, str(i.category), str(i.severity), str(i.source), str(i.fix_safety))
            for i in sorted(book.rules.values(), key=lambda r: r.id)]
    rows.append(("lt.*", "(per match)", "(per match)", "languagetool", "unsafe"))
    header = ("rule", "category", "severity", "source", "fix")
    widths = [max(len(r[k]) for r in [header, *rows]) for k in range(5)]
    for row in [header, *rows]:
        click.echo("  ".join(cell.ljust(w) for cell, w in zip(row, widths)).rstrip())
    return EXIT_OK


@cli.command()
@click.argument("rule")
@click.option("--config", "config_path", type=click.Path(dir_okay=False, exists=True))
def explain(rule, config_path) -> int:
    """Print a rule's documentation and examples (lt.* rules: LanguageTool's own description
    and the news profile's default; `languagetool-profile`: the table of LanguageTool rules
    the news profile turns off or lowers; `newslint:ap`: the levels a house-style preset sets)."""
    import difflib

    from newslint.checks.yaml_rules import presets
    from newslint.languagetool.profile import default_level, reason, table_rows
    from newslint.languagetool.rulemeta import RULE_PREFIX

    if rule == PROFILE_TOPIC:
        click.echo("LanguageTool's news profile: default levels of LanguageTool rules that contradict news "
                   "style or repeat a newslint check.\nTurn one back on with `rules: {lt.RULE_ID: warning}`; "
                   "drop the profile with `languagetool: {profile: none}`.\n")
        for rules, level, why in table_rows():
            click.echo(f"{rules}  [{level}]\n  {why}\n")
        return EXIT_OK
    if presets.is_preset(rule):
        preset = presets.load_preset(rule[len("newslint:"):])
        click.echo(f"{preset.spec}  [level preset]\n\n{preset.description}\n\n"
                   f"Use it after the pack it raises\n  extends: [newslint:news, {preset.spec}]  (in .newslint.yml)\n\n"
                   "Levels it sets (your own `rules:` levels still win)")
        width = max(len(rule_id) for rule_id, _ in preset.levels)
        for rule_id, level in preset.levels:
            click.echo(f"  {rule_id.ljust(width)}  {level}")
        return EXIT_OK
    if rule.startswith(RULE_PREFIX):
        info = _languagetool_rule(rule, config_path)
        if reason(rule):
            if info is not None:
                _print_rule(info)
                click.echo("")
            click.echo(f"Level in the news profile: {default_level(rule)}\n  {reason(rule)}")
            click.echo(f"Turn it back on\n  rules: {{{rule}: warning}}  (in .newslint.yml)")
            return EXIT_OK
        if info is None:
            return EXIT_ERROR
    else:
        book = _rulebook(config_path)
        if book is None:
            return EXIT_ERROR
        info = book.rules.get(rule)
        if info is None:
            close = difflib.get_close_matches(rule, list(book.rules), n=3)
            hint = f" (did you mean {', '.join(close)}?)" if close else ""
            click.echo(f"error: unknown rule {rule!r}{hint}", err=True)
            return EXIT_ERROR
    _print_rule(info)
    return EXIT_OK


def _print_rule(info) -> None:
    """A rule's documentation as `explain` prints it."""
    click.echo(f"{info.id}  [{info.category}, {info.severity}, source: {info.source}, fix: {info.fix_safety}]\n")
    click.echo(f"What it flags\n  {info.doc.what}")
    if info.doc.why:
        click.echo(f"\nWhy\n  {info.doc.why}")
    if info.doc.fix:
        click.echo(f"\nHow to fix\n  {info.doc.fix}")
    if info.examples.flag:
        click.echo("\nFlagged")
        for text in info.examples.flag:
            click.echo(f"  ✗ {text}")
    if info.examples.pass_:
        click.echo("\nNot flagged")
        for text in info.examples.pass_:
            click.echo(f"  ✓ {text}")
    if info.doc.link:
        click.echo(f"\nMore: {info.doc.link}")


def _config(config_path: str | None):
    from newslint.config.discovery import ConfigResolver
    from newslint.errors import ConfigError

    try:
        return ConfigResolver(config_path).for_file(os.path.join(os.getcwd(), "article.txt"))
    except ConfigError as exc:
        click.echo(f"{exc}", err=True)
        return None


def _rulebook(config_path: str | None):
    from newslint.engine import RuleBook
    from newslint.errors import ConfigError

    config = _config(config_path)
    if config is None:
        return None
    try:
        return RuleBook.build(config)
    except ConfigError as exc:
        click.echo(f"{exc}", err=True)
        return None


def _languagetool_rule(rule: str, config_path: str | None):
    """An ``lt.*`` rule as the LanguageTool server describes it (its own rule listing,
    kept in the cache folder after the first time); None after printing why not."""
    from newslint.errors import NewslintError
    from newslint.languagetool.rulemeta import RULE_PREFIX, lt_rule_id, rule_info_from_catalog
    from newslint.languagetool.stage import LanguageToolStage

    config = _config(config_path)
    if config is None:
        return None
    stage = LanguageToolStage.from_options(settings=config.languagetool, announce_start=sys.stderr.isatty())
    try:
        catalog = stage.rule_catalog(config.languagetool)
    except NewslintError as exc:
        click.echo(f"error: cannot look {rule} up: {exc}", err=True)
        return None
    finally:
        stage.close()
    info = rule_info_from_catalog(rule, catalog)
    if info is None:
        close = [RULE_PREFIX + c for c in catalog.close_to(lt_rule_id(rule))]
        hint = f" (did you mean {', '.join(close)}?)" if close else ""
        click.echo(f"error: LanguageTool has no rule {lt_rule_id(rule)!r} for {catalog.language}{hint}", err=True)
    return info


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point: returns the exit status (0 clean, 1 findings, 2 errors)."""
    try:
        result = cli.main(args=list(argv) if argv is not None else None, prog_name="newslint",
                          standalone_mode=False)
    except click.exceptions.UsageError as exc:
        exc.show()
        return EXIT_ERROR
    except click.exceptions.Exit as exc:
        return exc.exit_code
    except click.exceptions.Abort as exc:
        if isinstance(exc.__context__, KeyboardInterrupt):
            click.echo("interrupted", err=True)
            return EXIT_INTERRUPTED
        click.echo("aborted", err=True)
        return EXIT_ERROR
    except KeyboardInterrupt:
        click.echo("interrupted", err=True)
        return EXIT_INTERRUPTED
    except click.ClickException as exc:
        exc.show()
        return EXIT_ERROR
    except Exception as exc:  # noqa: BLE001 (the last resort: one line, exit 2)
        return report_unexpected(exc)
    try:
        flush_output()
    except OSError as exc:
        return report_unexpected(exc)
    return result if isinstance(result, int) else EXIT_OK
