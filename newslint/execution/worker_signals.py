"""The Dask worker preload of the LocalCluster newslint starts: its workers ignore Ctrl-C.

The workers are spawned in the terminal's process group, so a Ctrl-C reaches them as well
as ``newslint``; left to Python's default handler, each would print a KeyboardInterrupt
traceback. They ignore it instead, and the client, which handles it, stops them through
their nannies. Named in ``LOCAL_CLUSTER_CONFIG``; a user's own cluster is left as it is.
"""
from __future__ import annotations

import signal


def dask_setup(worker: object) -> None:
    """Run by Dask in each worker's main thread once the worker has started."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
