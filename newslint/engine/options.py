"""Run-wide options: the CLI's switches (per-file settings come from the config)."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class LintOptions:
    """Run-wide options (the CLI's switches); per-file settings come from Config."""

    config_path: str | None = None
    select: tuple[str, ...] = ()          # rule-id globs; empty: all
    ignore: tuple[str, ...] = ()          # rule-id globs
    languagetool: bool = True             # False: --no-languagetool
    languagetool_urls: tuple[str, ...] = ()
    use_cache: bool = True
    jobs: int = 1
    announce_start: bool = False          # say on stderr when the run starts LanguageTool
