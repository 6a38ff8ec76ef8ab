"""``newslint cache clear``: forget cached LanguageTool answers and stored file results.

Both live in the cache folder (``NEWSLINT_CACHE_DIR`` moves it): LanguageTool's answers
(``languagetool.sqlite3``, keyed by text and settings) and the results of whole files kept
for ``--resume`` (``results.sqlite3``).
"""
from __future__ import annotations

import click

from newslint.execution.resume import ResultStore, store_path
from newslint.languagetool.cache import MatchCache, cache_path


@click.group("cache")
def cache_group() -> None:
    """The caches in newslint's cache folder (NEWSLINT_CACHE_DIR overrides it)."""


@cache_group.command("clear")
def cache_clear_command() -> int:
    """Delete every cached LanguageTool answer and every stored file result."""
    answers, results = cache_path(), store_path()
    if not answers.exists() and not results.exists():
        click.echo(f"the cache is empty (nothing in {answers.parent})")
        return 0
    code = 0
    if answers.exists():
        cache = MatchCache(answers)
        code = max(code, _clear(cache, f"cached LanguageTool answers from {answers}"))
        for warning in cache.take_warnings():
            click.echo(f"note: {warning}", err=True)
    if results.exists():
        code = max(code, _clear(ResultStore(results), f"stored file results from {results}"))
    return code


def _clear(store: MatchCache | ResultStore, what: str) -> int:
    """Empty ``store`` and say how many entries went (``what`` names them); 2 when it could not."""
    try:
        removed = store.clear()
    except OSError as exc:
        click.echo(f"error: {exc}", err=True)
        return 2
    else:
        click.echo(f"removed {removed} {what}")
        return 0
    finally:
        store.close()
