#!/usr/bin/env python3
"""Score newslint against labelled corpora, through the public API.

Two corpora:

* ``--corpus l3s``: the L3S-GN1 pages (``../shared/corpus/l3s-gn1`` from the repo, or
  ``--l3s-dir``). Each ``articles/*.txt`` is linted on its own, as a pre-commit hook
  sees it. A line counts as flagged when a ``chrome`` finding starts on it or spans
  it. Prints chrome, related and combined recall, the false-positive rate on
  ``article`` and ``headline`` lines, the share flagged of ``supplemental`` and
  ``comments`` lines, and how many files have any false positive.
* ``--corpus project``: ``tests/corpus/`` with ``labels.tsv`` (file, line, category).
  A listed line must get a finding of its category; an unlisted line must get no
  chrome, attribution or fragment finding. Prints precision and recall per category.

* ``slips``: ``evaluate.py slips --polnear DIR --l3s DIR [...]`` runs scripts/slips.py:
  slips injected into professional copy; prints word- and name-slip recall, false spelling
  findings and warning-or-worse findings per 100 paragraphs.

``--min-*`` options make the run exit 1 when a figure drops below a floor; ``--json``
prints the figures as JSON. The corpus text is only read, never written anywhere.
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Iterable, Mapping, Sequence

REPO = Path(__file__).resolve().parent.parent
DEFAULT_L3S_DIR = REPO.parent / "shared" / "corpus" / "l3s-gn1"
DEFAULT_PROJECT_DIR = REPO / "tests" / "corpus"
SCORED_CATEGORIES = ("chrome", "attribution", "fragment")
CONTENT_LABELS = ("article", "headline")
CHROME_LABELS = ("chrome", "related")
UNSCORED_LABELS = ("supplemental", "comments")

if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))


# ---------------------------------------------------------------- linting


def lint_files(paths: Sequence[Path], *, languagetool: bool = False, jobs: int = 1) -> dict[str, list]:
    """Findings per path (as ``str(path)``); each file is linted on its own."""
    import newslint

    names = [str(p) for p in paths]
    report = newslint.lint_paths(names, languagetool=languagetool, jobs=jobs)
    if report.errors:
        problems = "; ".join(f"{e.path}: {e.message}" for e in report.errors)
        raise RuntimeError(f"could not lint every file: {problems}")
    by_path: dict[str, list] = {name: [] for name in names}
    for finding in report.findings:
        by_path.setdefault(finding.path, []).append(finding)
    return by_path


def flagged_lines(findings: Iterable, category: str) -> dict[int, str]:
    """Line -> rule of the findings of ``category``, over every line each one spans."""
    out: dict[int, str] = {}
    for f in findings:
        if str(f.category) != category:
            continue
        for line in range(f.line, max(f.line, f.end_line) + 1):
            out.setdefault(line, f.rule)
    return out


# ---------------------------------------------------------------- L3S


def read_l3s_labels(path: Path) -> dict[str, dict[int, tuple[str, str]]]:
    """file -> line -> (label, text); rows split on the first three tabs, no quoting."""
    labels: dict[str, dict[int, tuple[str, str]]] = {}
    with open(path, encoding="utf-8", newline="") as fh:
        header = fh.readline().rstrip("\r\n").split("\t")
        if header[:3] != ["file", "line", "label"]:
            raise ValueError(f"{path}: unexpected header {header!r}")
        for number, row in enumerate(fh, start=2):
            row = row.rstrip("\r\n")
            if not row:
                continue
            parts = row.split("\t", 3)
            if len(parts) < 3:
                raise ValueError(f"{path}:{number}: expected file, line, label, text")
            text = parts[3] if len(parts) == 4 else ""
            labels.setdefault(parts[0], {})[int(parts[1])] = (parts[2], text)
    return labels


@dataclass(frozen=True)
class LineCase:
    file: str
    line: int
    label: str
    rule: str
    text: str


@dataclass
class L3sScore:
    files: int = 0
    totals: dict[str, int] = field(default_factory=dict)
    flagged: dict[str, int] = field(default_factory=dict)
    files_with_false_positive: int = 0
    # Chrome lines whose label means something else than ours (see read_disputed), and how
    # many of them were flagged: left out of the matched recall.
    disputed: int = 0
    disputed_flagged: int = 0
    misses: list[LineCase] = field(default_factory=list)
    false_positives: list[LineCase] = field(default_factory=list)

    def share(self, *labels: str) -> float:
        total = sum(self.totals.get(l, 0) for l in labels)
        return sum(self.flagged.get(l, 0) for l in labels) / total if total else 0.0

    def figures(self) -> dict[str, float | int]:
        return {
            "files": self.files,
            "chrome_recall": self.share("chrome"),
            "related_recall": self.share("related"),
            "recall": self.share(*CHROME_LABELS),
            "false_positive_rate": self.share(*CONTENT_LABELS),
            "false_positives": sum(self.flagged.get(l, 0) for l in CONTENT_LABELS),
            "supplemental_flagged": self.share("supplemental"),
            "comments_flagged": self.share("comments"),
            "files_with_false_positive": self.files_with_false_positive,
            "disputed": self.disputed,
            "matched_recall": self.matched_recall(),
        }

    def matched_recall(self) -> float:
        """Recall on the chrome lines whose meaning matches ours (disputed lines left out)."""
        total = sum(self.totals.get(l, 0) for l in CHROME_LABELS) - self.disputed
        found = sum(self.flagged.get(l, 0) for l in CHROME_LABELS) - self.disputed_flagged
        return found / total if total else 0.0


def read_disputed(path: Path) -> dict[str, dict[int, str]]:
    """file -> line -> reason: chrome lines that are a page's own text (comments, pull quotes,
    footnotes, fact boxes, tables, galleries) which the corpus's kept text left out
    (``disputed.tsv`` from scripts/chrome_corpus.py; empty when the folder has none)."""
    out: dict[str, dict[int, str]] = {}
    if not path.is_file():
        return out
    with open(path, encoding="utf-8", newline="") as fh:
        fh.readline()
        for number, row in enumerate(fh, start=2):
            parts = row.rstrip("\r\n").split("\t")
            if len(parts) != 3 or not parts[1].isdigit():
                raise ValueError(f"{path}:{number}: expected file, line, reason")
            out.setdefault(parts[0], {})[int(parts[1])] = parts[2]
    return out


def score_l3s(labels: Mapping[str, Mapping[int, tuple[str, str]]], findings: Mapping[str, list],
              disputed: Mapping[str, Mapping[int, str]] | None = None) -> L3sScore:
    score = L3sScore(files=len(labels))
    disputed = disputed or {}
    totals: Counter[str] = Counter()
    flagged: Counter[str] = Counter()
    for name in sorted(labels):
        lines = flagged_lines(findings.get(name, ()), "chrome")
        file_has_fp = False
        for number, (label, text) in sorted(labels[name].items()):
            totals[label] += 1
            rule = lines.get(number)
            if rule is not None:
                flagged[label] += 1
            if label in CHROME_LABELS and number in disputed.get(name, {}):
                score.disputed += 1
                score.disputed_flagged += rule is not None
                if rule is None:
                    score.misses.append(LineCase(name, number, label, f"disputed: {disputed[name][number]}", text))
                continue
            if rule is not None and label in CONTENT_LABELS:
                file_has_fp = True
                score.false_positives.append(LineCase(name, number, label, rule, text))
            elif rule is None and label in CHROME_LABELS:
                score.misses.append(LineCase(name, number, label, "", text))
        score.files_with_false_positive += file_has_fp
    score.totals, score.flagged = dict(totals), dict(flagged)
    return score


def evaluate_l3s(corpus_dir: Path, *, languagetool: bool = False, jobs: int = 1) -> L3sScore:
    labels = read_l3s_labels(corpus_dir / "labels.tsv")
    paths = [corpus_dir / "articles" / name for name in sorted(labels)]
    found = lint_files(paths, languagetool=languagetool, jobs=jobs)
    return score_l3s(labels, {p.name: found[str(p)] for p in paths}, read_disputed(corpus_dir / "disputed.tsv"))


# ---------------------------------------------------------------- project corpus


def read_project_labels(path: Path) -> dict[str, dict[int, set[str]]]:
    """file -> line -> categories that must be reported there (``#`` lines are comments)."""
    labels: dict[str, dict[int, set[str]]] = {}
    with open(path, encoding="utf-8") as fh:
        for number, row in enumerate(fh, start=1):
            row = row.rstrip("\r\n")
            if not row.strip() or row.startswith("#"):
                continue
            parts = row.split("\t")
            if len(parts) < 3:
                raise ValueError(f"{path}:{number}: expected file, line, category")
            if parts[0] == "file" and parts[1] == "line":
                continue
            category = parts[2].strip()
            if category not in SCORED_CATEGORIES:
                raise ValueError(f"{path}:{number}: unknown category {category!r}")
            labels.setdefault(parts[0], {}).setdefault(int(parts[1]), set()).add(category)
    return labels


@dataclass
class CategoryScore:
    expected: int = 0
    found: int = 0                 # expected lines that got a finding of the category
    false_positives: int = 0       # flagged lines that were not expected
    misses: list[str] = field(default_factory=list)
    false_positive_lines: list[str] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.found / self.expected if self.expected else 1.0

    @property
    def precision(self) -> float:
        flagged = self.found + self.false_positives
        return self.found / flagged if flagged else 1.0

    def figures(self) -> dict[str, float | int]:
        return {"expected": self.expected, "found": self.found, "false_positives": self.false_positives,
                "precision": self.precision, "recall": self.recall}


def score_project(labels: Mapping[str, Mapping[int, set[str]]], findings: Mapping[str, list]) -> dict[str, CategoryScore]:
    """Per category, over every linted file (files without labels must stay quiet)."""
    scores = {c: CategoryScore() for c in SCORED_CATEGORIES}
    for name in sorted(set(findings) | set(labels)):
        expected = labels.get(name, {})
        for category, score in scores.items():
            want = {line for line, cats in expected.items() if category in cats}
            got = flagged_lines(findings.get(name, ()), category)
            score.expected += len(want)
            score.found += len(want & got.keys())
            score.misses += [f"{name}:{line}" for line in sorted(want - got.keys())]
            extra = sorted(got.keys() - want)
            score.false_positives += len(extra)
            score.false_positive_lines += [f"{name}:{line} {got[line]}" for line in extra]
    return scores


def project_articles(corpus_dir: Path) -> list[Path]:
    from newslint.documents import format_for_path

    return sorted(p for p in corpus_dir.rglob("*") if p.is_file() and format_for_path(p.name) is not None)


def evaluate_project(corpus_dir: Path, *, languagetool: bool = False, jobs: int = 1) -> dict[str, CategoryScore]:
    labels = read_project_labels(corpus_dir / "labels.tsv")
    paths = project_articles(corpus_dir)
    found = lint_files(paths, languagetool=languagetool, jobs=jobs)
    # labels.tsv names files relative to the corpus folder.
    relative = {p.relative_to(corpus_dir).as_posix(): found[str(p)] for p in paths}
    return score_project(labels, relative)


# ---------------------------------------------------------------- command line


def floor_failures(figures: Mapping[str, float], floors: Mapping[str, float | None]) -> list[str]:
    """Messages for every figure below its floor (floors of None are not set)."""
    return [
        f"{name} {figures[name]:.4f} is below the floor {floor}"
        for name, floor in floors.items()
        if floor is not None and figures[name] < floor
    ]


def _print_l3s(score: L3sScore, verbose: bool) -> None:
    f = score.figures()
    print(f"L3S-GN1: {f['files']} files, each linted on its own")
    print(f"  chrome recall           {f['chrome_recall']:.3f}  ({score.flagged.get('chrome', 0)}/{score.totals.get('chrome', 0)})")
    print(f"  related recall          {f['related_recall']:.3f}  ({score.flagged.get('related', 0)}/{score.totals.get('related', 0)})")
    print(f"  chrome+related recall   {f['recall']:.3f}")
    print(f"  false-positive rate     {f['false_positive_rate'] * 100:.2f} %  ({f['false_positives']} article/headline lines)")
    print(f"  files with a false pos. {f['files_with_false_positive']}")
    print(f"  supplemental flagged    {f['supplemental_flagged']:.3f}")
    print(f"  comments flagged        {f['comments_flagged']:.3f}")
    if verbose:
        for case in score.false_positives:
            print(f"FP   {case.file}:{case.line} [{case.label}] {case.rule}: {case.text[:80]}")
        for case in score.misses:
            print(f"MISS {case.file}:{case.line} [{case.label}]: {case.text[:80]}")


def _print_project(scores: Mapping[str, CategoryScore], verbose: bool) -> None:
    for category, score in scores.items():
        print(f"{category:12} precision {score.precision:.3f}  recall {score.recall:.3f}  "
              f"({score.found}/{score.expected} found, {score.false_positives} false positives)")
        if verbose:
            for miss in score.misses:
                print(f"  MISS {miss}")
            for fp in score.false_positive_lines:
                print(f"  FP   {fp}")


def _print_professional(args) -> int:
    """Loudness on professional copy, then recall on defects injected into the same copy."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import inject_defects
    import professional_copy

    dirs = [str(d) for d in args.professional]
    common = [a for d in dirs for a in ("--text-dir", d)] + ["--jobs", str(max(args.jobs, 1))]
    common += [] if args.languagetool else ["--no-languagetool"]
    extra = (["--verbose"] if args.verbose else []) + (["--json"] if args.json else [])
    code = professional_copy.main(common + extra)
    return max(code, inject_defects.main(common + extra))


def _slips_main(argv: Sequence[str]) -> int:
    """``evaluate.py slips ...``: the slip-injection scores of scripts/slips.py."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("slips", Path(__file__).resolve().parent / "slips.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("slips", module)
    spec.loader.exec_module(module)
    return module.main(list(argv))


def _trained_on() -> list[str]:
    from importlib import resources

    data = json.loads(resources.files("newslint.checks.news").joinpath("chrome_model.json").read_text("utf-8"))
    return list(data.get("trained_on", ()))


def _print_corpora(args) -> int:
    """One row per labelled corpus: L3S-GN1 first, then each --labelled folder."""
    trained = set(_trained_on())
    corpora = [("l3s", args.l3s_dir)] if args.l3s_dir.is_dir() else []
    for value in args.labelled:
        name, sep, folder = value.partition("=")
        if not sep:
            print(f"--labelled expects NAME=FOLDER, got {value!r}", file=sys.stderr)
            return 2
        corpora.append((name, Path(folder)))
    rows = {}
    print(f"{'corpus':34} {'model':16} {'files':>5} {'chrome rec.':>11} {'matched':>8} {'false pos.':>10} "
          f"{'FP files':>8}")
    for name, folder in corpora:
        score = evaluate_l3s(folder, languagetool=args.languagetool, jobs=args.jobs)
        f = score.figures()
        rows[name] = f | {"trained_on": name in trained}
        tag = "trained on it" if name in trained else "not trained on"
        print(f"{name:34} {tag:16} {f['files']:5d} {f['recall']:11.3f} {f['matched_recall']:8.3f} "
              f"{f['false_positive_rate'] * 100:9.2f}% {f['files_with_false_positive']:8d}", flush=True)
        if args.verbose:
            for case in score.false_positives:
                print(f"  FP   {case.file}:{case.line} [{case.label}] {case.rule}: {case.text[:90]}")
            for case in score.misses:
                why = f" ({case.rule})" if case.rule else ""
                print(f"  MISS {case.file}:{case.line} [{case.label}]{why}: {case.text[:90]}")
    held = [f for name, f in rows.items() if not f["trained_on"]]
    if held:
        chrome = sum(f["recall"] for f in held) / len(held)
        matched = sum(f["matched_recall"] for f in held) / len(held)
        fp = max(f["false_positive_rate"] for f in held)
        print(f"{'cross-corpus (not trained on)':34} {'':16} {'':5} {chrome:11.3f} {matched:8.3f} {fp * 100:9.2f}%  "
              f"(mean recall, worst false-positive rate)")
    print("chrome rec.: every chrome and related line; matched: without the chrome lines that are a page's "
          "own text the corpus's kept text leaves out (its disputed.tsv: comments, pull quotes, footnotes, "
          "fact boxes, tables, galleries)")
    if args.json:
        print(json.dumps({"corpora": rows}, indent=2))
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["slips"]:
        return _slips_main(argv[1:])
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     epilog="Spelling recall and noise on professional copy: "
                                            "evaluate.py slips --polnear DIR --l3s DIR (see scripts/slips.py).")
    parser.add_argument("--corpus", choices=("l3s", "project"), default="l3s")
    parser.add_argument("--l3s-dir", type=Path, default=DEFAULT_L3S_DIR)
    parser.add_argument("--labelled", action="append", default=[], metavar="NAME=FOLDER",
                        help="also score this folder in the L3S layout (from scripts/chrome_corpus.py); "
                             "repeatable, one row each, marked by whether the chrome model was trained on it")
    parser.add_argument("--project-dir", type=Path, default=DEFAULT_PROJECT_DIR)
    parser.add_argument("--professional", type=Path, action="append", default=[], metavar="TEXT_DIR",
                        help="professional copy (e.g. PolNeAR's data/train/text): chrome, attribution and "
                             "fragment findings per 100 paragraphs, then recall on defects injected into it "
                             "(scripts/professional_copy.py, scripts/inject_defects.py); repeatable")
    parser.add_argument("--languagetool", action="store_true", help="also run LanguageTool (off by default)")
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--verbose", "-v", action="store_true", help="list misses and false positives")
    parser.add_argument("--min-recall", type=float, help="l3s: chrome+related recall; project: every category's recall")
    parser.add_argument("--min-precision", type=float, help="project: every category's precision")
    parser.add_argument("--max-fp-rate", type=float, help="l3s: highest false-positive rate on article+headline lines")
    args = parser.parse_args(argv)
    if args.professional:
        return _print_professional(args)
    if args.labelled:
        return _print_corpora(args)
    if args.corpus == "l3s":
        score = evaluate_l3s(args.l3s_dir, languagetool=args.languagetool, jobs=args.jobs)
        figures = score.figures()
        failures = floor_failures(figures, {"recall": args.min_recall})
        if args.max_fp_rate is not None and figures["false_positive_rate"] > args.max_fp_rate:
            failures.append(f"false_positive_rate {figures['false_positive_rate']:.4f} is above {args.max_fp_rate}")
        if args.json:
            print(json.dumps({"corpus": "l3s", "figures": figures, "failures": failures}, indent=2))
        else:
            _print_l3s(score, args.verbose)
    else:
        scores = evaluate_project(args.project_dir, languagetool=args.languagetool, jobs=args.jobs)
        figures = {c: s.figures() for c, s in scores.items()}
        failures = []
        for category, score in scores.items():
            failures += [f"{category}: {m}" for m in floor_failures(
                {"precision": score.precision, "recall": score.recall},
                {"precision": args.min_precision, "recall": args.min_recall})]
        if args.json:
            detail = {c: asdict(s) | s.figures() for c, s in scores.items()}
            print(json.dumps({"corpus": "project", "figures": detail, "failures": failures}, indent=2))
        else:
            _print_project(scores, args.verbose)
    for failure in failures:
        print(f"FAIL {failure}", file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
