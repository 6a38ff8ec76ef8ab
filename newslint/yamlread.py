"""The one strict YAML reader of config files and rule files: every error is a
:class:`ConfigError` naming the file and the 1-based line of the key or value at fault.

- :func:`compose`: parse once into nodes, which keep their positions; invalid YAML is an
  error at the line the parser stopped on.
- :class:`NodeReader`: typed, strict reads of composed nodes (mappings with unknown and
  repeated keys refused, ``<<`` merges resolved; strings, lists, booleans, whole numbers),
  for a schema written as a subclass (``.newslint.yml``: ``config/loader.py``).
- :func:`load_located`: a rule file's data, with the line of every key and list item
  (:class:`LocatedYaml`), for readers that take values (``checks/yaml_rules/fields.py``);
  :func:`kind` names a value's type in their errors.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Callable, NoReturn, Sequence

import yaml
from yaml.constructor import SafeConstructor
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from newslint.errors import ConfigError
from newslint.suggest import did_you_mean

STR = "tag:yaml.org,2002:str"
NULL = "tag:yaml.org,2002:null"
BOOL = "tag:yaml.org,2002:bool"
INT = "tag:yaml.org,2002:int"
FLOAT = "tag:yaml.org,2002:float"
MERGE = "tag:yaml.org,2002:merge"
PLAIN_SCALARS = (STR, BOOL, INT, FLOAT, "tag:yaml.org,2002:timestamp")


# -- parsing -------------------------------------------------------------------------------

def compose(text: str, path: str) -> Node | None:
    """The document's root node (None for an empty document)."""
    try:
        return _single_node(text)
    except yaml.YAMLError as exc:
        raise yaml_error(exc, path) from None


def _single_node(text: str) -> Node | None:
    loader = yaml.SafeLoader(text)
    try:
        return loader.get_single_node()
    finally:
        loader.dispose()


def yaml_error(exc: yaml.YAMLError, path: str) -> ConfigError:
    """The ConfigError for a parse error: its problem, at the line the parser stopped on."""
    if isinstance(exc, yaml.MarkedYAMLError):
        mark = exc.problem_mark or exc.context_mark
        problem = exc.problem or exc.context or "invalid YAML"
        return ConfigError(path, f"invalid YAML: {problem}", mark.line + 1 if mark else None)
    return ConfigError(path, f"invalid YAML: {exc}")


# -- typed reads of nodes --------------------------------------------------------------------

class NodeReader:
    """Strict, typed reads of one file's composed nodes; ``what`` names the setting in errors."""

    def __init__(self, path: str):
        self.path = path
        self._constructor = SafeConstructor()

    def mapping(self, node: Node, what: str, allowed: Sequence[str] | None) -> list[tuple[str, Node]]:
        """``(key, value node)`` pairs of a mapping node."""
        return [(key, value) for key, _, value in self.entries(node, what, allowed)]

    def entries(self, node: Node, what: str, allowed: Sequence[str] | None) -> list[tuple[str, int, Node]]:
        """``(key, key line, value node)``; unknown (when ``allowed`` is given) or repeated keys fail.

        A null (a key with nothing under it) reads as an empty mapping.
        """
        if is_null(node):
            return []
        if not isinstance(node, MappingNode):
            self.fail(node, f"{what}: expected a mapping, got {describe(node)}")
        own = sum(1 for key_node, _ in node.value if key_node.tag != MERGE)
        try:
            self._constructor.flatten_mapping(node)   # resolves "<<": merged pairs come first
        except yaml.constructor.ConstructorError as exc:
            mark = exc.problem_mark or node.start_mark
            self.fail_at(mark.line + 1, f"{what}: '<<' can merge only mappings ({exc.problem})")
        merged = len(node.value) - own
        entries: dict[str, tuple[str, int, Node, bool]] = {}   # key -> (..., written here)
        for index, (key_node, value_node) in enumerate(node.value):
            if not isinstance(key_node, ScalarNode) or key_node.tag not in PLAIN_SCALARS:
                self.fail(key_node, f"{what}: keys must be plain words, not {describe(key_node)}")
            key = key_node.value
            line = key_node.start_mark.line + 1
            if allowed is not None and key not in allowed:
                hint = did_you_mean(key, allowed) or f" (expected one of: {', '.join(allowed)})"
                self.fail(key_node, f"unknown key {key!r} in {what}{hint}")
            if key in entries and index >= merged and entries[key][3]:
                self.fail(key_node, f"{what}: {key!r} appears twice (first on line {entries[key][1]})")
            entries.pop(key, None)      # a key written here overrides a merged one
            entries[key] = (key, line, value_node, index >= merged)
        return [entry[:3] for entry in entries.values()]

    def items(self, node: Node, what: str) -> list[Node]:
        """A single scalar or a list, as a list of nodes."""
        if isinstance(node, SequenceNode):
            return list(node.value)
        if isinstance(node, ScalarNode) and not is_null(node):
            return [node]
        self.fail(node, f"{what}: expected a string or a list of strings, got {describe(node)}")

    def text(self, node: Node, what: str) -> str:
        """A plain scalar's text as written (``no`` stays the word ``no``)."""
        if not isinstance(node, ScalarNode) or node.tag not in PLAIN_SCALARS:
            self.fail(node, f"{what}: expected a string, got {describe(node)}")
        if not node.value.strip():
            self.fail(node, f"{what}: empty string")
        return node.value

    def strings(self, node: Node, what: str) -> tuple[str, ...]:
        return tuple(self.text(item, what) for item in self.items(node, what))

    def matching(self, node: Node, what: str, pattern: re.Pattern[str], expected: str) -> str:
        value = self.text(node, what)
        if not pattern.fullmatch(value):
            self.fail(node, f"{what}: {value!r} is not {expected}")
        return value

    def choice(self, node: Node, what: str, choices: Sequence[str]) -> str:
        value = self.text(node, what)
        if value not in choices:
            self.fail(node, f"{what}: {value!r} is not one of {', '.join(choices)}" + did_you_mean(value, choices))
        return value

    def boolean(self, node: Node, what: str) -> bool:
        return self._typed(node, what, BOOL, "true or false")

    def integer(self, node: Node, what: str, *, minimum: int) -> int:
        value = self._typed(node, what, INT, "a whole number")
        if value < minimum:
            self.fail(node, f"{what}: must be at least {minimum}, got {value}")
        return value

    def _typed(self, node: Node, what: str, tag: str, expected: str):
        if not isinstance(node, ScalarNode) or node.tag != tag:
            self.fail(node, f"{what}: expected {expected}, got {describe(node)}")
        return self._constructor.construct_object(node)

    def fail(self, node: Node, message: str) -> NoReturn:
        self.fail_at(node.start_mark.line + 1, message)

    def fail_at(self, line: int, message: str) -> NoReturn:
        raise ConfigError(self.path, message, line)


def is_null(node: Node) -> bool:
    return isinstance(node, ScalarNode) and node.tag == NULL


def describe(node: Node) -> str:
    """What a node holds, as an error says it: ``a mapping``, ``the number 3``, ``'x'``."""
    if isinstance(node, MappingNode):
        return "a mapping"
    if isinstance(node, SequenceNode):
        return "a list"
    kinds: dict[str, Callable[[str], str]] = {
        NULL: lambda v: "nothing (null)",
        BOOL: lambda v: f"{v!r} (true/false)",
        INT: lambda v: f"the number {v}",
        FLOAT: lambda v: f"the number {v}",
    }
    return kinds.get(node.tag, lambda v: repr(v))(node.value)


# -- data with lines -------------------------------------------------------------------------

# A place in the document: keys and list indexes from the root, e.g. ("swap", "colour").
KeyPath = tuple[Any, ...]


@dataclass(frozen=True)
class LocatedYaml:
    path: str
    data: Any
    lines: dict[KeyPath, int]

    def line(self, *key: Any) -> int:
        """Line of the deepest known prefix of ``key`` (the file's first line as a last resort)."""
        for end in range(len(key), 0, -1):
            found = self.lines.get(tuple(key[:end]))
            if found is not None:
                return found
        return 1

    def error(self, message: str, *key: Any) -> ConfigError:
        return ConfigError(self.path, message, self.line(*key))


_QUOTE_ESCAPE = 'found unknown escape character "\'"'


def load_located(text: str, path: str) -> LocatedYaml:
    """Parse once, keeping node positions; duplicate keys are an error (YAML would keep the last).

    ``\\'`` inside a double-quoted string is not a YAML escape, but Vale's YAML reader
    takes it as a quote and styles rely on that, so it is read the same way here."""
    for _ in range(text.count("\\'")):
        try:
            return _load_located(text, path)
        except _QuoteEscape as exc:
            text = text[:exc.index - 1] + text[exc.index:]     # drop the backslash only
    return _load_located(text, path)


class _QuoteEscape(Exception):
    def __init__(self, index: int):
        super().__init__(index)
        self.index = index


def _load_located(text: str, path: str) -> LocatedYaml:
    try:
        node = _single_node(text)
        if node is None:
            raise ConfigError(path, "the rule file is empty", 1)
        lines: dict[KeyPath, int] = {}
        _walk(node, (), lines, path)
        data = SafeConstructor().construct_document(node)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        if (getattr(exc, "problem", None) == _QUOTE_ESCAPE and mark is not None
                and text[mark.index - 1:mark.index] == "\\"):
            raise _QuoteEscape(mark.index) from None
        raise yaml_error(exc, path) from None
    return LocatedYaml(path, data, lines)


def _walk(node: yaml.Node, here: KeyPath, lines: dict[KeyPath, int], path: str) -> None:
    if isinstance(node, yaml.MappingNode):
        seen: dict[Any, int] = {}
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else str(key_node.start_mark)
            line = key_node.start_mark.line + 1
            if key in seen:
                raise ConfigError(path, f"duplicate key '{key}' (first on line {seen[key]})", line)
            seen[key] = line
            lines[here + (key,)] = line
            _walk(value_node, here + (key,), lines, path)
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            lines[here + (i,)] = item.start_mark.line + 1
            _walk(item, here + (i,), lines, path)


def kind(value: Any) -> str:
    """What a loaded value is, as an error says it: ``a list``, ``the string 'x'``."""
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, str):
        return f"the string {value!r}"
    if value is None:
        return "nothing"
    return f"{type(value).__name__} {value!r}"
