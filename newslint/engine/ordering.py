"""Results put in path order as they arrive, so a reporter can stream them."""
from __future__ import annotations

import collections
import itertools
from typing import Callable, Iterable, Iterator

from newslint.findings import FileError
from newslint.results import FileResult


def by_path(targets: Iterable[tuple[str, FileError | None]],
            lint_files: Callable[[list[str]], Iterable[FileResult]],
            progress=None) -> Iterator[list[FileResult]]:
    """The results of ``targets`` (errors as they are, files through ``lint_files``)
    grouped by path, in sorted path order: the findings of the groups, one after the
    other, are the findings sorted by path first. A path named twice is one group of two
    results. Results that arrive before their turn (a folder walk lists a folder's files
    before its subfolders) wait; in a flat folder none do. ``progress`` (a
    :class:`newslint.progress.Progress`) hears the number of files, then each file done."""
    targets = list(targets)
    expected = collections.Counter(path for path, _ in targets)
    order = sorted(expected)
    waiting: dict[str, list[FileResult]] = {}
    turn = 0
    errors = [FileResult(path, errors=[error]) for path, error in targets if error is not None]
    files = [path for path, error in targets if error is None]
    del targets
    if progress is not None:
        progress.start(len(errors) + len(files))
    for result in itertools.chain(errors, lint_files(files)):
        if progress is not None:
            progress.advance()
        waiting.setdefault(result.path, []).append(result)
        while turn < len(order) and len(waiting.get(order[turn], ())) == expected[order[turn]]:
            yield waiting.pop(order[turn])
            turn += 1
    for path in sorted(waiting):     # a result under a path no target named: never dropped
        yield waiting[path]
