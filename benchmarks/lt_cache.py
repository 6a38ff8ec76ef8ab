"""A re-run of an unchanged corpus with LanguageTool: cached against cold.

Starts a private LanguageTool daemon (reusing the install NEWSLINT_DATA_DIR points at, as
the other LanguageTool benchmarks do), warms it up, then runs

    newslint check -j 2 --format json -q CORPUS

twice over the same generated corpus (1,000 articles by default) with NEWSLINT_CACHE_DIR
pointing at a new, empty folder: the first run is cold (every request goes to the warm
server), the second answers from the cache. Target: the cached run at least 20x faster.
Both runs must report the same findings.

    NEWSLINT_DATA_DIR=... python benchmarks/lt_cache.py [--count 1000] [--cached-runs 3]
"""
from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import (LANGUAGETOOL_MISSING, PrivateServer, Result, Row, corpus, corpus_dir,  # noqa: E402
                    languagetool_root, mb, mib, newslint_command, print_rows, repeat, timed)


def run(count: int = 1000, cached_runs: int = 3, install_root: str | None = None, jobs: int = 2) -> Result:
    result = Result("cache")
    install_root = install_root or languagetool_root()
    if not install_root:
        result.say(LANGUAGETOOL_MISSING + "; skipping the cache rows")
        result.rows.append(Row("LT cache", "skipped", "", "", "", ">= 20x", "LanguageTool not installed"))
        return result
    with tempfile.TemporaryDirectory(prefix="newslint-cache-") as tmp:
        tmp_path = Path(tmp)
        paths, size = corpus(tmp_path, count, seed=31)
        warm_up, _ = corpus(tmp_path, 4, seed=99)
        with PrivateServer(tmp_path / "lt", install_root) as server:
            cli = newslint_command() + ["check", "--format", "json", "-q", "-j", str(jobs)]
            env = {**server.env, "NEWSLINT_CACHE_DIR": str(tmp_path / "cache")}
            timed(cli + ["--no-cache", corpus_dir(warm_up)], env=env)       # the server's first checks
            cold = timed(cli + [corpus_dir(paths)], env=env)
            cached = repeat(cached_runs, lambda: timed(cli + [corpus_dir(paths)], env=env))
    same = cold.json()["findings"] == cached.json()["findings"]
    findings = len(cold.json()["findings"])
    lt = sum(1 for f in cold.json()["findings"] if f["source"] == "languagetool")
    result.say(f"corpus: {count} articles, {mb(size):.1f} MB; {findings} findings ({lt} from LanguageTool); "
               f"cached findings {'identical' if same else 'DIFFER'}")
    result.say(f"{'run':<8}{'seconds':>9}{'MB/s':>8}{'tree RSS':>10}")
    for name, t in (("cold", cold), ("cached", cached)):
        result.say(f"{name:<8}{t.seconds:>9.2f}{mb(size) / t.seconds:>8.2f}{mib(t.tree_rss):>10}")
    result.rows.append(Row("LT cache", f"cached re-run, {count:,} articles", f"{cached.seconds:.1f} s",
                           f"cold {cold.seconds:.1f} s", f"{cold.seconds / cached.seconds:.1f}x faster", ">= 20x",
                           f"-j {jobs}; findings {'identical' if same else 'DIFFER'}"))
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=1000, help="articles in the corpus")
    parser.add_argument("--cached-runs", type=int, default=3, help="cached runs (the fastest is reported)")
    parser.add_argument("--languagetool-path", default=None,
                        help="an installed LanguageTool folder (default: NEWSLINT_DATA_DIR's)")
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()
    result = run(args.count, args.cached_runs, args.languagetool_path, args.jobs)
    print()
    print_rows(result.rows)


if __name__ == "__main__":
    main()
