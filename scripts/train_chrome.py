#!/usr/bin/env python3
"""Train the chrome model (newslint/checks/news/chrome_model.json) from line-labelled corpora.

Each corpus is a folder in the layout of ``../shared/corpus/l3s-gn1`` (``articles/*.txt``
and ``labels.tsv``), such as those ``scripts/chrome_corpus.py`` builds. Every line is
read as the check reads it (parsed as a plain-text article, cut into lines, given its
structural verdict and its features); ``chrome`` and ``related`` lines are positives,
``article`` and ``headline`` lines negatives, other labels are left out. Lines the
phrase rules cover are left to them and out of training too.

The model is scikit-learn's gradient-boosted trees with a fixed seed; each training
corpus weighs the same in total. The thresholds are chosen on out-of-fold predictions
(files split in folds) for the most recall with at most ``--max-fp`` of article lines
flagged. The script prints, per corpus, recall and false-positive rate: out-of-fold for
the corpora trained on, and for every other corpus given with ``--score`` as scored by
the model trained without it. Install the training libraries with
``pip install -e '.[train]'``; the runtime reads only the JSON file.

    python scripts/train_chrome.py --train l3s=../shared/corpus/l3s-gn1 \\
        --train dragnet-page=/tmp/chrome/dragnet_data-page --score cleaneval=/tmp/chrome/cleaneval-final-page
"""
from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Sequence

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from newslint.checks.news.chrome_features import FEATURES, features  # noqa: E402
from newslint.checks.news.chrome_structure import (  # noqa: E402
    FURNITURE, HEADLINE_LIST, TEASER, TOOLS, WEIGHED, _left_to_phrase_rules, classify,
    line_inputs,
)
from newslint.documents import parse_document  # noqa: E402

MODEL_PATH = REPO / "newslint" / "checks" / "news" / "chrome_model.json"
POSITIVE = ("chrome", "related")
NEGATIVE = ("article", "headline")
SEED = 20260101
# Structural verdicts that stand unless the model gives the line less than their own
# threshold (chosen with the others); code 2 + i in Corpus.verdicts. A repeated byline
# always stands: the repetition is a fact about the whole document that the line's
# features do not carry, and a lone byline is, to the model, the story's metadata.
STANDING = (TOOLS, HEADLINE_LIST, TEASER)
_KEEP_GRID = (0.0, 0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95)


@dataclass
class Corpus:
    name: str
    rows: list[list[float]] = field(default_factory=list)
    labels: list[int] = field(default_factory=list)
    # 0: no structural verdict; 1: a headline list with no heading (weighed by the keep
    # threshold); 2 + i: STANDING[i]
    verdicts: list[int] = field(default_factory=list)
    files: list[int] = field(default_factory=list)
    # Labelled lines the model does not score (prose, long lines): never flagged by it.
    unscored_positives: int = 0
    unscored_negatives: int = 0


def read_labels(path: Path) -> dict[str, dict[int, str]]:
    out: dict[str, dict[int, str]] = {}
    with open(path, encoding="utf-8", newline="") as fh:
        fh.readline()
        for row in fh:
            parts = row.rstrip("\r\n").split("\t", 3)
            if len(parts) >= 3:
                out.setdefault(parts[0], {})[int(parts[1])] = parts[2]
    return out


def load(name: str, folder: Path, limit: int | None = None) -> Corpus:
    corpus = Corpus(name)
    labels = read_labels(folder / "labels.tsv")
    for number, file in enumerate(sorted(labels)[:limit]):
        text = (folder / "articles" / file).read_text(encoding="utf-8")
        doc = parse_document(text, file, "text")
        segments = doc.segments
        phrase = {s.index for s in segments if _left_to_phrase_rules(s.text)}
        kinds: dict = {}
        verdicts = dict((s.index, r) for s, r in classify(segments, phrase, kinds, weighed=True))
        inputs = line_inputs(segments, kinds, verdicts)
        for seg, row in zip(segments, features(inputs)):
            if seg.index in phrase or verdicts.get(seg.index) == FURNITURE:
                continue
            label = labels[file].get(seg.line)
            if row is None:
                corpus.unscored_positives += label in POSITIVE
                corpus.unscored_negatives += label in NEGATIVE
                continue
            if label in POSITIVE or label in NEGATIVE:
                corpus.rows.append(row)
                corpus.labels.append(int(label in POSITIVE))
                verdict = verdicts.get(seg.index)
                corpus.verdicts.append(verdict_code(verdict))
                corpus.files.append(number)
    return corpus


def verdict_code(verdict: str | None) -> int:
    if verdict is None:
        return 0
    if verdict in WEIGHED:
        return 1
    return 2 + STANDING.index(verdict) if verdict in STANDING else 2 + len(STANDING)


def flags(probabilities, verdicts, threshold: float, keep: float, standing: Sequence[float] = ()):
    """Which lines are flagged: no verdict at ``threshold``, an unheaded list at ``keep``,
    each standing verdict at its own threshold (0, or none given: it stands)."""
    import numpy as np

    p = np.asarray(probabilities)
    v = np.asarray(verdicts)
    out = np.where(v == 0, p >= threshold, np.where(v == 1, p >= keep, True))
    for i, needed in enumerate(standing):
        if needed > 0:
            out = np.where(v == 2 + i, p >= needed, out)
    return out


def scores(corpus: Corpus, flagged) -> tuple[float, float, int, int]:
    import numpy as np

    y = np.asarray(corpus.labels)
    f = np.asarray(flagged, dtype=bool)
    positives = int(y.sum()) + corpus.unscored_positives
    negatives = int((1 - y).sum()) + corpus.unscored_negatives
    recall = float((f & (y == 1)).sum() / positives) if positives else 0.0
    fp = float((f & (y == 0)).sum() / negatives) if negatives else 0.0
    return recall, fp, positives, negatives


def fit(corpora: Sequence[Corpus], args):
    import numpy as np
    from sklearn.ensemble import GradientBoostingClassifier

    x = np.vstack([np.asarray(c.rows) for c in corpora])
    y = np.concatenate([np.asarray(c.labels) for c in corpora])
    weight = np.concatenate([np.full(len(c.labels), 1.0 / len(c.labels)) for c in corpora])
    weight *= len(y) / weight.sum()
    model = GradientBoostingClassifier(
        n_estimators=args.trees, max_depth=args.depth, learning_rate=args.learning_rate,
        subsample=0.8, min_samples_leaf=20, random_state=SEED)
    model.fit(x, y, sample_weight=weight)
    return model


def out_of_fold(corpora: Sequence[Corpus], args) -> list:
    """Each training corpus's probabilities from models that did not see its files."""
    import numpy as np

    folds = args.folds
    out = [np.zeros(len(c.labels)) for c in corpora]
    for fold in range(folds):
        train = []
        for c in corpora:
            keep = [i for i, f in enumerate(c.files) if f % folds != fold]
            train.append(Corpus(c.name, [c.rows[i] for i in keep], [c.labels[i] for i in keep]))
        model = fit(train, args)
        for c, probs in zip(corpora, out):
            held = [i for i, f in enumerate(c.files) if f % folds == fold]
            if held:
                probs[held] = model.predict_proba(np.asarray([c.rows[i] for i in held]))[:, 1]
    return out


def choose_thresholds(corpora: Sequence[Corpus], probabilities, max_fp: float,
                      weigh_standing: bool = True) -> tuple[float, float, tuple[float, ...]]:
    """The thresholds (no verdict, unheaded list, each standing verdict) with the most mean
    recall whose worst false-positive rate is in bounds, or else the lowest worst rate;
    found one threshold at a time (three rounds) from several starts."""
    def objective(params):
        threshold, keep, *standing = params
        results = [scores(c, flags(p, c.verdicts, threshold, keep, standing)) for c, p in zip(corpora, probabilities)]
        worst = max(r[1] for r in results)
        if worst > max_fp:
            return (0, -worst)
        return (1, sum(r[0] for r in results) / len(results))

    grids = [[i / 100 for i in range(5, 100)], list(_KEEP_GRID)]
    grids += [list(_KEEP_GRID) if weigh_standing else [0.0]] * len(STANDING)
    # Several starts, since one threshold at a time can get stuck: the verdicts standing,
    # or each held to the same probability.
    starts = [[0.95, 0.9] + [v] * len(STANDING) for v in ((0.0, 0.3, 0.6, 0.9) if weigh_standing else (0.0,))]
    best, params = (0, -2.0), starts[0]
    for start in starts:
        here, score_here = start, objective(start)
        for _ in range(3):
            for i, grid in enumerate(grids):
                for value in grid:
                    trial = here[:i] + [value] + here[i + 1:]
                    score = objective(trial)
                    if score > score_here:
                        score_here, here = score, trial
        if score_here > best:
            best, params = score_here, here
    return params[0], params[1], tuple(params[2:])


def export(model, threshold: float, keep: float, standing: Sequence[float], trained_on: Sequence[str]) -> dict:
    import numpy as np

    prior = float(np.clip(model.init_.class_prior_[1], 1e-6, 1 - 1e-6))
    trees = []
    for estimator in model.estimators_[:, 0]:
        t = estimator.tree_
        trees.append({
            "feature": [int(v) for v in t.feature],
            "threshold": [round(float(v), 6) for v in t.threshold],
            "left": [int(v) for v in t.children_left],
            "right": [int(v) for v in t.children_right],
            "value": [round(float(v), 6) for v in t.value[:, 0, 0]],
        })
    return {
        "about": "Chrome line model; written by scripts/train_chrome.py, do not edit by hand.",
        "trained_on": list(trained_on),
        "features": list(FEATURES),
        "init": round(float(np.log(prior / (1 - prior))), 6),
        "learning_rate": model.learning_rate,
        "threshold": threshold,
        "keep_threshold": keep,
        "verdict_thresholds": {rule: value for rule, value in zip(STANDING, standing) if value > 0},
        "trees": trees,
    }


def _cached(name: str, folder: Path, args) -> Corpus:
    import hashlib
    import pickle

    if args.cache is None:
        return load(name, folder, args.limit)
    source = Path(__file__).resolve().parent.parent / "newslint" / "checks" / "news"
    digest = hashlib.sha1(f"{folder.resolve()}|{args.limit}".encode())
    for module in sorted(source.glob("chrome_*.py")):
        digest.update(module.read_bytes())
    path = args.cache / f"{name}-{digest.hexdigest()[:12]}.pickle"
    if path.is_file():
        with open(path, "rb") as fh:
            corpus = pickle.load(fh)
        corpus.name = name
        return corpus
    corpus = load(name, folder, args.limit)
    args.cache.mkdir(parents=True, exist_ok=True)
    with open(path, "wb") as fh:
        pickle.dump(corpus, fh)
    return corpus


def _named(values: Sequence[str]) -> list[tuple[str, Path]]:
    out = []
    for value in values:
        name, sep, path = value.partition("=")
        if not sep:
            raise SystemExit(f"expected NAME=FOLDER, got {value!r}")
        folder = Path(path)
        if not (folder / "labels.tsv").is_file():
            raise SystemExit(f"{folder}: no labels.tsv")
        out.append((name, folder))
    return out


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--train", action="append", default=[], metavar="NAME=FOLDER", required=True)
    parser.add_argument("--score", action="append", default=[], metavar="NAME=FOLDER")
    parser.add_argument("--out", type=Path, default=MODEL_PATH)
    parser.add_argument("--no-write", action="store_true", help="print the scores only")
    parser.add_argument("--trees", type=int, default=120)
    parser.add_argument("--depth", type=int, default=3)
    parser.add_argument("--learning-rate", type=float, default=0.1)
    parser.add_argument("--folds", type=int, default=3)
    parser.add_argument("--max-fp", type=float, default=0.004, help="highest out-of-fold false-positive rate")
    parser.add_argument("--calibrate", action="append", default=[], metavar="NAME",
                        help="choose the thresholds on these training corpora only (default: all); "
                             "e.g. the extractor-output corpora, which are what users lint")
    parser.add_argument("--cache", type=Path, help="folder to keep each corpus's lines and features in "
                                                    "between runs (outside the repository)")
    parser.add_argument("--verdict-thresholds", action="store_true",
                        help="also hold the tools, headed-list and teaser verdicts to thresholds of their own "
                             "(by default they stand whatever the model says)")
    parser.add_argument("--no-leave-one-out", action="store_true",
                        help="skip scoring each training corpus by a model trained without it")
    parser.add_argument("--limit", type=int, help="only the first N files of each corpus")
    args = parser.parse_args(argv)

    import numpy as np

    train = [_cached(name, folder, args) for name, folder in _named(args.train)]
    held = [_cached(name, folder, args) for name, folder in _named(args.score)]
    for c in train + held:
        print(f"{c.name}: {len(c.labels)} lines, {sum(c.labels)} chrome", flush=True)
    oof = out_of_fold(train, args)
    chosen = [i for i, c in enumerate(train) if not args.calibrate or c.name in args.calibrate]
    threshold, keep, standing = choose_thresholds([train[i] for i in chosen], [oof[i] for i in chosen], args.max_fp,
                                                  args.verdict_thresholds)
    print(f"thresholds: chrome at p >= {threshold}, an unheaded list kept at p >= {keep}, "
          + ", ".join(f"{rule} kept at p >= {value}" for rule, value in zip(STANDING, standing)))
    print(f"{'corpus':32} {'scored as':22} {'recall':>7} {'false pos.':>10}")
    for c, p in zip(train, oof):
        recall, fp, pos, neg = scores(c, flags(p, c.verdicts, threshold, keep, standing))
        print(f"{c.name:32} {'out-of-fold':22} {recall:7.3f} {fp * 100:9.2f}%  ({pos} chrome, {neg} article)")
    if len(train) > 1 and not args.no_leave_one_out:
        for i, c in enumerate(train):
            others = [o for j, o in enumerate(train) if j != i]
            model = fit(others, args)
            p = model.predict_proba(np.asarray(c.rows))[:, 1]
            recall, fp, _, _ = scores(c, flags(p, c.verdicts, threshold, keep, standing))
            print(f"{c.name:32} {'trained without it':22} {recall:7.3f} {fp * 100:9.2f}%")
    model = fit(train, args)
    for c in held:
        p = model.predict_proba(np.asarray(c.rows))[:, 1]
        recall, fp, pos, neg = scores(c, flags(p, c.verdicts, threshold, keep, standing))
        print(f"{c.name:32} {'not trained on':22} {recall:7.3f} {fp * 100:9.2f}%  ({pos} chrome, {neg} article)")
    if not args.no_write:
        args.out.write_text(json.dumps(export(model, threshold, keep, standing, [c.name for c in train]),
                                       separators=(",", ":")) + "\n", encoding="utf-8")
        print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
