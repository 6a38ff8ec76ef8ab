"""Plain HTTP to a LanguageTool server (urllib; no extra dependency), with typed errors.

``timeout`` is a deadline for the whole request, not for each read: a server that
answers one byte a second is cut off when the deadline passes (the socket is shut down
under the blocked read, by one watchdog thread per client that sleeps until the earliest
deadline). An answer larger than :data:`MAX_ANSWER_BYTES` or nested too deeply to parse
is an unreadable answer, never a crash.

A client builds its urllib opener once and encodes forms from a table: per request it
costs the socket and the JSON, not a new opener, a timer thread and a quoting loop.
"""
from __future__ import annotations

import heapq
import http.client
import itertools
import json
import os
import socket
import threading
import time
import urllib.error
import urllib.request

MAX_ANSWER_BYTES = 64 << 20

from newslint.errors import LanguageToolError, LanguageToolUnavailable

# ``application/x-www-form-urlencoded`` as ``urllib.parse.urlencode`` writes it: the
# bytes urllib never quotes stay, a space is ``+``, every other byte is ``%XX``.
_UNQUOTED = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.-~"
_FORM_BYTES = [chr(b) if b in _UNQUOTED else "+" if b == 0x20 else f"%{b:02X}" for b in range(256)]


def quote_form_value(value: str) -> str:
    """``urllib.parse.quote_plus(value)``, by table lookup per byte instead of a Python loop."""
    return "".join(map(_FORM_BYTES.__getitem__, value.encode("utf-8")))


def encode_form(form: dict[str, str]) -> bytes:
    """The request body ``urllib.parse.urlencode(form)`` gives, encoded as ASCII."""
    return "&".join(f"{quote_form_value(str(k))}={quote_form_value(str(v))}"
                    for k, v in form.items()).encode("ascii")


class ServerUnreachable(LanguageToolUnavailable):
    """Nothing answers at the URL (refused, reset, closed mid-answer, unknown host)."""

    def __init__(self, url: str, reason: str):
        self.url = url
        self.reason = reason
        super().__init__(f"LanguageTool at {url} is unreachable: {reason}")


class LanguageToolTimeout(LanguageToolUnavailable):
    def __init__(self, url: str, seconds: float):
        self.url = url
        self.reason = f"no answer within {seconds:g} s"
        super().__init__(f"LanguageTool at {url} did not answer within {seconds:g} s")


class LanguageToolHTTPError(LanguageToolError):
    """The server answered with an HTTP error (a bad request, a text too long, an overload)."""

    def __init__(self, url: str, status: int, body: str):
        self.url = url
        self.status = status
        self.body = body
        detail = " ".join(body.split())[:300] or http.client.responses.get(status, "")
        super().__init__(f"LanguageTool at {url} answered HTTP {status}: {detail}")


class LanguageToolBadResponse(LanguageToolError):
    def __init__(self, url: str, problem: str):
        super().__init__(f"LanguageTool at {url} sent an answer newslint cannot read: {problem}")


class HttpClient:
    """Requests with an overall deadline; proxies are bypassed for newslint's own local daemon.
    Safe to share between threads."""

    def __init__(self, use_proxies: bool = True):
        self._use_proxies = use_proxies
        self._current = threading.local()        # .deadline: the request this thread is making
        self._watchdog = _Watchdog()
        self._opener_built: urllib.request.OpenerDirector | None = None

    def _opener(self) -> urllib.request.OpenerDirector:
        if self._opener_built is None:
            handlers: list[urllib.request.BaseHandler] = [_DeadlineHTTPHandler(self._current),
                                                          _DeadlineHTTPSHandler(self._current)]
            if not self._use_proxies:
                handlers.append(urllib.request.ProxyHandler({}))
            self._opener_built = urllib.request.build_opener(*handlers)
        return self._opener_built

    def request_json(self, base_url: str, path: str, form: dict[str, str] | None, timeout: float) -> dict:
        url = base_url.rstrip("/") + path
        data = encode_form(form) if form is not None else None
        req = urllib.request.Request(url, data=data, headers={"Accept": "application/json"})
        deadline = _Deadline(timeout)
        self._watchdog.watch(deadline)
        self._current.deadline = deadline
        try:
            with self._opener().open(req, timeout=timeout) as resp:
                body = resp.read(MAX_ANSWER_BYTES + 1)
        except urllib.error.HTTPError as exc:
            try:
                text = exc.read(64 << 10).decode("utf-8", "replace") if exc.fp else ""
            except (OSError, http.client.HTTPException):
                text = ""
            raise LanguageToolHTTPError(base_url, exc.code, text) from exc
        except urllib.error.URLError as exc:
            if deadline.expired or isinstance(exc.reason, (socket.timeout, TimeoutError)):
                raise LanguageToolTimeout(base_url, timeout) from exc
            raise ServerUnreachable(base_url, _reason(exc.reason)) from exc
        except (socket.timeout, TimeoutError) as exc:
            raise LanguageToolTimeout(base_url, timeout) from exc
        except (http.client.HTTPException, ConnectionError, OSError) as exc:
            if deadline.expired:
                raise LanguageToolTimeout(base_url, timeout) from exc
            raise ServerUnreachable(base_url, _reason(exc)) from exc
        finally:
            self._current.deadline = None
            self._watchdog.release(deadline)
        if deadline.expired:
            raise LanguageToolTimeout(base_url, timeout)
        if len(body) > MAX_ANSWER_BYTES:
            raise LanguageToolBadResponse(base_url, f"the answer is larger than {MAX_ANSWER_BYTES >> 20} MiB")
        try:
            return json.loads(body)
        except ValueError as exc:
            raise LanguageToolBadResponse(base_url, f"not JSON ({exc})") from exc
        except RecursionError:
            raise LanguageToolBadResponse(base_url, "JSON nested too deeply") from None


class _Deadline:
    """One request's time limit: when it passes, the request's sockets are shut down, so a
    blocked read returns."""

    def __init__(self, seconds: float):
        self.seconds = seconds
        self.ends = time.monotonic() + seconds
        self.expired = False
        self.done = False
        self._lock = threading.Lock()
        self._sockets: list[socket.socket] = []

    def remaining(self) -> float:
        return max(0.001, self.ends - time.monotonic())

    def watch(self, sock: socket.socket) -> None:
        with self._lock:
            if self.expired:
                _shut(sock)
            self._sockets.append(sock)

    def expire(self) -> None:
        with self._lock:
            if self.done:
                return
            self.expired = True
            for sock in self._sockets:
                _shut(sock)

    def cancel(self) -> None:
        with self._lock:
            self.done = True
            self._sockets.clear()


class _Watchdog:
    """Expires deadlines as they pass, from one thread that sleeps until the earliest. The
    thread ends when no request is waiting and starts again with the next one."""

    def __init__(self):
        self._reset()

    def _reset(self) -> None:
        self._pid = os.getpid()
        self._wake = threading.Condition()
        self._queue: list[tuple[float, int, _Deadline]] = []
        self._order = itertools.count()
        self._running = False

    def watch(self, deadline: _Deadline) -> None:
        if self._pid != os.getpid():     # a forked child: the thread (and maybe its lock) stayed behind
            self._reset()
        with self._wake:
            heapq.heappush(self._queue, (deadline.ends, next(self._order), deadline))
            if not self._running:
                self._running = True
                threading.Thread(target=self._run, name="newslint-http-deadlines", daemon=True).start()
            elif self._queue[0][2] is deadline:
                self._wake.notify()

    def release(self, deadline: _Deadline) -> None:
        """The request ended: its deadline no longer counts (the thread wakes to drop it
        when it was the earliest)."""
        deadline.cancel()
        with self._wake:
            if self._queue and self._queue[0][2] is deadline:
                self._wake.notify()

    def _run(self) -> None:
        with self._wake:
            while True:
                now = time.monotonic()
                while self._queue and (self._queue[0][2].done or self._queue[0][0] <= now):
                    heapq.heappop(self._queue)[2].expire()      # a no-op once the request ended
                if not self._queue:
                    self._running = False
                    return
                self._wake.wait(self._queue[0][0] - now)


def _shut(sock: socket.socket) -> None:
    try:
        sock.shutdown(socket.SHUT_RDWR)
    except OSError:
        pass


class _DeadlineMixin:
    """A connection whose socket is shut down when the request's deadline passes."""

    def __init__(self, *args, deadline: _Deadline, **kwargs):
        super().__init__(*args, **kwargs)
        self._deadline = deadline

    def connect(self) -> None:
        remaining = self._deadline.remaining()
        self.timeout = min(self.timeout, remaining) if self.timeout else remaining
        super().connect()
        self._deadline.watch(self.sock)


class _DeadlineConnection(_DeadlineMixin, http.client.HTTPConnection):
    pass


class _DeadlineHTTPSConnection(_DeadlineMixin, http.client.HTTPSConnection):
    pass


class _DeadlineHTTPHandler(urllib.request.HTTPHandler):
    """Opens connections under the deadline of the request the calling thread is making
    (redirects included: they are followed within the same call)."""

    def __init__(self, current: threading.local):
        super().__init__()
        self._current = current

    def http_open(self, req):
        return self.do_open(_DeadlineConnection, req, deadline=self._current.deadline)


class _DeadlineHTTPSHandler(urllib.request.HTTPSHandler):
    def __init__(self, current: threading.local):
        super().__init__()
        self._current = current

    def https_open(self, req):
        return self.do_open(_DeadlineHTTPSConnection, req, context=self._context,
                            deadline=self._current.deadline)


def _reason(reason: object) -> str:
    if isinstance(reason, OSError) and reason.strerror:
        return reason.strerror.lower()
    text = str(reason) or type(reason).__name__
    return text
