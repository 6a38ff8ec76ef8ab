"""Stopping the ``-j`` pool on Ctrl-C never leaves the process waiting at exit, even when
a worker was terminated half-way through sending a result."""
from __future__ import annotations

import subprocess
import sys
import textwrap

# A worker that writes the start of a result message (a length that promises 1,000
# bytes, then 10 of them) into the pool's result pipe and dies: what a worker
# terminated in the middle of sending a large result leaves behind.
SCRIPT = textwrap.dedent("""
    import gc, multiprocessing, multiprocessing.queues, os, signal, struct, sys, time
    from concurrent.futures import ProcessPoolExecutor
    from newslint.engine.pool import _stop_workers

    def die_mid_result():
        queue = next(o for o in gc.get_objects() if type(o) is multiprocessing.queues.SimpleQueue)
        os.write(queue._writer.fileno(), struct.pack("!i", 1000) + b"x" * 10)
        os.kill(os.getpid(), signal.SIGKILL)

    if __name__ == "__main__":
        pool = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("fork"))
        pool.submit(die_mid_result)
        manager = pool._executor_manager_thread
        for process in list(pool._processes.values()):
            process.join(10)
        time.sleep(0.5)         # the executor's thread is now reading the half message
        _stop_workers(pool)
        manager.join(10)
        print("manager alive" if manager.is_alive() else "manager ended", flush=True)
        sys.exit(0 if not manager.is_alive() else 1)
""")


def test_a_worker_killed_mid_result_does_not_hold_the_exit():
    try:
        done = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, timeout=30)
    except subprocess.TimeoutExpired as exc:
        raise AssertionError(f"the process did not exit: {exc.stdout!r}") from None
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.strip() == "manager ended"
