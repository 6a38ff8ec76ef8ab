"""What a rule is, as reporters, `explain` and the fix policy read it: its id, category,
default level, source, documentation, examples and how safe its fix is."""
from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import Sequence

from newslint.findings import Category, Severity, Source


class FixSafety(str, enum.Enum):
    NONE = "none"        # the rule never offers a fix
    SAFE = "safe"        # applied by --fix
    UNSAFE = "unsafe"    # applied only with --unsafe-fixes

    def __str__(self) -> str:
        return self.value


@dataclass(frozen=True)
class RuleDoc:
    """A rule's documentation, as `newslint explain` prints it."""

    what: str                     # what it flags
    why: str = ""                 # why it matters
    fix: str = ""                 # how to fix it
    link: str = ""


@dataclass(frozen=True)
class Examples:
    flag: tuple[str, ...] = ()    # each must produce at least one hit of the rule
    pass_: tuple[str, ...] = ()   # each must produce none


@dataclass(frozen=True)
class RuleInfo:
    id: str                       # e.g. "news.chrome.see-also", "lt.MORFOLOGIK_RULE_EN_US"
    category: Category
    severity: Severity            # default level; config may change it
    source: Source
    doc: RuleDoc
    fix_safety: FixSafety = FixSafety.NONE
    examples: Examples = Examples()
    # Document format the examples are written in ("text", "markdown" or "html").
    example_format: str = "text"

    @classmethod
    def documented(cls, rule_id: str, category: Category, severity: Severity, source: Source, *,
                   what: str, why: str = "", fix: str = "", link: str = "",
                   flag: Sequence[str] = (), pass_: Sequence[str] = (),
                   fix_safety: FixSafety = FixSafety.NONE, example_format: str = "text") -> "RuleInfo":
        """A rule written in code: its doc and examples given flat."""
        return cls(rule_id, category, severity, source, RuleDoc(what, why, fix, link), fix_safety,
                   Examples(tuple(flag), tuple(pass_)), example_format)

    @property
    def fixable(self) -> bool:
        return self.fix_safety is not FixSafety.NONE
