"""Typed errors. Each carries enough to print one clear line for the user."""
from __future__ import annotations


class NewslintError(Exception):
    """Base of every error newslint raises on purpose."""


class ConfigError(NewslintError):
    """A configuration or rule file is invalid: names the file and, when known, the line."""

    def __init__(self, path: str, message: str, line: int | None = None):
        self.path = path
        self.line = line
        self.message = message
        where = f"{path}:{line}" if line is not None else path
        super().__init__(f"{where}: {message}")


class DocumentError(NewslintError):
    """A file could not be read or decoded as text."""

    def __init__(self, path: str, message: str):
        self.path = path
        self.message = message
        super().__init__(f"{path}: {message}")


class LanguageToolError(NewslintError):
    """LanguageTool is missing, failed to start, or did not answer."""


class LanguageToolNotInstalled(LanguageToolError):
    pass


class LanguageToolUnavailable(LanguageToolError):
    """The server could not be reached or stopped answering."""
