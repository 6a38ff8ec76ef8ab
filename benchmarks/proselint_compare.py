"""newslint against proselint, each on its own rules, for scale: MB/s on the same corpus.

newslint runs its shipped news pack and news checks without LanguageTool
(``newslint check --no-languagetool --format json``, -j 1 and -j 2); proselint runs its
own default checks (``proselint check -o json``, one process, as it always runs). The
rule sets differ, so this is a sense of scale, not a like-for-like race; the Vale
benchmark is the like-for-like one.

proselint is not a newslint dependency. The benchmark looks for it on PATH, in
``$PROSELINT_VENV/bin`` and in /tmp/proselint-venv/bin; ``--install`` creates that venv:

    python3 -m venv /tmp/proselint-venv && /tmp/proselint-venv/bin/pip install proselint

    python benchmarks/proselint_compare.py [--count 300] [--repeat 1] [--install]
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import (Result, Row, clean_env, corpus, corpus_dir, mb, mib, newslint_command,  # noqa: E402
                    print_rows, repeat, timed, which)

DEFAULT_VENV = Path("/tmp/proselint-venv")
INSTALL = f"python3 -m venv {DEFAULT_VENV} && {DEFAULT_VENV}/bin/pip install proselint"


def find_proselint() -> str | None:
    venv = Path(os.environ.get("PROSELINT_VENV", DEFAULT_VENV))
    return which("proselint", [venv / "bin"])


def install_proselint() -> str | None:
    subprocess.run([sys.executable, "-m", "venv", str(DEFAULT_VENV)], check=True)
    subprocess.run([str(DEFAULT_VENV / "bin" / "pip"), "install", "-q", "proselint"], check=True)
    return find_proselint()


def proselint_hits(run) -> int:
    data = run.json().get("result", {})
    return sum(len(v.get("diagnostics") or []) for v in data.values())


def run(count: int = 300, repeats: int = 1, install: bool = False) -> Result:
    result = Result("proselint")
    proselint = find_proselint() or (install_proselint() if install else None)
    with tempfile.TemporaryDirectory(prefix="newslint-proselint-") as tmp:
        paths, size = corpus(Path(tmp), count)
        target = corpus_dir(paths)
        env = clean_env()
        (Path(tmp) / ".newslint.yml").write_text("languagetool: {enabled: false}\n", encoding="utf-8")
        ours = newslint_command() + ["check", "--no-languagetool", "--config", str(Path(tmp) / ".newslint.yml"),
                                     "--format", "json", "-q"]
        timings = {f"newslint -j {j}": repeat(repeats, lambda j=j: timed(ours + ["-j", str(j), target], env=env))
                   for j in (2, 1)}
        hits = {name: len(t.json()["findings"]) for name, t in timings.items()}
        if proselint:
            # proselint keeps no cache in 0.16; its home is pointed at the temp folder all the same.
            p_env = clean_env(HOME=tmp, XDG_CACHE_HOME=str(Path(tmp) / "cache"))
            t = repeat(repeats, lambda: timed([proselint, "check", "-o", "json", target], env=p_env))
            timings["proselint"] = t
            hits["proselint"] = proselint_hits(t)
        else:
            result.say(f"proselint not found: skipping its row; install it with\n    {INSTALL}\n"
                       "or run this benchmark with --install")
        result.say(f"corpus: {count} articles, {mb(size):.1f} MB")
        result.say(f"{'run':<16}{'seconds':>9}{'MB/s':>8}{'tree RSS':>10}{'hits':>7}")
        for name, t in timings.items():
            result.say(f"{name:<16}{t.seconds:>9.2f}{mb(size) / t.seconds:>8.2f}{mib(t.tree_rss):>10}{hits[name]:>7}")
        p = timings.get("proselint")
        for jobs in (1, 2):
            ours_t = timings[f"newslint -j {jobs}"]
            rate = mb(size) / ours_t.seconds
            if p is None:
                result.rows.append(Row("own rules vs proselint", f"MB/s, -j {jobs}", f"{rate:.2f}",
                                       "proselint missing", "", "", f"install: {INSTALL}"))
            else:
                p_rate = mb(size) / p.seconds
                result.rows.append(Row("own rules vs proselint", f"MB/s, -j {jobs}", f"{rate:.2f}",
                                       f"proselint {p_rate:.2f} (1 process)", f"{rate / p_rate:.2f}x", "",
                                       "different rule sets"))
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=300, help="articles in the corpus")
    parser.add_argument("--repeat", type=int, default=1, help="runs per tool (the fastest is reported)")
    parser.add_argument("--install", action="store_true", help=f"create {DEFAULT_VENV} when proselint is missing")
    args = parser.parse_args()
    result = run(args.count, args.repeat, args.install)
    print()
    print_rows(result.rows)


if __name__ == "__main__":
    main()
