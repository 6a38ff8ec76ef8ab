"""A detached watcher that stops newslint's LanguageTool daemon when it is no longer needed:
after ``--idle-timeout`` seconds without requests, when ``--owner-pid`` exits, or when
``--starter-pid`` (the process that launched it) exits before the daemon was ready.
With neither an idle timeout nor an owner, the watcher leaves once the daemon is ready.

Run as ``python -m newslint.languagetool.watchdog``; it exits once the daemon is gone.
"""
from __future__ import annotations

import argparse
import time

from newslint.languagetool.paths import LanguageToolHome
from newslint.languagetool.process import pid_alive
from newslint.languagetool.server import is_our_server, last_used, read_state, remove_state, stop_idle_server


def should_stop(now: float, last: float, idle_timeout: int, owner_alive: bool) -> bool:
    if not owner_alive:
        return True
    return idle_timeout > 0 and now - last > idle_timeout


def is_ready(home: LanguageToolHome, pid: int) -> bool:
    state = read_state(home)
    return state is not None and state.pid == pid and state.ready


def watch(home: LanguageToolHome, pid: int, port: int, idle_timeout: int, owner_pid: int | None,
          starter_pid: int | None = None) -> None:
    # An owner or a starter is checked every second; an idle clock alone needs less attention.
    steady = 1.0 if owner_pid is not None else max(0.5, min(15.0, idle_timeout / 10)) if idle_timeout else None
    misses = 0
    while True:
        warming = starter_pid is not None and not is_ready(home, pid)
        if warming and not pid_alive(starter_pid) and not is_ready(home, pid):
            stop_idle_server(home, pid)          # its starter died before it was ready
            return
        if not warming and steady is None:
            return                               # ready, and nothing else to watch
        interval = 1.0 if warming else steady
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
    parser.add_argument("--slot", type=int, default=0)
    parser.add_argument("--pid", type=int, required=True)
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--idle-timeout", type=int, default=0)
    parser.add_argument("--owner-pid", type=int, default=None)
    parser.add_argument("--starter-pid", type=int, default=None)
    args = parser.parse_args(argv)
    watch(LanguageToolHome.from_env(args.data_dir, args.slot), args.pid, args.port, args.idle_timeout, args.owner_pid,
          args.starter_pid)


if __name__ == "__main__":
    main()
