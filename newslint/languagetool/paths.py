"""Where LanguageTool lives on disk: installs, daemon state, the request cache.

The base folders come from platformdirs; ``NEWSLINT_DATA_DIR`` and ``NEWSLINT_CACHE_DIR``
override them (tests and CI point them inside the clone). Nothing here is cached at
module level: a :class:`LanguageToolHome` is built from the environment when needed.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Mapping

import platformdirs

DATA_DIR_ENV = "NEWSLINT_DATA_DIR"
CACHE_DIR_ENV = "NEWSLINT_CACHE_DIR"
URL_ENV = "NEWSLINT_LANGUAGETOOL_URL"   # user-given LanguageTool servers, comma or space separated


def default_data_dir(env: Mapping[str, str] | None = None) -> Path:
    env = os.environ if env is None else env
    value = env.get(DATA_DIR_ENV)
    return Path(value).expanduser().resolve() if value else Path(platformdirs.user_data_dir("newslint"))


def default_cache_dir(env: Mapping[str, str] | None = None) -> Path:
    env = os.environ if env is None else env
    value = env.get(CACHE_DIR_ENV)
    return Path(value).expanduser().resolve() if value else Path(platformdirs.user_cache_dir("newslint"))


@dataclass(frozen=True)
class LanguageToolHome:
    """The folder tree under ``<data dir>/languagetool``.

    ``slot`` numbers the local servers of ``newslint languagetool start --servers N``: slot 0
    is the daemon ``check`` starts by itself; slots 1..N-1 share its installation and keep
    their state, config and log in ``run/slot-K``.
    """

    data_dir: Path
    slot: int = 0

    @classmethod
    def from_env(cls, data_dir: str | os.PathLike | None = None, slot: int = 0) -> "LanguageToolHome":
        return cls(Path(data_dir).expanduser().resolve() if data_dir else default_data_dir(), slot)

    def with_slot(self, slot: int) -> "LanguageToolHome":
        return LanguageToolHome(self.data_dir, slot)

    @property
    def root(self) -> Path:
        return self.data_dir / "languagetool"

    def version_dir(self, version: str) -> Path:
        return self.root / version

    @property
    def active_file(self) -> Path:
        """Records which installation ``start`` uses (the last one installed or accepted)."""
        return self.root / "active.json"

    @property
    def install_lock(self) -> Path:
        return self.root / ".install.lock"

    @property
    def run_dir(self) -> Path:
        """The daemon's state file, config, custom-rules classpath folder and log."""
        return self.root / "run" if self.slot == 0 else self.root / "run" / f"slot-{self.slot}"

    @property
    def state_file(self) -> Path:
        return self.run_dir / "server.json"

    @property
    def server_lock(self) -> Path:
        return self.run_dir / ".server.lock"
