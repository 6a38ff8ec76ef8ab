"""``extends: metric``: a ``formula`` over the document's counts, reported when ``condition`` holds.

Vale evaluates the formula as a Tengo expression; newslint reads the same expression
language for what formulas use (numbers, the variables below, ``+ - * / %``, comparisons,
``&& || !``, parentheses, and ``math.<function>(...)`` / ``math.<constant>``) and
evaluates it without running code. Variables, as in Vale:

- from the measured text (see :mod:`textstats`): ``words``, ``sentences``,
  ``syllables``, ``characters``, ``long_words``, ``polysyllabic_words``,
  ``complex_words``;
- elements of the document: ``paragraphs``, ``list`` (list items), ``blockquote``,
  ``heading_h1`` .. ``heading_h6`` (``heading.h1`` is read as ``heading_h1``),
  ``pre`` (code blocks).

The rule reports once, at the start of the file, with the formula's value (``%.2f``) in
its message; a file with no words is not measured, as in Vale.
"""
from __future__ import annotations

import ast
import math
import operator
import re
from dataclasses import dataclass
from typing import Any, Callable, Mapping

from newslint.checks.base import Hit
from newslint.checks.yaml_rules.fields import RuleFields
from newslint.checks.yaml_rules.matcher import Matcher
from newslint.checks.yaml_rules.messages import format_message
from newslint.checks.yaml_rules.scopes import Scope
from newslint.checks.yaml_rules.textstats import TextStats
from newslint.checks.yaml_rules.view import ScopeView
from newslint.documents.model import SegmentKind as K

KEYS = frozenset({"formula", "condition"})

TEXT_VARIABLES = ("words", "sentences", "syllables", "characters", "long_words",
                  "polysyllabic_words", "complex_words")
ELEMENT_VARIABLES = ("paragraphs", "list", "blockquote", "pre",
                     *(f"heading_h{n}" for n in range(1, 7)))
VARIABLES = frozenset(TEXT_VARIABLES + ELEMENT_VARIABLES)

_HEADING_DOT = re.compile(r"heading\.(h[1-6])")
# Tengo's logical operators, spelled as Python's so the standard parser reads them.
_LOGICAL = ((re.compile(r"&&"), " and "), (re.compile(r"\|\|"), " or "), (re.compile(r"!(?!=)"), " not "))
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})", re.M)
_PRE_TAG = re.compile(r"<pre\b", re.I)

# Tengo's math module: the constants and functions a formula may use as math.<name>.
_MATH: dict[str, Any] = {
    **{name: getattr(math, name) for name in (
        "acos", "acosh", "asin", "asinh", "atan", "atan2", "atanh", "ceil", "copysign", "cos", "cosh",
        "erf", "erfc", "exp", "expm1", "floor", "gamma", "hypot", "log10", "log1p", "log2", "pow",
        "remainder", "sin", "sinh", "sqrt", "tan", "tanh", "trunc")},
    "e": math.e, "pi": math.pi, "phi": (1 + math.sqrt(5)) / 2, "sqrt2": math.sqrt(2),
    "ln2": math.log(2), "ln10": math.log(10),
    "abs": math.fabs, "log": math.log, "max": max, "min": min, "mod": math.fmod,
    "cbrt": lambda x: math.copysign(abs(x) ** (1 / 3), x), "dim": lambda x, y: max(x - y, 0.0),
    "exp2": lambda x: 2.0 ** x, "pow10": lambda n: 10.0 ** n,
    "inf": lambda sign: math.inf if sign >= 0 else -math.inf, "nan": lambda: math.nan,
}

_BINARY: dict[type, Callable[[Any, Any], Any]] = {
    ast.Add: operator.add, ast.Sub: operator.sub, ast.Mult: operator.mul, ast.Mod: operator.mod,
}
_COMPARE: dict[type, Callable[[Any, Any], bool]] = {
    ast.Lt: operator.lt, ast.LtE: operator.le, ast.Gt: operator.gt, ast.GtE: operator.ge,
    ast.Eq: operator.eq, ast.NotEq: operator.ne,
}


class FormulaError(ValueError):
    pass


@dataclass(frozen=True)
class Expression:
    """A parsed formula or condition, checked once at load time."""

    source: str
    tree: ast.expr

    @classmethod
    def parse(cls, source: str) -> "Expression":
        text = _HEADING_DOT.sub(r"heading_\1", source.strip())
        for pattern, spelled in _LOGICAL:
            text = pattern.sub(spelled, text)
        if not text:
            raise FormulaError("it is empty")
        try:
            tree = ast.parse(text, mode="eval").body
        except SyntaxError as exc:
            raise FormulaError(f"{source.strip()!r} is not one expression ({exc.msg})") from None
        _check(tree, source.strip())
        return cls(source, tree)

    def evaluate(self, values: Mapping[str, float]) -> Any:
        return _eval(self.tree, values)


def _check(node: ast.AST, source: str) -> None:
    for sub in ast.walk(node):
        if isinstance(sub, ast.Name) and sub.id not in VARIABLES and sub.id != "math":
            raise FormulaError(f"unknown variable '{sub.id}' in {source!r}; "
                               f"known: {', '.join(sorted(VARIABLES))}")
        if isinstance(sub, ast.Attribute):
            if not (isinstance(sub.value, ast.Name) and sub.value.id == "math" and sub.attr in _MATH):
                raise FormulaError(f"unknown function or constant in {source!r}: only math.<name> "
                                   f"({', '.join(sorted(_MATH))})")
        elif not isinstance(sub, (ast.Expression, ast.BinOp, ast.UnaryOp, ast.BoolOp, ast.Compare, ast.Call,
                                  ast.Name, ast.Constant, ast.Load, ast.operator, ast.unaryop, ast.boolop,
                                  ast.cmpop)):
            raise FormulaError(f"{source!r} uses something a formula cannot ({type(sub).__name__})")
        if isinstance(sub, ast.Constant) and not isinstance(sub.value, (int, float, bool)):
            raise FormulaError(f"{source!r} holds a value that is not a number")
        if isinstance(sub, ast.BinOp) and type(sub.op) not in _BINARY and not isinstance(sub.op, ast.Div):
            raise FormulaError(f"{source!r} uses an operator a formula cannot")


def _eval(node: ast.expr, values: Mapping[str, float]) -> Any:
    if isinstance(node, ast.Constant):
        return node.value
    if isinstance(node, ast.Name):
        return values[node.id]
    if isinstance(node, ast.BinOp):
        left, right = _eval(node.left, values), _eval(node.right, values)
        if isinstance(node.op, ast.Div):
            if isinstance(left, int) and isinstance(right, int):   # Tengo: whole-number division
                return int(left / right)
            return left / right if right else math.copysign(math.inf, left) if left else math.nan
        return _BINARY[type(node.op)](left, right)
    if isinstance(node, ast.UnaryOp):
        value = _eval(node.operand, values)
        return {ast.USub: operator.neg, ast.UAdd: operator.pos, ast.Not: operator.not_}[type(node.op)](value)
    if isinstance(node, ast.BoolOp):
        results = [_eval(v, values) for v in node.values]
        return all(results) if isinstance(node.op, ast.And) else any(results)
    if isinstance(node, ast.Compare):
        left = _eval(node.left, values)
        for op, right_node in zip(node.ops, node.comparators):
            right = _eval(right_node, values)
            if not _COMPARE[type(op)](left, right):
                return False
            left = right
        return True
    if isinstance(node, ast.Call):
        func = _eval(node.func, values)
        return func(*(_eval(a, values) for a in node.args))
    if isinstance(node, ast.Attribute):
        return _MATH[node.attr]
    raise FormulaError(f"cannot evaluate {ast.dump(node)}")


def element_counts(view: ScopeView) -> dict[str, float]:
    """How many paragraphs, list items, block quotes, headings per level and code blocks the
    document has (Vale's element variables)."""
    doc = view.doc
    counts = dict.fromkeys(ELEMENT_VARIABLES, 0.0)
    rule_texts = view.rule_texts
    kinds = rule_texts.kinds() if rule_texts is not None else [s.kind for s in doc.segments]
    labels = rule_texts.labels() if rule_texts is not None else [None] * len(doc.segments)
    for kind, label in zip(kinds, labels):
        if kind is K.PARAGRAPH:
            counts["paragraphs"] += 1
        elif kind is K.LIST_ITEM:
            counts["list"] += 1
        elif kind is K.BLOCKQUOTE:
            counts["blockquote"] += 1
        elif kind in (K.HEADING, K.HEADLINE):
            counts[f"heading_{label or 'h1' if kind is K.HEADLINE else label or 'h2'}"] += 1
    if doc.format == "markdown":
        counts["pre"] = float(len(_FENCE.findall(doc.text)) // 2)
    elif doc.format == "html":
        counts["pre"] = float(len(_PRE_TAG.findall(doc.text)))
    return counts


@dataclass(frozen=True)
class Metric(Matcher):
    formula: Expression
    condition: Expression | None
    condition_text: str

    def run(self, view: ScopeView) -> list[Hit]:
        stats = TextStats.of("\n\n".join(view.texts))
        if not stats.words:
            return []
        values = element_counts(view)
        values.update((name, float(getattr(stats, name))) for name in TEXT_VARIABLES)
        result = self.formula.evaluate(values)
        if isinstance(result, bool) or not isinstance(result, (int, float)):
            return []
        # As in Vale: the condition is read after the value printed with six decimals.
        test = Expression.parse(f"{float(result):f} {self.condition_text}")
        if test.evaluate(values) is not True:
            return []
        return [Hit(self.rule_id, None, 0, 0, format_message(self.message, f"{float(result):.2f}"))]


def build(fields: RuleFields, message: str, scope: Scope) -> Metric:
    formula_text = fields.string("formula")
    condition_text = fields.string("condition")
    try:
        formula = Expression.parse(formula_text)
    except FormulaError as exc:
        raise fields.error(f"'formula': {exc}", "formula") from None
    try:
        if not condition_text.strip():
            raise FormulaError("it is empty")
        condition = Expression.parse(f"0 {condition_text}")
    except FormulaError as exc:
        raise fields.error(f"'condition' must be a comparison such as '> 10': {exc}", "condition") from None
    return Metric(fields.rule_id, message, scope, formula, condition, condition_text)
