#!/usr/bin/env python3
"""How loud newslint is on professional copy, and whether it still catches real slips.

Reads professional news text the project did not write:

* PolNeAR text files (``--polnear DIR``, repeatable: the ``train`` and ``dev`` text
  folders; a folder under a ``test`` split is refused: that split is reserved);
* the ``article`` lines of L3S-GN1 (``--l3s DIR``, the folder holding ``labels.tsv``),
  each line a paragraph.

Each article is linted twice, as a plain-text file in a temporary folder, with
LanguageTool on and default settings:

1. as published (the "clean" run): every ``spelling`` finding counts as a false one,
   and every finding at ``warning`` or worse counts towards the noise figure; spans
   reported by more than one finding are counted;
2. with slips injected (the "slipped" run): in up to ``--word-slips`` paragraphs, two
   adjacent inner letters of a lowercase word of 6+ letters are swapped; in one
   paragraph, one mention of a name the article uses at least twice mid-sentence gets
   a letter doubled or dropped. A slip is caught when a ``spelling`` finding covers
   the slipped word.

Prints word-slip recall, name-slip recall, false spelling findings and warning-or-worse
findings per 100 paragraphs, the spans reported twice, and the rules behind the
warnings (``--top``). ``--sample N`` prints N warnings of the clean run (seeded) for a
person to judge. Slips are seeded, so two runs inject the same slips. The corpus text
is only read; temporary files are deleted; nothing is written into the repository.
"""
from __future__ import annotations

import argparse
import json
import random
import re
import shutil
import sys
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Sequence

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

_WORD_SLIP_TARGET = re.compile(r"(?<![\w'’-])[a-z]{6,}(?![\w'’-])")
_NAME = re.compile(r"(?<![\w'’-])[A-Z][a-z]{3,}(?![\w-])")
_SENTENCE_END = re.compile(r"[.!?:;\"“”‘’'(\[—–-]\s*$")


@dataclass(frozen=True)
class Article:
    name: str
    source: str                      # "polnear" or "l3s"
    paragraphs: tuple[str, ...]

    @property
    def text(self) -> str:
        return "\n\n".join(self.paragraphs) + "\n"


@dataclass(frozen=True)
class Slip:
    kind: str                        # "word" or "name"
    start: int                       # offsets of the slipped word in the slipped text
    end: int
    original: str
    slipped: str


# ---------------------------------------------------------------- reading


def read_polnear(folder: Path) -> list[Article]:
    if "test" in folder.resolve().parts:
        raise SystemExit(f"{folder}: PolNeAR's test split is reserved; give the train or dev text folder")
    out = []
    for path in sorted(folder.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        paragraphs = tuple(" ".join(p.split()) for p in re.split(r"\n\s*\n", text) if p.strip())
        if paragraphs:
            out.append(Article(f"polnear-{folder.parent.name}-{path.stem}", "polnear", paragraphs))
    return out


def read_l3s(folder: Path) -> list[Article]:
    by_file: dict[str, list[tuple[int, str]]] = {}
    with open(folder / "labels.tsv", encoding="utf-8", newline="") as fh:
        fh.readline()
        for row in fh:
            parts = row.rstrip("\r\n").split("\t", 3)
            if len(parts) == 4 and parts[2] == "article" and parts[3].strip():
                by_file.setdefault(parts[0], []).append((int(parts[1]), " ".join(parts[3].split())))
    return [Article(f"l3s-{Path(name).stem}", "l3s", tuple(t for _, t in sorted(lines)))
            for name, lines in sorted(by_file.items())]


# ---------------------------------------------------------------- slips


def _mid_sentence(text: str, start: int) -> bool:
    before = text[max(0, start - 3):start]
    return bool(before.strip()) and not _SENTENCE_END.search(before)


def name_candidates(text: str) -> dict[str, list[int]]:
    """Capitalised words of 4+ letters used at least twice mid-sentence whose lowercase
    form never appears: names, by the article's own evidence."""
    mentions: dict[str, list[int]] = {}
    for m in _NAME.finditer(text):
        mentions.setdefault(m.group(), []).append(m.start())
    lowered = {w.lower() for w in re.findall(r"[a-z]+", text)}
    out = {}
    for word, starts in mentions.items():
        if word.lower() in lowered:
            continue
        if sum(_mid_sentence(text, s) for s in starts) >= 2:
            out[word] = starts
    return out


def swap_inner(word: str, rng: random.Random) -> str | None:
    spots = [i for i in range(1, len(word) - 2) if word[i] != word[i + 1]]
    if not spots:
        return None
    i = rng.choice(spots)
    return word[:i] + word[i + 1] + word[i] + word[i + 2:]


def double_or_drop(word: str, rng: random.Random) -> str:
    i = rng.randrange(1, len(word))
    if rng.random() < 0.5:
        return word[:i] + word[i] + word[i:]
    return word[:i] + word[i + 1:]


def inject(article: Article, seed: int, word_slips: int) -> tuple[str, list[Slip]]:
    """The article's text with slips, and where they are. Each slip sits in its own paragraph."""
    rng = random.Random(f"{seed}:{article.name}")
    paragraphs = list(article.paragraphs)
    used: set[int] = set()
    planned: dict[int, tuple[str, int, str, str]] = {}     # paragraph -> (kind, start, old, new)
    names = name_candidates(article.text)
    if names:
        name = rng.choice(sorted(names))
        spots = [(i, m.start()) for i, p in enumerate(paragraphs)
                 for m in _NAME.finditer(p) if m.group() == name]
        pi, start = rng.choice(spots)
        new = double_or_drop(name, rng)
        if new != name and not re.search(rf"\b{re.escape(new)}\b", article.text):
            planned[pi] = ("name", start, name, new)
            used.add(pi)
    order = list(range(len(paragraphs)))
    rng.shuffle(order)
    for pi in order:
        if sum(1 for k in planned.values() if k[0] == "word") >= word_slips:
            break
        if pi in used:
            continue
        targets = list(_WORD_SLIP_TARGET.finditer(paragraphs[pi]))
        rng.shuffle(targets)
        for m in targets:
            new = swap_inner(m.group(), rng)
            if new and new != m.group():
                planned[pi] = ("word", m.start(), m.group(), new)
                used.add(pi)
                break
    slips: list[Slip] = []
    offset = 0
    for pi, paragraph in enumerate(paragraphs):
        if pi in planned:
            kind, start, old, new = planned[pi]
            paragraph = paragraph[:start] + new + paragraph[start + len(old):]
            paragraphs[pi] = paragraph
            slips.append(Slip(kind, offset + start, offset + start + len(new), old, new))
        offset += len(paragraph) + 2
    return "\n\n".join(paragraphs) + "\n", slips


# ---------------------------------------------------------------- scoring


@dataclass
class Score:
    articles: int = 0
    paragraphs: int = 0
    word_slips: int = 0
    word_caught: int = 0
    name_slips: int = 0
    name_caught: int = 0
    false_spelling: int = 0
    warnings: int = 0
    twice: int = 0
    warning_rules: Counter = field(default_factory=Counter)
    spelling_rules: Counter = field(default_factory=Counter)
    missed: list[tuple[str, Slip]] = field(default_factory=list)
    warning_cases: list[tuple[str, object, str]] = field(default_factory=list)
    spelling_cases: list[tuple[str, object, str]] = field(default_factory=list)
    twice_cases: list[tuple[str, list, str]] = field(default_factory=list)

    def per_100(self, count: int) -> float:
        return 100.0 * count / self.paragraphs if self.paragraphs else 0.0

    def figures(self) -> dict[str, float | int]:
        return {
            "articles": self.articles,
            "paragraphs": self.paragraphs,
            "word_slips": self.word_slips,
            "word_slip_recall": self.word_caught / self.word_slips if self.word_slips else 0.0,
            "name_slips": self.name_slips,
            "name_slip_recall": self.name_caught / self.name_slips if self.name_slips else 0.0,
            "false_spelling_per_100_paragraphs": self.per_100(self.false_spelling),
            "warnings_per_100_paragraphs": self.per_100(self.warnings),
            "spans_reported_twice": self.twice,
        }


def caught(slip: Slip, findings: Iterable) -> bool:
    return any(str(f.category) == "spelling" and f.offset <= slip.start and f.end_offset >= slip.end
               for f in findings)


def _context(text: str, f) -> str:
    line_start = text.rfind("\n", 0, f.offset) + 1
    line_end = text.find("\n", f.end_offset)
    line = text[line_start:line_end if line_end >= 0 else len(text)]
    a, b = f.offset - line_start, f.end_offset - line_start
    return (line[max(0, a - 60):a] + "[[" + line[a:b] + "]]" + line[b:b + 60]).strip()


def score(articles: Sequence[Article], clean: dict[str, list], slipped: dict[str, list],
          slips: dict[str, list[Slip]], texts: dict[str, str]) -> Score:
    s = Score()
    for article in articles:
        s.articles += 1
        s.paragraphs += len(article.paragraphs)
        spans = Counter((f.offset, f.end_offset) for f in clean[article.name])
        s.twice += sum(1 for n in spans.values() if n > 1)
        for span, n in spans.items():
            if n > 1:
                on = [f for f in clean[article.name] if (f.offset, f.end_offset) == span]
                s.twice_cases.append((article.name, on, _context(article.text, on[0])))
        for f in clean[article.name]:
            if str(f.category) == "spelling":
                s.false_spelling += 1
                s.spelling_rules[f.rule] += 1
                s.spelling_cases.append((article.name, f, _context(article.text, f)))
            if str(f.severity) in ("warning", "error"):
                s.warnings += 1
                s.warning_rules[f.rule] += 1
                s.warning_cases.append((article.name, f, _context(article.text, f)))
        for slip in slips[article.name]:
            hit = caught(slip, slipped[article.name])
            if slip.kind == "word":
                s.word_slips += 1
                s.word_caught += hit
            else:
                s.name_slips += 1
                s.name_caught += hit
            if not hit:
                s.missed.append((article.name, slip))
    return s


# ---------------------------------------------------------------- running


def lint_texts(texts: dict[str, str], jobs: int, config: str | None) -> dict[str, list]:
    """Findings per article name; each text is written to a temporary .txt file and linted."""
    import newslint

    folder = Path(tempfile.mkdtemp(prefix="newslint-slips-"))
    try:
        paths = {}
        for name, text in texts.items():
            path = folder / f"{name}.txt"
            path.write_text(text, encoding="utf-8")
            paths[str(path)] = name
        report = newslint.lint_paths(sorted(paths), languagetool=True, jobs=jobs, config=config)
        if report.errors:
            raise SystemExit("could not lint every file: " + "; ".join(str(e) for e in report.errors[:5]))
        out: dict[str, list] = {name: [] for name in texts}
        for f in report.findings:
            out[paths[f.path]].append(f)
        return out
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def evaluate(articles: Sequence[Article], *, seed: int = 14, word_slips: int = 2, jobs: int = 2,
             config: str | None = None) -> Score:
    clean_texts = {a.name: a.text for a in articles}
    slipped_texts: dict[str, str] = {}
    slips: dict[str, list[Slip]] = {}
    for a in articles:
        slipped_texts[a.name], slips[a.name] = inject(a, seed, word_slips)
    clean = lint_texts(clean_texts, jobs, config)
    slipped = lint_texts(slipped_texts, jobs, config)
    return score(articles, clean, slipped, slips, slipped_texts)


def load_articles(polnear: Sequence[Path], l3s: Sequence[Path], limit: int | None, seed: int) -> list[Article]:
    articles: list[Article] = []
    for folder in polnear:
        articles.extend(_limited(read_polnear(folder), limit, seed))
    for folder in l3s:
        articles.extend(_limited(read_l3s(folder), limit, seed))
    return articles


def _limited(articles: list[Article], limit: int | None, seed: int) -> list[Article]:
    if limit is None or len(articles) <= limit:
        return articles
    return sorted(random.Random(seed).sample(articles, limit), key=lambda a: a.name)


def print_score(s: Score, top: int, sample: int, seed: int, verbose: bool) -> None:
    f = s.figures()
    print(f"{f['articles']} articles, {f['paragraphs']} paragraphs")
    print(f"  word-slip recall            {f['word_slip_recall']:.3f}  ({s.word_caught}/{s.word_slips})")
    print(f"  name-slip recall            {f['name_slip_recall']:.3f}  ({s.name_caught}/{s.name_slips})")
    print(f"  false spelling / 100 par.   {f['false_spelling_per_100_paragraphs']:.2f}  ({s.false_spelling})")
    print(f"  warning-or-worse / 100 par. {f['warnings_per_100_paragraphs']:.2f}  ({s.warnings})")
    print(f"  spans reported twice        {s.twice}")
    if top:
        print("  warnings by rule:")
        for rule, n in s.warning_rules.most_common(top):
            print(f"    {n:5d}  {rule}")
    if verbose:
        for name, f_, ctx in s.spelling_cases:
            print(f"SPELL {name}: {f_.rule}: {ctx}")
        for name, slip in s.missed:
            print(f"MISS  {name}: {slip.kind} {slip.original} -> {slip.slipped}")
        for name, on, ctx in s.twice_cases:
            print(f"TWICE {name}: {', '.join(f_.rule for f_ in on)}: {ctx}")
    if sample:
        cases = s.warning_cases
        picked = random.Random(seed).sample(cases, min(sample, len(cases)))
        for i, (name, f_, ctx) in enumerate(picked, 1):
            print(f"SAMPLE {i:2d} {name}:{f_.line}:{f_.column} {f_.rule}: {f_.message[:100]}\n          {ctx}")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--polnear", type=Path, action="append", default=[],
                        help="a PolNeAR text folder (data/train/text or data/dev/text); repeatable")
    parser.add_argument("--l3s", type=Path, action="append", default=[],
                        help="the L3S-GN1 folder (holding labels.tsv); its article lines are read")
    parser.add_argument("--limit", type=int, help="at most this many articles from each folder (seeded sample)")
    parser.add_argument("--seed", type=int, default=14)
    parser.add_argument("--word-slips", type=int, default=2, help="word slips per article (default 2)")
    parser.add_argument("--config", help="a .newslint.yml to lint with (default: newslint's defaults)")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--top", type=int, default=15, help="list the rules behind this many warnings")
    parser.add_argument("--sample", type=int, default=0, help="print this many warnings of the clean run")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--verbose", "-v", action="store_true", help="list spelling findings and missed slips")
    args = parser.parse_args(argv)
    if not args.polnear and not args.l3s:
        parser.error("give at least one --polnear or --l3s folder")
    articles = load_articles(args.polnear, args.l3s, args.limit, args.seed)
    result = evaluate(articles, seed=args.seed, word_slips=args.word_slips, jobs=args.jobs, config=args.config)
    if args.json:
        print(json.dumps(result.figures(), indent=2))
    else:
        print_score(result, args.top, args.sample, args.seed, args.verbose)
    return 0


if __name__ == "__main__":
    sys.exit(main())
