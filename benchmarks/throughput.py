"""Throughput of the YAML-rule pass, and how its cost grows with corpus size and rule count.

Prints KB/s for the YAML pass (decode, parse, run the compiled rule set) over a generated
corpus at 1x and 4x size, with 1x rules (the shipped pack) and 4x rules (the pack plus
generated Vale-style rules). Each figure is set beside a reference run in the same
process: a plain rule-by-rule Python ``re`` loop over the same segments and rules, the
way a naive linter would do it. Cost should grow linearly: 4x the corpus about 4x the time.

    python benchmarks/throughput.py [--count 300] [--repeat 3]
"""
from __future__ import annotations

import argparse
import os
import random
import re
import sys
import tempfile
import time
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import write_corpus  # noqa: E402

from newslint.checks.yaml_rules import compile_rules, load_packs  # noqa: E402
from newslint.documents import format_for_path, parse_document  # noqa: E402
from newslint.documents.decode import decode_bytes  # noqa: E402

WORDS = ("harbor council budget permit tenant levy quorum ballot zoning transit ferry tariff "
         "audit pension subsidy grant clinic verdict appeal motion charter bond deficit surplus "
         "ordinance petition inquiry rezoning dredging runway outage").split()


def write_extra_rules(folder: Path, count: int, seed: int = 3) -> None:
    """``count`` generated existence and substitution rules, as a Vale user would write them."""
    rng = random.Random(seed)
    pack = folder / "extra"
    pack.mkdir(parents=True, exist_ok=True)
    for i in range(count):
        words = rng.sample(WORDS, 4)
        if i % 2:
            rule = {"extends": "existence", "message": "Avoid '%s'.", "level": "suggestion",
                    "ignorecase": True, "tokens": [f"{w} {rng.choice(WORDS)}" for w in words]}
        else:
            rule = {"extends": "substitution", "message": "Use '%s' instead of '%s'.", "level": "warning",
                    "ignorecase": True, "swap": {f"{w}s? {rng.choice(WORDS)}": w for w in words}}
        (pack / f"rule{i:03d}.yml").write_text(yaml.safe_dump(rule), encoding="utf-8")


def reference_patterns(rule_files: list[Path]) -> list[re.Pattern]:
    """One Python regex per rule, matched rule by rule (the naive baseline)."""
    patterns = []
    for path in rule_files:
        rule = yaml.safe_load(path.read_text(encoding="utf-8"))
        tokens = list(rule.get("tokens") or []) + list((rule.get("swap") or {}).keys())
        if not tokens:
            continue
        body = "|".join(tokens)
        flags = re.IGNORECASE if rule.get("ignorecase") else 0
        text = body if rule.get("nonword") else rf"\b(?:{body})\b"
        try:
            patterns.append(re.compile(text, flags))
        except re.error:
            continue
    return patterns


def rule_files(extends: list[str], base: Path) -> list[Path]:
    import importlib.resources

    files: list[Path] = []
    for spec in extends:
        if spec.startswith("newslint:"):
            root = Path(str(importlib.resources.files("newslint._rules") / spec.split(":", 1)[1]))
        else:
            root = base / spec
        files += sorted(root.rglob("*.yml"))
    return files


def yaml_pass(paths: list[str], check, enabled) -> int:
    hits = 0
    for path in paths:
        with open(path, "rb") as handle:
            text = decode_bytes(handle.read(), path)
        doc = parse_document(text, path, format_for_path(path) or "text")
        hits += len(check.check(doc, enabled))
    return hits


def reference_pass(paths: list[str], patterns: list[re.Pattern]) -> int:
    hits = 0
    for path in paths:
        with open(path, "rb") as handle:
            text = decode_bytes(handle.read(), path)
        doc = parse_document(text, path, format_for_path(path) or "text")
        for segment in doc.segments:
            for pattern in patterns:
                hits += sum(1 for _ in pattern.finditer(segment.text))
    return hits


def best_of(repeat: int, fn, *args) -> tuple[float, int]:
    best, result = float("inf"), 0
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn(*args)
        best = min(best, time.perf_counter() - start)
    return best, result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=300, help="articles in the 1x corpus")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        small = write_corpus(str(base / "c1"), args.count, seed=11)
        large = write_corpus(str(base / "c4"), args.count * 4, seed=11)
        shipped = len(rule_files(["newslint:news"], base))
        write_extra_rules(base / "packs", shipped * 3)
        rule_sets = {"1x rules": ["newslint:news"], "4x rules": ["newslint:news", "packs/extra"]}
        print(f"{'corpus':<10} {'rules':<9} {'KB':>8} {'newslint KB/s':>14} {'re loop KB/s':>13} {'speed-up':>9} {'hits':>7}")
        for rules_name, extends in rule_sets.items():
            check = compile_rules(load_packs(extends, str(base)))
            enabled = frozenset(info.id for info in check.rules)
            patterns = reference_patterns(rule_files(extends, base))
            for corpus_name, paths in (("1x", small), ("4x", large)):
                size_kb = sum(os.path.getsize(p) for p in paths) / 1024
                ours, hits = best_of(args.repeat, yaml_pass, paths, check, enabled)
                ref, _ = best_of(args.repeat, reference_pass, paths, patterns)
                print(f"{corpus_name:<10} {rules_name:<9} {size_kb:>8.0f} {size_kb / ours:>14.0f} "
                      f"{size_kb / ref:>13.0f} {ref / ours:>8.2f}x {hits:>7}")


if __name__ == "__main__":
    main()
