"""Every shipped rule runs on RE2: in linear time, and inside the combined prefilter of
its scope. A pattern RE2 cannot compile (a lookaround, a backreference) falls back to the
`regex` package for the whole rule, which slowed the YAML pass by a third when one such
token was added to a chrome rule."""
from __future__ import annotations

import pytest

from newslint.checks.yaml_rules import load_packs
from newslint.checks.yaml_rules.patterns import Pattern

SHIPPED = load_packs(("newslint:news",), ".")


def _patterns(obj, depth=0):
    if isinstance(obj, Pattern):
        yield obj
    elif depth < 5 and hasattr(obj, "__dataclass_fields__"):
        for name in obj.__dataclass_fields__:
            yield from _patterns(getattr(obj, name), depth + 1)
    elif depth < 5 and isinstance(obj, (list, tuple)):
        for item in obj:
            yield from _patterns(item, depth + 1)


@pytest.mark.parametrize("rule", SHIPPED, ids=lambda r: r.id)
def test_every_shipped_rule_compiles_with_re2(rule):
    patterns = list(_patterns(rule.matcher))
    assert patterns, f"{rule.id}: no pattern found to check"
    assert all(p.linear for p in patterns), [p.source[:80] for p in patterns if not p.linear]
