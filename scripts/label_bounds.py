#!/usr/bin/env python3
"""How far a corpus's labels let any chrome check go: bounds from adjudicated samples.

The corpora built by ``scripts/chrome_corpus.py`` label a line by whether a person (or an
extractor's expected output) kept it, which is not always what L3S-GN1's labels mean: a
fact box, an author's bio or a document's own endnotes left out of the kept text is
labelled ``chrome``; a "Continue reading" link kept is labelled ``article``. A check
right on every line in L3S-GN1's sense would still "miss" the first kind and "falsely
flag" the second. Reading a random sample of a corpus's misses and false positives tells
how many are of that kind, and so bounds what the labels allow:

* recall at most ``1 - (1 - R) * m`` where ``R`` is the recall measured and ``m`` the share
  of sampled misses whose label means something else (``labels``): those stay misses for
  a check that is right on every line;
* false positives at least ``FP * f`` where ``f`` is the share of sampled false positives
  that are chrome the labels call article: a check right on every line flags them too.

Both come with 95 % Wilson intervals over the sample. Two steps:

    python scripts/evaluate.py --verbose --labelled NAME=FOLDER ... > eval.txt
    python scripts/label_bounds.py sample eval.txt --labelled NAME=FOLDER ... --out DIR
    (read DIR/NAME.txt; write one verdict line per entry in DIR/NAME.tsv)
    python scripts/label_bounds.py bounds eval.txt DIR

``sample`` writes, per corpus, a seeded sample of its misses and false positives with the
lines around each (and their labels) to ``DIR/NAME.txt``, outside the repository: it
holds the pages' text. A verdict line is ``ENTRY<TAB>VERDICT<TAB>KIND<TAB>REASON`` with
``ENTRY`` as in the sample (``MISS-3``, ``FP-41``) and ``VERDICT`` one of ``true`` (the
label means what ours means), ``labels`` (it means something else) or ``unclear``.
"""
from __future__ import annotations

import argparse
import math
import random
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Sequence

VERDICTS = ("true", "labels", "unclear")
_ROW = re.compile(r"^(\S+)\s+(?:trained on it|not trained on)\s+(\d+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)%")
_CASE = re.compile(r"^  (MISS|FP)\s+(\S+?):(\d+) (.*)$")


@dataclass
class CorpusRun:
    """One corpus's row of an ``evaluate.py --verbose`` run and the cases it lists."""

    name: str
    recall: float
    false_positive_rate: float          # a fraction, not a percentage
    misses: list[tuple[str, int, str]] = field(default_factory=list)            # file, line, rest
    false_positives: list[tuple[str, int, str]] = field(default_factory=list)


def read_evaluation(lines: Iterable[str]) -> dict[str, CorpusRun]:
    """The corpora of an ``evaluate.py --labelled ... --verbose`` printout, by name."""
    runs: dict[str, CorpusRun] = {}
    current: CorpusRun | None = None
    for line in lines:
        row = _ROW.match(line)
        if row:
            current = runs[row[1]] = CorpusRun(row[1], float(row[3]), float(row[5]) / 100)
            continue
        case = _CASE.match(line.rstrip("\n"))
        if case and current is not None:
            target = current.misses if case[1] == "MISS" else current.false_positives
            target.append((case[2], int(case[3]), case[4]))
        elif line[:1].isalpha():
            current = None
    return runs


def wilson(k: int, n: int, z: float = 1.96) -> tuple[float, float]:
    """95 % Wilson score interval of the share k/n."""
    if n == 0:
        return (0.0, 1.0)
    p = k / n
    d = 1 + z * z / n
    centre = p + z * z / (2 * n)
    spread = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n))
    return (max(0.0, (centre - spread) / d), min(1.0, (centre + spread) / d))


@dataclass(frozen=True)
class Bounds:
    name: str
    recall: float
    false_positive_rate: float
    misses: Counter                   # verdict -> count in the sample
    false_positives: Counter
    recall_at_most: float
    recall_interval: tuple[float, float]
    false_positives_at_least: float
    false_positive_interval: tuple[float, float]


def bounds(run: CorpusRun, verdicts: dict[str, str]) -> Bounds:
    """What a check right on every line could score on ``run``'s corpus, from the verdicts
    (entry -> verdict) on a sample of its misses (``MISS-n``) and false positives (``FP-n``)."""
    misses = Counter(v for e, v in verdicts.items() if e.startswith("MISS-"))
    fps = Counter(v for e, v in verdicts.items() if e.startswith("FP-"))
    n_m, n_f = sum(misses.values()), sum(fps.values())
    lo, hi = wilson(misses["labels"], n_m)
    flo, fhi = wilson(fps["labels"], n_f)
    missed = 1 - run.recall
    return Bounds(
        run.name, run.recall, run.false_positive_rate, misses, fps,
        recall_at_most=1 - missed * (misses["labels"] / n_m if n_m else 0.0),
        recall_interval=(1 - missed * hi, 1 - missed * lo),
        false_positives_at_least=run.false_positive_rate * (fps["labels"] / n_f if n_f else 0.0),
        false_positive_interval=(run.false_positive_rate * flo, run.false_positive_rate * fhi),
    )


def read_verdicts(path: Path) -> dict[str, str]:
    """entry -> verdict from a verdict file; a bad line is an error naming file and line."""
    out: dict[str, str] = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        parts = line.split("\t")
        if len(parts) < 2 or not re.fullmatch(r"(?:MISS|FP)-\d+", parts[0]) or parts[1].strip() not in VERDICTS:
            raise ValueError(f"{path}:{number}: expected ENTRY<TAB>VERDICT (MISS-n or FP-n; "
                             f"{', '.join(VERDICTS)}), got {line[:60]!r}")
        out[parts[0]] = parts[1].strip()
    return out


def write_sample(run: CorpusRun, folder: Path, out: Path, *, misses: int, false_positives: int,
                 seed: int, context: int = 8) -> int:
    """A seeded sample of ``run``'s misses and false positives with their context lines."""
    rng = random.Random(seed)
    chosen_m = sorted(rng.sample(run.misses, min(misses, len(run.misses))))
    chosen_f = sorted(rng.sample(run.false_positives, min(false_positives, len(run.false_positives))))
    labels: dict[tuple[str, int], str] = {}
    with open(folder / "labels.tsv", encoding="utf-8") as handle:
        next(handle, None)
        for row in handle:
            name, line, label = row.rstrip("\n").split("\t", 3)[:3]
            labels[(name, int(line))] = label
    with open(out, "w", encoding="utf-8") as handle:
        handle.write(f"# {run.name}: {len(run.misses)} misses and {len(run.false_positives)} false positives "
                     f"in all; sampled {len(chosen_m)} and {len(chosen_f)} (seed {seed})\n")
        for number, (kind, (name, line, rest)) in enumerate(
                [("MISS", c) for c in chosen_m] + [("FP", c) for c in chosen_f], 1):
            text = (folder / "articles" / name).read_text(encoding="utf-8").split("\n")
            handle.write(f"\n## {kind}-{number} {name}:{line} {rest}\n")
            for k in range(max(1, line - context), min(len(text), line + context) + 1):
                if text[k - 1].strip():
                    mark = ">>" if k == line else "  "
                    handle.write(f"{mark} {k:4d} [{labels.get((name, k), '?')}] {text[k - 1][:240]}\n")
    return len(chosen_m) + len(chosen_f)


def _print_bounds(rows: Sequence[Bounds]) -> None:
    print(f"{'corpus':30} {'recall':>6} {'sample':>9} {'recall at most (95 %)':>24} "
          f"{'FP':>6} {'sample':>8} {'FP at least (95 %)':>22}")
    for b in rows:
        m = f"{b.misses['true']}/{b.misses['labels']}/{b.misses['unclear']}"
        f = f"{b.false_positives['true']}/{b.false_positives['labels']}/{b.false_positives['unclear']}"
        print(f"{b.name:30} {b.recall:6.3f} {m:>9} {b.recall_at_most:8.3f} ({b.recall_interval[0]:.3f}-"
              f"{b.recall_interval[1]:.3f}) {b.false_positive_rate * 100:5.2f}% {f:>8} "
              f"{b.false_positives_at_least * 100:6.2f}% ({b.false_positive_interval[0] * 100:.2f}-"
              f"{b.false_positive_interval[1] * 100:.2f}%)")
    print("sample: true/labels/unclear verdicts; 'labels': the corpus's label means something else than "
          "L3S-GN1's (a page's own text left out, or chrome kept)")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    s = sub.add_parser("sample", help="write a seeded sample of each corpus's misses and false positives")
    s.add_argument("evaluation", type=Path, help="the printout of evaluate.py --verbose --labelled ...")
    s.add_argument("--labelled", action="append", default=[], metavar="NAME=FOLDER", required=True)
    s.add_argument("--out", type=Path, required=True, help="folder for NAME.txt (outside the repository)")
    s.add_argument("--misses", type=int, default=40)
    s.add_argument("--false-positives", type=int, default=20)
    s.add_argument("--seed", type=int, default=15)
    b = sub.add_parser("bounds", help="print the bounds from the verdict files DIR/NAME.tsv")
    b.add_argument("evaluation", type=Path)
    b.add_argument("verdicts", type=Path, help="folder with NAME.tsv verdict files")
    args = parser.parse_args(argv)
    try:
        runs = read_evaluation(args.evaluation.read_text(encoding="utf-8").splitlines(keepends=True))
    except OSError as error:
        print(f"{args.evaluation}: {error.strerror}", file=sys.stderr)
        return 2
    if args.command == "sample":
        args.out.mkdir(parents=True, exist_ok=True)
        for value in args.labelled:
            name, sep, folder = value.partition("=")
            if not sep or name not in runs:
                print(f"{value}: expected NAME=FOLDER with NAME a corpus of {args.evaluation}", file=sys.stderr)
                return 2
            count = write_sample(runs[name], Path(folder), args.out / f"{name}.txt", misses=args.misses,
                                 false_positives=args.false_positives, seed=args.seed)
            print(f"{args.out / (name + '.txt')}: {count} entries")
        return 0
    rows = []
    for path in sorted(args.verdicts.glob("*.tsv")):
        if path.stem not in runs:
            print(f"{path}: no corpus {path.stem!r} in {args.evaluation}", file=sys.stderr)
            return 2
        try:
            rows.append(bounds(runs[path.stem], read_verdicts(path)))
        except ValueError as error:
            print(error, file=sys.stderr)
            return 2
    if not rows:
        print(f"{args.verdicts}: no NAME.tsv verdict files", file=sys.stderr)
        return 2
    _print_bounds(rows)
    return 0


if __name__ == "__main__":
    sys.exit(main())
