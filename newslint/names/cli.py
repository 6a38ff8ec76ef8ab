"""``newslint vocab learn``: a desk's accepted-names list from its published archive."""
from __future__ import annotations

import os

import click

from newslint.documents.decode import decode_bytes
from newslint.errors import DocumentError

EXIT_OK, EXIT_ERROR = 0, 2
SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")


@click.group("vocab")
def vocab_group() -> None:
    """Build the vocabulary a config points at (vocab: {names: FILE})."""


@vocab_group.command("learn")
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False, writable=True),
              help="the names list to write")
@click.option("--min-articles", type=click.IntRange(min=1), default=2, show_default=True,
              help="keep a name seen as a name in at least this many articles")
def learn_command(paths, output, min_articles) -> int:
    """Learn accepted names from articles (files or folders of .txt, .md, .html).

    A name is a capitalised word an article marks as one (in mid-sentence, used more than
    once, after a title, in a run of capitalised words, or with a possessive). Point the
    config at the result with `vocab: {names: FILE}`: listed names are never spelling
    findings, and a new name one or two edits from a listed one is reported as a
    probable misspelling of it (news.names.near-known).
    """
    from newslint.names.desk import iter_files, learn, names_file

    problems = 0

    def texts():
        nonlocal problems
        for path in iter_files(paths, SUFFIXES):
            try:
                with open(path, "rb") as fh:
                    yield path, decode_bytes(fh.read(), path)
            except DocumentError as exc:
                problems += 1
                click.echo(f"{path}: {exc.message}", err=True)
            except OSError as exc:
                problems += 1
                click.echo(f"{path}: {(exc.strerror or str(exc)).lower()}", err=True)

    learned = learn(texts())
    if learned.articles == 0:
        click.echo("error: no articles to learn from", err=True)
        return EXIT_ERROR
    content = names_file(learned, min_articles)
    tmp = f"{output}.tmp-{os.getpid()}"
    try:
        with open(tmp, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(content)
        os.replace(tmp, output)
    except OSError as exc:
        click.echo(f"{output}: cannot write: {exc.strerror or exc}", err=True)
        return EXIT_ERROR
    kept = content.count("\n") - 1
    click.echo(f"{output}: {kept} names from {learned.articles} articles (seen in at least {min_articles})",
               err=True)
    return EXIT_ERROR if problems else EXIT_OK
