"""The language server: lint open documents as they change and offer fixes.

Each document is linted after a quiet spell (``debounceMs``, 300 ms by default) in one
worker thread, so the server keeps answering while LanguageTool works and the
:class:`~newslint.engine.Linter` (not thread-safe) is only ever used from that thread.
Results for a version the editor has already moved past are dropped. Documents are
synchronised in full on every change: articles are small, and full text avoids
re-implementing incremental edits with LSP's exact line rules.
"""
from __future__ import annotations

import asyncio
import json
import logging
import os
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor

from lsprotocol import types
from pygls.lsp.server import LanguageServer

from newslint import __version__
from newslint.config.discovery import CONFIG_NAMES, is_excluded
from newslint.documents import format_for_path
from newslint.engine import Linter, LintOptions
from newslint.errors import ConfigError, NewslintError
from newslint.lsp.actions import FIX_ALL, QUICKFIX, DocumentState, EditStyle, code_actions
from newslint.lsp.diagnostics import to_diagnostic
from newslint.lsp.framing import GuardedInput
from newslint.lsp.positions import UTF16, PositionMap
from newslint.lsp.settings import ServerSettings, SettingsError
from newslint.results import FileResult

log = logging.getLogger(__name__)

LANGUAGE_FORMATS = {"markdown": "markdown", "html": "html", "plaintext": "text", "text": "text"}
EXTENSIONS = {"text": ".txt", "markdown": ".md", "html": ".html"}
# Rule packs are YAML too: any YAML change reloads, so edited house rules apply at once.
WATCHED = "**/*.{yml,yaml}"
WATCH_ID = "newslint-config-watcher"


class NewslintServer(LanguageServer):
    def __init__(self) -> None:
        super().__init__("newslint", __version__, text_document_sync_kind=types.TextDocumentSyncKind.Full)
        self.options = ServerSettings()
        self.edit_style = EditStyle()
        self._settings_problem: str | None = None
        self._linter: Linter | None = None
        self._lint_worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="newslint-lint")
        self._pending_lints: dict[str, asyncio.Task] = {}
        self._states: dict[str, DocumentState] = {}
        self._open: set[str] = set()          # URIs exactly as the client sent them
        self._reported: set[str] = set()
        self._stopping = False

    # -- set-up ---------------------------------------------------------------------

    def configure(self, params: types.InitializeParams) -> None:
        try:
            self.options = ServerSettings.from_options(params.initialization_options)
        except SettingsError as exc:
            self._settings_problem = f"newslint: {exc}; using the defaults"
        caps = params.capabilities
        workspace_edit = caps.workspace.workspace_edit if caps.workspace else None
        code_action = caps.text_document.code_action if caps.text_document else None
        self.edit_style = EditStyle(
            document_changes=bool(workspace_edit and workspace_edit.document_changes),
            disabled_support=bool(code_action and code_action.disabled_support))
        self._linter = self._new_linter()

    def after_initialized(self) -> None:
        if self._settings_problem:
            self.show_once(self._settings_problem, types.MessageType.Warning)
        caps = self.client_capabilities.workspace
        watched = caps.did_change_watched_files if caps else None
        if watched and watched.dynamic_registration:
            options = types.DidChangeWatchedFilesRegistrationOptions(
                watchers=[types.FileSystemWatcher(glob_pattern=WATCHED)])
            self.client_register_capability(types.RegistrationParams(registrations=[types.Registration(
                id=WATCH_ID, method=types.WORKSPACE_DID_CHANGE_WATCHED_FILES, register_options=options)]))

    def _new_linter(self) -> Linter | None:
        try:
            return Linter(LintOptions(
                config_path=self.options.config_path, languagetool=self.options.languagetool,
                languagetool_urls=self.options.languagetool_urls, jobs=1))
        except ConfigError as exc:
            self.show_once(f"newslint: {exc}", types.MessageType.Error)
            return None

    def reload(self) -> None:
        """Read configuration and rules again and re-check every open document."""
        self._reported.clear()
        self._linter = self._new_linter()
        for uri in sorted(self._open):
            self.schedule(uri, 0)

    # -- linting --------------------------------------------------------------------

    def schedule(self, uri: str, delay: float) -> None:
        """Lint ``uri`` after ``delay`` seconds, replacing a lint already waiting for it."""
        previous = self._pending_lints.pop(uri, None)
        if previous is not None:
            previous.cancel()
        task = asyncio.get_running_loop().create_task(self._lint_after(uri, delay))
        self._pending_lints[uri] = task
        task.add_done_callback(lambda done: self._forget(uri, done))

    def _forget(self, uri: str, task: asyncio.Task) -> None:
        if self._pending_lints.get(uri) is task:
            del self._pending_lints[uri]

    async def _lint_after(self, uri: str, delay: float) -> None:
        if delay > 0:
            await asyncio.sleep(delay)
        state = await self.lint_now(uri)
        if state is not None:
            self.publish(state)

    async def lint_now(self, uri: str) -> DocumentState | None:
        """Lint the open document's current text; None when it is closed, moved on or not an article."""
        document = self.document(uri)
        linter = self._linter
        if document is None or linter is None or self._stopping:
            return None
        fmt = document_format(document.language_id, uri)
        if fmt is None:
            return None
        version, text = document.version, document.source
        path = self.path_for(uri, fmt)
        try:
            result = await asyncio.get_running_loop().run_in_executor(
                self._lint_worker, lint_document, linter, text, path, fmt)
        except Exception as exc:       # noqa: BLE001 - a failing check must not stop the server
            log.exception("linting %s failed", path)
            self.show_once(f"newslint could not check {os.path.basename(path)}: {exc}", types.MessageType.Error)
            return None
        for error in result.errors:
            self.show_once(f"newslint: {error}", types.MessageType.Warning)
        current = self.document(uri)
        if current is None or current.version != version:
            return None
        state = DocumentState(uri, version, fmt, PositionMap(text, self.position_encoding),
                              tuple(result.findings))
        self._states[uri] = state
        return state

    async def current_state(self, uri: str) -> DocumentState | None:
        """The findings for the document as it is now, linting it first if they are stale."""
        state = self._states.get(uri)
        document = self.document(uri)
        if document is None:
            return None
        if state is None or state.version != document.version or state.text != document.source:
            state = await self.lint_now(uri)
            if state is not None:
                self.publish(state)
        return state

    def publish(self, state: DocumentState) -> None:
        self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(
            uri=state.uri, version=state.version,
            diagnostics=[to_diagnostic(f, state.positions) for f in state.findings]))

    def open(self, uri: str) -> None:
        self._open.add(uri)
        self.schedule(uri, 0)

    def close(self, uri: str) -> None:
        self._open.discard(uri)
        task = self._pending_lints.pop(uri, None)
        if task is not None:
            task.cancel()
        self._states.pop(uri, None)
        self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=[]))

    def stop(self) -> None:
        self._stopping = True
        for task in self._pending_lints.values():
            task.cancel()
        self._pending_lints.clear()
        self._lint_worker.shutdown(wait=False, cancel_futures=True)

    # -- helpers --------------------------------------------------------------------

    def document(self, uri: str):
        """The open document at ``uri``, or None (pygls keys documents by the unquoted URI)."""
        if uri not in self._open:
            return None
        return self.workspace.text_documents.get(urllib.parse.unquote(uri))

    @property
    def position_encoding(self) -> str:
        encoding = self.workspace.position_encoding or UTF16
        return getattr(encoding, "value", encoding)

    def path_for(self, uri: str, fmt: str) -> str:
        """The file path config discovery starts from (an unsaved document sits in the workspace root)."""
        path = path_of(uri)
        if path is not None:
            return path
        root = self.workspace.root_path or os.getcwd()
        return os.path.join(root, "untitled" + EXTENSIONS[fmt])

    def show_once(self, message: str, kind: types.MessageType) -> None:
        """Tell the user once per configuration (the same failure repeats on every keystroke)."""
        if message in self._reported:
            return
        self._reported.add(message)
        self.window_log_message(types.LogMessageParams(type=kind, message=message))
        self.window_show_message(types.ShowMessageParams(type=kind, message=message))


def lint_document(linter: Linter, text: str, path: str, fmt: str) -> FileResult:
    """Runs in the worker thread: nothing for files the config excludes, else the findings
    (with fixes only where they cannot cut through markup)."""
    try:
        if is_excluded(linter.config_for(path), path):
            return FileResult(path)
    except ConfigError:
        pass                     # lint_text reports it as the file's error
    return linter.lint_text(text, path, fmt=fmt)


def document_format(language_id: str | None, uri: str) -> str | None:
    """The document format from the editor's language id, else from the file extension."""
    if language_id in LANGUAGE_FORMATS:
        return LANGUAGE_FORMATS[language_id]
    return format_for_path(urllib.parse.urlparse(uri).path)


def path_of(uri: str) -> str | None:
    """The file system path of a ``file:`` URI (percent-escapes decoded), else None."""
    parsed = urllib.parse.urlparse(uri)
    if parsed.scheme != "file":
        return None
    path = urllib.request.url2pathname(parsed.path)
    if parsed.netloc and parsed.netloc != "localhost":
        path = f"//{parsed.netloc}{path}"
    return path


def is_config_file(uri: str) -> bool:
    return urllib.parse.unquote(uri).rsplit("/", 1)[-1] in CONFIG_NAMES


def create_server() -> NewslintServer:
    """A server with every feature registered (a fresh one per call: no shared state)."""
    server = NewslintServer()

    @server.feature(types.INITIALIZE)
    def initialize(params: types.InitializeParams) -> None:
        server.configure(params)

    @server.feature(types.INITIALIZED)
    def initialized(params: types.InitializedParams) -> None:
        server.after_initialized()

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(params: types.DidOpenTextDocumentParams) -> None:
        server.open(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(params: types.DidChangeTextDocumentParams) -> None:
        server.schedule(params.text_document.uri, server.options.debounce)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    def did_save(params: types.DidSaveTextDocumentParams) -> None:
        if is_config_file(params.text_document.uri):   # for clients that do not watch files
            server.reload()

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(params: types.DidCloseTextDocumentParams) -> None:
        server.close(params.text_document.uri)

    @server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    def did_change_watched_files(params: types.DidChangeWatchedFilesParams) -> None:
        if any(change.uri.endswith((".yml", ".yaml")) for change in params.changes):
            server.reload()

    @server.feature(types.TEXT_DOCUMENT_CODE_ACTION,
                    types.CodeActionOptions(code_action_kinds=[QUICKFIX, FIX_ALL]))
    async def code_action(params: types.CodeActionParams) -> list[types.CodeAction]:
        state = await server.current_state(params.text_document.uri)
        if state is None:
            return []
        return code_actions(state, params.range, params.context.only, server.edit_style)

    @server.feature(types.SHUTDOWN)
    def shutdown(params: None) -> None:
        server.stop()

    return server


def serve() -> int:
    """Run the server over stdin/stdout until the client says exit."""
    import sys

    stdin, stdout = sys.stdin.buffer, sys.stdout.buffer
    sys.stdout = sys.stderr        # a stray print must not corrupt the JSON-RPC stream
    logging.basicConfig(level=logging.WARNING, stream=sys.stderr,
                        format="newslint-lsp %(levelname)s %(name)s: %(message)s")
    server = create_server()
    guarded = GuardedInput(stdin, stdout,
                           check=lambda body: json.loads(body, object_hook=server.protocol.structure_message))
    try:
        server.start_io(guarded, stdout)
    except NewslintError as exc:
        log.error("%s", exc)
        return 2
    return 0
