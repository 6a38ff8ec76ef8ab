"""Archive runs, as ratios measured in one run:

1. LanguageTool: ``newslint check -j 2`` on N articles, cold (empty cache) and cached
   (the same command again; and with ``--resume``), against raw ``POST /v2/check`` of
   the same prose with 2 threads on the same warm server (goal: cold <= 1.1x raw);
2. ``--dask`` on a LocalCluster of 2 workers against ``-j 2`` on the same files
   (``--no-languagetool``, so the figure is the executor's cost; goal <= 1.15x), and
   that the two outputs are byte-identical;
3. peak memory of ``check --no-languagetool -j 2 --format json`` (and ``--format html``)
   on a small and a large corpus (goal: flat).

    NEWSLINT_DATA_DIR=/path/to/data python benchmarks/archive.py [--lt-count 10000]
        [--dask-count 10000] [--sizes 1000,10000] [--repeat 1]

The LanguageTool rows use a private daemon started from the existing install (see
common.PrivateServer), never a daemon other work relies on.
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import (LANGUAGETOOL_MISSING, PrivateServer, Result, Row, corpus, corpus_dir,  # noqa: E402
                    languagetool_root, mib, newslint_command, print_rows, repeat, timed)
from languagetool_compare import RawClient, load_documents, plain_text  # noqa: E402

from newslint.config.model import LanguageToolSettings  # noqa: E402
from newslint.languagetool.stage import request_params  # noqa: E402


def languagetool_rows(result: Result, base: Path, count: int, install_root: str | None) -> None:
    if not install_root:
        result.say(LANGUAGETOOL_MISSING + "; skipping the LanguageTool rows")
        return
    paths, size = corpus(base, count, seed=31)
    folder = corpus_dir(paths)
    params = request_params(LanguageToolSettings())
    texts = [plain_text(d) for d in load_documents(paths)]
    result.say(f"LanguageTool: {count} articles, {size / 1e6:.1f} MB, {sum(map(len, texts)) / 1e6:.1f} M "
               f"characters of prose")
    with PrivateServer(base / "lt", install_root) as server:
        raw = RawClient(server.url, params)
        raw.run(texts[:50], 2)                                  # warm the server
        raw_seconds, matches = raw.run(texts, 2)
        result.say(f"  raw HTTP, 2 threads: {raw_seconds:.1f} s, {matches} matches")
        env = {**server.env, "NEWSLINT_CACHE_DIR": str(base / "cache"), "NEWSLINT_PROGRESS": "0"}
        cli = newslint_command() + ["check", "--format", "json", "-q", "-j", "2"]
        cold = timed(cli + [folder], env=env)
        cached = timed(cli + [folder], env=env)
        timed(cli + ["--resume", folder], env=env)                # fills the result store
        resumed = timed(cli + ["--resume", folder], env=env)
        findings = len(cold.json()["findings"])
        assert cached.stdout == cold.stdout == resumed.stdout, "cached output differs from the cold run"
    for name, run in (("cold cache", cold), ("LT cache warm", cached), ("--resume, all stored", resumed)):
        result.say(f"  newslint -j 2, {name}: {run.seconds:.1f} s ({findings} findings)")
        result.rows.append(Row("archive LT", f"check -j 2, {name} / raw", f"{run.seconds:.1f} s",
                               f"raw {raw_seconds:.1f} s", f"{run.seconds / raw_seconds:.2f}x",
                               "<= 1.1x" if name == "cold cache" else "", f"{count} articles"))


def dask_rows(result: Result, base: Path, count: int, repeats: int) -> None:
    paths, size = corpus(base, count, seed=37)
    folder = corpus_dir(paths)
    env = {**os.environ, "NEWSLINT_PROGRESS": "0"}
    cli = newslint_command() + ["check", "--no-languagetool", "--format", "json", "-q", "-j", "2"]
    local = repeat(repeats, lambda: timed(cli + [folder], env=env))
    on_dask = repeat(repeats, lambda: timed(cli + ["--dask", folder], env=env))
    same = local.stdout == on_dask.stdout
    result.say(f"--dask: {count} articles, {size / 1e6:.1f} MB: -j 2 {local.seconds:.1f} s, "
               f"--dask (LocalCluster, 2 workers) {on_dask.seconds:.1f} s; byte-identical: {same}")
    result.rows.append(Row("archive dask", "--dask / -j 2, wall", f"{on_dask.seconds:.1f} s",
                           f"-j 2 {local.seconds:.1f} s", f"{on_dask.seconds / local.seconds:.2f}x", "<= 1.15x",
                           f"{count} articles, no LT, identical: {same}"))
    result.rows.append(Row("archive dask", "--dask / -j 2, memory (all processes)", mib(on_dask.tree_rss),
                           mib(local.tree_rss), f"{on_dask.tree_rss / local.tree_rss:.2f}x", "", ""))


def memory_rows(result: Result, base: Path, sizes: list[int]) -> None:
    env = {**os.environ, "NEWSLINT_PROGRESS": "0"}
    runs = {}
    for count in sizes:
        paths, size = corpus(base, count, seed=41)
        folder = corpus_dir(paths)
        for fmt in ("json", "html"):
            run = timed(newslint_command() + ["check", "--no-languagetool", "--format", fmt, "-q", "-j", "2", folder],
                        env=env)
            runs[(count, fmt)] = run
            result.say(f"memory: {count} articles ({size / 1e6:.1f} MB), --format {fmt}: {run.seconds:.1f} s, "
                       f"largest process {mib(run.max_rss)}, all processes {mib(run.tree_rss)}, "
                       f"output {len(run.stdout) / 1e6:.1f} MB")
    small, large = sizes[0], sizes[-1]
    for fmt in ("json", "html"):
        a, b = runs[(small, fmt)], runs[(large, fmt)]
        result.rows.append(Row("archive memory", f"{large} / {small} articles, {fmt}, largest process",
                               mib(b.max_rss), mib(a.max_rss), f"{b.max_rss / a.max_rss:.2f}x", "flat (~1x)",
                               f"all processes {b.tree_rss / a.tree_rss:.2f}x"))


def run(lt_count: int = 10_000, dask_count: int = 10_000, sizes: tuple[int, ...] = (1000, 10_000),
        repeats: int = 1, install_root: str | None = None) -> Result:
    result = Result("archive")
    load = os.getloadavg()
    result.say(f"load average at start: {load[0]:.1f} {load[1]:.1f} {load[2]:.1f} on {os.cpu_count()} cores")
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="newslint-archive-") as tmp:
        base = Path(tmp)
        memory_rows(result, base / "memory", list(sizes))
        dask_rows(result, base / "dask", dask_count, repeats)
        if lt_count:
            languagetool_rows(result, base / "languagetool", lt_count, install_root or languagetool_root())
    load = os.getloadavg()
    result.say(f"load average at the end: {load[0]:.1f} {load[1]:.1f} {load[2]:.1f}; "
               f"{time.perf_counter() - started:.0f} s in all")
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lt-count", type=int, default=10_000, help="articles for the LanguageTool rows (0: none)")
    parser.add_argument("--dask-count", type=int, default=10_000, help="articles for --dask against -j 2")
    parser.add_argument("--sizes", default="1000,10000", help="corpus sizes for peak memory")
    parser.add_argument("--repeat", type=int, default=1, help="runs of each timed command (the fastest counts)")
    args = parser.parse_args()
    result = run(args.lt_count, args.dask_count, tuple(int(s) for s in args.sizes.split(",")), args.repeat)
    print()
    print_rows(result.rows)


if __name__ == "__main__":
    main()
