"""The frozen result types every stage shares: Finding, Fix, FileError and their enums."""
from __future__ import annotations

import enum
from dataclasses import dataclass, field


class Severity(enum.IntEnum):
    """Ordered so that ``finding.severity >= fail_level`` reads naturally."""

    SUGGESTION = 1
    WARNING = 2
    ERROR = 3

    @classmethod
    def parse(cls, name: str) -> "Severity":
        return cls[name.strip().upper()]

    def __str__(self) -> str:
        return self.name.lower()


class Category(str, enum.Enum):
    CHROME = "chrome"
    ATTRIBUTION = "attribution"
    FRAGMENT = "fragment"
    GRAMMAR = "grammar"
    SPELLING = "spelling"
    PUNCTUATION = "punctuation"
    TYPOGRAPHY = "typography"
    STYLE = "style"
    OTHER = "other"

    def __str__(self) -> str:
        return self.value


class Source(str, enum.Enum):
    RULES = "rules"          # YAML rules from rules/ or the user's packs
    NEWS = "news"            # built-in news checks (chrome, attribution, fragments)
    LANGUAGETOOL = "languagetool"

    def __str__(self) -> str:
        return self.value


@dataclass(frozen=True)
class Fix:
    """Replace the finding's span (``offset``..``end_offset`` in the file) with ``replacement``.

    ``original`` is the text the check saw there; a fix applies only where the file still
    holds exactly that text (None: unknown, e.g. a fix read back from JSON).
    """

    replacement: str
    safe: bool
    original: str | None = field(default=None, compare=False)

    def to_json(self) -> dict:
        return {"replacement": self.replacement, "safe": self.safe}


@dataclass(frozen=True, order=True)
class Finding:
    """One problem at one place. Compared and sorted on path, position and rule."""

    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    rule: str
    category: Category = field(compare=False)
    severity: Severity = field(compare=False)
    source: Source = field(compare=False)
    message: str = field(compare=False)
    fix: Fix | None = field(default=None, compare=False)
    # Character offsets into the decoded file text (for fixes, baselines, editors).
    offset: int = field(default=0, compare=False)
    end_offset: int = field(default=0, compare=False)
    # Other rules that flagged the same span (folded into this finding; see the engine).
    also: tuple[str, ...] = field(default=(), compare=False)

    def to_json(self) -> dict:
        return {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "rule": self.rule,
            "category": str(self.category),
            "severity": str(self.severity),
            "source": str(self.source),
            "message": self.message,
            "fix": self.fix.to_json() if self.fix else None,
            **({"also": list(self.also)} if self.also else {}),
        }


@dataclass(frozen=True, order=True)
class FileError:
    """A file (or the run) that could not be checked; always makes the exit status 2."""

    path: str
    message: str
    line: int | None = None     # set for configuration errors (the config file's line)

    def to_json(self) -> dict:
        out: dict = {"path": self.path, "message": self.message}
        if self.line is not None:
            out["line"] = self.line
        return out

    def __str__(self) -> str:
        where = self.path if self.line is None else f"{self.path}:{self.line}"
        return f"{where}: {self.message}"
