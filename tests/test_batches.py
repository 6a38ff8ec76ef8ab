"""How the -j pool and the Dask executor cut a run's files into batches: consecutive,
complete, large while much is left and down to single files at the end."""
from __future__ import annotations

import pytest

from newslint.engine.pool import _batches
from newslint.execution.cluster import DaskExecutor


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
    _guided(DaskExecutor().batches(files, 2), files, 64)
    fixed = DaskExecutor(batch_files=8).batches(files, 2)
    assert [f for batch in fixed for f in batch] == files
    assert all(len(batch) == 8 for batch in fixed[:-1])
