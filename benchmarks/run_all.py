"""Run every benchmark and print one table of figures (ratios against same-run references).

    python benchmarks/run_all.py             full sizes (about 11 minutes on 2 cores)
    python benchmarks/run_all.py --quick     CI-sized corpora (about 3 minutes)
    python benchmarks/run_all.py --only vale,growth --profile

Benchmarks (each also runs alone: ``python benchmarks/<module>.py --help``):

    vale          vale_compare.py        the same 30 YAML rules in newslint and Vale
    proselint     proselint_compare.py   newslint and proselint, each on its own rules
    languagetool  languagetool_compare.py  the LanguageTool stage against raw HTTP; jobs; a pool
    growth        growth.py              100 / 1,000 / 10,000 articles: time and memory
    cache         lt_cache.py            a cached re-run with LanguageTool against a cold one

The LanguageTool benchmarks start and stop their own daemons from the install
NEWSLINT_DATA_DIR points at; without one they print a skipped row. Vale and proselint
rows are skipped, with the install command, when the tool is missing.
"""
from __future__ import annotations

import argparse
import datetime
import os
import platform
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import growth  # noqa: E402
import languagetool_compare  # noqa: E402
import lt_cache  # noqa: E402
import proselint_compare  # noqa: E402
import vale_compare  # noqa: E402
from common import Row, print_rows  # noqa: E402

FULL = {
    "vale": lambda a: vale_compare.run(count=1000, repeats=1, profile=a.profile),
    "proselint": lambda a: proselint_compare.run(count=300, repeats=1, install=a.install_proselint),
    "languagetool": lambda a: languagetool_compare.run(count=30, repeats=2),
    "growth": lambda a: growth.run(sizes=(100, 1000, 10000)),
    "cache": lambda a: lt_cache.run(count=1000, cached_runs=2),
}
QUICK = {
    "vale": lambda a: vale_compare.run(count=200, repeats=1, profile=a.profile),
    "proselint": lambda a: proselint_compare.run(count=100, repeats=1, install=a.install_proselint),
    "languagetool": lambda a: languagetool_compare.run(count=10, repeats=1, pool=False),
    "growth": lambda a: growth.run(sizes=(100, 300, 1000)),
    "cache": lambda a: lt_cache.run(count=100, cached_runs=2),
}


def machine() -> str:
    cpu = "unknown CPU"
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as fh:
            cpu = next(line.split(":", 1)[1].strip() for line in fh if line.startswith("model name"))
    except (OSError, StopIteration):
        pass
    return f"{os.cpu_count()} cores, {cpu}, Python {platform.python_version()}, {platform.system()} {platform.release()}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="CI-sized corpora")
    parser.add_argument("--only", default="", help="comma-separated benchmark names")
    parser.add_argument("--skip", default="", help="comma-separated benchmark names")
    parser.add_argument("--profile", action="store_true", help="print newslint's cProfile top entries (Vale run)")
    parser.add_argument("--install-proselint", action="store_true",
                        help=f"create {proselint_compare.DEFAULT_VENV} when proselint is missing")
    args = parser.parse_args()
    plan = QUICK if args.quick else FULL
    only = [n for n in args.only.split(",") if n]
    skip = {n for n in args.skip.split(",") if n}
    unknown = [n for n in [*only, *skip] if n not in plan]
    if unknown:
        parser.error(f"unknown benchmark {', '.join(unknown)}; known: {', '.join(plan)}")
    names = [n for n in (only or plan) if n not in skip]

    started = time.perf_counter()
    rows: list[Row] = []
    for name in names:
        print(f"\n== {name} ==", flush=True)
        begun = time.perf_counter()
        try:
            rows.extend(plan[name](args).rows)
        except Exception as exc:          # one broken benchmark still leaves the others' figures
            print(f"{name} failed: {type(exc).__name__}: {exc}", file=sys.stderr)
            rows.append(Row(name, "failed", "", "", "", "", f"{type(exc).__name__}: {str(exc)[:80]}"))
        print(f"({name}: {time.perf_counter() - begun:.0f} s)", flush=True)

    print(f"\n{datetime.date.today().isoformat()}, {machine()}; "
          f"{'--quick' if args.quick else 'full sizes'}, {time.perf_counter() - started:.0f} s in all\n")
    print_rows(rows)
    return 1 if any(r.measure == "failed" for r in rows) else 0


if __name__ == "__main__":
    sys.exit(main())
