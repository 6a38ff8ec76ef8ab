"""N local LanguageTool servers against one server with N times the threads, on the same cores.

``newslint languagetool start --servers N`` shares the cores out: each of N servers gets
``cores // N`` check threads. This benchmark starts, in a private data folder that reuses
an existing install, first one server (one thread per core), then N servers, and times
``newslint check --select 'lt.*' --no-cache -j JOBS`` on the same generated articles with
each; the two set-ups take turns for ``--repeat`` rounds (the servers are restarted each
time, and warmed with one untimed pass), and medians are reported as a ratio.

    NEWSLINT_DATA_DIR=... python benchmarks/languagetool_servers.py [--count 60] [--servers 2]
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import LANGUAGETOOL_MISSING, clean_env, corpus, corpus_dir, languagetool_root, newslint_command  # noqa: E402


def _cli(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run(newslint_command() + args, env=env, capture_output=True, text=True)


def _timed_check(folder: str, jobs: int, env: dict[str, str]) -> float:
    start = time.perf_counter()
    done = _cli(["check", "--select", "lt.*", "--no-cache", "-j", str(jobs), "--format", "json", folder], env)
    elapsed = time.perf_counter() - start
    if done.returncode not in (0, 1):
        raise SystemExit(f"newslint check failed ({done.returncode}): {done.stderr[-2000:]}")
    return elapsed


def _round(servers: int, folder: str, jobs: int, env: dict[str, str]) -> float:
    # An idle timeout, so servers of an interrupted benchmark do not outlive it for long.
    started = _cli(["languagetool", "start", "--servers", str(servers), "--idle-timeout", "300"], env)
    if started.returncode != 0:
        raise SystemExit(f"start --servers {servers} failed: {started.stderr}")
    try:
        _timed_check(folder, jobs, env)          # warm-up: JIT and the servers' pipelines
        return _timed_check(folder, jobs, env)
    finally:
        _cli(["languagetool", "stop"], env)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=60, help="articles (default 60)")
    parser.add_argument("--servers", type=int, default=2, help="servers of the shared set-up (default 2)")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    root = languagetool_root()
    if root is None:
        print(LANGUAGETOOL_MISSING, file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="newslint-servers-") as tmp:
        env = clean_env(NEWSLINT_DATA_DIR=str(Path(tmp) / "data"), NEWSLINT_CACHE_DIR=str(Path(tmp) / "cache"),
                        NEWSLINT_PROGRESS="0")
        installed = _cli(["languagetool", "install", "--path", root], env)
        if installed.returncode != 0:
            print(installed.stderr, file=sys.stderr)
            return 2
        paths, size = corpus(Path(tmp), args.count)
        folder = corpus_dir(paths)
        one, many = [], []
        for i in range(args.repeat):
            order = [(1, one), (args.servers, many)]
            for servers, times in (order if i % 2 == 0 else order[::-1]):
                times.append(_round(servers, folder, args.jobs, env))
        cores = os.cpu_count() or 1
        a, b = statistics.median(one), statistics.median(many)
        print(f"{args.count} articles ({size / 1e6:.2f} MB), -j {args.jobs}, {cores} cores, "
              f"median of {args.repeat}")
        print(f"  1 server, {cores} threads            {a:7.2f} s")
        print(f"  {args.servers} servers, {max(1, cores // args.servers)} thread(s) each      {b:7.2f} s")
        print(f"  {args.servers} servers / 1 server           {b / a:7.2f}x time")
    return 0


if __name__ == "__main__":
    sys.exit(main())
