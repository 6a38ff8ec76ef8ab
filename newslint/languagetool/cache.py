"""The match cache: SQLite under the user cache folder (NEWSLINT_CACHE_DIR overrides).

Keys hash the server identity (LanguageTool version and, for newslint's daemon, its
rules), the language, the check settings and the annotated request text; values are
the raw matches. WAL mode and a busy timeout let parallel processes share the file.
"""
from __future__ import annotations

import hashlib
import json
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

    def _connection(self) -> sqlite3.Connection:
        if self._conn is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            conn = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False,
                                   isolation_level=None)
            conn.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=NORMAL")
            conn.execute("CREATE TABLE IF NOT EXISTS matches ("
                         "key TEXT PRIMARY KEY, created REAL NOT NULL, body TEXT NOT NULL)")
            self._conn = conn
        return self._conn

    def get(self, key: str) -> list[dict] | None:
        with self._lock:
            row = self._connection().execute("SELECT body FROM matches WHERE key = ?", (key,)).fetchone()
        if row is None:
            return None
        try:
            return json.loads(row[0])
        except ValueError:
            return None

    def put(self, key: str, matches: list[dict]) -> None:
        body = json.dumps(matches, ensure_ascii=False, separators=(",", ":"))
        with self._lock:
            self._connection().execute("INSERT OR REPLACE INTO matches (key, created, body) VALUES (?, ?, ?)",
                                       (key, time.time(), body))

    def clear(self) -> int:
        """Remove every entry; returns how many there were."""
        with self._lock:
            conn = self._connection()
            count = conn.execute("SELECT COUNT(*) FROM matches").fetchone()[0]
            conn.execute("DELETE FROM matches")
            conn.execute("VACUUM")
        return count

    def count(self) -> int:
        with self._lock:
            return self._connection().execute("SELECT COUNT(*) FROM matches").fetchone()[0]

    def close(self) -> None:
        with self._lock:
            if self._conn is not None:
                self._conn.close()
                self._conn = None

    def __getstate__(self) -> dict:
        return {"path": self.path}

    def __setstate__(self, state: dict) -> None:
        self.__init__(state["path"])
