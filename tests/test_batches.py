"""How the -j pool and the Dask executor cut a run's files into batches: consecutive,
complete, large while much is left (for Dask: about a second of work each, at the rate
seen) and down to single files at the end."""
from __future__ import annotations

import pytest

from newslint.engine.pool import _batches
from newslint.execution.cluster import FIRST_BATCH_FILES, MAX_BATCH_FILES, BatchSizer


def _cut(files: list[str], sizer: BatchSizer, seconds_per_file: float | None = None) -> list[list[str]]:
    """The batches the Dask executor cuts from ``files`` with ``sizer`` when every batch
    is checked at ``seconds_per_file`` (None: before any is back)."""
    out: list[list[str]] = []
    start = 0
    while start < len(files):
        size = sizer.size(len(files) - start)
        out.append(files[start:start + size])
        if seconds_per_file is not None:
            sizer.observe(size, size * seconds_per_file)
        start += size
    return out


def _guided(batches: list[list[str]], files: list[str], largest: int) -> None:
    assert [f for batch in batches for f in batch] == files       # in order, each file once
    sizes = [len(batch) for batch in batches]
    assert all(0 < size <= largest for size in sizes)
    assert sizes == sorted(sizes, reverse=True)                    # never grow
    assert sizes[-1] == 1


@pytest.mark.parametrize("count", [2, 9, 100, 1000, 10_000])
@pytest.mark.parametrize("jobs", [1, 2, 8])
def test_pool_batches_shrink_to_single_files(count, jobs):
    files = [f"a/{i:05}.txt" for i in range(count)]
    batches = _batches(files, jobs)
    _guided(batches, files, 64)
    if count >= 64 * jobs * 8:
        assert len(batches[0]) == 64 and len(batches) <= count / 16   # few tasks on big runs


@pytest.mark.parametrize("count", [1, 7, 201, 10_000])
def test_dask_batches_shrink_to_single_files_unless_a_size_is_given(count):
    files = [f"a/{i:05}.txt" for i in range(count)]
    _guided(_cut(files, BatchSizer(2)), files, FIRST_BATCH_FILES)
    fixed = _cut(files, BatchSizer(2, fixed=8))
    assert [f for batch in fixed for f in batch] == files
    assert all(len(batch) == 8 for batch in fixed[:-1])


@pytest.mark.parametrize("seconds_per_file, steady", [(0.003, 333), (0.3, 3), (0.0001, MAX_BATCH_FILES)])
def test_dask_batches_take_about_a_second_of_work_at_the_rate_seen(seconds_per_file, steady):
    files = [f"a/{i:05}.txt" for i in range(20_000)]
    batches = _cut(files, BatchSizer(2), seconds_per_file)
    assert [f for batch in batches for f in batch] == files
    sizes = [len(batch) for batch in batches]
    assert sizes[0] == FIRST_BATCH_FILES and sizes[-1] == 1
    assert abs(sizes[len(sizes) // 4] - steady) <= 1          # the rate is learnt at once
    tail = sizes[sizes.index(max(sizes)):]
    assert tail == sorted(tail, reverse=True)                  # then only the end shrinks them
    if steady == 333:
        assert len(batches) < 20_000 / 150                     # 64-file batches: 340


def test_the_batch_size_follows_a_change_of_rate():
    sizer = BatchSizer(2)
    for _ in range(10):
        sizer.observe(100, 0.3)                                # rules alone: 3 ms a file
    assert sizer.size(100_000) == 333
    for _ in range(10):
        sizer.observe(10, 3.0)                                 # LanguageTool: 300 ms a file
    assert sizer.size(100_000) in (3, 4)
    assert sizer.size(5) == 1 and BatchSizer(2, fixed=16).size(100_000) == 16
