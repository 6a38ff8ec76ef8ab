"""LanguageTool's own description and category of each of its rules.

LanguageTool's rules are many and depend on its version, its language and newslint's
own rules loaded into the daemon, so they are not known before a run. The server lists
them itself: ``/v2/configinfo?language=…`` answers every rule of a language with its
``ruleId``, ``description``, ``categoryId`` and ``categoryName``. The listing is fetched
once per server identity (version and loaded rules) and language and kept as JSON in the
cache folder, so ``newslint explain lt.ID`` and reports (SARIF's rule descriptions) read
it without asking the server again.
"""
from __future__ import annotations

import difflib
import hashlib
import json
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Mapping

from newslint.errors import LanguageToolError

CATALOG_SCHEMA = 1


@dataclass(frozen=True)
class LanguageToolRule:
    id: str                  # LanguageTool's id, without newslint's "lt." prefix
    description: str
    category_id: str
    category_name: str


@dataclass(frozen=True)
class RuleCatalog:
    """Every rule a LanguageTool server runs for one language."""

    language: str
    rules: Mapping[str, LanguageToolRule]

    def get(self, lt_id: str) -> LanguageToolRule | None:
        return self.rules.get(lt_id)

    def close_to(self, lt_id: str, n: int = 3) -> list[str]:
        return difflib.get_close_matches(lt_id, list(self.rules), n=n, cutoff=0.7)


def parse_listing(answer: object, language: str) -> RuleCatalog:
    """A catalog from the server's ``configinfo`` answer; LanguageToolError when it is not one.
    Rules with sub-rules are listed once per sub-rule: the first entry is kept."""
    rules = answer.get("rules") if isinstance(answer, dict) else None
    if not isinstance(rules, list):
        raise LanguageToolError("LanguageTool's rule listing has no list of rules")
    out: dict[str, LanguageToolRule] = {}
    for entry in rules:
        if not isinstance(entry, dict) or not isinstance(entry.get("ruleId"), str):
            raise LanguageToolError("LanguageTool's rule listing holds an entry without a rule id")
        fields = [entry.get(k, "") for k in ("description", "categoryId", "categoryName")]
        if not all(isinstance(f, str) for f in fields):
            raise LanguageToolError(f"LanguageTool's rule listing describes {entry['ruleId']} with non-text fields")
        out.setdefault(entry["ruleId"], LanguageToolRule(entry["ruleId"], *fields))
    return RuleCatalog(language, out)


def catalog_file(cache_dir: Path, identity: str, language: str) -> Path:
    digest = hashlib.sha256(json.dumps([CATALOG_SCHEMA, identity, language]).encode()).hexdigest()[:16]
    return cache_dir / f"languagetool-rules-{digest}.json"


def read_catalog(path: Path, language: str) -> RuleCatalog | None:
    """The catalog kept at ``path``; None when there is none or it cannot be read."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return parse_listing(data, language)
    except (OSError, ValueError, LanguageToolError):
        return None


def write_catalog(path: Path, answer: dict) -> None:
    """Keep the listing (only the fields the catalog reads), written atomically; a cache
    folder that cannot be written only costs a request next time."""
    slim = {"rules": [{k: e[k] for k in ("ruleId", "description", "categoryId", "categoryName") if k in e}
                      for e in answer["rules"]]}
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".rules-", dir=path.parent)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(json.dumps(slim, ensure_ascii=False))     # dumps uses the C encoder
        os.replace(tmp, path)
    except OSError:
        return
