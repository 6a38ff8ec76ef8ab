"""Sending check requests to one LanguageTool server or a pool of them.

A :class:`ServerPool` hands out the URL with the fewest requests in flight (ties go
round-robin) and sets aside, for a while, a URL that did not answer; the
:class:`LanguageToolClient` fails over to the next URL and raises
LanguageToolUnavailable only when none answers. Annotated text goes over plain HTTP
(language-tool-python's client sends plain text only).
"""
from __future__ import annotations

import contextlib
import threading
import time
import urllib.parse
from typing import Callable, Iterator, Sequence

from newslint.errors import LanguageToolError, LanguageToolUnavailable
from newslint.languagetool.http import HttpClient, LanguageToolTimeout, ServerUnreachable

CHECK_PATH = "/v2/check"
CONFIGINFO_PATH = "/v2/configinfo"
DOWN_SECONDS = 30.0


def normalize_url(url: str) -> str:
    """``localhost:8081`` -> ``http://localhost:8081``; a trailing ``/v2`` is dropped."""
    url = url.strip().rstrip("/")
    if "://" not in url:
        url = "http://" + url
    if url.endswith("/v2"):
        url = url[:-3]
    return url


class ServerPool:
    def __init__(self, urls: Sequence[str]):
        if not urls:
            raise ValueError("a server pool needs at least one URL")
        self.urls = tuple(normalize_url(u) for u in urls)
        self._lock = threading.Lock()
        self._busy = dict.fromkeys(self.urls, 0)
        self._down_until = dict.fromkeys(self.urls, 0.0)
        self._turn = 0

    def candidates(self) -> list[str]:
        """URLs in the order to try: up ones by load (round-robin among equals), then down ones."""
        with self._lock:
            now = time.monotonic()
            self._turn += 1
            n = len(self.urls)
            rotated = [self.urls[(self._turn + i) % n] for i in range(n)]
            up = [u for u in rotated if self._down_until[u] <= now]
            down = [u for u in rotated if self._down_until[u] > now]
            return sorted(up, key=lambda u: self._busy[u]) + down

    @contextlib.contextmanager
    def using(self, url: str) -> Iterator[None]:
        with self._lock:
            self._busy[url] += 1
        try:
            yield
        finally:
            with self._lock:
                self._busy[url] -= 1

    def mark_down(self, url: str) -> None:
        with self._lock:
            self._down_until[url] = time.monotonic() + DOWN_SECONDS

    def mark_up(self, url: str) -> None:
        with self._lock:
            self._down_until[url] = 0.0


class LanguageToolClient:
    """Posts check requests; ``on_request`` runs before each (the daemon's idle clock)."""

    def __init__(self, pool: ServerPool, timeout: float, use_proxies: bool = True,
                 on_request: Callable[[], None] | None = None):
        self.pool = pool
        self.timeout = timeout
        self.http = HttpClient(use_proxies)
        self.on_request = on_request
        self._count_lock = threading.Lock()
        self.requests_sent = 0

    def check(self, form: dict[str, str]) -> dict:
        failures: list[ServerUnreachable | LanguageToolTimeout] = []
        for url in self.pool.candidates():
            if self.on_request is not None:
                self.on_request()
            with self._count_lock:
                self.requests_sent += 1
            try:
                with self.pool.using(url):
                    answer = self.http.request_json(url, CHECK_PATH, form, self.timeout)
            except (ServerUnreachable, LanguageToolTimeout) as exc:   # a hung server fails over too
                self.pool.mark_down(url)
                failures.append(exc)
                continue
            self.pool.mark_up(url)
            return answer
        if len(failures) == 1:
            raise failures[0]
        raise AllServersUnreachable(failures)

    def rule_listing(self, language: str) -> dict:
        """The server's own list of its rules for ``language`` (``/v2/configinfo``), from the
        first server that answers."""
        failures: list[ServerUnreachable | LanguageToolTimeout] = []
        query = "?" + urllib.parse.urlencode({"language": language})
        for url in self.pool.candidates():
            try:
                with self.pool.using(url):
                    return self.http.request_json(url, CONFIGINFO_PATH + query, None, self.timeout)
            except (ServerUnreachable, LanguageToolTimeout) as exc:
                failures.append(exc)
        if len(failures) == 1:
            raise failures[0]
        raise AllServersUnreachable(failures)

    def software_version(self) -> str:
        """The version a server reports (also proves one answers)."""
        answer = self.check({"language": "en-US", "text": "Version probe."})
        software = answer.get("software", {}) if isinstance(answer, dict) else None
        if not isinstance(software, dict):
            raise LanguageToolError(f"LanguageTool at {', '.join(self.pool.urls)} answered the version "
                                    "probe with something other than LanguageTool's JSON")
        return str(software.get("version", "unknown"))


class AllServersUnreachable(LanguageToolUnavailable):
    def __init__(self, failures: Sequence[ServerUnreachable | LanguageToolTimeout]):
        self.failures = tuple(failures)
        tried = ", ".join(f"{f.url} ({f.reason})" for f in failures)
        super().__init__(f"none of the LanguageTool servers answered: {tried}")
