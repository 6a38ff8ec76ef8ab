"""A loaded YAML rule: its metadata for reporters and its compiled matcher."""
from __future__ import annotations

from dataclasses import dataclass

from newslint.checks.base import RuleInfo
from newslint.checks.yaml_rules.matcher import Matcher


@dataclass(frozen=True)
class YamlRule:
    info: RuleInfo
    matcher: Matcher
    path: str                 # the file it came from ("<config>" for vocab rules)
    extends: str
    limit: int = 0            # most hits per document (0: no limit)

    @property
    def id(self) -> str:
        return self.info.id
