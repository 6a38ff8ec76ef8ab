"""The language server answers malformed JSON-RPC and recovers from a lying Content-Length.

Through a real ``newslint lsp`` process: every bad message gets the JSON-RPC error it
calls for, and the next good request is answered as usual.
"""
from __future__ import annotations

import io

from newslint.lsp.framing import INVALID_PARAMS, INVALID_REQUEST, PARSE_ERROR, GuardedInput
from tests.test_lsp_session import LspClient, start, workspace  # noqa: F401 (the fixture)


def _raw(client: LspClient, data: bytes) -> None:
    client.proc.stdin.write(data)
    client.proc.stdin.flush()


def _error(client: LspClient, ident) -> dict:
    reply = client.wait_for(lambda m: "error" in m and m.get("id") == ident and "method" not in m, timeout=20)
    return reply["error"]



def test_malformed_requests_are_answered_and_the_server_reads_on(workspace):  # noqa: F811
    client = LspClient(workspace)
    try:
        start(client, workspace)
        _raw(client, b"Content-Length: 9\r\n\r\n{not json")
        assert _error(client, None)["code"] == PARSE_ERROR
        body = b'{"jsonrpc": "2.0", "id": 41, "params": {}}'
        _raw(client, b"Content-Length: %d\r\n\r\n" % len(body) + body)
        assert _error(client, 41)["code"] == INVALID_REQUEST
        body = b'{"jsonrpc": "2.0", "id": 42, "method": "textDocument/codeAction", "params": {"textDocument": 7}}'
        _raw(client, b"Content-Length: %d\r\n\r\n" % len(body) + body)
        assert _error(client, 42)["code"] in (INVALID_PARAMS, -32603)
        client.request("shutdown", None)
    finally:
        client.proc.kill()
        client.proc.wait()


def test_a_content_length_larger_than_the_message_does_not_stall(workspace):  # noqa: F811
    client = LspClient(workspace)
    try:
        start(client, workspace)
        body = b'{"jsonrpc": "2.0", "id": 43, "method": "shutdown"}'
        _raw(client, b"Content-Length: %d\r\n\r\n" % (len(body) + 500) + body)
        assert _error(client, 43)["code"] == PARSE_ERROR
        _raw(client, b"Content-Length: abc\r\n\r\n")
        assert _error(client, None)["code"] == PARSE_ERROR
        client.request("shutdown", None)
    finally:
        client.proc.kill()
        client.proc.wait()


def test_guarded_input_passes_good_messages_through_unchanged():
    good = b'{"jsonrpc": "2.0", "method": "initialized", "params": {}}'
    stream = io.BytesIO(b"Content-Type: x\r\nContent-Length: %d\r\n\r\n" % len(good) + good
                        + b"Content-Length: 3\r\n\r\n[1]")
    out = io.BytesIO()
    guarded = GuardedInput(stream, out)
    assert guarded.readline() == b"Content-Length: %d\r\n" % len(good)
    assert guarded.readline() == b"\r\n"
    assert guarded.read(len(good)) == good
    assert guarded.readline() == b""          # "[1]" was answered, then the input ended
    assert b'"code": -32600' in out.getvalue()
