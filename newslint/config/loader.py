"""Read a `.newslint.yml` into a :class:`Config`, validating it strictly.

Every problem raises :class:`ConfigError` naming the file and the 1-based line of the
offending key or value (taken from the YAML node marks), with a did-you-mean for
misspelt keys. An empty file means the defaults.

Choices worth knowing:

- Text settings take a plain scalar's text as written, so YAML 1.1 words stay words
  (``language: no`` is Norwegian, not ``false``).
- Rule levels are ``off``, ``suggestion``, ``warning`` or ``error``; ``false`` (and ``no``)
  also mean ``off``. ``true`` is refused: it does not say which level.
- Rule ids in ``rules`` are not checked here (packs load later); each key's line is kept
  in ``Config.rule_lines``, and the engine refuses an id that names no rule at that line.
- ``extends`` entries are ``newslint:<pack>`` or paths relative to the config file's
  folder; paths must exist and are stored absolute. A bare name that is no path
  (``Google``) is a style in the StylesPath of a ``.vale.ini`` in the same folder. ``extends``, ``include`` and the
  LanguageTool rule lists replace the defaults rather than adding to them.
"""
from __future__ import annotations

import os
import re
from typing import Callable, NoReturn, Sequence
from urllib.parse import urlsplit

import yaml
from yaml.constructor import SafeConstructor
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from newslint.config.model import LEVELS, Config, LanguageToolSettings, Override
from newslint.errors import ConfigError
from newslint.languagetool.profile import PROFILES
from newslint.regular_files import read_regular_file
from newslint.suggest import did_you_mean

TOP_KEYS = ("extends", "languagetool", "rules", "vocab", "overrides", "include", "exclude")
LANGUAGETOOL_KEYS = (
    "enabled", "language", "url", "autostart", "picky", "enabled_rules", "disabled_rules",
    "enabled_categories", "disabled_categories", "idle_timeout", "memory", "profile",
)
VOCAB_KEYS = ("accept", "reject", "names")
OVERRIDE_KEYS = ("files", "rules")

_STR = "tag:yaml.org,2002:str"
_NULL = "tag:yaml.org,2002:null"
_BOOL = "tag:yaml.org,2002:bool"
_INT = "tag:yaml.org,2002:int"
_MERGE = "tag:yaml.org,2002:merge"
_PLAIN_SCALARS = (_STR, _BOOL, _INT, "tag:yaml.org,2002:float", "tag:yaml.org,2002:timestamp")

_PACK = re.compile(r"newslint:([a-z0-9][a-z0-9_-]*)")
_LANGUAGE = re.compile(r"auto|[a-z]{2,3}(-[A-Za-z0-9]{1,8})*")
_MEMORY = re.compile(r"[1-9][0-9]*[kKmMgG]")
_RULE_PATTERN = re.compile(r"[A-Za-z0-9_.*?\[\]!-]+")
_OFF_WORDS = ("off", "false", "no")
_ON_WORDS = ("on", "true", "yes")


MAX_CONFIG_BYTES = 1 << 20


def load_config(path: str) -> Config:
    """Read and validate the config file at ``path``."""
    try:
        data = read_regular_file(path, MAX_CONFIG_BYTES)
    except FileNotFoundError:
        raise ConfigError(path, "no such file") from None
    except IsADirectoryError:
        raise ConfigError(path, "is a folder, not a file") from None
    except OSError as exc:
        raise ConfigError(path, f"cannot read: {exc.strerror or exc}") from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ConfigError(path, f"not UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start})") from None
    return parse_config(text, path)


def parse_config(text: str, path: str) -> Config:
    """Validate config ``text`` as if read from ``path`` (relative paths resolve from its folder)."""
    try:
        root_node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = exc.problem or exc.context or "invalid YAML"
        raise ConfigError(path, f"invalid YAML: {problem}", mark.line + 1 if mark else None) from None
    except yaml.YAMLError as exc:
        raise ConfigError(path, f"invalid YAML: {exc}") from None
    return _ConfigReader(path).read(root_node)


class _ConfigReader:
    """Walks the composed YAML nodes of one file and builds a Config."""

    def __init__(self, path: str):
        self.path = path
        self.root = os.path.dirname(os.path.abspath(path))
        self._constructor = SafeConstructor()
        self._rule_lines: list[tuple[str, int]] = []

    # -- the schema ------------------------------------------------------------------

    def read(self, node: Node | None) -> Config:
        base = Config(path=self.path, root=self.root)
        if node is None or (isinstance(node, ScalarNode) and node.tag == _NULL):
            return base
        if not isinstance(node, MappingNode):
            self.fail(node, f"the top level must be a mapping of settings, not {_describe(node)}")
        changes: dict[str, object] = {}
        for key, value in self.mapping(node, "the configuration", TOP_KEYS):
            if key == "extends":
                changes["extends"] = tuple(self.extends_entry(item) for item in self.items(value, "extends"))
            elif key == "languagetool":
                changes["languagetool"] = self.languagetool(value)
            elif key == "rules":
                changes["rules"] = self.rule_levels(value, "rules")
            elif key == "vocab":
                for vkey, vvalue in self.mapping(value, "vocab", VOCAB_KEYS):
                    if vkey == "names":
                        changes["vocab_names"] = self.names_file(vvalue)
                    else:
                        changes[f"vocab_{vkey}"] = self.strings(vvalue, f"vocab.{vkey}")
            elif key == "overrides":
                changes["overrides"] = self.overrides(value)
            else:  # include, exclude
                changes[key] = self.strings(value, key)
        return base.with_changes(**changes, rule_lines=tuple(self._rule_lines))

    def extends_entry(self, node: Node) -> str:
        entry = self.text(node, "extends")
        if entry.startswith("newslint:"):
            if not _PACK.fullmatch(entry):
                self.fail(node, f"extends: {entry!r} is not a pack name such as 'newslint:news'")
            return entry
        target = os.path.normpath(os.path.join(self.root, os.path.expanduser(entry)))
        if not os.path.exists(target):
            style = _style_by_name(self.root, entry)
            if style is not None:
                return style
            self.fail(node, f"extends: {entry!r}: no such file or folder (looked for {target}, "
                            "and for a style of that name in the StylesPath of a .vale.ini beside this file)")
        return target

    def names_file(self, node: Node) -> tuple[str, ...]:
        """``vocab.names``: a names list (``newslint vocab learn``), relative to this file's folder."""
        from newslint.names.desk import read_names

        entry = self.text(node, "vocab.names")
        target = os.path.normpath(os.path.join(self.root, os.path.expanduser(entry)))
        if not os.path.isfile(target):
            self.fail(node, f"vocab.names: {entry!r}: no such file (looked for {target}); "
                            f"build one with `newslint vocab learn PATHS -o FILE`")
        return read_names(target)

    def languagetool(self, node: Node) -> LanguageToolSettings:
        fields: dict[str, object] = {}
        for key, value in self.mapping(node, "languagetool", LANGUAGETOOL_KEYS):
            what = f"languagetool.{key}"
            if key in ("enabled", "autostart", "picky"):
                fields[key] = self.boolean(value, what)
            elif key == "language":
                fields[key] = self.matching(value, what, _LANGUAGE, "a language code such as en-US or en-GB")
            elif key == "url":
                fields["urls"] = self.urls(value, what)
            elif key == "idle_timeout":
                fields[key] = self.integer(value, what, minimum=0)
            elif key == "profile":
                fields[key] = self.choice(value, what, PROFILES)
            elif key == "memory":
                fields[key] = self.matching(value, what, _MEMORY, "a Java heap size such as 1g or 512m").lower()
            else:  # the rule and category lists
                fields[key] = self.strings(value, what)
        return LanguageToolSettings(**fields)

    def urls(self, node: Node, what: str) -> tuple[str, ...]:
        if _is_null(node):
            return ()
        out = []
        for item in self.items(node, what):
            url = self.text(item, what)
            parts = urlsplit(url)
            if parts.scheme not in ("http", "https") or not parts.netloc:
                self.fail(item, f"{what}: {url!r} is not an http:// or https:// URL")
            out.append(url)
        return tuple(out)

    def rule_levels(self, node: Node, what: str) -> tuple[tuple[str, str], ...]:
        levels = []
        for key, line, value in self.entries(node, what, None):
            if not _RULE_PATTERN.fullmatch(key):
                self.fail_at(line, f"{what}: {key!r} is not a rule id or glob such as 'news.chrome.*'")
            levels.append((key, self.level(value, f"{what}.{key}")))
            self._rule_lines.append((key, line))
        return tuple(levels)

    def level(self, node: Node, what: str) -> str:
        if not isinstance(node, ScalarNode) or node.tag not in _PLAIN_SCALARS:
            self.fail(node, f"{what}: expected one of {', '.join(LEVELS)}, got {_describe(node)}")
        word = node.value.strip().lower()
        if word in LEVELS:
            return word
        if word in _OFF_WORDS:
            return "off"
        if word in _ON_WORDS:
            self.fail(node, f"{what}: {node.value!r} does not say which level; use suggestion, warning or error")
        self.fail(node, f"{what}: {node.value!r} is not a level; expected one of {', '.join(LEVELS)}"
                  + did_you_mean(word, LEVELS))

    def overrides(self, node: Node) -> tuple[Override, ...]:
        if _is_null(node):
            return ()
        if not isinstance(node, SequenceNode):
            self.fail(node, f"overrides: expected a list of {{files, rules}} entries, got {_describe(node)}")
        out = []
        for entry in node.value:
            found = dict(self.mapping(entry, "overrides entry", OVERRIDE_KEYS))
            if "files" not in found:
                self.fail(entry, "overrides entry: 'files' is required (a glob or a list of globs)")
            files = self.strings(found["files"], "overrides.files")
            if not files:
                self.fail(found["files"], "overrides.files: give at least one glob")
            rules = self.rule_levels(found["rules"], "overrides.rules") if "rules" in found else ()
            out.append(Override(files=files, rules=rules))
        return tuple(out)

    # -- typed readers -------------------------------------------------------------------

    def mapping(self, node: Node, what: str, allowed: Sequence[str] | None) -> list[tuple[str, Node]]:
        """``(key, value node)`` pairs of a mapping node."""
        return [(key, value) for key, _, value in self.entries(node, what, allowed)]

    def entries(self, node: Node, what: str, allowed: Sequence[str] | None) -> list[tuple[str, int, Node]]:
        """``(key, key line, value node)``; unknown (when ``allowed`` is given) or repeated keys fail.

        A null (a key with nothing under it) reads as an empty mapping.
        """
        if _is_null(node):
            return []
        if not isinstance(node, MappingNode):
            self.fail(node, f"{what}: expected a mapping, got {_describe(node)}")
        own = sum(1 for key_node, _ in node.value if key_node.tag != _MERGE)
        try:
            self._constructor.flatten_mapping(node)   # resolves "<<": merged pairs come first
        except yaml.constructor.ConstructorError as exc:
            mark = exc.problem_mark or node.start_mark
            self.fail_at(mark.line + 1, f"{what}: '<<' can merge only mappings ({exc.problem})")
        merged = len(node.value) - own
        entries: dict[str, tuple[str, int, Node, bool]] = {}   # key -> (..., written here)
        for index, (key_node, value_node) in enumerate(node.value):
            if not isinstance(key_node, ScalarNode) or key_node.tag not in _PLAIN_SCALARS:
                self.fail(key_node, f"{what}: keys must be plain words, not {_describe(key_node)}")
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
        if isinstance(node, ScalarNode) and not _is_null(node):
            return [node]
        self.fail(node, f"{what}: expected a string or a list of strings, got {_describe(node)}")

    def text(self, node: Node, what: str) -> str:
        if not isinstance(node, ScalarNode) or node.tag not in _PLAIN_SCALARS:
            self.fail(node, f"{what}: expected a string, got {_describe(node)}")
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
        return self._typed(node, what, _BOOL, "true or false")

    def integer(self, node: Node, what: str, *, minimum: int) -> int:
        value = self._typed(node, what, _INT, "a whole number")
        if value < minimum:
            self.fail(node, f"{what}: must be at least {minimum}, got {value}")
        return value

    def _typed(self, node: Node, what: str, tag: str, expected: str):
        if not isinstance(node, ScalarNode) or node.tag != tag:
            self.fail(node, f"{what}: expected {expected}, got {_describe(node)}")
        return self._constructor.construct_object(node)

    def fail(self, node: Node, message: str) -> NoReturn:
        self.fail_at(node.start_mark.line + 1, message)

    def fail_at(self, line: int, message: str) -> NoReturn:
        raise ConfigError(self.path, message, line)


def _style_by_name(root: str, name: str) -> str | None:
    """A Vale style named by its name alone (``Google``): the folder of that name in the
    StylesPath of a ``.vale.ini`` in the config's folder."""
    if "/" in name or os.sep in name:
        return None
    from newslint.config.vale_ini import VALE_CONFIG_NAMES, styles_path_of

    for ini in VALE_CONFIG_NAMES:
        path = os.path.join(root, ini)
        if os.path.isfile(path):
            folder = os.path.join(styles_path_of(path), name)
            return folder if os.path.isdir(folder) else None
    return None


def _is_null(node: Node) -> bool:
    return isinstance(node, ScalarNode) and node.tag == _NULL


def _describe(node: Node) -> str:
    if isinstance(node, MappingNode):
        return "a mapping"
    if isinstance(node, SequenceNode):
        return "a list"
    kinds: dict[str, Callable[[str], str]] = {
        _NULL: lambda v: "nothing (null)",
        _BOOL: lambda v: f"{v!r} (true/false)",
        _INT: lambda v: f"the number {v}",
        "tag:yaml.org,2002:float": lambda v: f"the number {v}",
    }
    return kinds.get(node.tag, lambda v: repr(v))(node.value)


