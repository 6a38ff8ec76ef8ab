"""LanguageTool through the whole pipeline: exact file positions per format, and no false pass.

These talk to the real server that the session fixture starts.
"""
from __future__ import annotations

import http.server
import threading
import urllib.request

import pytest

pytestmark = pytest.mark.languagetool


def _spelling(result):
    return [(f["line"], f["column"], f["end_column"]) for f in result.json()["findings"]
            if f["rule"] == "lt.MORFOLOGIK_RULE_EN_US"]


def test_text_slip_on_its_line_and_column(run_cli, write, languagetool_server):
    path = write("story.txt", "Mayor signs budget\n\nThe mayor said she would\nrecieve the report today.\n")
    result = run_cli("check", "--no-cache", "--format", "json", path)
    assert result.code == 1
    assert _spelling(result) == [(4, 1, 8)]


def test_markdown_slips_inside_emphasis_and_links(run_cli, write, languagetool_server):
    text = ("---\ntitle: Budget\n---\n\n# Mayor signs budget\n\n"
            "The mayor will *recieve* the report and read [the recieved letter](https://example.com/x).\n")
    path = write("story.md", text)
    result = run_cli("check", "--no-cache", "--format", "json", path)
    line = text.splitlines()[6]
    assert _spelling(result) == [
        (7, line.index("recieve*") + 1, line.index("recieve*") + 8),
        (7, line.index("recieved") + 1, line.index("recieved") + 9)]


def test_html_slip_next_to_entities(run_cli, write, languagetool_server):
    line = "<p>Smith &amp; Jones &#8220;recieve&#8221; the award.</p>"
    path = write("story.html", f"<html><body>\n<h1>Awards night</h1>\n{line}\n</body></html>\n")
    result = run_cli("check", "--no-cache", "--format", "json", path)
    start = line.index("recieve") + 1
    assert _spelling(result) == [(3, start, start + 7)]


def test_accepted_vocabulary_is_not_a_spelling_error(run_cli, write, languagetool_server):
    # Sentence-initial, used once, no title, run or possessive: not marked as a name.
    path = write("story.txt", "Talks resume\n\nGalant met the envoy.\n")
    assert _spelling(run_cli("check", "--no-cache", "--format", "json", path)) != []
    write(".newslint.yml", "vocab:\n  accept: [Galant]\n")
    assert _spelling(run_cli("check", "--no-cache", "--format", "json", path)) == []


class _DyingProxy(http.server.ThreadingHTTPServer):
    """Forwards requests to the real server; at the first check of text holding
    ``dies_on`` it stops answering, once the check of text holding ``after`` is answered
    (by content, not by count: a run may have the next file's request out before the one
    before it is answered, and the client's version probe is a check too)."""

    def __init__(self, target: str, dies_on: bytes, after: bytes):
        self.target, self.dies_on, self.after = target.rstrip("/"), dies_on, after
        self.answered = threading.Event()        # the check holding ``after`` was answered
        super().__init__(("127.0.0.1", 0), _ProxyHandler)

    def die(self) -> None:
        self.shutdown()
        self.server_close()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"


class _ProxyHandler(http.server.BaseHTTPRequestHandler):
    def do_POST(self):  # noqa: N802 (http.server's naming)
        server: _DyingProxy = self.server
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        if self.path.startswith("/v2/check") and server.dies_on in body:
            server.answered.wait(30)         # the file asked before it is answered first
            self.connection.close()          # the server is gone mid-run
            threading.Thread(target=server.die, daemon=True).start()
            return
        self._forward(body)

    def do_GET(self):  # noqa: N802
        self._forward(None)

    def _forward(self, body):
        server: _DyingProxy = self.server
        headers = {"Content-Type": self.headers["Content-Type"]} if body is not None else {}
        request = urllib.request.Request(server.target + self.path, data=body, headers=headers)
        with urllib.request.urlopen(request, timeout=60) as answer:
            payload = answer.read()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)
        if self.path.startswith("/v2/check") and body is not None and server.after in body:
            server.answered.set()

    def log_message(self, *args):
        pass


def test_server_dying_mid_run_exits_2_and_names_unchecked_files(run_cli, write, languagetool_url):
    first = write("a.txt", "First story\n\nThe mayor will recieve the report.\n")
    second = write("b.txt", "Second story\n\nThe council will recieve the letter.\n")
    proxy = _DyingProxy(languagetool_url, dies_on=b"council", after=b"mayor")  # b.txt's, a.txt's
    threading.Thread(target=proxy.serve_forever, daemon=True).start()
    try:
        result = run_cli("check", "--no-cache", "-j", "1", "--format", "json",
                         "--languagetool-url", proxy.url, first, second)
    finally:
        proxy.server_close()
    assert result.code == 2
    data = result.json()
    assert {f["path"] for f in data["findings"] if f["source"] == "languagetool"} == {first}
    assert [e["path"] for e in data["errors"]] == [second]
    assert "LanguageTool" in data["errors"][0]["message"]
