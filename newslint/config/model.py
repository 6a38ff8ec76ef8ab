"""Configuration as data: what a validated `.newslint.yml` means.

The loader (``newslint.config.loader``) builds these from YAML with strict validation;
everything downstream only reads them.
"""
from __future__ import annotations

import fnmatch
from dataclasses import dataclass, field, replace

from newslint.config.globs import GlobSet


DEFAULT_PACKS = ("newslint:news",)
DEFAULT_INCLUDE = ("*.txt", "*.md", "*.markdown", "*.html", "*.htm")

# A rule level in config: a severity name or "off".
LEVELS = ("off", "suggestion", "warning", "error")


@dataclass(frozen=True)
class LanguageToolSettings:
    enabled: bool = True
    language: str = "en-US"
    urls: tuple[str, ...] = ()            # user-given servers; empty: newslint's own daemon
    autostart: bool = True                 # start the daemon when none runs
    picky: bool = False
    enabled_rules: tuple[str, ...] = ()
    disabled_rules: tuple[str, ...] = ("SERIAL_COMMA_ON", "WHITESPACE_RULE")
    enabled_categories: tuple[str, ...] = ()
    disabled_categories: tuple[str, ...] = ()
    idle_timeout: int = 1800               # seconds an autostarted daemon waits before stopping
    memory: str = "1g"                     # JVM -Xmx
    profile: str = "news"                  # default levels of LanguageTool rules (languagetool/profile.py)


@dataclass(frozen=True)
class Override:
    files: tuple[str, ...]                 # globs, relative to the config file's folder
    rules: tuple[tuple[str, str], ...]     # (rule glob, level), in order

    def applies_to(self, rel_path: str) -> bool:
        return GlobSet(self.files).matches_path_or_parent(rel_path)


@dataclass(frozen=True)
class Config:
    """One configuration file's settings, merged with defaults. Hashable, so it can key caches."""

    path: str | None = None                           # the .newslint.yml it came from
    root: str = "."                                   # folder that relative globs are taken from
    extends: tuple[str, ...] = DEFAULT_PACKS          # "newslint:<pack>" or paths to rule folders/files
    rules: tuple[tuple[str, str], ...] = ()           # (rule glob, level), later entries win
    overrides: tuple[Override, ...] = ()
    vocab_accept: tuple[str, ...] = ()
    vocab_reject: tuple[str, ...] = ()
    vocab_names: tuple[str, ...] = ()                 # the desk's names list (vocab.names: FILE), read
    include: tuple[str, ...] = DEFAULT_INCLUDE
    exclude: tuple[str, ...] = ()
    languagetool: LanguageToolSettings = field(default_factory=LanguageToolSettings)
    min_level: str = "suggestion"                     # findings below this level are dropped
    styles_path: str | None = None                    # a .vale.ini's StylesPath, when one was read
    token_ignores: tuple[str, ...] = ()               # regexes whose matches rules do not read
    block_ignores: tuple[str, ...] = ()               # regexes for whole blocks rules skip
    skipped_scopes: tuple[str, ...] = ()              # a .vale.ini's SkippedScopes: HTML block tags rules skip
    ignored_scopes: tuple[str, ...] = ("code", "tt", "kbd")   # IgnoredScopes: inline tags rules read masked
    # A .vale.ini's TokenIgnores/BlockIgnores per [glob] section: (globs, tokens, blocks);
    # a file gets those of every section it matches, besides token_ignores/block_ignores.
    section_ignores: tuple[tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]], ...] = ()
    # (rule glob, 1-based line) of each key under `rules` and `overrides[].rules`, so the
    # engine can refuse ids no loaded pack defines at their line. Not part of equality.
    rule_lines: tuple[tuple[str, int], ...] = field(default=(), compare=False)

    def levels_for(self, rel_path: str) -> tuple[tuple[str, str], ...]:
        """Rule levels for one file: the config's own, then each matching override's."""
        out = list(self.rules)
        for ov in self.overrides:
            if ov.applies_to(rel_path):
                out.extend(ov.rules)
        return tuple(out)

    def with_changes(self, **changes) -> "Config":
        return replace(self, **changes)


def level_of(rule_id: str, levels: tuple[tuple[str, str], ...], default: str) -> str:
    """The level for ``rule_id``: the last matching glob wins; exact ids beat globs.
    ``on`` (from a .vale.ini's ``YES`` or ``BasedOnStyles``) means the rule's own level."""
    level = default
    exact = None
    for pattern, value in levels:
        if pattern == rule_id:
            exact = value
        elif fnmatch.fnmatchcase(rule_id, pattern):
            level = value
    found = exact if exact is not None else level
    return default if found == "on" else found


