"""The match cache: SQLite under the user cache folder (NEWSLINT_CACHE_DIR overrides).

Keys hash the server identity (LanguageTool version and, for newslint's daemon, its
rules), the language, the check settings and the annotated request text; values are
the raw matches. WAL mode and a busy timeout let parallel processes share the file.

The cache only saves time, so it never fails a run: a damaged file (garbage, truncated)
is deleted and built again, and a cache that cannot be used at all (its folder is a
file, read-only, or the disk is full) is bypassed for the rest of the run. Either way
one warning says what happened (:meth:`MatchCache.take_warnings`).
"""
from __future__ import annotations

import contextlib
import hashlib
import json
import os
import sqlite3
import threading
import time
from pathlib import Path

from newslint.languagetool.paths import default_cache_dir

CACHE_FILE = "languagetool.sqlite3"
SCHEMA_VERSION = 1
BUSY_TIMEOUT_MS = 30_000


def cache_path(cache_dir: str | Path | None = None) -> Path:
    return Path(cache_dir) / CACHE_FILE if cache_dir else default_cache_dir() / CACHE_FILE


def cache_key(server_identity: str, language: str, settings_hash: str, data: str) -> str:
    blob = json.dumps([SCHEMA_VERSION, server_identity, language, settings_hash, data],
                      ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()


class MatchCache:
    """Thread-safe within a process (one connection behind a lock); safe across processes."""

    def __init__(self, path: Path):
        self.path = path
        self._lock = threading.Lock()
        self._conn: sqlite3.Connection | None = None
        self._bypassed = False          # unusable: every get misses, every put is dropped
        self._rebuilt = False           # a damaged file is rebuilt once per run, then bypassed
        self._warnings: list[str] = []

    def _connection(self) -> sqlite3.Connection:
        if self._conn is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            conn = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False,
                                   isolation_level=None)
            try:
                conn.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
                conn.execute("PRAGMA journal_mode=WAL")
                conn.execute("PRAGMA synchronous=NORMAL")
                conn.execute("CREATE TABLE IF NOT EXISTS matches ("
                             "key TEXT PRIMARY KEY, created REAL NOT NULL, body TEXT NOT NULL)")
                columns = [row[1] for row in conn.execute("PRAGMA table_info(matches)")]
                if columns != ["key", "created", "body"]:
                    raise sqlite3.DatabaseError("the matches table has other columns")
            except BaseException:
                conn.close()
                raise
            self._conn = conn
        return self._conn

    def _run(self, operation, default):
        """``operation(connection)`` under the lock; a damaged file is rebuilt once, an
        unusable cache is bypassed, and either leaves a warning."""
        with self._lock:
            for _attempt in range(2):
                if self._bypassed:
                    return default
                try:
                    return operation(self._connection())
                except sqlite3.DatabaseError as exc:
                    if _is_damage(exc) and not self._rebuilt:
                        self._rebuild(exc)
                        continue
                    self._bypass(exc)
                except OSError as exc:
                    self._bypass(exc)
            return default

    def _rebuild(self, exc: BaseException) -> None:
        self._rebuilt = True
        self._close_locked()
        try:
            for suffix in ("", "-wal", "-shm", "-journal"):
                with contextlib.suppress(FileNotFoundError):
                    os.unlink(f"{self.path}{suffix}")
        except OSError as err:
            self._bypass(err)
            return
        self._warnings.append(f"the LanguageTool cache {self.path} was damaged ({exc}); it was deleted "
                              "and is being built again")

    def _bypass(self, exc: BaseException) -> None:
        self._bypassed = True
        self._close_locked()
        reason = str(exc)
        if isinstance(exc, OSError) and exc.strerror:
            reason = f"{exc.strerror}: {exc.filename}" if exc.filename else exc.strerror
        self._warnings.append(f"the LanguageTool cache {self.path} cannot be used ({reason}); "
                              "this run goes without it")

    def take_warnings(self) -> list[str]:
        """Warnings since the last call (each said once)."""
        with self._lock:
            out, self._warnings = self._warnings, []
        return out

    def get(self, key: str) -> list[dict] | None:
        row = self._run(lambda c: c.execute("SELECT body FROM matches WHERE key = ?", (key,)).fetchone(), None)
        if row is None:
            return None
        try:
            value = json.loads(row[0])
        except (ValueError, TypeError, RecursionError):
            return None
        return value if isinstance(value, list) and all(isinstance(m, dict) for m in value) else None

    def put(self, key: str, matches: list[dict]) -> None:
        body = json.dumps(matches, ensure_ascii=False, separators=(",", ":"))
        self._run(lambda c: c.execute("INSERT OR REPLACE INTO matches (key, created, body) VALUES (?, ?, ?)",
                                      (key, time.time(), body)), None)

    def clear(self) -> int:
        """Remove every entry; returns how many there were. A damaged file is deleted
        (its entries count as 0); raises OSError when the cache cannot be reached."""
        def clear_all(conn: sqlite3.Connection) -> int:
            count = conn.execute("SELECT COUNT(*) FROM matches").fetchone()[0]
            conn.execute("DELETE FROM matches")
            conn.execute("VACUUM")
            return count

        removed = self._run(clear_all, None)
        if removed is None and self._bypassed:
            raise OSError(self._warnings[-1] if self._warnings else f"cannot clear {self.path}")
        return removed or 0

    def count(self) -> int:
        return self._run(lambda c: c.execute("SELECT COUNT(*) FROM matches").fetchone()[0], 0)

    def close(self) -> None:
        with self._lock:
            self._close_locked()

    def _close_locked(self) -> None:
        if self._conn is not None:
            with contextlib.suppress(sqlite3.Error):
                self._conn.close()
            self._conn = None

    def __getstate__(self) -> dict:
        return {"path": self.path}

    def __setstate__(self, state: dict) -> None:
        self.__init__(state["path"])


def _is_damage(exc: sqlite3.DatabaseError) -> bool:
    """A damaged file (rebuild it), as against one that cannot be opened or written
    (locked, read-only, a full disk: bypass it)."""
    if isinstance(exc, sqlite3.OperationalError):
        text = str(exc).lower()
        return "malformed" in text or "no such table" in text or "no such column" in text
    return True
