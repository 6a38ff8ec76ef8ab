#!/usr/bin/env python3
"""Long fuzz run over the parsers and the engine (outside CI).

Feeds generated markup soup (Markdown and HTML fragments, unbalanced quotes, mixed line
endings, byte-order marks, NUL and control characters, very long lines, deep nesting)
and arbitrary file bytes through ``decode_bytes``, ``parse_document``, the engine (news
pack, no LanguageTool) and the JSON reporter, with the invariants of
``tests/test_robustness_properties.py``: no exception, every finding inside the file,
valid JSON. Every failure is recorded (not just the first), grouped by where it was
raised, with the shortest input seen for each.

    python scripts/fuzz.py --seconds 300
    python scripts/fuzz.py --max-examples 20000 --seed 1 --out fuzz-crashes
    python scripts/fuzz.py --max-examples 100000 --jobs 2      # one process per job

With ``--jobs``, each process runs its share of the inputs on seeds of its own
(job j uses seeds seed + j, seed + j + jobs, ...), and the crashes are merged.

Prints the number of inputs tried and the distinct crashes found; exits 1 when any.
"""
from __future__ import annotations

import argparse
import multiprocessing
import os
import sys
import time
import traceback
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from hypothesis import HealthCheck, Phase, given, settings  # noqa: E402
from hypothesis import seed as hypothesis_seed  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from tests.test_robustness_properties import check_bytes, check_text, documents, files  # noqa: E402

BATCH = 500   # examples per hypothesis run; runs repeat with new seeds until the budget is spent


class Stats:
    def __init__(self) -> None:
        self.tried = 0
        self.crashes: dict[str, tuple[str, object]] = {}   # signature -> (traceback, shortest input)
        self.failures = 0

    def record(self, exc: BaseException, case: object) -> None:
        self.failures += 1
        frames = traceback.extract_tb(exc.__traceback__)
        ours = [f for f in frames if "/newslint/" in f.filename or "test_robustness" in f.filename]
        where = ours[-1] if ours else frames[-1]
        signature = f"{type(exc).__name__} at {os.path.relpath(where.filename, REPO)}:{where.lineno}"
        old = self.crashes.get(signature)
        if old is None or _size(case) < _size(old[1]):
            text = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
            self.crashes[signature] = (text, case)


def _size(case: object) -> int:
    return len(case[1]) if isinstance(case, tuple) else len(repr(case))


def run(stats: Stats, examples: int, run_seed: int) -> None:
    def guarded(check, case) -> None:
        stats.tried += 1
        try:
            check(*case)
        except (KeyboardInterrupt, SystemExit):
            raise
        except BaseException as exc:  # noqa: BLE001 (every failure is a finding of the fuzz run)
            stats.record(exc, case)

    @settings(max_examples=examples, deadline=None, database=None, phases=[Phase.generate],
              suppress_health_check=list(HealthCheck))
    @given(st.one_of(documents().map(lambda c: ("text", c)), files().map(lambda c: ("bytes", c))))
    def body(tagged):
        kind, case = tagged
        guarded(check_text if kind == "text" else check_bytes, case)

    hypothesis_seed(run_seed)(body)()


def fuzz(max_examples: int | None, seconds: float | None, first_seed: int, seed_step: int,
         progress: bool) -> Stats:
    """Run batches until the budget is spent (seeds first_seed, first_seed + seed_step, ...)."""
    stats = Stats()
    started = time.monotonic()
    run_seed = first_seed
    while True:
        if max_examples is not None and stats.tried >= max_examples:
            break
        if seconds is not None and time.monotonic() - started >= seconds:
            break
        left = BATCH if max_examples is None else min(BATCH, max_examples - stats.tried)
        run(stats, left, run_seed)
        run_seed += seed_step
        if progress:
            print(f"  {stats.tried} inputs, {len(stats.crashes)} distinct crashes, "
                  f"{time.monotonic() - started:.0f} s", file=sys.stderr, flush=True)
    return stats


def _job(args: tuple) -> Stats:
    return fuzz(*args)


def merge(parts: list[Stats]) -> Stats:
    total = Stats()
    for part in parts:
        total.tried += part.tried
        total.failures += part.failures
        for signature, (text, case) in part.crashes.items():
            old = total.crashes.get(signature)
            if old is None or _size(case) < _size(old[1]):
                total.crashes[signature] = (text, case)
    return total


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--max-examples", type=int, default=None, help="stop after this many inputs")
    parser.add_argument("--seconds", type=float, default=None, help="stop after about this long")
    parser.add_argument("--seed", type=int, default=0, help="first hypothesis seed (runs use seed, seed+1, ...)")
    parser.add_argument("--jobs", type=int, default=1, help="processes to fuzz in (0: one per core)")
    parser.add_argument("--out", help="folder to write each crash's traceback and input to")
    args = parser.parse_args(argv)
    if args.max_examples is None and args.seconds is None:
        args.max_examples = 10_000
    jobs = args.jobs if args.jobs > 0 else (os.cpu_count() or 1)
    started = time.monotonic()
    try:
        if jobs == 1:
            stats = fuzz(args.max_examples, args.seconds, args.seed, 1, True)
        else:
            shares = [None if args.max_examples is None else args.max_examples // jobs
                      + (1 if j < args.max_examples % jobs else 0) for j in range(jobs)]
            work = [(share, args.seconds, args.seed + j, jobs, j == 0) for j, share in enumerate(shares)]
            with multiprocessing.get_context("spawn").Pool(jobs) as pool:
                stats = merge(pool.map(_job, work))
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    elapsed = time.monotonic() - started
    print(f"inputs tried: {stats.tried} in {elapsed:.0f} s ({stats.tried / max(elapsed, 1e-9):.0f}/s, "
          f"{jobs} process{'es' if jobs > 1 else ''})")
    print(f"crashes found: {len(stats.crashes)} distinct ({stats.failures} failing inputs)")
    for n, (signature, (text, case)) in enumerate(sorted(stats.crashes.items()), 1):
        print(f"\n[{n}] {signature}\n    shortest input: {case!r:.300}")
        if args.out:
            folder = Path(args.out)
            folder.mkdir(parents=True, exist_ok=True)
            (folder / f"crash-{n}.txt").write_text(f"{signature}\n\ninput: {case!r}\n\n{text}", encoding="utf-8")
    return 1 if stats.crashes else 0


if __name__ == "__main__":
    sys.exit(main())
