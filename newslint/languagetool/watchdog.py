"""A detached watcher that stops newslint's LanguageTool daemon when it is no longer needed:
after ``--idle-timeout`` seconds without requests, or when ``--owner-pid`` exits.

Run as ``python -m newslint.languagetool.watchdog``; it exits once the daemon is gone.
"""
from __future__ import annotations

import argparse
import time

from newslint.languagetool.paths import LanguageToolHome
from newslint.languagetool.process import pid_alive
from newslint.languagetool.server import is_our_server, last_used, remove_state, stop_idle_server


def should_stop(now: float, last: float, idle_timeout: int, owner_alive: bool) -> bool:
    if not owner_alive:
        return True
    return idle_timeout > 0 and now - last > idle_timeout


def watch(home: LanguageToolHome, pid: int, port: int, idle_timeout: int, owner_pid: int | None) -> None:
    # An owner is checked every second; an idle clock alone needs less attention.
    interval = 1.0 if owner_pid is not None else max(0.5, min(15.0, idle_timeout / 10))
    misses = 0
    while True:
        if not is_our_server(pid, port):
            misses += 1              # twice in a row: a busy machine can fail one look at /proc
            if misses >= 2:
                remove_state(home, pid)
                return
            time.sleep(0.5)
            continue
        misses = 0
        owner_alive = owner_pid is None or pid_alive(owner_pid)
        if should_stop(time.time(), last_used(home), idle_timeout, owner_alive):
            stop_idle_server(home, pid)
            return
        time.sleep(interval)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m " + __spec__.name if __spec__ else "watchdog")
    parser.add_argument("--data-dir", required=True)
    parser.add_argument("--pid", type=int, required=True)
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--idle-timeout", type=int, default=0)
    parser.add_argument("--owner-pid", type=int, default=None)
    args = parser.parse_args(argv)
    watch(LanguageToolHome.from_env(args.data_dir), args.pid, args.port, args.idle_timeout, args.owner_pid)


if __name__ == "__main__":
    main()
