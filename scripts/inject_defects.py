#!/usr/bin/env python3
"""Recall of the fragment and attribution checks on defects injected into real copy.

Takes professional articles (plain text, one paragraph per block; e.g. PolNeAR's
``data/train/text``), finds paragraphs with the shape each defect needs, injects one
defect per article copy, lints every copy through the public API and prints, per kind,
how many injected defects got a finding of the expected category on the injected
paragraph. Kinds:

* ``fragment-paragraph``: a trailing clause (“…, although …”, “…, leaving …”, “…,
  despite …”, “…, which …”) cut off into a paragraph of its own;
* ``fragment-sentence``: the same clause cut off into a sentence of its own in place;
* ``period-before-tag``: “…,” she said → “….” she said;
* ``comma-without-tag``: a quote-and-tag paragraph with its tag stripped (“…,”);
* ``run-together``: “A,” X said. “B.” → “A.” “B,” X said.;
* ``bare-quote``: a quote-and-tag paragraph stripped to the bare quote (“….”) where no
  neighbouring paragraph attributes speech.

Copies go to a temporary folder that is removed afterwards; nothing is written elsewhere.
Needs LanguageTool for the fragment kinds (on by default).
"""
from __future__ import annotations

import argparse
import json
import random
import re
import sys
import tempfile
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Sequence

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

EXPECTED = {
    "fragment-paragraph": "fragment", "fragment-sentence": "fragment",
    "period-before-tag": "attribution", "comma-without-tag": "attribution",
    "run-together": "attribution", "bare-quote": "attribution",
}
_CLAUSE = re.compile(
    r"^(?P<main>[A-Z][^“”\"]{30,}?[a-z0-9)]), (?P<clause>(?:although|though|because|despite|leaving|"
    r"including|which|while|whereas|prompting|forcing|making|pending|amid|after|before|"
    r"with)\b[^“”\"]{15,}?)\.$"
)
_SENTENCE_START = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")
_QUOTE_TAG = re.compile(
    r"^(?P<quote>[“\"](?P<inner>[A-Z][^“”\"]{20,}?)),(?P<close>[”\"])\s+(?P<tag>(?:said|says|added|told)\s+[A-Z][^.“”\"]{1,60}"
    r"|(?:[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3}|[Hh]e|[Ss]he)\s+(?:said|says|added|told)\b[^.“”\"]{0,60})\.$"
)
_TWO_QUOTES = re.compile(
    r"^(?P<q1>[“\"][A-Z][^“”\"]{15,}?),(?P<c1>[”\"])\s+(?P<tag>[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3}\s+"
    r"(?:said|says|added))\.\s+(?P<q2>[“\"][A-Z][^“”\"]{15,}?[.!?][”\"])$"
)
_SPEECH = re.compile(r"\b(?:said|says|told|added|asked|according to|stated|wrote|tweeted)\b|:\s*$")


@dataclass(frozen=True)
class Injected:
    kind: str
    source: str
    paragraph: int          # index of the paragraph to look at (after injection)
    text: str


def _paragraphs(text: str) -> list[str]:
    return [p.strip() for p in re.split(r"\n[ \t]*\n", text) if p.strip()]


def _fragment(paragraphs: list[str], i: int, own_paragraph: bool) -> tuple[list[str], int] | None:
    sentences = _SENTENCE_START.split(paragraphs[i])
    m = _CLAUSE.match(sentences[-1])
    if m is None:
        return None
    clause = m.group("clause")
    head = " ".join([*sentences[:-1], m.group("main") + "."])
    cut = clause[0].upper() + clause[1:] + "."
    if own_paragraph:
        return paragraphs[:i] + [head, cut] + paragraphs[i + 1:], i + 1
    return paragraphs[:i] + [head + " " + cut] + paragraphs[i + 1:], i


def _period_before_tag(paragraphs: list[str], i: int) -> tuple[list[str], int] | None:
    m = _QUOTE_TAG.match(paragraphs[i])
    if m is None:
        return None
    changed = f"{m.group('quote')}.{m.group('close')} {m.group('tag')}."
    return paragraphs[:i] + [changed] + paragraphs[i + 1:], i


def _speech_near(paragraphs: list[str], i: int) -> bool:
    return any(0 <= j < len(paragraphs) and _SPEECH.search(paragraphs[j]) for j in (i - 1, i + 1))


def _comma_without_tag(paragraphs: list[str], i: int) -> tuple[list[str], int] | None:
    m = _QUOTE_TAG.match(paragraphs[i])
    if m is None:
        return None
    return paragraphs[:i] + [f"{m.group('quote')},{m.group('close')}"] + paragraphs[i + 1:], i


def _bare_quote(paragraphs: list[str], i: int) -> tuple[list[str], int] | None:
    m = _QUOTE_TAG.match(paragraphs[i])
    if m is None or _speech_near(paragraphs, i):
        return None
    return paragraphs[:i] + [f"{m.group('quote')}.{m.group('close')}"] + paragraphs[i + 1:], i


def _run_together(paragraphs: list[str], i: int) -> tuple[list[str], int] | None:
    m = _TWO_QUOTES.match(paragraphs[i])
    if m is None:
        return None
    q2 = m.group("q2")
    q2_tagged = q2[:-2] + "," + q2[-1] if q2[-2] == "." else None
    if q2_tagged is None:
        return None
    changed = f"{m.group('q1')}.{m.group('c1')} {q2_tagged} {m.group('tag')}."
    return paragraphs[:i] + [changed] + paragraphs[i + 1:], i


INJECTORS: dict[str, Callable[[list[str], int], tuple[list[str], int] | None]] = {
    "fragment-paragraph": lambda p, i: _fragment(p, i, True),
    "fragment-sentence": lambda p, i: _fragment(p, i, False),
    "period-before-tag": _period_before_tag,
    "comma-without-tag": _comma_without_tag,
    "run-together": _run_together,
    "bare-quote": _bare_quote,
}


def inject(paths: Sequence[Path], per_kind: int, seed: int) -> list[Injected]:
    """Up to ``per_kind`` injected articles per kind, each from a different article."""
    rng = random.Random(seed)
    out: list[Injected] = []
    for kind, injector in INJECTORS.items():
        order = list(paths)
        rng.shuffle(order)
        made = 0
        for path in order:
            if made >= per_kind:
                break
            paragraphs = _paragraphs(path.read_text(encoding="utf-8"))
            spots = list(range(2, len(paragraphs)))   # body paragraphs, not the headline or lead
            rng.shuffle(spots)
            for i in spots:
                result = injector(paragraphs, i)
                if result is not None:
                    changed, at = result
                    out.append(Injected(kind, path.name, at, "\n\n".join(changed) + "\n"))
                    made += 1
                    break
    return out


def paragraph_lines(text: str) -> list[tuple[int, int]]:
    """(first, last) 1-based line of each paragraph."""
    spans: list[tuple[int, int]] = []
    line = 1
    for block in re.split(r"(\n[ \t]*\n)", text):
        lines = block.count("\n")
        if block.strip() and not re.fullmatch(r"\n[ \t]*\n", block):
            spans.append((line, line + lines))
        line += lines
    return spans


def score(cases: Sequence[Injected], *, languagetool: bool, jobs: int) -> dict[str, dict]:
    import newslint

    with tempfile.TemporaryDirectory() as tmp:
        files = []
        for n, case in enumerate(cases):
            path = Path(tmp) / f"{n:04d}-{case.kind}.txt"
            path.write_text(case.text, encoding="utf-8")
            files.append(str(path))
        report = newslint.lint_paths(files, languagetool=languagetool, jobs=jobs)
        if report.errors:
            raise RuntimeError("; ".join(f"{e.path}: {e.message}" for e in report.errors))
    by_path: dict[str, list] = {}
    for f in report.findings:
        by_path.setdefault(f.path, []).append(f)
    found: Counter = Counter()
    total: Counter = Counter()
    rules: dict[str, Counter] = {k: Counter() for k in INJECTORS}
    misses: dict[str, list[str]] = {k: [] for k in INJECTORS}
    for path, case in zip(files, cases):
        first, last = paragraph_lines(case.text)[case.paragraph]
        category = EXPECTED[case.kind]
        hit = [f for f in by_path.get(path, []) if str(f.category) == category and first <= f.line <= last]
        total[case.kind] += 1
        if hit:
            found[case.kind] += 1
            rules[case.kind][hit[0].rule] += 1
        else:
            misses[case.kind].append(f"{case.source}: {_paragraphs(case.text)[case.paragraph][:160]}")
    return {k: {"injected": total[k], "found": found[k],
                "recall": round(found[k] / total[k], 3) if total[k] else None,
                "rules": dict(rules[k]), "misses": misses[k]} for k in INJECTORS}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--text-dir", type=Path, action="append", required=True,
                        help="a folder of plain-text articles (repeatable)")
    parser.add_argument("--per-kind", type=int, default=40)
    parser.add_argument("--seed", type=int, default=15)
    parser.add_argument("--no-languagetool", action="store_true")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--verbose", "-v", action="store_true", help="list the misses")
    args = parser.parse_args(argv)
    paths = sorted(p for d in args.text_dir for p in d.glob("*.txt"))
    cases = inject(paths, args.per_kind, args.seed)
    kinds = [k for k in INJECTORS if not (args.no_languagetool and EXPECTED[k] == "fragment")]
    cases = [c for c in cases if c.kind in kinds]
    result = score(cases, languagetool=not args.no_languagetool, jobs=args.jobs)
    if args.json:
        print(json.dumps({k: result[k] for k in kinds}, indent=2))
        return 0
    print(f"injected defects in {len(paths)} articles ({', '.join(str(d) for d in args.text_dir)})")
    for k in kinds:
        r = result[k]
        recall = "n/a" if r["recall"] is None else f"{r['recall']:.3f}"
        print(f"  {k:20} recall {recall}  ({r['found']}/{r['injected']})  {r['rules']}")
        if args.verbose:
            for miss in r["misses"]:
                print(f"      MISS {miss}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
