"""The HTTP client: annotated text and offsets (real server), errors and the pool (fake server)."""
from __future__ import annotations

import contextlib
import json
import socket
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Callable, Iterator

import pytest
from hypothesis import given, strategies as st

from newslint.languagetool.annotated import AnnotatedText, Piece, batch_pieces, split_text
from newslint.languagetool.client import (AllServersUnreachable, LanguageToolClient, ServerPool,
                                          normalize_url)
from newslint.languagetool.http import (HttpClient, LanguageToolBadResponse, LanguageToolHTTPError,
                                        LanguageToolTimeout, ServerUnreachable, encode_form)

pytest_plugins = ["tests.lt_fixtures"]

EMPTY_ANSWER = {"software": {"version": "6.8"}, "matches": []}


@contextlib.contextmanager
def fake_server(respond: Callable[[BaseHTTPRequestHandler], None]) -> Iterator[str]:
    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):
            self.rfile.read(int(self.headers.get("Content-Length", 0)))
            respond(self)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def send(handler: BaseHTTPRequestHandler, status: int, body: bytes, content_type="application/json"):
    handler.send_response(status)
    handler.send_header("Content-Type", content_type)
    handler.send_header("Content-Length", str(len(body)))
    handler.end_headers()
    handler.wfile.write(body)


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# -- annotated text (real server) ------------------------------------------------------

def test_annotated_offsets_map_back_to_pieces(languagetool_url):
    text = AnnotatedText([Piece(0, 0, "A fine headline"), Piece(1, 0, "He recieve the letter."),
                          Piece(2, 5, "She have a cat.")])
    answer = HttpClient(use_proxies=False).request_json(
        languagetool_url, "/v2/check", {"language": "en-US", "data": text.data()}, 30)
    found = {m["rule"]["id"]: text.locate(m["offset"], m["length"]) for m in answer["matches"]}
    spelling = found["MORFOLOGIK_RULE_EN_US"]
    assert (spelling.segment, spelling.start, spelling.end) == (1, 3, 10)
    grammar = found["HE_VERB_AGR"]
    assert (grammar.segment, grammar.start, grammar.end) == (2, 5 + 4, 5 + 8)


def test_locate_clips_to_the_piece_and_skips_markup():
    text = AnnotatedText([Piece(0, 0, "abc"), Piece(3, 10, "defg")])
    assert text.starts == [0, 7] and text.length == 11
    assert text.locate(1, 5).end == 3                       # cut at the end of its piece
    assert text.locate(4, 2) is None                        # inside the \par markup
    loc = text.locate(8, 2)
    assert (loc.segment, loc.start, loc.end) == (3, 11, 13)
    assert json.loads(text.data())["annotation"][1] == {"markup": "\\par", "interpretAs": "\n\n"}


def test_long_text_is_split_at_sentence_ends():
    text = "One sentence here. " * 100
    pieces = split_text(4, text, 500)
    assert all(len(p.text) <= 500 for p in pieces)
    assert "".join(p.text for p in pieces) == text
    assert all(p.text.endswith(". ") for p in pieces[:-1])
    assert [p.offset for p in pieces] == [sum(len(q.text) for q in pieces[:i]) for i in range(len(pieces))]


def test_batches_stay_under_the_limit():
    pieces = [Piece(i, 0, "x" * 300) for i in range(10)]
    batches = batch_pieces(pieces, 1000)
    assert [len(b) for b in batches] == [3, 3, 3, 1]
    assert all(AnnotatedText(b).length <= 1000 for b in batches)


# -- errors (fake server) --------------------------------------------------------------

def test_http_error_is_typed_with_the_servers_message():
    with fake_server(lambda h: send(h, 400, b"Error: text exceeds the limit of 50000 characters",
                                    "text/plain")) as url:
        with pytest.raises(LanguageToolHTTPError, match="HTTP 400: Error: text exceeds the limit") as info:
            HttpClient().request_json(url, "/v2/check", {"text": "x"}, 5)
    assert info.value.status == 400


def test_server_error_is_typed():
    with fake_server(lambda h: send(h, 500, b"")) as url:
        with pytest.raises(LanguageToolHTTPError, match="HTTP 500"):
            HttpClient().request_json(url, "/v2/check", {"text": "x"}, 5)


def test_garbage_answer_is_typed():
    with fake_server(lambda h: send(h, 200, b"<html>proxy login</html>")) as url:
        with pytest.raises(LanguageToolBadResponse, match="not JSON"):
            HttpClient().request_json(url, "/v2/check", {"text": "x"}, 5)


def test_slow_server_times_out():
    def slow(handler):
        time.sleep(1.5)
        send(handler, 200, json.dumps(EMPTY_ANSWER).encode())

    with fake_server(slow) as url:
        with pytest.raises(LanguageToolTimeout, match="did not answer within 0.3 s"):
            HttpClient().request_json(url, "/v2/check", {"text": "x"}, 0.3)


def test_refused_connection_is_unreachable():
    url = f"http://127.0.0.1:{closed_port()}"
    with pytest.raises(ServerUnreachable, match="unreachable: connection refused") as info:
        HttpClient().request_json(url, "/v2/check", {"text": "x"}, 5)
    assert info.value.url == url


def test_server_closing_mid_answer_is_unreachable():
    def hang_up(handler):
        handler.close_connection = True
        handler.connection.shutdown(socket.SHUT_RDWR)

    with fake_server(hang_up) as url:
        with pytest.raises(ServerUnreachable):
            HttpClient().request_json(url, "/v2/check", {"text": "x"}, 5)


@pytest.mark.parametrize("value", ["", "plain", "two words", "a&b=c+d%e", "line\nbreak\ttab",
                                   "caf\u00e9 \u201cquoted\u201d \u2014 \U0001f600", "~_.-", "\x00\x7f"])
def test_form_encoding_is_urlencodes(value):
    form = {"language": "en-US", "data": value}
    assert encode_form(form) == urllib.parse.urlencode(form).encode("ascii")


@given(st.dictionaries(st.text(max_size=20), st.text(max_size=200), max_size=4))
def test_form_encoding_is_urlencodes_on_any_text(form):
    body = encode_form(form)
    assert body == urllib.parse.urlencode(form).encode("ascii")
    assert dict(urllib.parse.parse_qsl(body.decode("ascii"), keep_blank_values=True)) == form


def _dribble_for(seconds: float):
    """An answer sent a byte every 0.1 s, so no single read waits long enough for a socket
    timeout: only the request's deadline can end it early."""
    def respond(handler):
        body = b" " * int(seconds * 10) + json.dumps(EMPTY_ANSWER).encode()
        try:
            handler.send_response(200)
            handler.send_header("Content-Length", str(len(body)))
            handler.end_headers()
            for i in range(len(body)):
                handler.wfile.write(body[i:i + 1])
                handler.wfile.flush()
                time.sleep(0.1)
        except OSError:
            pass
    return respond


def test_a_later_shorter_deadline_is_kept_while_a_longer_one_waits():
    client = HttpClient()
    with fake_server(_dribble_for(4)) as url:
        long_wait = threading.Thread(target=lambda: client.request_json(url, "/v2/check", {"text": "x"}, 10),
                                     daemon=True)
        long_wait.start()
        time.sleep(0.2)
        started = time.monotonic()
        with pytest.raises(LanguageToolTimeout):
            client.request_json(url, "/v2/check", {"text": "y"}, 0.5)
        assert time.monotonic() - started < 2.5
        long_wait.join(10)


def test_the_deadline_thread_ends_when_no_request_waits():
    client = HttpClient()
    with fake_server(lambda h: send(h, 200, json.dumps(EMPTY_ANSWER).encode())) as url:
        for _ in range(3):
            assert client.request_json(url, "/v2/check", {"text": "x"}, 60) == EMPTY_ANSWER
    ends = time.monotonic() + 5
    while time.monotonic() < ends and any(t.name == "newslint-http-deadlines" for t in threading.enumerate()):
        time.sleep(0.05)
    assert not any(t.name == "newslint-http-deadlines" for t in threading.enumerate())


def test_a_client_made_before_a_fork_keeps_its_deadline_in_the_child():
    import multiprocessing

    client = HttpClient()
    with fake_server(_dribble_for(30)) as url:
        held = threading.Thread(target=lambda: pytest.raises(Exception, client.request_json, url,
                                                             "/v2/check", {"text": "x"}, 3), daemon=True)
        held.start()                    # the parent's deadline thread is running when the child forks
        time.sleep(0.2)
        child = multiprocessing.get_context("fork").Process(target=_timed_out_in_time, args=(client, url))
        child.start()
        child.join(20)
        held.join(10)
    assert child.exitcode == 0


def _timed_out_in_time(client: HttpClient, url: str) -> None:
    started = time.monotonic()
    try:
        client.request_json(url, "/v2/check", {"text": "x"}, 0.5)
    except LanguageToolTimeout:
        raise SystemExit(0 if time.monotonic() - started < 5 else 3)
    raise SystemExit(4)


# -- the pool --------------------------------------------------------------------------

def test_pool_fails_over_to_a_live_server():
    dead = f"http://127.0.0.1:{closed_port()}"
    with fake_server(lambda h: send(h, 200, json.dumps(EMPTY_ANSWER).encode())) as live:
        client = LanguageToolClient(ServerPool([dead, live]), timeout=5)
        for _ in range(4):
            assert client.check({"text": "x"}) == EMPTY_ANSWER
        assert client.pool.candidates()[-1] == dead        # set aside after failing


def test_pool_with_only_dead_servers_names_them_all():
    urls = [f"http://127.0.0.1:{closed_port()}", f"http://127.0.0.1:{closed_port()}"]
    client = LanguageToolClient(ServerPool(urls), timeout=5)
    with pytest.raises(AllServersUnreachable, match="none of the LanguageTool servers answered") as info:
        client.check({"text": "x"})
    assert all(u in str(info.value) for u in urls)


def test_pool_prefers_the_least_busy_and_rotates():
    pool = ServerPool(["a:1", "b:2", "c:3"])
    assert pool.urls == ("http://a:1", "http://b:2", "http://c:3")
    firsts = {pool.candidates()[0] for _ in range(3)}
    assert firsts == set(pool.urls)
    with pool.using("http://a:1"), pool.using("http://b:2"):
        assert pool.candidates()[0] == "http://c:3"


def test_pool_spreads_concurrent_requests():
    seen: list[int] = []
    lock = threading.Lock()

    def answer(tag):
        def respond(handler):
            with lock:
                seen.append(tag)
            time.sleep(0.2)
            send(handler, 200, json.dumps(EMPTY_ANSWER).encode())
        return respond

    with fake_server(answer(1)) as one, fake_server(answer(2)) as two:
        client = LanguageToolClient(ServerPool([one, two]), timeout=5)
        threads = [threading.Thread(target=client.check, args=({"text": "x"},)) for _ in range(6)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    assert len(seen) == 6 and set(seen) == {1, 2}


@pytest.mark.parametrize("given, expected", [
    ("localhost:8081", "http://localhost:8081"),
    ("https://lt.example.org/v2/", "https://lt.example.org"),
    (" http://10.0.0.5:8010/ ", "http://10.0.0.5:8010"),
])
def test_normalize_url(given, expected):
    assert normalize_url(given) == expected
