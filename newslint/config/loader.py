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
from urllib.parse import urlsplit

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from newslint.config.model import LEVELS, Config, LanguageToolSettings, Override
from newslint.languagetool.profile import PROFILES
from newslint.regular_files import read_settings_text
from newslint.suggest import did_you_mean
from newslint.yamlread import PLAIN_SCALARS, NodeReader, compose, describe, is_null

TOP_KEYS = ("extends", "languagetool", "rules", "vocab", "overrides", "include", "exclude")
LANGUAGETOOL_KEYS = (
    "enabled", "language", "url", "autostart", "picky", "enabled_rules", "disabled_rules",
    "enabled_categories", "disabled_categories", "idle_timeout", "memory", "profile",
)
VOCAB_KEYS = ("accept", "reject", "names")
OVERRIDE_KEYS = ("files", "rules")

_PACK = re.compile(r"newslint:([a-z0-9][a-z0-9_-]*)")
_LANGUAGE = re.compile(r"auto|[a-z]{2,3}(-[A-Za-z0-9]{1,8})*")
_MEMORY = re.compile(r"[1-9][0-9]*[kKmMgG]")
_RULE_PATTERN = re.compile(r"[A-Za-z0-9_.*?\[\]!-]+")
_OFF_WORDS = ("off", "false", "no")
_ON_WORDS = ("on", "true", "yes")


MAX_CONFIG_BYTES = 1 << 20


def load_config(path: str) -> Config:
    """Read and validate the config file at ``path``."""
    text = read_settings_text(path, MAX_CONFIG_BYTES)
    return parse_config(text, path)


def parse_config(text: str, path: str) -> Config:
    """Validate config ``text`` as if read from ``path`` (relative paths resolve from its folder)."""
    return _ConfigReader(path).read(compose(text, path))


class _ConfigReader(NodeReader):
    """Walks the composed YAML nodes of one file and builds a Config."""

    def __init__(self, path: str):
        super().__init__(path)
        self.root = os.path.dirname(os.path.abspath(path))
        self._rule_lines: list[tuple[str, int]] = []

    # -- the schema ------------------------------------------------------------------

    def read(self, node: Node | None) -> Config:
        base = Config(path=self.path, root=self.root)
        if node is None or is_null(node):
            return base
        if not isinstance(node, MappingNode):
            self.fail(node, f"the top level must be a mapping of settings, not {describe(node)}")
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
        if not os.path.lexists(target):
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
        if is_null(node):
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
        if not isinstance(node, ScalarNode) or node.tag not in PLAIN_SCALARS:
            self.fail(node, f"{what}: expected one of {', '.join(LEVELS)}, got {describe(node)}")
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
        if is_null(node):
            return ()
        if not isinstance(node, SequenceNode):
            self.fail(node, f"overrides: expected a list of {{files, rules}} entries, got {describe(node)}")
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
