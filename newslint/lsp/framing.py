"""JSON-RPC framing that answers bad messages instead of dropping them or stalling.

pygls reads ``Content-Length`` framed messages and, when one cannot be parsed, logs it
and never answers; a ``Content-Length`` larger than the message makes it wait forever.
:class:`GuardedInput` sits between stdin and pygls (it has the ``readline``/``read``
pygls calls) and hands pygls only messages that parse. Every other one gets the answer
JSON-RPC prescribes, and reading recovers at the next header:

- a header block without a usable ``Content-Length``: -32700 (parse error), id null;
- a body that is not JSON: -32700; JSON that is not a request, notification or
  response: -32600 (invalid request); a request whose parameters pygls cannot read:
  -32602 (invalid params), each with the request's id when it has one;
- a body that stops arriving before its declared length (:data:`STALL_SECONDS` of
  silence): what did arrive is answered as above, and reading goes on after it.
"""
from __future__ import annotations

import json
import logging
import os
import re
import select
import threading
from typing import Any, BinaryIO, Callable

log = logging.getLogger(__name__)

STALL_SECONDS = 2.0
MAX_BODY_BYTES = 64 << 20
PARSE_ERROR, INVALID_REQUEST, INVALID_PARAMS = -32700, -32600, -32602

_HEADER_END = b"\r\n\r\n"
_CONTENT_LENGTH = re.compile(rb"(?im)^content-length:[ \t]*(\d{1,12})[ \t]*$")
_NEXT_HEADER = re.compile(rb"(?i)content-length:")


class GuardedInput:
    """A stdin for pygls that yields only well-formed messages, answering the rest."""

    def __init__(self, stdin: BinaryIO, stdout: BinaryIO, check: Callable[[bytes], None] | None = None):
        self._stdin = stdin
        self._stdout = stdout
        self._check = check            # raises for a body pygls would fail to structure
        self._buffer = b""
        self._eof = False
        self._lines: list[bytes] = []
        self._body = b""
        self._write_lock = threading.Lock()
        try:
            self._fd: int | None = stdin.fileno()
        except (AttributeError, OSError, ValueError):
            self._fd = None

    # -- what pygls calls --------------------------------------------------------------

    def readline(self) -> bytes:
        if not self._lines:
            body = self._next_message()
            if body is None:
                return b""
            self._lines = [b"Content-Length: %d\r\n" % len(body), b"\r\n"]
            self._body = body
        return self._lines.pop(0)

    def read(self, n: int) -> bytes:
        body, self._body = self._body[:n], self._body[n:]
        return body

    # -- framing ---------------------------------------------------------------------

    def _next_message(self) -> bytes | None:
        while True:
            end = self._buffer.find(_HEADER_END)
            while end < 0:
                if not self._fill(None):
                    return None
                end = self._buffer.find(_HEADER_END)
            header, rest = self._buffer[:end], self._buffer[end + len(_HEADER_END):]
            found = _CONTENT_LENGTH.search(header)
            length = int(found.group(1)) if found else -1
            if not 0 <= length <= MAX_BODY_BYTES:
                self._buffer = rest
                self._resync()
                self._answer_error(None, PARSE_ERROR, "the message has no usable Content-Length header")
                continue
            self._buffer = rest
            while len(self._buffer) < length:
                if not self._fill(STALL_SECONDS):
                    break               # stalled or closed: the length was a lie
            if len(self._buffer) < length:
                body, self._buffer = self._buffer, b""
                if not body and self._eof:
                    return None
                self._reject(body, "the message is shorter than its Content-Length")
                continue
            body, self._buffer = self._buffer[:length], self._buffer[length:]
            if self._accept(body):
                return body
            self._resync()

    def _fill(self, timeout: float | None) -> bool:
        """Read more input; False at end of input or after ``timeout`` seconds of silence."""
        if self._eof:
            return False
        if self._fd is not None:
            if timeout is not None:
                ready, _, _ = select.select([self._fd], [], [], timeout)
                if not ready:
                    return False
            chunk = os.read(self._fd, 1 << 16)
        else:
            reader = getattr(self._stdin, "read1", self._stdin.read)
            chunk = reader(1 << 16)
        if not chunk:
            self._eof = True
            return False
        self._buffer += chunk
        return True

    def _resync(self) -> None:
        """Drop input up to the next header that names a Content-Length."""
        found = _NEXT_HEADER.search(self._buffer)
        self._buffer = self._buffer[found.start():] if found else b""

    # -- checking ----------------------------------------------------------------------

    def _accept(self, body: bytes) -> bool:
        """Whether pygls can take ``body``; if not, it is answered here."""
        try:
            message = json.loads(body)
        except (ValueError, RecursionError) as exc:
            self._answer_error(None, PARSE_ERROR, f"the message is not JSON ({_short(exc)})")
            return False
        ident = _request_id(message)
        if not _is_envelope(message):
            self._answer_error(ident, INVALID_REQUEST, "not a JSON-RPC 2.0 request, notification or response")
            return False
        if self._check is not None:
            try:
                self._check(body)
            except Exception as exc:  # noqa: BLE001 (whatever pygls's converter raises)
                if "method" in message and "id" in message:
                    self._answer_error(ident, INVALID_PARAMS, f"invalid params ({_short(exc)})")
                else:
                    log.warning("dropped a notification newslint cannot read: %s", _short(exc))
                return False
        return True

    def _reject(self, data: bytes, problem: str) -> None:
        """Answer a message cut short of its Content-Length: the JSON value it starts with
        gives the id, and what follows that value (perhaps the next message) is read on."""
        ident, used = None, len(data)
        text = data.decode("utf-8", "surrogateescape")
        start = len(text) - len(text.lstrip())
        try:
            value, end = json.JSONDecoder().raw_decode(text, start)
        except (ValueError, RecursionError):
            pass
        else:
            ident = _request_id(value)
            used = len(text[:end].encode("utf-8", "surrogateescape"))
        self._buffer = data[used:] + self._buffer
        self._answer_error(ident, PARSE_ERROR, problem)
        self._resync()

    def _answer_error(self, ident: Any, code: int, message: str) -> None:
        body = json.dumps({"jsonrpc": "2.0", "id": ident, "error": {"code": code, "message": message}})
        data = b"Content-Length: %d\r\n\r\n" % len(body.encode()) + body.encode()
        with self._write_lock:
            try:
                self._stdout.write(data)
                self._stdout.flush()
            except (OSError, ValueError):
                pass


def _is_envelope(message: object) -> bool:
    if not isinstance(message, dict) or message.get("jsonrpc") != "2.0":
        return False
    if "id" in message and not (message["id"] is None or isinstance(message["id"], (int, str))) \
            or isinstance(message.get("id"), bool):
        return False
    if "method" in message:
        return isinstance(message["method"], str) and isinstance(message.get("params"), (dict, list, type(None)))
    return "id" in message and ("result" in message or "error" in message)


def _request_id(message: object) -> int | str | None:
    if isinstance(message, dict):
        ident = message.get("id")
        if isinstance(ident, (int, str)) and not isinstance(ident, bool):
            return ident
    return None


def _short(exc: BaseException) -> str:
    return " ".join(str(exc).split())[:200] or type(exc).__name__
