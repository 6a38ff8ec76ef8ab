"""Click command groups: ``newslint languagetool …`` and ``newslint cache …``."""
from __future__ import annotations

import click

from newslint.errors import LanguageToolError
from newslint.languagetool.install import SOURCES, install
from newslint.languagetool.paths import LanguageToolHome


def _fail(exc: Exception) -> None:
    click.echo(f"error: {exc}", err=True)
    raise SystemExit(2)


@click.group("languagetool")
def languagetool_group() -> None:
    """Install and run the LanguageTool server newslint checks grammar and spelling with."""


@languagetool_group.command("install")
@click.option("--from", "source", type=click.Choice(SOURCES), default="auto", show_default=True,
              help="maven: Maven Central through mvn; download: language-tool-python's download; "
                   "auto: maven when mvn is installed, else download.")
@click.option("--path", "path", type=click.Path(file_okay=False), default=None,
              help="Use an existing LanguageTool folder (languagetool-server.jar or lib/*.jar).")
@click.option("--force", is_flag=True, help="Install again even when the install is complete.")
def install_command(source: str, path: str | None, force: bool) -> None:
    """Install LanguageTool into newslint's data folder (NEWSLINT_DATA_DIR overrides it)."""
    home = LanguageToolHome.from_env()
    try:
        inst = install(home, source, path, progress=lambda msg: click.echo(msg, err=True), force=force)
    except LanguageToolError as exc:
        _fail(exc)
    click.echo(f"LanguageTool {inst.version} ({inst.source}) ready: {inst.root}")
