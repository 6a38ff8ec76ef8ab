"""Plain HTTP to a LanguageTool server (urllib; no extra dependency), with typed errors."""
from __future__ import annotations

import http.client
import json
import socket
import urllib.error
import urllib.parse
import urllib.request

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
    """One opener per client; proxies are bypassed for newslint's own local daemon."""

    def __init__(self, use_proxies: bool = True):
        handlers = [] if use_proxies else [urllib.request.ProxyHandler({})]
        self._opener = urllib.request.build_opener(*handlers)

    def request_json(self, base_url: str, path: str, form: dict[str, str] | None, timeout: float) -> dict:
        url = base_url.rstrip("/") + path
        data = urllib.parse.urlencode(form).encode("utf-8") if form is not None else None
        req = urllib.request.Request(url, data=data, headers={"Accept": "application/json"})
        try:
            with self._opener.open(req, timeout=timeout) as resp:
                body = resp.read()
        except urllib.error.HTTPError as exc:
            text = exc.read().decode("utf-8", "replace") if exc.fp else ""
            raise LanguageToolHTTPError(base_url, exc.code, text) from exc
        except urllib.error.URLError as exc:
            if isinstance(exc.reason, (socket.timeout, TimeoutError)):
                raise LanguageToolTimeout(base_url, timeout) from exc
            raise ServerUnreachable(base_url, _reason(exc.reason)) from exc
        except (socket.timeout, TimeoutError) as exc:
            raise LanguageToolTimeout(base_url, timeout) from exc
        except (http.client.HTTPException, ConnectionError, OSError) as exc:
            raise ServerUnreachable(base_url, _reason(exc)) from exc
        try:
            return json.loads(body)
        except ValueError as exc:
            raise LanguageToolBadResponse(base_url, f"not JSON ({exc})") from exc


def _reason(reason: object) -> str:
    if isinstance(reason, OSError) and reason.strerror:
        return reason.strerror.lower()
    text = str(reason) or type(reason).__name__
    return text
