"""Read one YAML rule file: its data plus the 1-based line of every key and list item."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import yaml

from newslint.errors import ConfigError

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
    loader = yaml.SafeLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            raise ConfigError(path, "the rule file is empty", 1)
        lines: dict[KeyPath, int] = {}
        _walk(node, (), lines, path)
        data = loader.construct_document(node)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        if exc.problem == _QUOTE_ESCAPE and mark is not None and text[mark.index - 1:mark.index] == "\\":
            raise _QuoteEscape(mark.index) from None
        line = mark.line + 1 if mark is not None else None
        raise ConfigError(path, f"invalid YAML: {exc.problem or exc.context}", line) from None
    except yaml.YAMLError as exc:
        raise ConfigError(path, f"invalid YAML: {exc}") from None
    finally:
        loader.dispose()
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
