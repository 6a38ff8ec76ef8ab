"""newslint against Vale on real styles and real prose: agreement on (file, line, column, rule).

Given a Vale binary, a folder of styles (a Vale StylesPath: ``Google/``, ``Microsoft/``,
...) and a folder of Markdown files, each style is run by both tools on the same files:

    vale --config <tmp>/.vale.ini --output JSON --no-exit FILES     (BasedOnStyles = the style)
    newslint's engine with ``extends: <styles>/<style>``, LanguageTool off

Spelling rules that name no dictionary of their own use Vale's base dictionary: the
script installs it first (``newslint vale install-dictionary``: from the Go module cache or
GOPROXY, into newslint's data folder; a no-op when it is there).

The script prints, per style and per rule type (the rule's ``extends``), the alerts
both report at the same (file, line, column, rule), those only one reports, and the
agreement: both / (both + Vale only + newslint only). ``--diff STYLE`` lists the
disagreements of one style, to classify them (docs/vale.md keeps the deliberate ones).

    python scripts/vale_parity.py --vale ~/go/bin/vale --styles /work/data/vale-styles/styles \\
        --corpus /work/data/vale-corpus/src [--limit 50] [--style Google ...] [--diff Google]

Nothing here is a test: the styles and the corpus are other people's, kept outside the
repository; the suite has its own small fixtures.
"""
from __future__ import annotations

import argparse
import collections
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from newslint.checks.yaml_rules import base_dictionary  # noqa: E402
from newslint.checks.yaml_rules.loader import load_packs  # noqa: E402
from newslint.config.model import Config  # noqa: E402
from newslint.engine import Linter, LintOptions  # noqa: E402
from newslint.languagetool.paths import default_data_dir  # noqa: E402

Key = tuple[str, int, int, str]          # (file, line, column, rule)


def corpus_files(folder: str, limit: int) -> list[str]:
    found = sorted(str(p) for p in Path(folder).rglob("*.md") if p.is_file())
    if limit and len(found) > limit:
        step = len(found) / limit
        found = [found[int(i * step)] for i in range(limit)]
    return found


def vale_alerts(vale: str, styles: str, style: str, files: list[str]) -> tuple[set[Key], dict[Key, str]]:
    with tempfile.TemporaryDirectory() as tmp:
        ini = os.path.join(tmp, ".vale.ini")
        with open(ini, "w", encoding="utf-8") as f:
            f.write(f"StylesPath = {styles}\nMinAlertLevel = suggestion\n\n[*.md]\nBasedOnStyles = {style}\n")
        run = subprocess.run([vale, "--config", ini, "--output", "JSON", "--no-exit", *files],
                             capture_output=True, text=True, check=False)
    try:
        data = json.loads(run.stdout or "{}")
    except json.JSONDecodeError:
        raise SystemExit(f"vale gave no JSON for {style}: {run.stderr.strip()[:500]}")
    if not isinstance(data, dict):
        raise SystemExit(f"vale failed for {style}: {run.stdout[:500]}")
    keys, messages = set(), {}
    for path, alerts in data.items():
        for a in alerts:
            key = (os.path.abspath(path), a["Line"], a["Span"][0], a["Check"])
            keys.add(key)
            messages[key] = a["Message"]
    return keys, messages


def newslint_alerts(styles: str, style: str, files: list[str]) -> tuple[set[Key], dict[Key, str], list[str]]:
    folder = os.path.join(styles, style)
    config = Config(root=folder, extends=(folder,), styles_path=styles)
    linter = Linter(LintOptions(languagetool=False, use_cache=False), config=config)
    keys, messages, notes = set(), {}, []
    for path in files:
        result = linter.lint_file(path)
        for err in result.errors:
            notes.append(f"error: {err.path}: {err.message}")
        for n in result.notices:
            if n.message not in notes:
                notes.append(n.message)
        for f in result.findings:
            if not f.rule.startswith(style + "."):
                continue
            key = (os.path.abspath(path), f.line, f.column, f.rule)
            keys.add(key)
            messages[key] = f.message
    return keys, messages, notes


def rule_types(styles: str, style: str) -> dict[str, str]:
    skipped: list = []
    rules = load_packs([os.path.join(styles, style)], "/", skipped)
    out = {r.id: r.extends for r in rules}
    out.update({s.rule_id: "skipped" for s in skipped})
    return out


def agreement(both: int, only_a: int, only_b: int) -> str:
    total = both + only_a + only_b
    return f"{100.0 * both / total:5.1f} %" if total else "  n/a"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--vale", required=True, help="the vale binary")
    parser.add_argument("--styles", required=True, help="a Vale StylesPath holding the styles")
    parser.add_argument("--corpus", required=True, help="a folder of Markdown files")
    parser.add_argument("--style", action="append", help="only these styles (default: every folder)")
    parser.add_argument("--limit", type=int, default=50, help="files taken from the corpus, spread evenly")
    parser.add_argument("--diff", action="append", default=[], help="list the disagreements of this style")
    parser.add_argument("--json", help="write the per-style figures here")
    args = parser.parse_args(argv)

    styles = os.path.abspath(args.styles)
    names = args.style or sorted(d for d in os.listdir(styles)
                                 if os.path.isdir(os.path.join(styles, d)) and d != "config")
    files = [os.path.abspath(p) for p in corpus_files(args.corpus, args.limit)]
    installed = base_dictionary.install(default_data_dir())
    print(f"{len(files)} files from {args.corpus}; Vale: {args.vale}; base dictionary: {installed.folder}\n")
    print(f"{'style':<12} {'both':>6} {'vale only':>10} {'newslint only':>14} {'agreement':>10}")
    summary = {}
    total = [0, 0, 0]
    for style in names:
        v_keys, v_msgs = vale_alerts(args.vale, styles, style, files)
        n_keys, n_msgs, notes = newslint_alerts(styles, style, files)
        both, v_only, n_only = v_keys & n_keys, v_keys - n_keys, n_keys - v_keys
        for i, n in enumerate((len(both), len(v_only), len(n_only))):
            total[i] += n
        print(f"{style:<12} {len(both):>6} {len(v_only):>10} {len(n_only):>14} "
              f"{agreement(len(both), len(v_only), len(n_only)):>10}")
        types = rule_types(styles, style)
        per_type: dict[str, list[int]] = collections.defaultdict(lambda: [0, 0, 0])
        for i, group in enumerate((both, v_only, n_only)):
            for key in group:
                per_type[types.get(key[3], "unknown")][i] += 1
        for kind, (b, v, n) in sorted(per_type.items()):
            print(f"  {kind:<16} {b:>6} {v:>10} {n:>14} {agreement(b, v, n):>10}")
        for note in notes:
            print(f"  note: {note}")
        summary[style] = {"both": len(both), "vale_only": len(v_only), "newslint_only": len(n_only),
                          "by_type": {k: dict(zip(("both", "vale_only", "newslint_only"), v))
                                      for k, v in per_type.items()}}
        if style in args.diff:
            rows = [("vale only", k, v_msgs[k]) for k in v_only] + [("newslint only", k, n_msgs[k]) for k in n_only]
            for side, (path, line, col, rule), msg in sorted(rows, key=lambda r: (r[1][3], r[1][0], r[1][1], r[1][2])):
                print(f"    {side:<13} {rule:<28} {os.path.relpath(path, args.corpus)}:{line}:{col}  {msg[:90]}")
    print(f"{'all':<12} {total[0]:>6} {total[1]:>10} {total[2]:>14} {agreement(*total):>10}")
    if args.json:
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump(summary, f, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
