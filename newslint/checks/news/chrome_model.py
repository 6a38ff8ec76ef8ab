"""The trained chrome model: a small ensemble of decision trees, scored in plain Python.

``chrome_model.json`` (next to this module) is written by ``scripts/train_chrome.py``:
the feature names it was trained on (they must equal
:data:`~newslint.checks.news.chrome_features.FEATURES`), the ensemble's starting
log-odds and learning rate, each tree as flat arrays (feature, threshold, left, right,
value; a left child of -1 marks a leaf) and the probability thresholds the check uses:
one for a line with no structural verdict, one to keep a headline list with no heading,
and one per other structural verdict (``verdict_thresholds``; a verdict without one, or
with 0, stands whatever the model says).
"""
from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from importlib import resources
from typing import Sequence

from newslint.checks.news.chrome_features import FEATURES


class ChromeModelError(Exception):
    """The shipped model file is missing, malformed, or was trained on other features."""


@dataclass(frozen=True)
class Tree:
    feature: tuple[int, ...]
    threshold: tuple[float, ...]
    left: tuple[int, ...]
    right: tuple[int, ...]
    value: tuple[float, ...]

    def leaf_value(self, row: Sequence[float]) -> float:
        node = 0
        left, right, feature, threshold = self.left, self.right, self.feature, self.threshold
        while left[node] != -1:
            node = left[node] if row[feature[node]] <= threshold[node] else right[node]
        return self.value[node]


@dataclass(frozen=True)
class ChromeModel:
    init: float
    learning_rate: float
    trees: tuple[Tree, ...]
    threshold: float          # a line with this probability or more is chrome
    keep_threshold: float     # a headline list with no heading stands unless the probability is below this
    # rule id -> the probability below which that structural verdict does not stand
    verdict_thresholds: dict[str, float] = field(default_factory=dict)

    def verdict_threshold(self, rule: str) -> float:
        return self.verdict_thresholds.get(rule, 0.0)

    def probability(self, row: Sequence[float]) -> float:
        raw = self.init + self.learning_rate * sum(tree.leaf_value(row) for tree in self.trees)
        return 1.0 / (1.0 + math.exp(-raw))

    @classmethod
    def from_json(cls, data: dict) -> "ChromeModel":
        if tuple(data.get("features", ())) != FEATURES:
            raise ChromeModelError("chrome model: trained on other features; retrain with scripts/train_chrome.py")
        try:
            trees = tuple(
                Tree(tuple(t["feature"]), tuple(t["threshold"]), tuple(t["left"]), tuple(t["right"]),
                     tuple(t["value"]))
                for t in data["trees"]
            )
            verdicts = {str(rule): float(value) for rule, value in data.get("verdict_thresholds", {}).items()}
            return cls(float(data["init"]), float(data["learning_rate"]), trees,
                       float(data["threshold"]), float(data["keep_threshold"]), verdicts)
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise ChromeModelError(f"chrome model: malformed ({exc})") from exc


def shipped_model() -> ChromeModel:
    """The model in the package (read when a check is built, like the YAML rule packs)."""
    try:
        text = resources.files(__package__).joinpath("chrome_model.json").read_text(encoding="utf-8")
        return ChromeModel.from_json(json.loads(text))
    except (OSError, json.JSONDecodeError) as exc:
        raise ChromeModelError(f"chrome model: cannot read chrome_model.json ({exc})") from exc
