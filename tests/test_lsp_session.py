"""A real editor session: `python -m newslint lsp` driven over stdio with JSON-RPC framing."""
from __future__ import annotations

import json
import queue
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any, Callable

import pytest

TIMEOUT = 20.0
CONFIG = "extends: [./rules]\nlanguagetool: {enabled: false}\n"
RULES = {
    "rules/house/style/percent.yml": (
        "extends: substitution\nmessage: \"Use '%s' instead of '%s'.\"\nlevel: warning\n"
        "swap:\n  percent: per cent\n"),
    "rules/house/chrome/leave-a-reply.yml": (
        "extends: existence\nmessage: \"Page chrome: '%s'.\"\nlevel: error\ncategory: chrome\n"
        "tokens: ['Leave a Reply']\n"),
}


class LspClient:
    """Just enough of an LSP client: Content-Length framing, requests, notifications."""

    def __init__(self, cwd: Path):
        self.proc = subprocess.Popen([sys.executable, "-m", "newslint", "lsp"], cwd=cwd,
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        self.inbox: "queue.Queue[dict | None]" = queue.Queue()
        self.seen: list[dict] = []
        self.server_requests: list[dict] = []
        self._next_id = 0
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        stream = self.proc.stdout
        while True:
            headers = {}
            while True:
                line = stream.readline()
                if not line:
                    self.inbox.put(None)
                    return
                if not line.strip():
                    break
                name, _, value = line.decode("ascii").partition(":")
                headers[name.strip().lower()] = value.strip()
            self.inbox.put(json.loads(stream.read(int(headers["content-length"]))))

    def send(self, message: dict) -> None:
        body = json.dumps({"jsonrpc": "2.0", **message}).encode()
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.proc.stdin.flush()

    def notify(self, method: str, params: Any) -> None:
        self.send({"method": method, "params": params})

    def request(self, method: str, params: Any) -> Any:
        self._next_id += 1
        ident = self._next_id
        self.send({"id": ident, "method": method, "params": params})
        reply = self.wait_for(lambda m: m.get("id") == ident and "method" not in m)
        assert "error" not in reply, reply
        return reply["result"]

    def wait_for(self, wanted: Callable[[dict], bool], timeout: float = TIMEOUT) -> dict:
        deadline = time.monotonic() + timeout
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise AssertionError(f"timed out; messages so far: {self.seen[-5:]}")
            try:
                message = self.inbox.get(timeout=remaining)
            except queue.Empty:
                continue
            if message is None:
                raise AssertionError(f"server ended: {self.proc.stderr.read().decode()}")
            self.seen.append(message)
            if "method" in message and "id" in message:       # the server asks something
                self.server_requests.append(message)
                self.send({"id": message["id"], "result": None})
            if wanted(message):
                return message

    def diagnostics(self, uri: str, version: int | None = None) -> list[dict]:
        def match(m: dict) -> bool:
            if m.get("method") != "textDocument/publishDiagnostics" or m["params"]["uri"] != uri:
                return False
            return version is None or m["params"].get("version") == version
        return self.wait_for(match)["params"]["diagnostics"]


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    (tmp_path / ".newslint.yml").write_text(CONFIG)
    for name, text in RULES.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text)
    return tmp_path


@pytest.fixture
def client(workspace: Path):
    c = LspClient(workspace)
    yield c
    if c.proc.poll() is None:
        c.proc.kill()
        c.proc.wait()


CAPABILITIES = {
    "workspace": {"workspaceEdit": {"documentChanges": True},
                  "didChangeWatchedFiles": {"dynamicRegistration": True}},
    "textDocument": {"codeAction": {"disabledSupport": True,
                                    "codeActionLiteralSupport": {"codeActionKind": {"valueSet": ["quickfix"]}}},
                     "publishDiagnostics": {"versionSupport": True}},
}

# The emoji takes two UTF-16 code units: the finding after it starts one column later in
# LSP terms than in characters.
ARTICLE = "# Rates rise\n\nIt rose 😀 5 percent on Monday.\n\nLeave a Reply\n"


def start(client: LspClient, workspace: Path, options: dict | None = None) -> dict:
    result = client.request("initialize", {
        "processId": None, "rootUri": workspace.as_uri(), "capabilities": CAPABILITIES,
        "initializationOptions": {"languagetool": False} if options is None else options})
    client.notify("initialized", {})
    return result


def by_code(diagnostics: list[dict]) -> dict[str, dict]:
    return {d["code"]: d for d in diagnostics}


def test_session_diagnostics_actions_changes_reload_close_and_exit(client, workspace):
    init = start(client, workspace)
    caps = init["capabilities"]
    assert caps["textDocumentSync"]["change"] == 1                # full text on every change
    assert "quickfix" in caps["codeActionProvider"]["codeActionKinds"]
    registration = client.wait_for(lambda m: m.get("method") == "client/registerCapability")
    watcher = registration["params"]["registrations"][0]
    assert watcher["method"] == "workspace/didChangeWatchedFiles"
    assert watcher["registerOptions"]["watchers"][0]["globPattern"] == "**/*.{yml,yaml}"

    uri = (workspace / "story.md").as_uri()
    client.notify("textDocument/didOpen", {"textDocument": {
        "uri": uri, "languageId": "markdown", "version": 1, "text": ARTICLE}})
    found = by_code(client.diagnostics(uri, version=1))
    assert set(found) == {"house.style.percent", "house.chrome.leave-a-reply"}
    percent = found["house.style.percent"]
    # "It rose 😀 5 " is 11 characters and 12 UTF-16 code units.
    assert percent["range"] == {"start": {"line": 2, "character": 13}, "end": {"line": 2, "character": 20}}
    assert percent["severity"] == 2 and percent["source"] == "newslint"
    chrome = found["house.chrome.leave-a-reply"]
    assert chrome["range"] == {"start": {"line": 4, "character": 0}, "end": {"line": 4, "character": 13}}
    assert chrome["severity"] == 1

    actions = client.request("textDocument/codeAction", {
        "textDocument": {"uri": uri}, "range": percent["range"],
        "context": {"diagnostics": [percent], "only": ["quickfix"]}})
    titles = [a["title"] for a in actions]
    assert titles == ["Replace “percent” with “per cent” (house.style.percent)",
                      "Disable house.style.percent for this line"]
    fix, disable = actions
    assert fix["kind"] == "quickfix" and fix["isPreferred"] is True
    assert fix["diagnostics"][0]["code"] == "house.style.percent"
    edit = fix["edit"]["documentChanges"][0]
    assert edit["textDocument"] == {"uri": uri, "version": 1}
    assert edit["edits"] == [{"range": percent["range"], "newText": "per cent"}]
    insert = disable["edit"]["documentChanges"][0]["edits"]
    assert insert == [{"range": {"start": {"line": 2, "character": 0}, "end": {"line": 2, "character": 0}},
                       "newText": "<!-- newslint-disable-next-line house.style.percent -->\n"}]

    # The editor applies both edits; the suppression and the fix clear the finding.
    edited = ARTICLE.replace("Leave a Reply\n", "").replace(
        "It rose", "<!-- newslint-disable-next-line house.style.percent -->\nIt rose")
    client.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": 2},
                                             "contentChanges": [{"text": edited}]})
    assert client.diagnostics(uri, version=2) == []

    client.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": 3},
                                             "contentChanges": [{"text": ARTICLE}]})
    assert set(by_code(client.diagnostics(uri, version=3))) == {"house.style.percent", "house.chrome.leave-a-reply"}

    # The config turns the rule off: the server reloads and checks the open document again.
    (workspace / ".newslint.yml").write_text(CONFIG + "rules: {house.style.percent: 'off'}\n")
    client.notify("workspace/didChangeWatchedFiles", {"changes": [
        {"uri": (workspace / ".newslint.yml").as_uri(), "type": 2}]})
    assert set(by_code(client.diagnostics(uri, version=3))) == {"house.chrome.leave-a-reply"}

    client.notify("textDocument/didClose", {"textDocument": {"uri": uri}})
    assert client.diagnostics(uri) == []

    assert client.request("shutdown", None) is None
    client.notify("exit", None)
    assert client.proc.wait(timeout=TIMEOUT) == 0
    assert b"Traceback" not in client.proc.stderr.read()


def test_typing_bursts_are_linted_once_after_a_quiet_spell(client, workspace):
    start(client, workspace)
    uri = (workspace / "story.md").as_uri()
    client.notify("textDocument/didOpen", {"textDocument": {
        "uri": uri, "languageId": "markdown", "version": 1, "text": ARTICLE}})
    client.diagnostics(uri, version=1)
    for version in range(2, 7):
        text = ARTICLE.replace("Monday", "Monday" + "!" * version)
        client.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": version},
                                                 "contentChanges": [{"text": text}]})
    published = client.wait_for(lambda m: m.get("method") == "textDocument/publishDiagnostics")
    assert published["params"]["version"] == 6
    # The server answered the burst with one lint, and still answers requests.
    assert client.request("textDocument/codeAction", {
        "textDocument": {"uri": uri}, "range": {"start": {"line": 0, "character": 0},
                                                 "end": {"line": 0, "character": 0}},
        "context": {"diagnostics": [], "only": ["quickfix"]}}) == []
    versions = [m["params"].get("version") for m in client.seen
                if m.get("method") == "textDocument/publishDiagnostics"]
    assert versions == [1, 6]


def test_plain_text_explains_why_it_cannot_disable_a_line(client, workspace):
    start(client, workspace)
    uri = (workspace / "story.txt").as_uri()
    client.notify("textDocument/didOpen", {"textDocument": {
        "uri": uri, "languageId": "plaintext", "version": 1,
        "text": "Rates rise\r\n\r\nIt rose 5 percent.\r\n"}})
    percent = by_code(client.diagnostics(uri, version=1))["house.style.percent"]
    assert percent["range"]["start"] == {"line": 2, "character": 10}
    actions = client.request("textDocument/codeAction", {
        "textDocument": {"uri": uri}, "range": percent["range"], "context": {"diagnostics": [percent]}})
    kinds = [(a["kind"], a.get("disabled")) for a in actions]
    assert kinds[0] == ("quickfix", None)
    assert "no comment syntax" in kinds[1][1]["reason"]
    assert actions[2]["kind"] == "source.fixAll.newslint"
    assert actions[2]["edit"]["documentChanges"][0]["edits"] == [
        {"range": percent["range"], "newText": "per cent"}]


def test_html_disable_comment_keeps_indentation(client, workspace):
    start(client, workspace)
    uri = (workspace / "story.html").as_uri()
    html = "<html><body>\n  <h1>Rates</h1>\n  <p>It rose 5 percent.</p>\n</body></html>\n"
    client.notify("textDocument/didOpen", {"textDocument": {
        "uri": uri, "languageId": "html", "version": 1, "text": html}})
    percent = by_code(client.diagnostics(uri, version=1))["house.style.percent"]
    actions = client.request("textDocument/codeAction", {
        "textDocument": {"uri": uri}, "range": percent["range"],
        "context": {"diagnostics": [percent], "only": ["quickfix"]}})
    disable = actions[-1]["edit"]["documentChanges"][0]["edits"][0]
    assert disable["range"]["start"] == {"line": 2, "character": 0}
    assert disable["newText"] == "  <!-- newslint-disable-next-line house.style.percent -->\n"


def test_bad_initialization_options_are_reported_and_defaults_used(client, workspace):
    start(client, workspace, {"languagetool": "no", "colour": 1})
    shown = client.wait_for(lambda m: m.get("method") == "window/showMessage")
    assert "unknown initializationOptions: colour" in shown["params"]["message"]
    client.request("shutdown", None)
    client.notify("exit", None)
    assert client.proc.wait(timeout=TIMEOUT) == 0


def test_languagetool_failing_still_shows_the_other_findings(client, workspace):
    (workspace / ".newslint.yml").write_text("extends: [./rules]\nlanguagetool: {enabled: true}\n")
    start(client, workspace, {"languagetool": True, "languagetoolUrl": "http://127.0.0.1:9"})
    uri = (workspace / "story.md").as_uri()
    client.notify("textDocument/didOpen", {"textDocument": {
        "uri": uri, "languageId": "markdown", "version": 1, "text": ARTICLE}})
    assert set(by_code(client.diagnostics(uri, version=1))) == {"house.style.percent", "house.chrome.leave-a-reply"}
    shown = [m for m in client.seen if m.get("method") == "window/showMessage"]
    assert len(shown) == 1 and "LanguageTool" in shown[0]["params"]["message"]
    client.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": 2},
                                             "contentChanges": [{"text": ARTICLE + "\nMore.\n"}]})
    client.diagnostics(uri, version=2)
    assert len([m for m in client.seen if m.get("method") == "window/showMessage"]) == 1   # said once


def test_a_client_that_counts_utf8_bytes_gets_utf8_columns(client, workspace):
    init = client.request("initialize", {
        "processId": None, "rootUri": workspace.as_uri(),
        "capabilities": {**CAPABILITIES, "general": {"positionEncodings": ["utf-8", "utf-16"]}},
        "initializationOptions": {"languagetool": False}})
    assert init["capabilities"]["positionEncoding"] == "utf-8"
    client.notify("initialized", {})
    uri = "untitled:Untitled-1"            # never saved: the workspace's config applies
    client.notify("textDocument/didOpen", {"textDocument": {
        "uri": uri, "languageId": "markdown", "version": 1, "text": ARTICLE}})
    percent = by_code(client.diagnostics(uri, version=1))["house.style.percent"]
    # "It rose 😀 5 " is 15 bytes in UTF-8.
    assert percent["range"]["start"] == {"line": 2, "character": 15}


def test_the_shipped_news_pack_in_an_editor(tmp_path):
    """No house rules: the default pack flags the chrome and offers the AP fix."""
    (tmp_path / ".newslint.yml").write_text("languagetool: {enabled: false}\n")
    client = LspClient(tmp_path)
    try:
        start(client, tmp_path)
        uri = (tmp_path / "story.md").as_uri()
        text = "# Council delays vote\n\nUS officials said the vote would wait.\n\nLeave a Reply\n"
        client.notify("textDocument/didOpen", {"textDocument": {
            "uri": uri, "languageId": "markdown", "version": 1, "text": text}})
        found = by_code(client.diagnostics(uri, version=1))
        assert found["news.chrome.leave-a-reply"]["range"]["start"] == {"line": 4, "character": 0}
        us = found["news.style.us-abbrev"]
        assert us["range"] == {"start": {"line": 2, "character": 0}, "end": {"line": 2, "character": 2}}
        actions = client.request("textDocument/codeAction", {
            "textDocument": {"uri": uri}, "range": us["range"],
            "context": {"diagnostics": [us], "only": ["quickfix"]}})
        assert actions[0]["edit"]["documentChanges"][0]["edits"][0]["newText"] == "U.S."
        client.request("shutdown", None)
        client.notify("exit", None)
        assert client.proc.wait(timeout=TIMEOUT) == 0
    finally:
        if client.proc.poll() is None:
            client.proc.kill()
