"""How the cost of ``newslint check --no-languagetool`` grows with the corpus: time and memory.

Checks generated corpora of 100, 1,000 and 10,000 articles with the shipped rules
(``newslint check --no-languagetool -j 2 --format json -q``) and reports seconds, MB/s
and peak memory. Time should grow linearly (MB/s flat) and memory should stay flat.

Two memory figures per size separate the engine from the report: the CLI (which writes
each file's findings as the file is checked, JSON included) and the engine alone
(``Linter.iter_results`` in a child process, each file's result dropped once counted).
If the CLI grows and the engine does not, the growth is in the reporting.

    python benchmarks/growth.py [--sizes 100,1000,10000] [--jobs 2]
"""
from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import (Result, Row, clean_env, corpus, corpus_dir, mb, mib, newslint_command,  # noqa: E402
                    print_rows, timed)

ENGINE_ONLY = """
import sys
from newslint.engine import Linter, LintOptions
linter = Linter(LintOptions(config_path=sys.argv[1], languagetool=False, jobs=int(sys.argv[2])))
findings = files = 0
for result in linter.iter_results([sys.argv[3]]):
    files += 1
    findings += len(result.findings)
print(files, findings)
"""


def run(sizes: tuple[int, ...] = (100, 1000, 10000), jobs: int = 2) -> Result:
    result = Result("growth")
    rows = []
    with tempfile.TemporaryDirectory(prefix="newslint-growth-") as tmp:
        config = Path(tmp) / ".newslint.yml"
        config.write_text("languagetool: {enabled: false}\n", encoding="utf-8")
        env = clean_env()
        cli = newslint_command() + ["check", "--no-languagetool", "--config", str(config), "--format", "json",
                                    "-q", "-j", str(jobs)]
        result.say(f"{'articles':>9}{'MB':>7}{'seconds':>9}{'MB/s':>7}{'findings':>9}"
                   f"{'CLI max RSS':>13}{'CLI tree':>10}{'engine max RSS':>16}{'engine tree':>13}")
        for count in sizes:
            paths, size = corpus(Path(tmp), count)
            target = corpus_dir(paths)
            t = timed(cli + [target], env=env)
            findings = len(t.json()["findings"])
            e = timed([sys.executable, "-c", ENGINE_ONLY, str(config), str(jobs), target], env=env)
            rows.append((count, size, t, e, findings))
            result.say(f"{count:>9}{mb(size):>7.1f}{t.seconds:>9.2f}{mb(size) / t.seconds:>7.2f}{findings:>9}"
                       f"{mib(t.max_rss):>13}{mib(t.tree_rss):>10}{mib(e.max_rss):>16}{mib(e.tree_rss):>13}")
            for p in paths:                       # keep the temp folder small for the next size
                Path(p).unlink()
    first, last = rows[0], rows[-1]
    n = f"{last[0]:,} / {first[0]:,}"
    for count, size, t, e, findings in rows[1:]:
        result.rows.append(Row("cost growth", f"time, {count:,} articles", f"{t.seconds:.1f} s",
                               f"{first[0]:,}: {first[2].seconds:.2f} s",
                               f"{t.seconds / first[2].seconds:.1f}x", f"<= {count // first[0]}x",
                               f"{mb(size):.0f} MB, {mb(size) / t.seconds:.2f} MB/s; -j {jobs}"))
    if len(rows) > 2:
        # Start-up is a fixed cost; linearity shows between the two largest corpora.
        prev = rows[-2]
        rate_prev, rate_last = mb(prev[1]) / prev[2].seconds, mb(last[1]) / last[2].seconds
        result.rows.append(Row("cost growth", f"MB/s, {last[0]:,} vs {prev[0]:,} articles", f"{rate_last:.2f}",
                               f"{rate_prev:.2f}", f"{rate_last / rate_prev:.2f}x", "about 1x (linear)"))
    result.rows.append(Row("cost growth", "peak memory, CLI (largest process)", mib(last[2].max_rss),
                           mib(first[2].max_rss), f"{last[2].max_rss / first[2].max_rss:.2f}x", "flat",
                           f"{n} articles; {last[4]:,} findings"))
    result.rows.append(Row("cost growth", "peak memory, CLI (all processes)", mib(last[2].tree_rss),
                           mib(first[2].tree_rss), f"{last[2].tree_rss / first[2].tree_rss:.2f}x", "flat", n))
    result.rows.append(Row("cost growth", "peak memory, engine streaming", mib(last[3].tree_rss),
                           mib(first[3].tree_rss), f"{last[3].tree_rss / first[3].tree_rss:.2f}x", "flat",
                           f"{n}; iter_results, all processes"))
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100,1000,10000", help="corpus sizes, comma-separated")
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()
    result = run(tuple(int(s) for s in args.sizes.split(",")), args.jobs)
    print()
    print_rows(result.rows)


if __name__ == "__main__":
    main()
