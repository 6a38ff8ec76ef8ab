"""A desk's accepted names: the file ``newslint vocab learn`` writes and ``vocab: {names:
FILE}`` reads.

The file is UTF-8 text, one name per line; blank lines and lines starting with ``#`` are
skipped. A name is one word as the article spells it (``Caddell``, ``DuVernay``,
``Holtz-Eakin``), without a possessive.
"""
from __future__ import annotations

import os
from collections import Counter
from dataclasses import dataclass
from typing import Iterable, Iterator

from newslint.errors import ConfigError
from newslint.names.evidence import TITLES, WORD, NameIndex
from newslint.regular_files import read_settings_text

MAX_NAMES_BYTES = 16 << 20      # a desk's list runs to some thousand names: far below this


def read_names(path: str) -> tuple[str, ...]:
    """The names in ``path``, sorted; a bad file raises ConfigError naming it (and the line)."""
    text = read_settings_text(path, MAX_NAMES_BYTES, "names list: ")
    names = set()
    for number, line in enumerate(text.splitlines(), start=1):
        entry = line.strip()
        if not entry or entry.startswith("#"):
            continue
        if not WORD.fullmatch(entry):
            raise ConfigError(path, f"names list: {entry!r} is not one word (letters, with inner ' or -)",
                              number)
        names.add(entry)
    return tuple(sorted(names))


@dataclass
class Learned:
    articles: int
    seen_in: Counter          # name -> articles it is a name in


def learn(texts: Iterable[tuple[str, str]]) -> Learned:
    """Count, for each (path, text), the names the article marks as names."""
    from newslint.documents import format_for_path, parse_document

    seen: Counter = Counter()
    articles = 0
    for path, text in texts:
        doc = parse_document(text, path, format_for_path(path) or "text")
        index = NameIndex.build(doc)
        names = {m.form for m in index.mentions if len(m.form) > 1 and m.form not in TITLES
                 and index.is_name(m.form, m.segment, m.start)}
        seen.update(names)
        articles += 1
    return Learned(articles, seen)


def names_file(learned: Learned, min_articles: int) -> str:
    kept = sorted(name for name, n in learned.seen_in.items() if n >= min_articles)
    header = (f"# newslint names: {len(kept)} names seen as names in at least {min_articles} of "
              f"{learned.articles} articles (newslint vocab learn)\n")
    return header + "".join(f"{name}\n" for name in kept)


def iter_files(paths: Iterable[str], suffixes: tuple[str, ...]) -> Iterator[str]:
    """Files under ``paths`` (folders walked in sorted order) whose names end in ``suffixes``."""
    for path in paths:
        if os.path.isdir(path):
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    if name.lower().endswith(suffixes):
                        yield os.path.join(root, name)
        else:
            yield path
