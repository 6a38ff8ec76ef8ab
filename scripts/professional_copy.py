#!/usr/bin/env python3
"""How loud the news checks are on professional copy: findings per 100 paragraphs.

Professional, edited news copy holds almost no chrome, fragments or attribution slips,
so nearly every finding of those categories there is a false alarm worth reading. This
script lints such copy through the public API and prints, per corpus, the paragraphs
checked, the findings of the scored categories per 100 paragraphs (by rule) and, with
``--verbose``, every finding with its paragraph so each can be adjudicated.

Corpora (paths are arguments; nothing is copied anywhere):

* ``--text-dir DIR`` (repeatable): a folder of plain-text articles, one paragraph per
  block, e.g. PolNeAR's ``data/train/text`` and ``data/dev/text``. When the folder has a
  sibling ``attributions/`` folder of brat ``.ann`` files (PolNeAR's layout), each
  finding is shown with the attribution sources annotated in its paragraph, which helps
  tell a real unattributed quote from one whose speaker the check missed.
* ``--l3s-dir DIR``: the L3S-GN1 corpus; only the lines labelled ``article`` are kept,
  each as a paragraph, in a temporary copy that is removed afterwards.

LanguageTool runs (fragments need its tagger) unless ``--no-languagetool`` is given.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Mapping, Sequence

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

SCORED = ("attribution", "fragment", "chrome")
_BLOCK = re.compile(r"\n[ \t]*\n")


@dataclass(frozen=True)
class Case:
    """One finding with what it takes to judge it."""

    file: str
    line: int
    column: int
    rule: str
    category: str
    paragraph: str
    sources: tuple[str, ...] = ()


@dataclass
class CorpusLoudness:
    name: str
    files: int = 0
    paragraphs: int = 0
    by_rule: Counter = field(default_factory=Counter)
    by_category: Counter = field(default_factory=Counter)
    cases: list[Case] = field(default_factory=list)

    def per_100(self, count: int) -> float:
        return 100.0 * count / self.paragraphs if self.paragraphs else 0.0

    def figures(self) -> dict:
        total = sum(self.by_category.values())
        return {
            "corpus": self.name, "files": self.files, "paragraphs": self.paragraphs,
            "findings": total, "per_100_paragraphs": round(self.per_100(total), 3),
            "by_category": {c: self.by_category.get(c, 0) for c in SCORED},
            "by_rule": dict(sorted(self.by_rule.items())),
        }


def paragraphs_of(text: str) -> list[tuple[int, str]]:
    """(1-based first line, text) of each non-blank block."""
    out: list[tuple[int, str]] = []
    pos = 0
    for m in [*_BLOCK.finditer(text), None]:
        end = m.start() if m else len(text)
        block = text[pos:end]
        if block.strip():
            lead = len(block) - len(block.lstrip())
            out.append((text.count("\n", 0, pos + lead) + 1, block.strip()))
        pos = m.end() if m else len(text)
    return out


def paragraph_at(paragraphs: Sequence[tuple[int, str]], line: int) -> str:
    found = ""
    for first, block in paragraphs:
        if first > line:
            break
        found = block
    return found


# ---------------------------------------------------------------- PolNeAR annotations


def annotated_sources(ann_path: Path) -> list[tuple[int, int, str]]:
    """(start, end, text) of every ``Source`` span in a brat .ann file."""
    spans: list[tuple[int, int, str]] = []
    for row in ann_path.read_text(encoding="utf-8").splitlines():
        parts = row.split("\t")
        if len(parts) < 3 or not parts[0].startswith("T"):
            continue
        kind, *offsets = parts[1].replace(";", " ").split()
        if kind != "Source" or len(offsets) < 2:
            continue
        spans.append((int(offsets[0]), int(offsets[-1]), parts[2]))
    return spans


def annotation_file(text_path: Path) -> Path | None:
    folder = text_path.parent.parent / "attributions"
    if not folder.is_dir():
        return None
    matches = sorted(folder.glob(text_path.stem + "_*.ann"))
    return matches[0] if matches else None


def sources_in(text: str, sources: Iterable[tuple[int, int, str]], line: int) -> tuple[str, ...]:
    """The annotated sources inside the paragraph that holds ``line``."""
    lines = text.split("\n")
    start = sum(len(l) + 1 for l in lines[:line - 1])
    end = text.find("\n\n", start)
    end = len(text) if end < 0 else end
    para_start = text.rfind("\n\n", 0, start)
    para_start = 0 if para_start < 0 else para_start
    return tuple(s for a, b, s in sources if a < end and b > para_start)


# ---------------------------------------------------------------- linting


def measure(name: str, paths: Sequence[Path], *, languagetool: bool, jobs: int) -> CorpusLoudness:
    import newslint

    result = CorpusLoudness(name, files=len(paths))
    texts = {str(p): p.read_text(encoding="utf-8") for p in paths}
    paras = {k: paragraphs_of(v) for k, v in texts.items()}
    result.paragraphs = sum(len(v) for v in paras.values())
    report = newslint.lint_paths(list(texts), languagetool=languagetool, jobs=jobs)
    if report.errors:
        problems = "; ".join(f"{e.path}: {e.message}" for e in report.errors)
        raise RuntimeError(f"could not lint every file: {problems}")
    annotations: dict[str, list] = {}
    for f in sorted(report.findings, key=lambda f: (f.path, f.line, f.column)):
        category = str(f.category)
        if category not in SCORED:
            continue
        result.by_rule[f.rule] += 1
        result.by_category[category] += 1
        if f.path not in annotations:
            ann = annotation_file(Path(f.path))
            annotations[f.path] = annotated_sources(ann) if ann else []
        result.cases.append(Case(
            Path(f.path).name, f.line, f.column, f.rule, category,
            paragraph_at(paras[f.path], f.line),
            sources_in(texts[f.path], annotations[f.path], f.line),
        ))
    return result


def text_files(folder: Path) -> list[Path]:
    if not folder.is_dir():
        raise SystemExit(f"{folder}: not a folder")
    return sorted(p for p in folder.iterdir() if p.suffix == ".txt" and p.is_file())


def l3s_article_files(corpus: Path, dest: Path) -> list[Path]:
    """Write each L3S page's ``article`` lines, one paragraph each, under ``dest``."""
    from evaluate import read_l3s_labels  # scripts/evaluate.py

    labels = read_l3s_labels(corpus / "labels.tsv")
    out: list[Path] = []
    for name, lines in sorted(labels.items()):
        body = [text.strip() for _, (label, text) in sorted(lines.items()) if label == "article" and text.strip()]
        if body:
            path = dest / name
            path.write_text("\n\n".join(body) + "\n", encoding="utf-8")
            out.append(path)
    return out


def _print(result: CorpusLoudness, verbose: bool) -> None:
    f = result.figures()
    print(f"{result.name}: {f['files']} files, {f['paragraphs']} paragraphs, {f['findings']} findings "
          f"= {f['per_100_paragraphs']:.2f} per 100 paragraphs "
          + ", ".join(f"{c} {n}" for c, n in f["by_category"].items()))
    for rule, n in sorted(result.by_rule.items(), key=lambda kv: (-kv[1], kv[0])):
        print(f"  {n:4d}  {rule}")
    if verbose:
        for case in result.cases:
            print(f"\n{case.file}:{case.line}:{case.column} {case.rule}")
            print(f"    {case.paragraph[:600]}")
            if case.sources:
                print(f"    annotated sources: {' | '.join(case.sources)}")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--text-dir", type=Path, action="append", default=[],
                        help="a folder of plain-text articles (repeatable)")
    parser.add_argument("--l3s-dir", type=Path, help="the L3S-GN1 corpus (article lines only)")
    parser.add_argument("--no-languagetool", action="store_true")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--max-per-100", type=float, help="exit 1 when a corpus is louder than this")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--verbose", "-v", action="store_true", help="print every finding with its paragraph")
    args = parser.parse_args(argv)
    if not args.text_dir and args.l3s_dir is None:
        parser.error("give --text-dir and/or --l3s-dir")
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    languagetool = not args.no_languagetool
    results: list[CorpusLoudness] = []
    if args.text_dir:
        paths = [p for d in args.text_dir for p in text_files(d)]
        name = " + ".join(str(d) for d in args.text_dir)
        results.append(measure(name, paths, languagetool=languagetool, jobs=args.jobs))
    if args.l3s_dir is not None:
        with tempfile.TemporaryDirectory() as tmp:
            paths = l3s_article_files(args.l3s_dir, Path(tmp))
            results.append(measure(f"{args.l3s_dir} (article lines)", paths,
                                   languagetool=languagetool, jobs=args.jobs))
    failures = [f"{r.name}: {r.figures()['per_100_paragraphs']:.2f} per 100 paragraphs is above {args.max_per_100}"
                for r in results
                if args.max_per_100 is not None and r.figures()["per_100_paragraphs"] > args.max_per_100]
    if args.json:
        print(json.dumps({"corpora": [r.figures() for r in results], "failures": failures}, indent=2))
    else:
        for r in results:
            _print(r, args.verbose)
    for failure in failures:
        print(f"FAIL {failure}", file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
