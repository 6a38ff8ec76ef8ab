"""The LanguageTool stage: a document's prose in, ``lt.*`` hits out.

:class:`LanguageToolStage` batches a document's segments into annotated-text requests
under the server's text limit, answers what it can from the cache, sends the rest
concurrently (up to the server's check threads), and maps every match back to a
segment offset. It talks to the URLs it is given (``--languagetool-url``,
``NEWSLINT_LANGUAGETOOL_URL``, config ``languagetool.url``, in that order) or to
newslint's own daemon, started on demand when ``autostart`` is on and restarted once
if it dies mid-run. A check that did not happen raises; it never returns ``[]``.

The stage holds no module-level state and pickles without its connections, so it can
be built in, or shipped to, any worker process.
"""
from __future__ import annotations

import hashlib
import json
import os
import re
import sys
import threading
import time
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from typing import Sequence

from newslint.checks.yaml_rules.patterns import Pattern as RulePattern
from newslint.checks.yaml_rules.patterns import compile_pattern
from newslint.config.model import LanguageToolSettings
from newslint.documents.model import Document
from newslint.errors import LanguageToolError, LanguageToolUnavailable
from newslint.hits import Hit
from newslint.languagetool.annotated import AnnotatedText, batch_pieces, document_pieces, utf16_slice
from newslint.languagetool.cache import MatchCache, cache_key, cache_path
from newslint.languagetool.catalog import RuleCatalog, catalog_file, parse_listing, read_catalog, write_catalog
from newslint.languagetool.client import LanguageToolClient, ServerPool, normalize_url
from newslint.languagetool.http import ServerUnreachable
from newslint.languagetool.paths import URL_ENV, LanguageToolHome
from newslint.languagetool.rulemeta import category_for, lt_rule_id, rule_id, severity_for
from newslint.languagetool.server import (MAX_TEXT_LENGTH, LaunchPlan, ServerStartError, ensure_server,
                                          extra_servers, extra_slots, restart_server, running_server,
                                          touch_last_used)

# Text limit per request for user-given servers (their own limit is not known).
REMOTE_MAX_TEXT_LENGTH = 20_000
REMOTE_THREADS_PER_URL = 2
SPELLING_CATEGORY = "TYPOS"


@dataclass(frozen=True)
class StageOptions:
    use_cache: bool = True
    urls: tuple[str, ...] = ()          # overrides the environment and the config
    data_dir: str | None = None         # None: NEWSLINT_DATA_DIR or the user data folder
    cache_dir: str | None = None        # None: NEWSLINT_CACHE_DIR or the user cache folder
    timeout: float = 120.0              # seconds per request
    owner_pid: int | None = None        # an autostarted daemon also stops when this process exits
    announce_start: bool = False        # say on stderr when this run starts newslint's daemon


COLD_START_NOTE = ("newslint: starting LanguageTool (about 20 s on a cold start); "
                   "keep it warm between runs with `newslint languagetool start`")


def announce_start() -> None:
    """Say once, on stderr, that the daemon is starting (the CLI asks for it on a terminal)."""
    print(COLD_START_NOTE, file=sys.stderr, flush=True)


def urls_from_env(env: dict | None = None) -> tuple[str, ...]:
    value = (os.environ if env is None else env).get(URL_ENV, "")
    return tuple(u for u in re.split(r"[\s,]+", value) if u)


def request_params(settings: LanguageToolSettings) -> dict[str, str]:
    """The form fields a check sends besides the text (also what the cache keys on)."""
    form = {"language": settings.language}
    for field, ids in (("enabledRules", settings.enabled_rules), ("disabledRules", settings.disabled_rules),
                       ("enabledCategories", settings.enabled_categories),
                       ("disabledCategories", settings.disabled_categories)):
        if ids:
            form[field] = ",".join(lt_rule_id(i) for i in ids)
    if settings.picky:
        form["level"] = "picky"
    return form


def params_hash(form: dict[str, str]) -> str:
    return hashlib.sha256(json.dumps(form, sort_keys=True).encode()).hexdigest()[:16]


def keep_match_fields(match: dict) -> dict:
    """What the stage reads from a match (what the cache stores). A match not shaped as
    LanguageTool's API describes it raises LanguageToolError, naming what is wrong."""
    if not isinstance(match, dict):
        raise _unreadable(f"a match is {type(match).__name__}, not an object")
    offset, length = match.get("offset", 0), match.get("length", 0)
    if not _is_count(offset) or not _is_count(length):
        raise _unreadable(f"a match has offset {offset!r} and length {length!r}")
    message = match.get("message", "")
    rule = match.get("rule") or {}
    category = rule.get("category") or {} if isinstance(rule, dict) else None
    replacements = match.get("replacements") or []
    if (not isinstance(message, str) or not isinstance(rule, dict) or not isinstance(category, dict)
            or not isinstance(rule.get("id", ""), str) or not isinstance(category.get("id", ""), str)
            or not isinstance(replacements, list)
            or not all(isinstance(r, dict) and isinstance(r.get("value", ""), str) for r in replacements)):
        raise _unreadable("a match's message, rule or replacements are not of the documented types")
    return {
        "offset": offset,
        "length": length,
        "message": message,
        "replacements": [r.get("value", "") for r in replacements[:5]],
        "rule": rule.get("id", "UNKNOWN"),
        "category": category.get("id", ""),
        "flagged": flagged_text(match.get("context")),
    }


def flagged_text(context: object) -> str | None:
    """The text LanguageTool flagged, cut from the context it sends with each match
    (None when the context is missing or malformed)."""
    if not isinstance(context, dict):
        return None
    text, offset, length = context.get("text"), context.get("offset"), context.get("length")
    if not isinstance(text, str) or not _is_count(offset) or not _is_count(length):
        return None
    return utf16_slice(text, offset, length)


_WHITESPACE = re.compile(r"\s")


def same_text(located: str, flagged: str | None) -> bool:
    """Whether the text a match maps to is the text LanguageTool flagged (its context
    shows line breaks as spaces). Unknown flagged text (an old cache entry) passes."""
    if flagged is None:
        return True
    return _WHITESPACE.sub(" ", located) == _WHITESPACE.sub(" ", flagged)


def _is_count(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def _unreadable(problem: str) -> LanguageToolError:
    return LanguageToolError(f"LanguageTool's answer cannot be read: {problem}")


VOCAB_RULE_ID = "vocab.accept"


def vocabulary(words: Sequence[str]) -> tuple[RulePattern, ...]:
    """Vale-style accepted vocabulary: each entry a case-sensitive regex for a whole word,
    compiled as rule patterns are (RE2, linear time; a fallback pattern runs under the same
    time limit), or taken literally when it is not a valid regex."""
    out = []
    for word in words:
        try:
            out.append(compile_pattern(word, VOCAB_RULE_ID))
        except ValueError:
            out.append(compile_pattern(re.escape(word), VOCAB_RULE_ID))
    return tuple(out)


def describe(message: str, flagged: str, replacements: Sequence[str]) -> str:
    """LanguageTool's message with the flagged text and its first suggestions, on one line."""
    text = " ".join(message.split())
    if flagged and flagged not in text:
        text = f"{text.rstrip('.')}: '{flagged}'."
    if replacements:
        shown = ", ".join(f"'{r}'" for r in replacements[:3])
        text += f" Suggestions: {shown}."
    return text


def is_accepted(text: str, vocab: Sequence[RulePattern]) -> bool:
    candidates = {text}
    for suffix in ("'s", "’s"):
        if text.endswith(suffix):
            candidates.add(text[: -len(suffix)])
    return any(p.fullmatch(c) for p in vocab for c in candidates)


@dataclass
class _Connection:
    """How this process reaches LanguageTool right now."""

    client: LanguageToolClient
    identity: str                 # keys the cache: version (+ rules of newslint's daemon)
    threads: int
    daemon_pid: int | None = None  # newslint's own daemon, which may be restarted


# Seconds a stage treats an unavailable server as still gone (see LanguageToolStage.check).
OUTAGE_MEMORY = 300.0


class LanguageToolStage:
    def __init__(self, settings: LanguageToolSettings | None = None, options: StageOptions | None = None):
        self.settings = settings or LanguageToolSettings()
        self.options = options or StageOptions()
        self._lock = threading.Lock()
        self._conn: _Connection | None = None
        self._local_identity: str | None = None
        self._executor: ThreadPoolExecutor | None = None
        self._cache: MatchCache | None = None
        self._vocab: dict[tuple[str, ...], tuple[RulePattern, ...]] = {}
        self._gone: tuple[float, LanguageToolUnavailable] | None = None   # last outage, and when
        self.requests_sent = 0     # HTTP check requests this stage made (cache misses)

    @classmethod
    def from_options(cls, urls: Sequence[str] = (), use_cache: bool = True,
                     settings: LanguageToolSettings | None = None, **options) -> "LanguageToolStage":
        return cls(settings, StageOptions(use_cache=use_cache, urls=tuple(urls), **options))

    # Workers get a fresh stage: connections, threads and the cache handle stay behind.
    def __getstate__(self) -> dict:
        return {"settings": self.settings, "options": self.options}

    def __setstate__(self, state: dict) -> None:
        self.__init__(state["settings"], state["options"])

    # -- where the server is ----------------------------------------------------------

    @property
    def home(self) -> LanguageToolHome:
        return LanguageToolHome.from_env(self.options.data_dir)

    def user_urls(self, settings: LanguageToolSettings) -> tuple[str, ...]:
        return self.options.urls or urls_from_env() or tuple(settings.urls)

    def prepare(self, settings: LanguageToolSettings | None = None) -> None:
        """Make sure a server answers (starting newslint's daemon if needed)."""
        self._connection(settings or self.settings)

    def _connection(self, settings: LanguageToolSettings) -> _Connection:
        with self._lock:
            if self._conn is None:
                self._conn = self._connect(settings)
            return self._conn

    def _connect(self, settings: LanguageToolSettings) -> _Connection:
        urls = self.user_urls(settings)
        if urls:
            client = LanguageToolClient(ServerPool(urls), self.options.timeout)
            version = client.software_version()
            identity = "remote:" + version + ":" + ",".join(sorted(normalize_url(u) for u in urls))
            return _Connection(client, identity, REMOTE_THREADS_PER_URL * len(urls))
        home = self.home
        state = ensure_server(home, settings.memory, settings.idle_timeout, settings.autostart,
                              self.options.owner_pid,
                              on_start=announce_start if self.options.announce_start else None)
        return self._daemon_connection(home, state)

    def _daemon_connection(self, home: LanguageToolHome, state) -> _Connection:
        """newslint's daemon, pooled with the servers of ``start --servers N`` that run the
        same configuration (their answers are the same, so the cache identity is too)."""
        extra = [s for s in extra_servers(home) if s.config_hash == state.config_hash]
        homes = [home, *(home.with_slot(s) for s in extra_slots(home))] if extra else [home]

        def used() -> None:
            for each in homes:
                touch_last_used(each)

        client = LanguageToolClient(ServerPool([state.url, *(s.url for s in extra)]), self.options.timeout,
                                    use_proxies=False, on_request=used)
        threads = state.threads + sum(s.threads for s in extra)
        return _Connection(client, f"local:{state.version}:{state.config_hash}", threads, state.pid)

    def identity(self, settings: LanguageToolSettings | None = None) -> str:
        """What answers are cached under: the server's version and rules (known without
        starting newslint's daemon), or a ``--languagetool-url`` pool's version and URLs."""
        settings = settings or self.settings
        return self._identity_without_server(settings) or self._connection(settings).identity

    def _identity_without_server(self, settings: LanguageToolSettings) -> str | None:
        """The cache identity of newslint's daemon, known without starting it."""
        if self.user_urls(settings):
            return None
        if self._local_identity is None:
            plan = LaunchPlan.build(self.home)
            self._local_identity = f"local:{plan.installation.version}:{plan.config_hash}"
        return self._local_identity

    def _recover(self, dead: _Connection, settings: LanguageToolSettings, reason: str) -> _Connection:
        """Restart newslint's daemon once after it stopped answering."""
        with self._lock:
            if self._conn is not dead and self._conn is not None:
                return self._conn            # another thread already restarted it
            if dead.daemon_pid is None:
                raise LanguageToolUnavailable(reason)
            if not settings.autostart:
                raise LanguageToolUnavailable(
                    f"{reason}; autostart is off, so run `newslint languagetool start` and try again")
            home = self.home
            try:
                state = restart_server(home, dead.daemon_pid, settings.memory, settings.idle_timeout,
                                       self.options.owner_pid)
            except ServerStartError as exc:
                raise LanguageToolUnavailable(f"{reason}; restarting it failed: {exc}") from exc
            self._conn = self._daemon_connection(home, state)
            return self._conn

    # -- what the server's rules are ------------------------------------------------------

    def rule_catalog(self, settings: LanguageToolSettings | None = None, start: bool = True) -> RuleCatalog | None:
        """LanguageTool's own list of its rules for the settings' language: from the cache
        folder when this server's listing is kept there, else from the server, then kept.
        ``start=False``: None rather than start newslint's daemon when it is not running."""
        settings = settings or self.settings
        folder = cache_path(self.options.cache_dir).parent
        known = self._identity_without_server(settings) if self.options.use_cache else None
        if known:
            found = read_catalog(catalog_file(folder, known, settings.language), settings.language)
            if found is not None:
                return found
        if start or self._conn is not None or self.user_urls(settings):
            conn = self._connection(settings)
        else:
            state = running_server(self.home)
            if state is None:
                return None
            conn = self._daemon_connection(self.home, state)
        answer = conn.client.rule_listing(settings.language)
        catalog = parse_listing(answer, settings.language)
        if self.options.use_cache:
            write_catalog(catalog_file(folder, conn.identity, settings.language), answer)
        return catalog

    # -- checking ---------------------------------------------------------------------

    def _match_cache(self) -> MatchCache | None:
        if not self.options.use_cache:
            return None
        with self._lock:        # documents sent ahead are checked from two threads
            if self._cache is None:
                self._cache = MatchCache(cache_path(self.options.cache_dir))
            return self._cache

    def _pool(self, threads: int) -> ThreadPoolExecutor:
        with self._lock:
            if self._executor is None:
                self._executor = ThreadPoolExecutor(max_workers=max(1, threads),
                                                    thread_name_prefix="newslint-lt")
            return self._executor

    def check(self, doc: Document, settings: LanguageToolSettings | None = None,
              vocab_accept: Sequence[str] = ()) -> list[Hit]:
        """LanguageTool's matches for ``doc`` as hits.

        Once the server is unavailable (after the restart that newslint's own daemon gets),
        later documents fail at once, with the same error, for ``OUTAGE_MEMORY`` seconds
        instead of each waiting out the request timeout again.
        """
        gone = self._gone
        if gone is not None and time.monotonic() - gone[0] < OUTAGE_MEMORY:
            raise gone[1]
        try:
            return self._check(doc, settings or self.settings, vocab_accept)
        except LanguageToolUnavailable as exc:
            self._gone = (time.monotonic(), exc)
            raise

    def _check(self, doc: Document, settings: LanguageToolSettings, vocab_accept: Sequence[str]) -> list[Hit]:
        params = request_params(settings)
        max_length = REMOTE_MAX_TEXT_LENGTH if self.user_urls(settings) else MAX_TEXT_LENGTH
        batches = [AnnotatedText(b) for b in batch_pieces(document_pieces(doc, max_length), max_length)]
        if not batches:
            return []
        known = self._identity_without_server(settings) if self.options.use_cache else None
        conn = None if known else self._connection(settings)
        identity = known or conn.identity
        cache = self._match_cache()
        settings_key = params_hash(params)
        results: list[list[dict] | None] = []
        keys: list[str] = []
        for batch in batches:
            key = cache_key(identity, settings.language, settings_key, batch.data())
            keys.append(key)
            results.append(cache.get(key) if cache else None)
        missing = [i for i, r in enumerate(results) if r is None]
        if missing:
            conn = conn or self._connection(settings)
            forms = {i: {**params, "data": batches[i].data()} for i in missing}
            if len(missing) == 1:
                answers = {missing[0]: self._send(conn, settings, forms[missing[0]])}
            else:
                pool = self._pool(conn.threads)
                futures: dict[int, Future] = {i: pool.submit(self._send, conn, settings, forms[i]) for i in missing}
                answers = {i: f.result() for i, f in futures.items()}
            for i, matches in answers.items():
                results[i] = matches
                if cache:
                    cache.put(keys[i], matches)
        vocab = self._vocabulary(vocab_accept)
        hits: list[Hit] = []
        for batch, matches in zip(batches, results):
            hits.extend(self._hits(doc, batch, matches or [], vocab))
        hits.sort(key=lambda h: (h.segment, h.start, h.end, h.rule))
        return hits

    def take_warnings(self) -> list[str]:
        """Warnings about the cache (rebuilt, bypassed) since the last call."""
        return self._cache.take_warnings() if self._cache is not None else []

    def _send(self, conn: _Connection, settings: LanguageToolSettings, form: dict[str, str]) -> list[dict]:
        try:
            answer = self._post(conn, form)
        except ServerUnreachable as exc:
            if conn.daemon_pid is None:
                raise
            conn = self._recover(conn, settings, f"LanguageTool stopped answering ({exc.reason})")
            try:
                answer = self._post(conn, form)
            except ServerUnreachable as again:
                raise LanguageToolUnavailable(
                    f"LanguageTool stopped answering ({exc.reason}) and failed again after a restart "
                    f"({again.reason}); see {self.home.run_dir / 'server.log'}") from again
        matches = answer.get("matches") if isinstance(answer, dict) else None
        if not isinstance(matches, list):
            raise LanguageToolError("LanguageTool's answer has no list of matches")
        return [keep_match_fields(m) for m in matches]

    def _post(self, conn: _Connection, form: dict[str, str]) -> dict:
        with self._lock:
            self.requests_sent += 1
        return conn.client.check(form)

    def _vocabulary(self, words: Sequence[str]) -> tuple[RulePattern, ...]:
        key = tuple(words)
        found = self._vocab.get(key)
        if found is None:
            found = self._vocab[key] = vocabulary(key)
        return found

    def _hits(self, doc: Document, batch: AnnotatedText, matches: list[dict],
              vocab: Sequence[RulePattern]) -> list[Hit]:
        out: list[Hit] = []
        for m in matches:
            where = batch.locate(m["offset"], m["length"])
            if where is None:
                continue
            if vocab and m["category"] == SPELLING_CATEGORY:
                if is_accepted(doc.segments[where.segment].text[where.start:where.end], vocab):
                    continue
            category = category_for(m["rule"], m["category"])
            flagged = doc.segments[where.segment].text[where.start:where.end]
            # A replacement goes only where the text is the one LanguageTool flagged.
            verified = same_text(flagged, m.get("flagged"))
            out.append(Hit(
                rule=rule_id(m["rule"]), segment=where.segment, start=where.start, end=where.end,
                message=describe(m["message"], flagged, m["replacements"]),
                replacement=m["replacements"][0] if m["replacements"] and verified else None,
                category=category, severity=severity_for(category)))
        return out

    def close(self) -> None:
        with self._lock:
            if self._executor is not None:
                self._executor.shutdown(wait=False)
                self._executor = None
            if self._cache is not None:
                self._cache.close()
                self._cache = None
            self._conn = None
