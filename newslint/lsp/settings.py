"""The server's settings, from the client's ``initializationOptions``.

::

    {"languagetool": false,                      // never call LanguageTool (default: true,
                                                 //   then each .newslint.yml decides)
     "languagetoolUrl": "http://127.0.0.1:8081",  // or a list: a pool of servers (default:
                                                 //   NEWSLINT_LANGUAGETOOL_URL, the config's url,
                                                 //   then newslint's own daemon)
     "config": "/path/to/.newslint.yml",          // instead of discovering one per file
     "debounceMs": 300}                           // quiet time after typing before linting

``languagetool`` may also be an object ``{"enabled": false, "url": ...}``.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from newslint.errors import NewslintError

DEFAULT_DEBOUNCE = 0.3


class SettingsError(NewslintError):
    """``initializationOptions`` hold a key or value the server does not understand."""


@dataclass(frozen=True)
class ServerSettings:
    languagetool: bool = True
    languagetool_urls: tuple[str, ...] = ()
    config_path: str | None = None
    debounce: float = DEFAULT_DEBOUNCE       # seconds

    @classmethod
    def from_options(cls, options: Any) -> "ServerSettings":
        """Settings from ``initializationOptions`` (None or an object); raises SettingsError."""
        urls: tuple[str, ...] = ()
        if options is None:
            return cls()
        if not isinstance(options, dict):
            raise SettingsError("initializationOptions must be an object")
        unknown = sorted(set(options) - {"languagetool", "languagetoolUrl", "config", "debounceMs"})
        if unknown:
            raise SettingsError(f"unknown initializationOptions: {', '.join(unknown)}")
        enabled = True
        lt = options.get("languagetool", True)
        if isinstance(lt, dict):
            extra = sorted(set(lt) - {"enabled", "url"})
            if extra:
                raise SettingsError(f"unknown keys under languagetool: {', '.join(extra)}")
            enabled = _bool(lt.get("enabled", True), "languagetool.enabled")
            urls = _urls(lt["url"], "languagetool.url") if "url" in lt else urls
        else:
            enabled = _bool(lt, "languagetool")
        if "languagetoolUrl" in options:
            urls = _urls(options["languagetoolUrl"], "languagetoolUrl")
        config = options.get("config")
        if config is not None and not isinstance(config, str):
            raise SettingsError("config must be a path to a .newslint.yml file")
        debounce = options.get("debounceMs", DEFAULT_DEBOUNCE * 1000)
        if isinstance(debounce, bool) or not isinstance(debounce, (int, float)) or debounce < 0:
            raise SettingsError("debounceMs must be a number of milliseconds, 0 or more")
        return cls(enabled, urls, config, debounce / 1000)


def _bool(value: Any, name: str) -> bool:
    if not isinstance(value, bool):
        raise SettingsError(f"{name} must be true or false")
    return value


def _urls(value: Any, name: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return tuple(value)
    raise SettingsError(f"{name} must be a URL or a list of URLs")
