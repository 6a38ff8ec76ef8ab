#!/usr/bin/env python3
"""Check that an article's news findings are exactly the ones its expected TSV lists.

    scripts/check_seed.py [ARTICLE [EXPECTED]] [--no-languagetool]

By default ARTICLE is the seed article beside the repository
(``../shared/examples/seed-article.txt``) and EXPECTED the ``.expected.tsv`` next to it:
lines of ``line<TAB>category<TAB>why``. Chrome, attribution and fragment findings must sit
on exactly the listed lines with the listed categories, and chrome must start at column 1.
Other categories (grammar, style) are not compared. ``--no-languagetool`` leaves out the
fragment rows, which need LanguageTool's tagger. Exit 0 when they match, 1 when they
drift (each difference printed), 2 when the article cannot be read or checked.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Iterable, Sequence

REPO = Path(__file__).resolve().parent.parent
DEFAULT_ARTICLE = REPO.parent / "shared" / "examples" / "seed-article.txt"
NEWS_CATEGORIES = ("chrome", "attribution", "fragment")

if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))


def read_expected(path: Path) -> set[tuple[int, str]]:
    """``{(line, category)}`` from a TSV of ``line, category, why`` (``#`` lines are comments)."""
    rows = set()
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not raw.strip() or raw.startswith("#"):
            continue
        cells = raw.split("\t")
        if len(cells) < 2 or not cells[0].isdigit() or cells[1] not in NEWS_CATEGORIES:
            raise ValueError(f"{path}:{number}: expected 'line<TAB>category<TAB>why', got {raw!r}")
        rows.add((int(cells[0]), cells[1]))
    return rows


def drift(findings: Iterable, expected: set[tuple[int, str]], *, languagetool: bool) -> list[str]:
    """What differs between the findings and the expected rows, one line each (empty: none)."""
    if not languagetool:
        expected = {row for row in expected if row[1] != "fragment"}
    news = [f for f in findings if str(f.category) in NEWS_CATEGORIES]
    found = {(f.line, str(f.category)) for f in news}
    problems = [f"missing: line {line} {category}" for line, category in sorted(expected - found)]
    problems += [f"unexpected: line {f.line}:{f.column} {f.category} [{f.rule}]" for f in news
                 if (f.line, str(f.category)) not in expected]
    problems += [f"chrome not at column 1: line {f.line}:{f.column} [{f.rule}]" for f in news
                 if str(f.category) == "chrome" and f.column != 1]
    return problems


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("article", nargs="?", type=Path, default=DEFAULT_ARTICLE)
    parser.add_argument("expected", nargs="?", type=Path)
    parser.add_argument("--no-languagetool", action="store_true", help="leave out the fragment rows")
    args = parser.parse_args(argv)
    expected_path = args.expected or args.article.with_name(args.article.stem + ".expected.tsv")
    import newslint

    try:
        expected = read_expected(expected_path)
        report = newslint.lint_paths([str(args.article)], languagetool=not args.no_languagetool)
    except (OSError, ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if report.errors:
        for error in report.errors:
            print(f"error: {error.path}: {error.message}", file=sys.stderr)
        return 2
    problems = drift(report.findings, expected, languagetool=not args.no_languagetool)
    for problem in problems:
        print(f"{args.article}: {problem}")
    if not problems:
        print(f"{args.article}: news findings match {expected_path.name} ({len(expected)} rows)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
