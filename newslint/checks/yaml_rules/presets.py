"""Shipped level presets: ``extends: [newslint:news, newslint:ap]``.

A preset is a file ``shipped_presets/<name>.yml`` beside this module. It ships no
rules: it sets the default level of rules a pack before it in ``extends`` defines, so a
desk picks a house style in one line and its own ``rules:`` levels still win. The file
holds a ``description`` and ``levels``, a mapping of exact rule ids to ``suggestion``,
``warning`` or ``error``.
"""
from __future__ import annotations

import importlib.resources
from dataclasses import dataclass
from typing import Mapping

from newslint.yamlread import load_located
from newslint.errors import ConfigError

PRESETS_FOLDER = "shipped_presets"
PRESET_KEYS = frozenset({"description", "levels"})
PRESET_LEVELS = ("suggestion", "warning", "error")


@dataclass(frozen=True)
class Preset:
    name: str                                  # "ap" for newslint:ap
    description: str
    levels: tuple[tuple[str, str], ...]        # (rule id, level), in the file's order

    @property
    def spec(self) -> str:
        return f"newslint:{self.name}"


def _folder():
    return importlib.resources.files("newslint.checks.yaml_rules") / PRESETS_FOLDER


def shipped_presets() -> tuple[str, ...]:
    try:
        folder = _folder()
        if not folder.is_dir():
            return ()
        return tuple(sorted(e.name[:-4] for e in folder.iterdir()
                            if e.name.endswith(".yml") and not e.name.startswith(".")))
    except ModuleNotFoundError:
        return ()


def is_preset(spec: str) -> bool:
    return spec.startswith("newslint:") and spec[len("newslint:"):] in shipped_presets()


def load_preset(name: str) -> Preset:
    """Read and validate ``newslint:<name>``; a bad file is a ConfigError naming it and the line."""
    entry = _folder() / f"{name}.yml"
    path = f"newslint:{name} ({PRESETS_FOLDER}/{name}.yml)"
    source = load_located(entry.read_text(encoding="utf-8"), path)
    data = source.data
    if not isinstance(data, dict):
        raise source.error("a preset must be a mapping with 'description' and 'levels'")
    for key in data:
        if key not in PRESET_KEYS:
            raise source.error(f"unknown key {key!r} in a preset; use {', '.join(sorted(PRESET_KEYS))}", key)
    levels = data.get("levels")
    if not isinstance(levels, dict) or not levels:
        raise source.error("'levels' must map rule ids to levels", "levels")
    for rule_id, level in levels.items():
        if level not in PRESET_LEVELS:
            raise source.error(f"levels.{rule_id}: expected one of {', '.join(PRESET_LEVELS)}, got {level!r}",
                               "levels", rule_id)
    description = " ".join(str(data.get("description", "")).split())
    return Preset(name, description, tuple((str(k), str(v)) for k, v in levels.items()))


def apply_presets(presets: list[Preset], known: Mapping[str, object]) -> dict[str, str]:
    """Each rule id a preset sets, with its level (a later preset wins); a preset naming a
    rule no pack before it defines is a ConfigError: the pack it raises is missing."""
    out: dict[str, str] = {}
    for preset in presets:
        missing = [rule_id for rule_id, _ in preset.levels if rule_id not in known]
        if missing:
            raise ConfigError(preset.spec, f"{preset.spec} sets the level of {', '.join(missing)}, which no pack "
                                           f"in extends defines; extend the pack that ships them first, "
                                           f"e.g. extends: [newslint:news, {preset.spec}]")
        out.update(preset.levels)
    return out
