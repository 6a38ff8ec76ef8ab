"""Baselines: record today's findings, then report only new ones.

An entry names a file (relative to the baseline file's folder), a rule and a fingerprint
of the flagged text together with the text of its line(s), whitespace-normalised. Line
numbers are left out, so inserting paragraphs above a finding keeps it baselined;
editing the flagged line makes it new. Identical findings share one entry with a count.
"""
from __future__ import annotations

import hashlib
import json
import os
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Callable, Iterable, Sequence

from newslint.documents.decode import decode_bytes
from newslint.errors import DocumentError, NewslintError
from newslint.findings import Finding
from newslint.paths import relative_path

FORMAT_VERSION = 1
_EXCERPT = 80

TextOf = Callable[[str], str]


class BaselineError(NewslintError):
    """A baseline file that cannot be read or written."""

    def __init__(self, path: str, message: str):
        self.path = path
        self.message = message
        super().__init__(f"{path}: {message}")


@dataclass(frozen=True, order=True)
class EntryKey:
    path: str           # relative to the baseline's folder, '/' separators
    rule: str
    fingerprint: str


@dataclass(frozen=True)
class BaselineEntry:
    key: EntryKey
    count: int
    text: str           # the flagged text, for people reading the file

    def to_json(self) -> dict:
        return {"path": self.key.path, "rule": self.key.rule, "fingerprint": self.key.fingerprint,
                "count": self.count, "text": self.text}


@dataclass(frozen=True)
class Outcome:
    """What a baseline does to one run's findings."""

    new: list[Finding]              # not in the baseline: reported
    known: int                      # findings the baseline hides
    stale: list[BaselineEntry]      # in the baseline but no longer found (count: how many)


def normalise(text: str) -> str:
    return " ".join(text.split())


def fingerprint(text: str, finding: Finding) -> tuple[str, str]:
    """(fingerprint, flagged text) of a finding in its file's decoded ``text``."""
    flagged, context = _flagged_and_lines(text, finding)
    payload = "\0".join((finding.rule, normalise(flagged), normalise(context)))
    return hashlib.sha256(payload.encode("utf-8", "surrogateescape")).hexdigest()[:24], flagged


def _flagged_and_lines(text: str, finding: Finding) -> tuple[str, str]:
    start, end = finding.offset, max(finding.end_offset, finding.offset)
    if end == 0 and (finding.line > 1 or finding.column > 1):     # no offsets: go by line numbers
        lines = text.split("\n")
        context = "\n".join(lines[finding.line - 1:finding.end_line])
        return context, context
    line_start = text.rfind("\n", 0, start) + 1
    last = end - 1 if end > start and text[end - 1:end] == "\n" else end
    line_end = text.find("\n", last)
    return text[start:end], text[line_start:len(text) if line_end < 0 else line_end]


class Baseline:
    """Known findings, counted per (path, rule, fingerprint)."""

    def __init__(self, base_dir: str, entries: Iterable[BaselineEntry] = ()):
        self.base_dir = os.path.abspath(base_dir)
        self.entries: dict[EntryKey, BaselineEntry] = {e.key: e for e in entries}

    # -- building and files ---------------------------------------------------------

    @classmethod
    def from_findings(cls, findings: Iterable[Finding], base_dir: str, text_of: TextOf) -> "Baseline":
        baseline = cls(base_dir)
        counts: Counter[EntryKey] = Counter()
        texts: dict[EntryKey, str] = {}
        for finding in sorted(findings):
            key, flagged = baseline.key_of(finding, text_of)
            counts[key] += 1
            texts.setdefault(key, _excerpt(flagged))
        baseline.entries = {k: BaselineEntry(k, n, texts[k]) for k, n in sorted(counts.items())}
        return baseline

    @classmethod
    def load(cls, path: str) -> "Baseline":
        try:
            with open(path, encoding="utf-8") as handle:
                data = json.load(handle)
        except FileNotFoundError:
            raise BaselineError(path, "baseline file not found (create one: newslint baseline create -o "
                                      f"{path} PATHS)") from None
        except (OSError, UnicodeDecodeError) as exc:
            raise BaselineError(path, f"cannot read the baseline: {exc}") from None
        except json.JSONDecodeError as exc:
            raise BaselineError(path, f"not JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})") from None
        except RecursionError:
            raise BaselineError(path, "not a newslint baseline (JSON nested too deeply)") from None
        if not isinstance(data, dict) or data.get("version") != FORMAT_VERSION:
            raise BaselineError(path, f"not a newslint baseline (expected \"version\": {FORMAT_VERSION})")
        raw_entries = data.get("entries")
        if not isinstance(raw_entries, list):
            raise BaselineError(path, "\"entries\" must be a list")
        entries = []
        for number, raw in enumerate(raw_entries, 1):
            try:
                key = EntryKey(str(raw["path"]), str(raw["rule"]), str(raw["fingerprint"]))
                count = raw.get("count", 1)
                if isinstance(count, bool) or not isinstance(count, int):
                    raise TypeError("count")
            except (KeyError, TypeError, ValueError, AttributeError):
                raise BaselineError(path, f"entry {number}: needs path, rule, fingerprint and a whole-number "
                                          "count") from None
            if count < 1:
                raise BaselineError(path, f"entry {number}: count must be at least 1")
            entries.append(BaselineEntry(key, count, str(raw.get("text", ""))))
        return cls(os.path.dirname(os.path.abspath(path)), entries)

    def dump(self, path: str) -> None:
        data = {"version": FORMAT_VERSION,
                "about": "Findings newslint check --baseline does not report. "
                         "Refresh with: newslint baseline create -o <this file> <paths>",
                "entries": [e.to_json() for e in sorted(self.entries.values(), key=lambda e: e.key)]}
        try:
            with open(path, "w", encoding="utf-8", newline="\n") as handle:
                json.dump(data, handle, indent=2, ensure_ascii=False)
                handle.write("\n")
        except OSError as exc:
            raise BaselineError(path, f"cannot write the baseline: {exc.strerror or exc}") from None

    # -- matching -------------------------------------------------------------------

    def relative(self, path: str) -> str:
        return relative_path(path, self.base_dir)

    def key_of(self, finding: Finding, text_of: TextOf) -> tuple[EntryKey, str]:
        digest, flagged = fingerprint(text_of(finding.path), finding)
        return EntryKey(self.relative(finding.path), finding.rule, digest), flagged

    def apply(self, findings: Sequence[Finding], text_of: TextOf, checked: Iterable[str],
              rule_checked: Callable[[str], bool] = lambda rule: True) -> Outcome:
        """Split findings into new and known; entries of ``checked`` files not found are stale.

        ``rule_checked`` says whether a rule ran at all (e.g. not when LanguageTool was
        off), so that entries of rules that did not run are not called stale.
        """
        by_key: dict[EntryKey, list[Finding]] = defaultdict(list)
        for finding in sorted(findings):
            by_key[self.key_of(finding, text_of)[0]].append(finding)
        new: list[Finding] = []
        known = 0
        for key, group in by_key.items():
            allowed = self.entries[key].count if key in self.entries else 0
            known += min(allowed, len(group))
            new.extend(group[allowed:])
        checked_paths = {self.relative(p) for p in checked}
        stale = []
        for key, entry in sorted(self.entries.items()):
            missing = entry.count - len(by_key.get(key, ()))
            if missing > 0 and key.path in checked_paths and rule_checked(key.rule):
                stale.append(BaselineEntry(key, missing, entry.text))
        return Outcome(sorted(new), known, stale)


def file_texts() -> TextOf:
    """Reads and decodes each file once (as the engine does); unreadable files read as ''."""
    cache: dict[str, str] = {}

    def text_of(path: str) -> str:
        if path not in cache:
            try:
                with open(path, "rb") as handle:
                    cache[path] = decode_bytes(handle.read(), path)
            except (OSError, DocumentError):
                cache[path] = ""
        return cache[path]

    return text_of


def stale_message(stale: Sequence[BaselineEntry], baseline_path: str) -> str:
    total = sum(e.count for e in stale)
    shown = "; ".join(f"{e.key.path}: {e.key.rule} \"{e.text}\"" + (f" (x{e.count})" if e.count > 1 else "")
                      for e in stale[:5])
    more = f"; and {len(stale) - 5} more" if len(stale) > 5 else ""
    noun = "finding" if total == 1 else "findings"
    return (f"{total} baselined {noun} no longer found (fixed?): {shown}{more}. "
            f"Refresh the baseline: newslint baseline create -o {baseline_path} <paths>")


def _excerpt(text: str) -> str:
    flat = normalise(text)
    return flat if len(flat) <= _EXCERPT else flat[:_EXCERPT - 1] + "…"
