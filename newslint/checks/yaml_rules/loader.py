"""Find rule files for ``extends`` specs, validate them strictly, and build :class:`YamlRule`.

``newslint:<pack>`` is a pack shipped in the wheel (the top-level ``rules/<pack>/``
folder, installed as the package ``newslint._rules``); anything else is a path, relative
to the configuration's folder, to a folder of ``.yml``/``.yaml`` files (searched
recursively) or to one file. Ids are a rule's path inside the folder ``extends`` names,
with dots. A folder with no rule file at its top holds styles (a Vale StylesPath):
``extends: [styles]`` makes ``styles/house/said.yml`` the rule ``house.said``. A folder
with rule files at its top is one style, whose name comes first: ``extends: [styles/Acme]``
makes ``Foo.yml`` ``Acme.Foo`` and ``sub/Bar.yml`` ``Acme.sub.Bar``, as Vale names a
style's rules; a single file is ``<its folder>.<stem>``. ``newslint:<pack>`` reads as a
style in the folder of shipped packs: ``news.chrome.see-also``. ``newslint:ap`` is a level
preset (``presets``): it ships no rules and sets the default level of rules a pack before it
defines.
"""
from __future__ import annotations

import importlib.resources
import os
from importlib.resources.abc import Traversable
from dataclasses import dataclass, replace
from typing import Iterator, Sequence

from newslint.checks.base import Examples, FixSafety, Notice, RuleDoc, RuleInfo
from newslint.checks.yaml_rules import (
    capitalization, conditional, consistency, existence, inherit, metric, occurrence, presets, readability,
    repetition, sequence, spelling, substitution,
)
from newslint.checks.yaml_rules.fields import RuleFields
from newslint.checks.yaml_rules.messages import format_message
from newslint.checks.yaml_rules.rule import YamlRule
from newslint.checks.yaml_rules.scopes import ScopeError, UnsupportedScope, measured_scope, parse_scope
from newslint.errors import ConfigError
from newslint.findings import Category, Severity, Source
from newslint.regular_files import read_regular_file
from newslint.suggest import did_you_mean
from newslint.yamlread import load_located

SHIPPED_PREFIX = "newslint:"
SHIPPED_PACKAGE = "newslint._rules"
RULE_SUFFIXES = (".yml", ".yaml")

TYPES = {
    "existence": existence,
    "substitution": substitution,
    "occurrence": occurrence,
    "repetition": repetition,
    "consistency": consistency,
    "conditional": conditional,
    "capitalization": capitalization,
    "readability": readability,
    "metric": metric,
    "spelling": spelling,
    "sequence": sequence,
}
# Vale rule types newslint does not run yet: a rule of one of these is skipped with a
# notice naming it and why, and the rest of its pack runs.
SKIPPED_TYPES = {
    "script": "it runs a Tengo script, and newslint does not run scripts",
}

COMMON_KEYS = frozenset({
    "extends", "message", "level", "scope", "link", "description", "limit", "action",
    # Vale's, read but not needed here: its test cases and the rule's display name
    "tests", "name",
    # Vale's: re-case a replacement to the text it replaces (substitution), and document
    # selectors (a rule that has one is skipped: newslint has no such selection)
    "matchcase", "selector",
    # newslint's own
    "category", "examples", "doc", "example_format",
})
LEVELS = ("suggestion", "warning", "error")
ACTIONS = ("suggest", "replace", "remove", "edit", "convert")
FORMATS = ("text", "markdown", "html")
DEFAULT_SCOPE = {"capitalization": ("heading",)}


@dataclass(frozen=True)
class SkippedRule:
    """A valid rule newslint cannot run: the rest of its pack runs without it."""

    rule_id: str
    path: str
    reason: str

    def notice(self) -> Notice:
        return Notice("rule-skipped", f"{self.rule_id} skipped ({self.path}): {self.reason}")


class RuleSkipped(Exception):
    """Raised by :func:`load_rule` for a rule that is valid but that newslint cannot run."""

    def __init__(self, skipped: SkippedRule):
        super().__init__(f"{skipped.rule_id}: {skipped.reason}")
        self.skipped = skipped


def load_packs(extends: Sequence[str], base_dir: str,
               skipped: list[SkippedRule] | None = None) -> list[YamlRule]:
    """Every rule of every pack in ``extends``, in order; raises ConfigError on any bad file.

    A rule newslint cannot run (a ``script`` rule, say) is left out and, when ``skipped``
    is given, recorded there, so one such rule never stops the rest of its pack."""
    rules: list[YamlRule] = []
    origin: dict[str, str] = {}
    done: set[str] = set()
    chosen: list[presets.Preset] = []
    search = _search_roots(extends, base_dir)
    for spec in extends:
        if spec in done:
            continue
        done.add(spec)
        if presets.is_preset(spec):
            chosen.append(presets.load_preset(spec[len(SHIPPED_PREFIX):]))
            continue
        for rule_id, path, text in _rule_files(spec, base_dir):
            if rule_id in origin:
                raise ConfigError(path, f"rule id '{rule_id}' is already defined by {origin[rule_id]}", 1)
            origin[rule_id] = path
            try:
                rules.append(load_rule(text, path, rule_id, search))
            except RuleSkipped as exc:
                if skipped is not None:
                    skipped.append(exc.skipped)
    if chosen:
        raised = presets.apply_presets(chosen, origin)
        rules = [replace(r, info=replace(r.info, severity=Severity.parse(raised[r.id]))) if r.id in raised else r
                 for r in rules]
    return rules


def _shipped_root(spec: str) -> Traversable:
    try:
        return importlib.resources.files(SHIPPED_PACKAGE)
    except ModuleNotFoundError:
        raise ConfigError(spec, f"the shipped rule packs are missing: the package {SHIPPED_PACKAGE} "
                                "(the rules/ folder) is not importable in this installation") from None


def shipped_packs() -> tuple[str, ...]:
    root = _shipped_root(SHIPPED_PREFIX)
    return tuple(sorted(e.name for e in root.iterdir() if e.is_dir() and _has_rules(e)))


def _has_rules(folder: Traversable) -> bool:
    return any(True for _ in _walk_traversable(folder, ()))


def _rule_files(spec: str, base_dir: str) -> Iterator[tuple[str, str, str]]:
    """(rule id, path for messages, text) of each rule file a spec names."""
    if spec.startswith(SHIPPED_PREFIX):
        pack = spec[len(SHIPPED_PREFIX):]
        folder = _shipped_root(spec) / pack
        if not pack or not folder.is_dir():
            known = shipped_packs()
            extra = presets.shipped_presets()
            raise ConfigError(spec, f"unknown rule pack '{spec}'{did_you_mean(pack, known + extra)}; "
                                    f"shipped packs: {', '.join(SHIPPED_PREFIX + k for k in known)}"
                                    + (f"; level presets: {', '.join(SHIPPED_PREFIX + k for k in extra)}"
                                       if extra else ""))
        for parts, entry in _walk_traversable(folder, ()):
            yield ".".join((pack, *parts)), f"{spec}/{'/'.join(parts[:-1] + (entry.name,))}", \
                entry.read_text(encoding="utf-8")
        return
    path = os.path.normpath(os.path.join(base_dir, os.path.expanduser(spec)))
    if os.path.isfile(path):
        if not path.endswith(RULE_SUFFIXES):
            raise ConfigError(spec, "a rule file must end in .yml or .yaml")
        stem = os.path.splitext(os.path.basename(path))[0]
        pack = os.path.basename(os.path.dirname(path)) or "rules"
        yield f"{pack}.{stem}", path, _read(path)
    elif os.path.isdir(path):
        pack = os.path.basename(path.rstrip(os.sep))
        # Rule files at its top make the folder one style; without them it holds styles.
        is_style = any(_is_rule_file(e.name) and e.is_file() for e in os.scandir(path))
        found = 0
        for folder, dirs, files in os.walk(path):
            dirs.sort()
            rel = os.path.relpath(folder, path)
            subs = () if rel == "." else tuple(rel.split(os.sep))
            for name in sorted(files):
                if _is_rule_file(name):
                    file_path = os.path.join(folder, name)
                    found += 1
                    parts = (*subs, os.path.splitext(name)[0])
                    yield ".".join((pack, *parts) if is_style else parts), file_path, _read(file_path)
        if not found:
            raise ConfigError(spec, f"the rule folder {path} holds no .yml or .yaml rule files")
    else:
        raise ConfigError(spec, f"no rule folder or file at {path}")


def _is_rule_file(name: str) -> bool:
    return name.endswith(RULE_SUFFIXES) and not name.startswith(".")


def _walk_traversable(folder: Traversable, parts: tuple[str, ...]) -> Iterator[tuple[tuple[str, ...], Traversable]]:
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.is_dir():
            if not entry.name.startswith(("_", ".")):
                yield from _walk_traversable(entry, parts + (entry.name,))
        elif entry.name.endswith(RULE_SUFFIXES) and not entry.name.startswith("."):
            yield parts + (os.path.splitext(entry.name)[0],), entry


MAX_RULE_FILE_BYTES = 1 << 20


def _read(path: str) -> str:
    """A rule file's text: a regular file of at most 1 MiB (a FIFO or a link to a device
    in a pack is refused, never read)."""
    try:
        return read_regular_file(path, MAX_RULE_FILE_BYTES).decode("utf-8")
    except OSError as exc:
        raise ConfigError(path, f"cannot read rule file: {exc.strerror or exc}") from None
    except UnicodeDecodeError as exc:
        raise ConfigError(path, f"cannot read rule file: {exc}") from None


def _search_roots(extends: Sequence[str], base_dir: str) -> tuple[str, ...]:
    """Folders holding the style folders being loaded: where ``extends: Style.Rule`` looks."""
    roots: list[str] = []
    for spec in extends:
        if spec.startswith(SHIPPED_PREFIX):
            continue
        path = os.path.normpath(os.path.join(base_dir, os.path.expanduser(spec)))
        root = os.path.dirname(path if os.path.isdir(path) else os.path.dirname(path))
        if root not in roots:
            roots.append(root)
    return tuple(roots)


def load_rule(text: str, path: str, rule_id: str, search: Sequence[str] = ()) -> YamlRule:
    """Validate one rule file's text and compile it; ``search``: folders holding styles,
    where a rule that extends another (``extends: Style.Rule``) finds its parent."""
    source = load_located(text, path)
    if not isinstance(source.data, dict):
        raise ConfigError(path, "a rule file must be a mapping of keys to values", 1)
    source = inherit.flatten(source, search, _read)
    fields = RuleFields(source, rule_id)
    extends = fields.string("extends")
    kind = TYPES.get(extends)
    if kind is None:
        if extends in SKIPPED_TYPES:
            raise RuleSkipped(SkippedRule(rule_id, path, SKIPPED_TYPES[extends]))
        problem = f"unknown rule type 'extends: {extends}'{did_you_mean(extends, TYPES)}"
        raise fields.error(f"{problem}; use one of {', '.join(TYPES)}", "extends")
    fields.check_keys(COMMON_KEYS | kind.KEYS)
    for key, why in (("selector", "it selects text with a document selector, which newslint does not have"),
                     ("in", "it looks for its second pattern in a data view ('in'), which newslint does not have")):
        if fields.data.get(key):
            raise RuleSkipped(SkippedRule(rule_id, path, why))

    message = fields.string("message")
    level = fields.string("level", "warning")   # Vale's default
    if level not in LEVELS:
        raise fields.error(f"'level' must be one of {', '.join(LEVELS)}, not '{level}'{did_you_mean(level, LEVELS)}",
                           "level")
    category = fields.string("category", Category.STYLE.value)
    categories = [c.value for c in Category]
    if category not in categories:
        raise fields.error(f"'category' must be one of {', '.join(categories)}, not '{category}'"
                           f"{did_you_mean(category, categories)}", "category")
    scope_names = fields.strings("scope", allow_scalar=True) or DEFAULT_SCOPE.get(extends, ("text",))
    if kind in (readability, metric):
        scope_names = measured_scope(tuple(fields.strings("scope", allow_scalar=True)))
    try:
        scope = parse_scope(scope_names)
    except UnsupportedScope as exc:
        raise RuleSkipped(SkippedRule(rule_id, path, str(exc))) from None
    except ScopeError as exc:
        raise fields.error(str(exc), "scope") from None
    replacement = _action_replacement(fields)

    if kind is existence:
        matcher = existence.build(fields, message, scope, replacement)
    elif kind is spelling:
        try:
            matcher = spelling.build(fields, message, scope, search)
        except spelling.NeedsBaseDictionary as exc:
            raise RuleSkipped(SkippedRule(rule_id, path, str(exc))) from None
    elif kind is sequence:
        try:
            matcher = sequence.build(fields, message, scope)
        except sequence.Unsupported as exc:
            raise RuleSkipped(SkippedRule(rule_id, path, str(exc))) from None
    elif kind is substitution:
        matcher = substitution.build(fields, message, scope, read_action(fields)[0], fields.flag("matchcase"))
    else:
        matcher = kind.build(fields, message, scope)

    example_format = fields.string("example_format", "text")
    if example_format not in FORMATS:
        raise fields.error(f"'example_format' must be one of {', '.join(FORMATS)}", "example_format")
    fix_safety = getattr(matcher, "fix_safety", FixSafety.UNSAFE if replacement is not None else FixSafety.NONE)
    info = RuleInfo(
        id=rule_id,
        category=Category(category),
        severity=Severity.parse(level),
        source=Source.RULES,
        doc=_doc(fields, message),
        fix_safety=fix_safety,
        examples=_examples(fields),
        example_format=example_format,
    )
    return YamlRule(info, matcher, path, extends, fields.count("limit"))


def read_action(fields: RuleFields) -> tuple[str, tuple[str, ...]]:
    """``action`` as (name, params); ("", ()) when absent or empty (a bare ``action:``).

    As in Vale, a list inside ``params`` is spliced into it (``params: [[regex, a, b]]``)."""
    if not fields.has("action") or fields.data.get("action") is None:
        return "", ()
    action = fields.mapping("action", frozenset({"name", "params"}))
    name = action.get("name")
    if name is None:
        return "", ()
    if name not in ACTIONS:
        raise fields.error(f"'action.name' must be one of {', '.join(ACTIONS)}, not {name!r}", "action", "name")
    raw = action.get("params") or []
    if isinstance(raw, (str, int, float)) and not isinstance(raw, bool):
        raw = [raw]
    if not isinstance(raw, list):
        raise fields.error("'action.params' must be a list of strings", "action", "params")
    params: list[str] = []
    for i, p in enumerate(raw):
        for q in (p if isinstance(p, list) else [p]):
            params.append(fields.scalar_str(q, "action", "params", i))
    return str(name), tuple(params)


def _action_replacement(fields: RuleFields) -> str | None:
    """Replacement text an ``action`` gives an existence rule: '' to remove, or the first param."""
    name, params = read_action(fields)
    if not name:
        return None
    if name == "remove":
        return ""
    if name == "replace" and params:
        return params[0]
    return None


def _doc(fields: RuleFields, message: str) -> RuleDoc:
    link = fields.string("link", "")
    if not fields.has("doc"):
        what = fields.string("description", "") or format_message(message, "…", "…").strip()
        return RuleDoc(what=what, link=link)
    doc = fields.mapping("doc", frozenset({"what", "why", "fix"}))
    values = {}
    for key in ("what", "why", "fix"):
        value = doc.get(key, "")
        if not isinstance(value, str):
            raise fields.error(f"'doc.{key}' must be a string", "doc", key)
        values[key] = " ".join(value.split())
    if not values["what"]:
        raise fields.error("'doc' needs 'what': what the rule flags", "doc")
    return RuleDoc(what=values["what"], why=values["why"], fix=values["fix"], link=link)


def _examples(fields: RuleFields) -> Examples:
    if not fields.has("examples"):
        return Examples()
    ex = fields.mapping("examples", frozenset({"flag", "pass"}))
    lists = {}
    for key in ("flag", "pass"):
        items = ex.get(key) or []
        if not isinstance(items, list):
            raise fields.error(f"'examples.{key}' must be a list of strings", "examples", key)
        lists[key] = tuple(fields.scalar_str(item, "examples", key, i) for i, item in enumerate(items))
    return Examples(flag=lists["flag"], pass_=lists["pass"])
