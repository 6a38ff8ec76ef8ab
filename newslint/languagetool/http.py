"""Plain HTTP to a LanguageTool server (urllib; no extra dependency), with typed errors.

``timeout`` is a deadline for the whole request, not for each read: a server that
answers one byte a second is cut off when the deadline passes (the socket is shut down
under the blocked read). An answer larger than :data:`MAX_ANSWER_BYTES` or nested too
deeply to parse is an unreadable answer, never a crash.
"""
from __future__ import annotations

import http.client
import json
import socket
import threading
import time
import urllib.error
import urllib.parse
import urllib.request

MAX_ANSWER_BYTES = 64 << 20

from newslint.errors import LanguageToolError, LanguageToolUnavailable


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
    """Requests with an overall deadline; proxies are bypassed for newslint's own local daemon."""

    def __init__(self, use_proxies: bool = True):
        self._use_proxies = use_proxies

    def _opener(self, deadline: "_Deadline") -> urllib.request.OpenerDirector:
        handlers: list[urllib.request.BaseHandler] = [_DeadlineHTTPHandler(deadline), _DeadlineHTTPSHandler(deadline)]
        if not self._use_proxies:
            handlers.append(urllib.request.ProxyHandler({}))
        return urllib.request.build_opener(*handlers)

    def request_json(self, base_url: str, path: str, form: dict[str, str] | None, timeout: float) -> dict:
        url = base_url.rstrip("/") + path
        data = urllib.parse.urlencode(form).encode("utf-8") if form is not None else None
        req = urllib.request.Request(url, data=data, headers={"Accept": "application/json"})
        deadline = _Deadline(timeout)
        try:
            with self._opener(deadline).open(req, timeout=timeout) as resp:
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
            deadline.cancel()
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
    """Shuts down the request's socket when the time is up, so a blocked read returns."""

    def __init__(self, seconds: float):
        self.seconds = seconds
        self.ends = time.monotonic() + seconds
        self.expired = False
        self._lock = threading.Lock()
        self._sockets: list[socket.socket] = []
        self._timer = threading.Timer(max(0.0, seconds), self._expire)
        self._timer.daemon = True
        self._timer.start()

    def remaining(self) -> float:
        return max(0.001, self.ends - time.monotonic())

    def watch(self, sock: socket.socket) -> None:
        with self._lock:
            if self.expired:
                _shut(sock)
            self._sockets.append(sock)

    def _expire(self) -> None:
        with self._lock:
            self.expired = True
            for sock in self._sockets:
                _shut(sock)

    def cancel(self) -> None:
        self._timer.cancel()


def _shut(sock: socket.socket) -> None:
    try:
        sock.shutdown(socket.SHUT_RDWR)
    except OSError:
        pass


def _deadline_connection(base: type, deadline: _Deadline):
    class Connection(base):  # type: ignore[misc, valid-type]
        def connect(self) -> None:
            self.timeout = min(self.timeout, deadline.remaining()) if self.timeout else deadline.remaining()
            super().connect()
            deadline.watch(self.sock)

    return Connection


class _DeadlineHTTPHandler(urllib.request.HTTPHandler):
    def __init__(self, deadline: _Deadline):
        super().__init__()
        self._connection = _deadline_connection(http.client.HTTPConnection, deadline)

    def http_open(self, req):
        return self.do_open(self._connection, req)


class _DeadlineHTTPSHandler(urllib.request.HTTPSHandler):
    def __init__(self, deadline: _Deadline):
        super().__init__()
        self._connection = _deadline_connection(http.client.HTTPSConnection, deadline)

    def https_open(self, req):
        return self.do_open(self._connection, req, context=self._context)


def _reason(reason: object) -> str:
    if isinstance(reason, OSError) and reason.strerror:
        return reason.strerror.lower()
    text = str(reason) or type(reason).__name__
    return text
