"""Resumable runs (``newslint check --resume``): a file checked before, unchanged, under
the same settings and the same newslint, is not checked again.

Each file's whole result (findings of every stage, LanguageTool's included, and its
notices) is stored under a key that hashes:

- the path as given and the file's bytes (SHA-256);
- the file's resolved configuration (levels, packs, vocabulary, LanguageTool settings)
  and the text of every rule file its packs load;
- the run's rule filters (``--select``, ``--ignore``) and whether LanguageTool is on;
- newslint's code (a digest of its modules, so an edited checkout counts as new) and,
  with LanguageTool on, the server's identity (version and rules; for ``--languagetool-url``
  servers, their version and addresses) as the LanguageTool cache keys it.

Only results without errors are stored, so a file that failed is always tried again.
The store is SQLite in the cache folder (``results.sqlite3`` beside the LanguageTool
cache; ``NEWSLINT_CACHE_DIR`` moves both) and is read and written by the process that
runs the command: with ``--dask`` the client keeps it, workers never touch it, so the
cluster needs no shared disk for it.
"""
from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import threading
import time
from pathlib import Path
from typing import Iterator, Sequence

from newslint.errors import ConfigError, NewslintError
from newslint.findings import Category, Finding, Fix, Severity, Source
from newslint.hits import Notice
from newslint.results import FileResult

STORE_FILE = "results.sqlite3"
SCHEMA_VERSION = 1
BUSY_TIMEOUT_S = 30.0


def store_path(cache_dir: str | os.PathLike | None = None) -> Path:
    from newslint.languagetool.paths import default_cache_dir

    return Path(cache_dir) / STORE_FILE if cache_dir else default_cache_dir() / STORE_FILE


class ResultStore:
    """File results by key, in SQLite (WAL: other processes may read while one writes)."""

    def __init__(self, path: Path):
        self.path = path
        self._lock = threading.Lock()
        self._conn: sqlite3.Connection | None = None

    def _connection(self) -> sqlite3.Connection:
        if self._conn is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            conn = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_S, check_same_thread=False,
                                   isolation_level=None)
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=NORMAL")
            conn.execute("CREATE TABLE IF NOT EXISTS results ("
                         "key TEXT PRIMARY KEY, created REAL NOT NULL, body TEXT NOT NULL)")
            self._conn = conn
        return self._conn

    def get(self, key: str, path: str) -> FileResult | None:
        with self._lock:
            row = self._connection().execute("SELECT body FROM results WHERE key = ?", (key,)).fetchone()
        if row is None:
            return None
        try:
            return decode_result(json.loads(row[0]), path)
        except (ValueError, KeyError, TypeError):
            return None               # an unreadable entry is a miss; the file is checked again

    def put(self, key: str, result: FileResult) -> None:
        body = json.dumps(encode_result(result), ensure_ascii=False, separators=(",", ":"))
        with self._lock:
            self._connection().execute("INSERT OR REPLACE INTO results (key, created, body) VALUES (?, ?, ?)",
                                       (key, time.time(), body))

    def count(self) -> int:
        with self._lock:
            return self._connection().execute("SELECT COUNT(*) FROM results").fetchone()[0]

    def clear(self) -> int:
        """Remove every stored result; returns how many there were. A file that is not a
        readable store is deleted (its entries count as 0); raises OSError when it cannot be."""
        with self._lock:
            try:
                conn = self._connection()
                count = conn.execute("SELECT COUNT(*) FROM results").fetchone()[0]
                conn.execute("DELETE FROM results")
                conn.execute("VACUUM")
                return count
            except sqlite3.DatabaseError:
                if self._conn is not None:
                    self._conn.close()
                    self._conn = None
                for suffix in ("", "-wal", "-shm"):
                    Path(str(self.path) + suffix).unlink(missing_ok=True)
                return 0

    def close(self) -> None:
        with self._lock:
            if self._conn is not None:
                self._conn.close()
                self._conn = None


# -- what is stored ---------------------------------------------------------------------

def encode_result(result: FileResult) -> dict:
    return {
        "findings": [[f.line, f.column, f.end_line, f.end_column, f.rule, f.category.value, int(f.severity),
                      f.source.value, f.message,
                      None if f.fix is None else [f.fix.replacement, f.fix.safe, f.fix.original],
                      f.offset, f.end_offset, list(f.also)] for f in result.findings],
        "notices": [[n.code, n.message] for n in result.notices],
    }


def decode_result(body: dict, path: str) -> FileResult:
    findings = [Finding(path=path, line=line, column=column, end_line=end_line, end_column=end_column, rule=rule,
                        category=Category(category), severity=Severity(severity), source=Source(source),
                        message=message, fix=None if fix is None else Fix(fix[0], bool(fix[1]), fix[2]),
                        offset=offset, end_offset=end_offset, also=tuple(also))
                for line, column, end_line, end_column, rule, category, severity, source, message, fix, offset,
                end_offset, also in body["findings"]]
    return FileResult(path, findings=findings, notices=[Notice(code, message) for code, message in body["notices"]])


# -- keys -------------------------------------------------------------------------------

def code_digest() -> str:
    """A digest of newslint's own modules: results from other code are not reused."""
    import newslint

    root = Path(newslint.__file__).resolve().parent
    digest = hashlib.sha256(newslint.__version__.encode())
    for file in sorted(root.rglob("*.py")):
        digest.update(str(file.relative_to(root)).encode())
        digest.update(file.read_bytes())
    return digest.hexdigest()


def _fields(cls) -> list[str]:
    import dataclasses

    return [f.name for f in dataclasses.fields(cls)]


class Keys:
    """Result keys for one linter's files; what is the same for many files is computed once."""

    def __init__(self, linter):
        self._linter = linter
        options = linter.options
        self._run = [SCHEMA_VERSION, code_digest(), list(options.select), list(options.ignore),
                     options.languagetool, _fields(Finding)]
        self._packs: dict[tuple, str] = {}
        self._identities: dict[object, str] = {}

    def key(self, path: str, data: bytes) -> str | None:
        """None when the file's settings cannot be read (it is checked, and fails, as usual)."""
        try:
            config = self._linter.config_for(path)
            packs = self._pack_digest(config.extends, config.root)
            identity = self._languagetool_identity(config)
        except (ConfigError, NewslintError, OSError):
            return None
        blob = json.dumps([self._run, path, hashlib.sha256(data).hexdigest(), repr(config), packs, identity],
                          ensure_ascii=False, separators=(",", ":"))
        return hashlib.sha256(blob.encode("utf-8")).hexdigest()

    def _pack_digest(self, extends: tuple[str, ...], root: str) -> str:
        found = self._packs.get((extends, root))
        if found is None:
            from newslint.checks.yaml_rules.loader import _rule_files

            digest = hashlib.sha256()
            for spec in extends:
                for rule_id, _, text in _rule_files(spec, root):
                    digest.update(json.dumps([spec, rule_id, text]).encode("utf-8"))
            found = self._packs[(extends, root)] = digest.hexdigest()
        return found

    def _languagetool_identity(self, config) -> str | None:
        if not (self._linter.options.languagetool and config.languagetool.enabled):
            return None
        settings = config.languagetool
        found = self._identities.get(settings)
        if found is None:
            found = self._identities[settings] = self._linter.services.languagetool.stage().identity(settings)
        return found


# -- the executor -----------------------------------------------------------------------

class ResumingExecutor:
    """Answers from the store what it can and hands the rest to ``inner`` (an executor,
    or None: this process or the ``-j`` pool), storing each result that comes back clean.
    ``reused`` and ``total`` say how much a run took from the store."""

    def __init__(self, store: ResultStore, inner=None):
        self.store = store
        self.inner = inner
        self.reused = 0
        self.total = 0

    def lint_files(self, linter, files: Sequence[str]) -> Iterator[FileResult]:
        from newslint.engine.files import read_file   # never blocks on a pipe

        keys = Keys(linter)
        todo: list[str] = []
        wanted: dict[str, str] = {}
        for path in files:
            self.total += 1
            try:
                data = read_file(path)
            except OSError:
                todo.append(path)           # checking it reports the problem
                continue
            key = keys.key(path, data)
            found = self.store.get(key, path) if key else None
            if found is not None:
                self.reused += 1
                yield found
                continue
            if key:
                wanted[path] = key
            todo.append(path)
        results = self.inner.lint_files(linter, todo) if self.inner is not None else linter.lint_locally(todo)
        for result in results:
            key = wanted.get(result.path)
            if key is not None and not result.errors:
                self.store.put(key, result)
            yield result

    def summary(self) -> str:
        return f"reused {self.reused} of {self.total} files from the result cache"

    def close(self) -> None:
        self.store.close()
        if self.inner is not None:
            self.inner.close()
