"""Archive runs, as ratios measured in one run:

1. LanguageTool: ``newslint check -j 2`` on N articles, cold (empty cache) and cached
   (the same command again; and with ``--resume``), against raw ``POST /v2/check`` of
   the same prose with 2 threads on the same warm server (goal: cold <= 1.1x raw), in
   wall time and in CPU time (the server's, read from /proc, plus the client's), the
   steadier of the two where the machine's speed moves between runs;
2. ``--dask`` on a LocalCluster of 2 workers against ``-j 2`` on the same files
   (``--no-languagetool``, so the figure is the executor's cost; goal <= 1.15x), and
   that the two outputs are byte-identical;
3. peak memory of ``check --no-languagetool -j 2 --format json`` (and ``--format html``)
   on a small and a large corpus (goal: flat).

    NEWSLINT_DATA_DIR=/path/to/data python benchmarks/archive.py [--lt-count 10000]
        [--dask-count 10000] [--sizes 1000,10000] [--repeat 1] [--swap]

With ``--repeat N`` the compared runs alternate (raw, cold; cold, raw; ...) and each
ratio is the median of the N paired turns, so load from other work moves both sides.
``--swap`` starts with the other order (cold, raw; ...): a second run with it gives the
other half of the pairs when one turn is all that fits.

The LanguageTool rows use a private daemon started from the existing install (see
common.PrivateServer), never a daemon other work relies on.
"""
from __future__ import annotations

import argparse
import os
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import (LANGUAGETOOL_MISSING, PrivateServer, Result, Row, corpus, corpus_dir,  # noqa: E402
                    languagetool_root, mib, newslint_command, print_rows, timed)
from languagetool_compare import RawClient, load_documents, plain_text  # noqa: E402

from newslint.config.model import LanguageToolSettings  # noqa: E402
from newslint.languagetool.stage import request_params  # noqa: E402

WARM_ARTICLES = 1000
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


def process_cpu(pid: int) -> float:
    """CPU seconds (user + system) a running process has used, from /proc."""
    with open(f"/proc/{pid}/stat", "rb") as fh:
        fields = fh.read().rsplit(b")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / CLOCK_TICKS


def own_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def languagetool_rows(result: Result, base: Path, count: int, install_root: str | None, repeats: int = 1,
                      swap: bool = False) -> None:
    if not install_root:
        result.say(LANGUAGETOOL_MISSING + "; skipping the LanguageTool rows")
        return
    paths, size = corpus(base, count, seed=31)
    folder = corpus_dir(paths)
    params = request_params(LanguageToolSettings())
    texts = [plain_text(d) for d in load_documents(paths)]
    result.say(f"LanguageTool: {count} articles, {size / 1e6:.1f} MB, {sum(map(len, texts)) / 1e6:.1f} M "
               f"characters of prose")
    cli = newslint_command() + ["check", "--format", "json", "-q", "-j", "2"]
    ratios: list[float] = []
    cpu_ratios: list[float] = []
    cpus: list[tuple[float, float]] = []      # (raw, cold) CPU seconds of each turn
    raws: list[float] = []
    colds = []
    with PrivateServer(base / "lt", install_root) as server:
        raw = RawClient(server.url, params)
        # Warm the server's JIT on up to 1,000 articles first: on 50 the first timed turn
        # still ran 30 % slower than the second.
        raw.run(texts[:WARM_ARTICLES], 2)
        for turn in range(max(1, repeats)):
            # Raw and cold in turn (the order swapped every other turn), each cold run
            # with an empty cache, so each ratio pairs runs made under the same load.
            env = {**server.env, "NEWSLINT_CACHE_DIR": str(base / f"cache-{turn}"), "NEWSLINT_PROGRESS": "0"}
            def run_raw() -> tuple[float, int, float]:
                server_cpu, client_cpu = process_cpu(server.state.pid), own_cpu()
                seconds, found = raw.run(texts, 2)
                return seconds, found, process_cpu(server.state.pid) - server_cpu + own_cpu() - client_cpu

            def run_cold():
                # No memory sampler: its reads of /proc would cost this side alone.
                server_cpu = process_cpu(server.state.pid)
                run = timed(cli + [folder], env=env, sample_memory=False)
                return run, process_cpu(server.state.pid) - server_cpu + run.cpu

            if (turn + swap) % 2:
                cold, cold_cpu = run_cold()
                raw_seconds, matches, raw_cpu = run_raw()
            else:
                raw_seconds, matches, raw_cpu = run_raw()
                cold, cold_cpu = run_cold()
            ratios.append(cold.seconds / raw_seconds)
            cpu_ratios.append(cold_cpu / raw_cpu)
            cpus.append((raw_cpu, cold_cpu))
            raws.append(raw_seconds)
            colds.append(cold)
            result.say(f"  turn {turn + 1}: raw HTTP, 2 threads {raw_seconds:.1f} s ({matches} matches), "
                       f"newslint -j 2 cold {cold.seconds:.1f} s: {ratios[-1]:.2f}x; CPU (server + client) "
                       f"{raw_cpu:.1f} / {cold_cpu:.1f} s: {cpu_ratios[-1]:.2f}x (load {os.getloadavg()[0]:.1f})")
        cached = timed(cli + [folder], env=env)
        timed(cli + ["--resume", folder], env=env)                # fills the result store
        resumed = timed(cli + ["--resume", folder], env=env)
        findings = len(colds[0].json()["findings"])
        assert all(c.stdout == colds[0].stdout for c in colds), "cold runs differ"
        assert cached.stdout == colds[0].stdout == resumed.stdout, "cached output differs from the cold run"
    raw_seconds = statistics.median(raws)
    cold_seconds = statistics.median(c.seconds for c in colds)
    result.say(f"  newslint -j 2: cold {cold_seconds:.1f} s (median), LT cache warm {cached.seconds:.1f} s, "
               f"--resume {resumed.seconds:.1f} s ({findings} findings)")
    result.rows.append(Row("archive LT", "check -j 2, cold cache / raw", f"{cold_seconds:.1f} s",
                           f"raw {raw_seconds:.1f} s", f"{statistics.median(ratios):.2f}x", "<= 1.1x",
                           f"{count} articles; median of {len(ratios)} paired turns "
                           f"({', '.join(f'{r:.2f}' for r in ratios)})"))
    result.rows.append(Row("archive LT", "check -j 2, cold cache / raw, CPU (server + client)",
                           f"{statistics.median(c for _, c in cpus):.1f} CPU-s",
                           f"raw {statistics.median(r for r, _ in cpus):.1f} CPU-s",
                           f"{statistics.median(cpu_ratios):.2f}x", "<= 1.1x",
                           f"median of {len(cpu_ratios)} paired turns "
                           f"({', '.join(f'{r:.2f}' for r in cpu_ratios)})"))
    for name, run in (("LT cache warm", cached), ("--resume, all stored", resumed)):
        result.rows.append(Row("archive LT", f"check -j 2, {name} / raw", f"{run.seconds:.1f} s",
                               f"raw {raw_seconds:.1f} s", f"{run.seconds / raw_seconds:.2f}x", "",
                               f"{count} articles"))


def dask_rows(result: Result, base: Path, count: int, repeats: int, swap: bool = False) -> None:
    paths, size = corpus(base, count, seed=37)
    folder = corpus_dir(paths)
    env = {**os.environ, "NEWSLINT_PROGRESS": "0"}
    cli = newslint_command() + ["check", "--no-languagetool", "--format", "json", "-q", "-j", "2"]
    locals_, on_dasks, ratios = [], [], []
    for turn in range(max(1, repeats)):
        # In turn, the order swapped every other turn: each ratio pairs runs made under the same load.
        # Timed without the memory sampler (it scans /proc every 20 ms, on the same cores).
        if (turn + swap) % 2:
            on_dask = timed(cli + ["--dask", folder], env=env, sample_memory=False)
            local = timed(cli + [folder], env=env, sample_memory=False)
        else:
            local = timed(cli + [folder], env=env, sample_memory=False)
            on_dask = timed(cli + ["--dask", folder], env=env, sample_memory=False)
        locals_.append(local)
        on_dasks.append(on_dask)
        ratios.append(on_dask.seconds / local.seconds)
        result.say(f"  turn {turn + 1}: -j 2 {local.seconds:.1f} s, --dask {on_dask.seconds:.1f} s: "
                   f"{ratios[-1]:.2f}x (load {os.getloadavg()[0]:.1f})")
    same = all(run.stdout == locals_[0].stdout for run in locals_ + on_dasks)
    local_seconds = statistics.median(r.seconds for r in locals_)
    dask_seconds = statistics.median(r.seconds for r in on_dasks)
    result.say(f"--dask: {count} articles, {size / 1e6:.1f} MB: -j 2 {local_seconds:.1f} s, "
               f"--dask (LocalCluster, 2 workers) {dask_seconds:.1f} s (medians); byte-identical: {same}")
    result.rows.append(Row("archive dask", "--dask / -j 2, wall", f"{dask_seconds:.1f} s",
                           f"-j 2 {local_seconds:.1f} s", f"{statistics.median(ratios):.2f}x", "<= 1.15x",
                           f"{count} articles, no LT, identical: {same}; median of {len(ratios)} paired turns "
                           f"({', '.join(f'{r:.2f}' for r in ratios)})"))
    cpu_ratios = [d.cpu / j.cpu for d, j in zip(on_dasks, locals_)]
    result.rows.append(Row("archive dask", "--dask / -j 2, CPU (all processes)",
                           f"{statistics.median(r.cpu for r in on_dasks):.1f} CPU-s",
                           f"-j 2 {statistics.median(r.cpu for r in locals_):.1f} CPU-s",
                           f"{statistics.median(cpu_ratios):.2f}x", "",
                           f"user + system of the process tree; median of {len(cpu_ratios)} paired turns "
                           f"({', '.join(f'{r:.2f}' for r in cpu_ratios)})"))
    # Memory from one more run of each, sampled.
    local_rss = timed(cli + [folder], env=env).tree_rss
    dask_rss = timed(cli + ["--dask", folder], env=env).tree_rss
    result.rows.append(Row("archive dask", "--dask / -j 2, memory (all processes)", mib(dask_rss),
                           mib(local_rss), f"{dask_rss / local_rss:.2f}x", "", ""))


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
        repeats: int = 1, install_root: str | None = None, swap: bool = False) -> Result:
    result = Result("archive")
    load = os.getloadavg()
    result.say(f"load average at start: {load[0]:.1f} {load[1]:.1f} {load[2]:.1f} on {os.cpu_count()} cores")
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="newslint-archive-") as tmp:
        base = Path(tmp)
        if sizes:
            memory_rows(result, base / "memory", list(sizes))
        if dask_count:
            dask_rows(result, base / "dask", dask_count, repeats, swap)
        if lt_count:
            languagetool_rows(result, base / "languagetool", lt_count, install_root or languagetool_root(), repeats,
                              swap)
    load = os.getloadavg()
    result.say(f"load average at the end: {load[0]:.1f} {load[1]:.1f} {load[2]:.1f}; "
               f"{time.perf_counter() - started:.0f} s in all")
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lt-count", type=int, default=10_000, help="articles for the LanguageTool rows (0: none)")
    parser.add_argument("--dask-count", type=int, default=10_000, help="articles for --dask against -j 2 (0: none)")
    parser.add_argument("--sizes", default="1000,10000", help="corpus sizes for peak memory ('': none)")
    parser.add_argument("--repeat", type=int, default=1,
                        help="paired turns of raw/cold and -j 2/--dask, the order swapped every other turn "
                             "(ratios: the median of the turns')")
    parser.add_argument("--swap", action="store_true",
                        help="start with the other order: cold before raw, --dask before -j 2")
    args = parser.parse_args()
    sizes = tuple(int(s) for s in args.sizes.split(",") if s.strip())
    result = run(args.lt_count, args.dask_count, sizes, args.repeat, swap=args.swap)
    print()
    print_rows(result.rows)


if __name__ == "__main__":
    main()
