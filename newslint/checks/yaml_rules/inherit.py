"""Rule inheritance, as in Vale: ``extends: Style.Rule`` starts from another rule's keys.

The child's keys replace the parent's; ``key+`` adds to a parent's list or mapping and
``key-`` removes entries from it (list items, or mapping keys given as a list). The
parent is ``<style folder>/<Style>/<Rule>.yml`` in a folder that holds the packs being
loaded (a StylesPath); chains may be up to ten rules deep, and a cycle is an error.
"""
from __future__ import annotations

import os
from typing import Any, Callable, Sequence

from newslint.errors import ConfigError
from newslint.yamlread import LocatedYaml, load_located

MAX_DEPTH = 10
RULE_TYPES = frozenset({"existence", "substitution", "occurrence", "repetition", "consistency",
                        "conditional", "capitalization", "spelling", "readability", "sequence",
                        "metric", "script"})

# Reads a rule file's text given its path.
Reader = Callable[[str], str]


def is_rule_ref(extends: Any) -> bool:
    return isinstance(extends, str) and "." in extends and extends not in RULE_TYPES


def flatten(source: LocatedYaml, search: Sequence[str], read: Reader,
            seen: tuple[str, ...] = ()) -> LocatedYaml:
    """``source`` with its parents' keys folded in (unchanged when it extends a rule type)."""
    data = source.data
    extends = data.get("extends")
    if not is_rule_ref(extends):
        for key in data:
            if isinstance(key, str) and key[-1:] in ("+", "-"):
                raise source.error(f"'{key}' needs a parent: only a rule that extends another rule "
                                   "(extends: Style.Rule) can use '+' or '-'", key)
        return source
    if extends.startswith("Vale."):
        raise source.error(f"'{extends}' is built into Vale; it has no file to extend", "extends")
    if len(seen) >= MAX_DEPTH or extends in seen:
        raise source.error(f"inheritance cycle or a chain over {MAX_DEPTH} rules deep at '{extends}'",
                           "extends")
    parent_path = _resolve(extends, search)
    if parent_path is None:
        style, _, rest = extends.partition(".")
        raise source.error(f"the rule '{extends}' to extend was not found (looked for "
                           f"{style}/{rest.replace('.', '/')}.yml next to the loaded styles)", "extends")
    parent = load_located(read(parent_path), parent_path)
    if not isinstance(parent.data, dict):
        raise ConfigError(parent_path, "a rule file must be a mapping of keys to values", 1)
    parent = flatten(parent, search, read, seen + (extends,))
    merged = {k: v for k, v in parent.data.items() if k != "tests"}
    for key, value in data.items():
        base = key.rstrip("+-") if isinstance(key, str) else key
        if base != key:
            if base in data:
                raise source.error(f"'{key}' both replaces '{base}' and edits it; pick one", key)
            merged[base] = _edit(merged.get(base), value, key, source)
        elif key != "extends":
            merged[key] = value
    merged["extends"] = parent.data["extends"]
    return LocatedYaml(source.path, merged, source.lines)


def _resolve(name: str, search: Sequence[str]) -> str | None:
    style, _, rest = name.partition(".")
    rel = os.path.join(style, *rest.split(".")) + ".yml"
    for root in search:
        candidate = os.path.join(root, rel)
        if os.path.isfile(candidate):
            return candidate
    return None


def _edit(have: Any, value: Any, key: str, source: LocatedYaml) -> Any:
    add = key.endswith("+")
    if isinstance(have, list):
        if not isinstance(value, list):
            raise source.error(f"'{key}' needs a list", key)
        if add:
            return have + value
        missing = [v for v in value if v not in have]
        if missing:
            raise source.error(f"'{key}': the parent has no entry {missing[0]!r} to remove", key)
        return [v for v in have if v not in value]
    if isinstance(have, dict):
        if add:
            if not isinstance(value, dict):
                raise source.error(f"'{key}' needs a mapping", key)
            return {**have, **value}
        if not isinstance(value, list):
            raise source.error(f"'{key}' needs a list of keys to remove", key)
        missing = [v for v in value if v not in have]
        if missing:
            raise source.error(f"'{key}': the parent has no entry {missing[0]!r} to remove", key)
        return {k: v for k, v in have.items() if k not in value}
    raise source.error(f"'{key}': the parent has no list or mapping '{key.rstrip('+-')}' to edit", key)
