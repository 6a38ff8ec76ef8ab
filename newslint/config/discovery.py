"""Which config applies to a file, and whether the file is linted at all.

:class:`ConfigResolver` walks up from a file's folder and takes the first folder holding
``.newslint.yml`` or ``.newslint.yaml`` (both in one folder is an error: it is unclear
which one counts), or else a Vale ``.vale.ini`` (``_vale.ini``, ``vale.ini``), read by
:mod:`newslint.config.vale_ini`; a newslint file in the same folder wins. The walk stops
at the repository root (the folder holding ``.git``) or the user's home folder, as ruff
and pre-commit do, so a config dropped in a parent folder (a shared ``/tmp``) is never
picked up for a checkout below it. With none found, the defaults apply. An explicit
``--config`` file replaces discovery.

A discovered config that sends text to a LanguageTool server on another machine is used
only when it sits inside the repository being checked; otherwise it is an error that
says how to give the server explicitly. Results are cached per folder on the
resolver, never process-wide, so each worker or test owns its cache.

:func:`is_included` and :func:`is_excluded` apply a config's ``include``/``exclude``
globs (see :mod:`newslint.config.globs`) relative to the config's ``root``.
"""
from __future__ import annotations

import ipaddress
import os
from urllib.parse import urlsplit

from newslint.config.globs import GlobSet
from newslint.config.loader import load_config
from newslint.config.model import Config
from newslint.config.vale_ini import VALE_CONFIG_NAMES, load_vale_ini
from newslint.errors import ConfigError
from newslint.paths import relative_path

CONFIG_NAMES = (".newslint.yml", ".newslint.yaml")


def load_any_config(path: str) -> Config:
    """A newslint YAML file, or a Vale ``.ini`` file (by its name)."""
    if path.endswith(".ini"):
        return load_vale_ini(path)
    return load_config(path)


class ConfigResolver:
    """Finds and loads the config for each file, caching by folder."""

    def __init__(self, explicit: str | None = None, servers_given: bool = False):
        # An explicit file is read at once so that a bad --config fails before any work.
        self._explicit = load_any_config(explicit) if explicit is not None else None
        # Servers given on the command line or in the environment replace a config's own.
        self._servers_given = servers_given
        self._by_folder: dict[str, Config | ConfigError] = {}
        self._by_file: dict[str, Config | ConfigError] = {}

    @property
    def explicit(self) -> Config | None:
        return self._explicit

    def for_file(self, path: str) -> Config:
        """The config for ``path`` (which need not exist); raises ConfigError for a bad file."""
        return self.for_folder(os.path.dirname(os.path.abspath(path)))

    def for_stdin(self, filename: str | None = None) -> Config:
        """The config for text read from stdin, named ``filename`` (``--stdin-filename``) if given."""
        if filename:
            return self.for_file(filename)
        return self.for_folder(os.getcwd())

    def for_folder(self, folder: str) -> Config:
        if self._explicit is not None:
            return self._explicit
        folder = os.path.abspath(folder)
        walked: list[str] = []
        found: Config | ConfigError | None = None
        current = folder
        while True:
            if current in self._by_folder:
                found = self._by_folder[current]
                break
            walked.append(current)
            try:
                config_path = _config_in(current)
            except ConfigError as exc:
                found = exc
                break
            if config_path is not None:
                found = self._load(config_path)
                break
            parent = os.path.dirname(current)
            if parent == current or is_walk_boundary(current):
                found = Config()
                break
            current = parent
        for seen in walked:
            self._by_folder[seen] = found
        if isinstance(found, ConfigError):
            raise found.with_traceback(None)
        return found

    def _load(self, config_path: str) -> Config | ConfigError:
        """Load one file once; an error is kept so every file under it reports it."""
        if config_path not in self._by_file:
            try:
                config = load_any_config(config_path)
                if not self._servers_given:
                    _check_remote_servers(config, config_path)
                self._by_file[config_path] = config
            except ConfigError as exc:
                self._by_file[config_path] = exc
        return self._by_file[config_path]


def is_walk_boundary(folder: str) -> bool:
    """Discovery goes no higher than a repository root or the user's home folder."""
    return os.path.exists(os.path.join(folder, ".git")) or folder == _home()


def _home() -> str:
    return os.path.abspath(os.path.expanduser("~"))


def repository_root(folder: str) -> str | None:
    """The nearest folder at or above ``folder`` holding ``.git`` (None: not in a repository)."""
    current = os.path.abspath(folder)
    while True:
        if os.path.exists(os.path.join(current, ".git")):
            return current
        parent = os.path.dirname(current)
        if parent == current:
            return None
        current = parent


def is_loopback_url(url: str) -> bool:
    host = urlsplit(url if "://" in url else "http://" + url).hostname or ""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _check_remote_servers(config: Config, config_path: str) -> None:
    """A discovered config may name a server on another machine only inside a repository."""
    remote = [u for u in config.languagetool.urls if not is_loopback_url(u)]
    if remote and repository_root(os.path.dirname(config_path)) is None:
        raise ConfigError(config_path, (
            f"languagetool.url sends the article text to {remote[0]}, but this config sits outside any "
            "repository (no .git folder above it), so it is not used; give it with --config, or the "
            "server with --languagetool-url or NEWSLINT_LANGUAGETOOL_URL"))


def _config_in(folder: str) -> str | None:
    present = [os.path.join(folder, name) for name in CONFIG_NAMES
               if os.path.isfile(os.path.join(folder, name))]
    if len(present) > 1:
        names = " and ".join(os.path.basename(p) for p in present)
        raise ConfigError(folder, f"both {names} found; keep one")
    if present:
        return present[0]
    for name in VALE_CONFIG_NAMES:
        if os.path.isfile(os.path.join(folder, name)):
            return os.path.join(folder, name)
    return None


def relative_to_root(config: Config, path: str) -> str:
    """``path`` relative to the config's root, with ``/`` separators."""
    return relative_path(path, config.root)


def is_included(config: Config, path: str) -> bool:
    """True when ``path`` matches one of the config's ``include`` globs."""
    return GlobSet(config.include).matches(relative_to_root(config, path))


def is_excluded(config: Config, path: str) -> bool:
    """True when ``path`` or a folder above it (up to the root) matches an ``exclude`` glob."""
    if not config.exclude:
        return False
    return GlobSet(config.exclude).matches_path_or_parent(relative_to_root(config, path))
