"""Proves a refactoring changed no output: `newslint check --format json` (and sarif) on a
fixed corpus, with LanguageTool on and off, byte for byte against a run saved earlier.

    python scripts/compare_outputs.py build CORPUS_DIR            # once: write the corpus
    python scripts/compare_outputs.py capture CORPUS_DIR OUT_DIR  # run newslint, save outputs
    python scripts/compare_outputs.py compare CORPUS_DIR OUT_DIR  # run again, diff with OUT_DIR

The corpus: 200 generated articles (benchmarks/corpus.py, seed 7), the repository's test
corpus, the seed article and 100 pages of ../shared/corpus/l3s-gn1. Run it from the
repository root; LanguageTool runs with the cache on (set NEWSLINT_DATA_DIR and
NEWSLINT_CACHE_DIR first), so a second run costs little.
"""
from __future__ import annotations

import argparse
import difflib
import os
import shutil
import subprocess
import sys

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.path.join(os.path.dirname(REPO), "shared")

# name -> newslint arguments after `check`
RUNS = {
    "lt-on.json": ["--format", "json", "-j", "2"],
    "lt-off.json": ["--format", "json", "--no-languagetool", "-j", "2"],
    "lt-on.sarif": ["--format", "sarif", "-j", "2"],
    "lt-off.text": ["--format", "text", "--no-languagetool"],
}


def build(corpus: str) -> None:
    sys.path.insert(0, os.path.join(REPO, "benchmarks"))
    from corpus import write_corpus  # noqa: E402  (benchmarks/ is not a package)

    os.makedirs(corpus, exist_ok=True)
    write_corpus(os.path.join(corpus, "generated"), 200, seed=7)
    shutil.copytree(os.path.join(REPO, "tests", "corpus"), os.path.join(corpus, "tests-corpus"),
                    dirs_exist_ok=True)
    examples = os.path.join(corpus, "examples")
    os.makedirs(examples, exist_ok=True)
    shutil.copy(os.path.join(SHARED, "examples", "seed-article.txt"), examples)
    pages = os.path.join(SHARED, "corpus", "l3s-gn1", "articles")
    target = os.path.join(corpus, "l3s")
    os.makedirs(target, exist_ok=True)
    for name in sorted(os.listdir(pages))[:100]:
        shutil.copy(os.path.join(pages, name), target)


def run(corpus: str, args: list[str]) -> bytes:
    exe = os.path.join(REPO, ".venv", "bin", "newslint")
    done = subprocess.run([exe, "check", *args, "."], cwd=corpus, capture_output=True)
    if done.returncode not in (0, 1):
        sys.exit(f"newslint check {' '.join(args)} exited {done.returncode}: {done.stderr.decode()[-2000:]}")
    return done.stdout


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("mode", choices=("build", "capture", "compare"))
    parser.add_argument("corpus")
    parser.add_argument("out", nargs="?")
    parser.add_argument("--only", help="comma-separated run names (default: all)")
    ns = parser.parse_args(argv)
    corpus = os.path.abspath(ns.corpus)
    if ns.mode == "build":
        build(corpus)
        return 0
    if not ns.out:
        parser.error("OUT_DIR is required")
    os.makedirs(ns.out, exist_ok=True)
    names = ns.only.split(",") if ns.only else list(RUNS)
    failed = 0
    for name in names:
        output = run(corpus, RUNS[name])
        saved = os.path.join(ns.out, name)
        if ns.mode == "capture":
            with open(saved, "wb") as fh:
                fh.write(output)
            print(f"{name}: {len(output)} bytes saved")
            continue
        with open(saved, "rb") as fh:
            before = fh.read()
        if before == output:
            print(f"{name}: identical ({len(output)} bytes)")
            continue
        failed += 1
        print(f"{name}: DIFFERS ({len(before)} -> {len(output)} bytes)")
        diff = difflib.unified_diff(before.decode().splitlines(), output.decode().splitlines(),
                                    "before", "after", lineterm="", n=1)
        for line in list(diff)[:40]:
            print("  " + line)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
