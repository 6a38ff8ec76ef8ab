"""The ``--dask [ADDRESS]`` switch of ``newslint check``."""
from __future__ import annotations

import importlib.util

import click

DASK_HINT = "--dask needs dask and distributed: pip install 'newslint[dask]'"


def dask_installed() -> bool:
    """Whether Dask's distributed scheduler can be imported (the extra ``newslint[dask]``)."""
    try:
        return importlib.util.find_spec("distributed") is not None
    except (ImportError, ValueError):
        return False


def dask_option(command):
    return click.option(
        "--dask", "dask_address", is_flag=False, flag_value="local", default=None, metavar="[ADDRESS]",
        help="Check files on a Dask cluster: the scheduler at ADDRESS (tcp://host:8786), "
             "or a LocalCluster of -j workers when no address is given.")(command)


def dask_executor(dask_address: str | None, jobs: int, paths: tuple[str, ...]):
    """The executor for ``--dask`` (None without it) and the paths: a value after a bare
    ``--dask`` that is not a scheduler address is the first path to check."""
    if dask_address is None:
        return None, paths
    from newslint.execution.cluster import is_address

    if dask_address != "local" and not is_address(dask_address):
        paths, dask_address = (dask_address, *paths), "local"
    if not dask_installed():
        raise click.UsageError(DASK_HINT)
    from newslint.execution.cluster import DaskExecutor

    executor = DaskExecutor(None if dask_address == "local" else dask_address, workers=jobs)
    click.get_current_context().call_on_close(executor.close)
    return executor, paths


def resume_option(command):
    return click.option(
        "--resume", is_flag=True,
        help="Reuse the stored result of every file checked before, unchanged, with the same "
             "settings and newslint; store the new ones (says how many were reused).")(command)


def resuming_executor(resume: bool, executor, quiet: bool):
    """``executor`` wrapped to answer from the result store (``--resume``); the count of
    reused files goes to standard error when the command ends."""
    if not resume:
        return executor
    from newslint.execution.resume import ResultStore, ResumingExecutor, store_path

    resuming = ResumingExecutor(ResultStore(store_path()), executor)

    def report() -> None:
        if not quiet and resuming.total:
            click.echo(resuming.summary(), err=True)
        resuming.close()

    click.get_current_context().call_on_close(report)
    return resuming

