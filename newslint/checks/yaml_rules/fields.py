"""Typed, strict access to a rule file's keys; every error names the file and line."""
from __future__ import annotations

from typing import Any

from newslint.checks.yaml_rules.patterns import Pattern, compile_pattern
from newslint.errors import ConfigError
from newslint.suggest import did_you_mean
from newslint.yamlread import LocatedYaml, kind

_MISSING = object()


class RuleFields:
    """The top-level mapping of one rule file, read key by key with type checks."""

    def __init__(self, source: LocatedYaml, rule_id: str):
        self.source = source
        self.rule_id = rule_id
        self.data: dict[str, Any] = source.data

    @property
    def path(self) -> str:
        return self.source.path

    def error(self, message: str, *key: Any) -> ConfigError:
        return self.source.error(message, *key)

    def has(self, key: str) -> bool:
        return key in self.data

    def check_keys(self, allowed: frozenset[str]) -> None:
        for key in self.data:
            if not isinstance(key, str) or key not in allowed:
                raise self.error(f"unknown key '{key}'{did_you_mean(str(key), allowed)}", key)

    def _get(self, key: str, default: Any) -> Any:
        value = self.data.get(key, _MISSING)
        if value is _MISSING or value is None:
            if default is _MISSING:
                raise self.error(f"missing the required key '{key}'")
            return default
        return value

    def string(self, key: str, default: Any = _MISSING) -> Any:
        value = self._get(key, default)
        if value is default and default is not _MISSING:
            return value
        return self.scalar_str(value, key)

    def scalar_str(self, value: Any, *key: Any) -> str:
        if isinstance(value, bool) or not isinstance(value, (str, int, float)):
            raise self.error(f"'{_dotted(key)}' must be a string, not {kind(value)}", *key)
        return str(value)

    def flag(self, key: str, default: bool = False) -> bool:
        value = self._get(key, default)
        if not isinstance(value, bool):
            raise self.error(f"'{key}' must be true or false, not {kind(value)}", key)
        return value

    def count(self, key: str, default: int = 0) -> int:
        value = self._get(key, default)
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise self.error(f"'{key}' must be a whole number of 0 or more, not {value!r}", key)
        return value

    def number(self, key: str, default: float) -> float:
        value = self._get(key, default)
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise self.error(f"'{key}' must be a number, not {kind(value)}", key)
        return float(value)

    def strings(self, key: str, *, allow_scalar: bool = False) -> tuple[str, ...]:
        value = self._get(key, ())
        if allow_scalar and isinstance(value, (str, int, float)) and not isinstance(value, bool):
            return (str(value),)
        if not isinstance(value, (list, tuple)):
            raise self.error(f"'{key}' must be a list of strings, not {kind(value)}", key)
        return tuple(self.scalar_str(item, key, i) for i, item in enumerate(value))

    def pairs(self, key: str) -> tuple[tuple[str, str], ...]:
        """A mapping of strings to strings, in file order."""
        value = self._get(key, {})
        if isinstance(value, list):
            # Vale also takes a list of one-pair mappings (``- colour: color``).
            out = []
            for i, item in enumerate(value):
                if not isinstance(item, dict):
                    raise self.error(f"'{key}' entries must be mappings of strings to strings, "
                                     f"not {kind(item)}", key, i)
                out.extend((self.scalar_str(k, key, i), self.scalar_str(v, key, i)) for k, v in item.items())
            return tuple(out)
        if not isinstance(value, dict):
            raise self.error(f"'{key}' must be a mapping of strings to strings, not {kind(value)}", key)
        out = []
        for k, v in value.items():
            out.append((self.scalar_str(k, key, k), self.scalar_str(v, key, k)))
        return tuple(out)

    def mapping(self, key: str, allowed: frozenset[str]) -> dict[str, Any]:
        value = self._get(key, {})
        if not isinstance(value, dict):
            raise self.error(f"'{key}' must be a mapping, not {kind(value)}", key)
        for sub in value:
            if sub not in allowed:
                raise self.error(f"unknown key '{key}.{sub}'{did_you_mean(str(sub), allowed)}", key, sub)
        return value

    def pattern(self, source: str, *key: Any) -> Pattern:
        """Compile a rule regex; a pattern that does not compile is an error on its line."""
        try:
            return compile_pattern(source, self.rule_id)
        except ValueError as exc:
            raise self.error(f"regex in '{_dotted(key)}' does not compile: {exc}", *key) from None


def _dotted(key: tuple) -> str:
    return ".".join(str(k) for k in key if not isinstance(k, int)) or "?"
