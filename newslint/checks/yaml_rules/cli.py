"""Click command group ``newslint vale …``: what Vale styles need beside their rule files."""
from __future__ import annotations

import click

from newslint.checks.yaml_rules.base_dictionary import NAME, VALE_VERSION, DictionaryInstallError, install
from newslint.languagetool.paths import default_data_dir


@click.group("vale")
def vale_group() -> None:
    """Support files for Vale styles."""


@vale_group.command("install-dictionary")
@click.option("--force", is_flag=True, help="Install again even when the installed copy checks out.")
def install_dictionary_command(force: bool) -> int:
    """Install Vale's base English dictionary (en_US-web, from Vale 3.22.0's Go module).

    Spelling rules that name no dictionary of their own, or set `append: true`, use it.
    The files come from the Go module cache (GOMODCACHE) or a Go module proxy (GOPROXY),
    are checked against pinned SHA-256 sums and go into newslint's data folder
    (NEWSLINT_DATA_DIR overrides it)."""
    try:
        done = install(default_data_dir(), progress=lambda msg: click.echo(msg, err=True), force=force)
    except (DictionaryInstallError, OSError) as exc:
        click.echo(f"error: {exc}", err=True)
        return 2
    click.echo(f"Vale {VALE_VERSION} dictionary {NAME} ready ({done.source}): {done.folder}")
    return 0
