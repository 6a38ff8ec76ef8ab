"""The local LanguageTool daemon: start, reuse, stop, status.

One daemon per data folder, bound to 127.0.0.1 on a free port. Its state file
(``<data dir>/languagetool/run/server.json``) records pid, port, version, config hash
and start time; a file lock keeps parallel processes from starting two. Clients touch
``run/last-used`` on every request; a detached watcher
(``python -m newslint.languagetool.watchdog``) stops the JVM after ``idle_timeout``
seconds without requests, or when the process that owns the daemon exits.

The state file is written the moment the JVM is launched (``ready`` false until its
warm-up check is answered), so ``status`` and ``stop`` see a daemon that is still
warming up, and the watcher, started at launch too, stops a JVM whose starter died
(SIGTERM, SIGKILL) before it was ready. A JVM of this data folder that no valid state
file names (the file was damaged or deleted) is an orphan: ``stop`` and every start
stop it, and ``status`` reports it.
"""
from __future__ import annotations

import contextlib
import hashlib
import json
import os
import socket
import subprocess
import sys
import time
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import Callable

from newslint.errors import LanguageToolError, LanguageToolUnavailable
from newslint.languagetool.custom_rules import rules_digest, shipped_rule_files, write_classpath_folder
from newslint.languagetool.http import HttpClient, LanguageToolTimeout
from newslint.languagetool.install import Installation, find_installation
from newslint.languagetool.java import find_java
from newslint.languagetool.paths import LanguageToolHome
from newslint.languagetool.process import (command_line, exclusive_lock, is_stopped, listens_on, owner_uid,
                                           pid_alive, pids_running, terminate)

SERVER_CLASS = "org.languagetool.server.HTTPServer"
WATCHDOG_MODULE = "newslint.languagetool.watchdog"
# Longest annotated text one request may carry; the client splits documents under it.
MAX_TEXT_LENGTH = 50_000
MAX_CHECK_MILLIS = 120_000
# How long a running daemon may take to answer /v2/languages before it counts as hung.
HEALTH_TIMEOUT = 15.0
WARM_UP_TEXT = "This sentence warm up the rules and dictionarys of LanguageTool."


class ServerStartError(LanguageToolUnavailable):
    """The JVM exited or did not answer while starting."""


@dataclass(frozen=True)
class ServerState:
    pid: int
    port: int
    version: str
    config_hash: str
    started_at: float
    autostarted: bool = False
    idle_timeout: int = 0            # 0: runs until stopped
    watcher_pid: int | None = None
    owner_pid: int | None = None     # the watcher stops the daemon when this process exits
    threads: int = 1
    ready: bool = True               # False while the starter waits for the warm-up check

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"


def server_threads() -> int:
    return max(1, os.cpu_count() or 1)


def server_properties(threads: int) -> str:
    return "\n".join([
        f"maxTextLength={MAX_TEXT_LENGTH}",
        f"maxCheckTimeMillis={MAX_CHECK_MILLIS}",
        "cacheSize=1000",
        "pipelineCaching=true",
        # Prewarming builds pipelines for preferredLanguages; left empty, LanguageTool
        # prewarms a fixed list (de-DE, fr, ...) whose modules are not installed and exits.
        "pipelinePrewarming=true",
        "preferredLanguages=en-US",
        f"maxCheckThreads={threads}",
        "",
    ])


@dataclass(frozen=True)
class LaunchPlan:
    """Everything a start needs, and the hash that says whether a running daemon matches it."""

    installation: Installation
    properties: str
    rule_files: dict
    config_hash: str
    threads: int

    @classmethod
    def build(cls, home: LanguageToolHome, threads: int | None = None) -> "LaunchPlan":
        """The plan for ``threads`` check threads (default: one per core). The thread count
        changes no answer, so it is left out of the hash: a daemon started with fewer
        threads (``start --servers N``) is reused, and cached answers stay valid."""
        inst = find_installation(home)
        threads = threads or server_threads()
        rules = shipped_rule_files()
        h = hashlib.sha256(json.dumps([inst.version, list(inst.classpath), server_properties(0),
                                       rules_digest(rules)]).encode())
        return cls(inst, server_properties(threads), rules, h.hexdigest()[:16], threads)


# -- state ----------------------------------------------------------------------------

def read_state(home: LanguageToolHome) -> ServerState | None:
    """The state file's content; None when it is missing or damaged (wrong shape or types)."""
    try:
        data = json.loads(home.state_file.read_text("utf-8"))
        state = ServerState(**data)
    except (OSError, ValueError, TypeError, RecursionError):
        return None
    ints = (state.pid, state.port, state.threads, state.idle_timeout)
    if not all(isinstance(v, int) and not isinstance(v, bool) and v > 0 for v in ints[:3]) \
            or not isinstance(state.idle_timeout, int) or not isinstance(state.config_hash, str) \
            or not isinstance(state.version, str) or not isinstance(state.started_at, (int, float)) \
            or not all(v is None or (isinstance(v, int) and v > 0) for v in (state.watcher_pid, state.owner_pid)):
        return None
    return state


def orphan_servers(home: LanguageToolHome, known: int | None = None) -> list[int]:
    """LanguageTool JVMs launched for this data folder that are not daemon ``known``."""
    return [pid for pid in pids_running(SERVER_CLASS, str(home.run_dir / "server.properties"))
            if pid != known]


def stop_orphans(home: LanguageToolHome, known: int | None = None) -> list[int]:
    orphans = orphan_servers(home, known)
    for pid in orphans:
        terminate(pid)
    return orphans


def _write_state(home: LanguageToolHome, state: ServerState) -> None:
    tmp = home.state_file.with_suffix(".tmp")
    tmp.write_text(json.dumps(asdict(state), indent=1), "utf-8")
    os.replace(tmp, home.state_file)


def remove_state(home: LanguageToolHome, pid: int | None = None) -> None:
    """Remove the state file (only if it still names ``pid``, when given)."""
    state = read_state(home)
    if pid is not None and state is not None and state.pid != pid:
        return
    with contextlib.suppress(FileNotFoundError):
        home.state_file.unlink()


def is_our_server(pid: int, port: int) -> bool:
    """True when ``pid`` is alive, runs as this user, and was launched as the LanguageTool
    server on ``port`` (not a reused pid)."""
    if not pid_alive(pid) or owner_uid(pid) != os.geteuid():
        return False
    cmd = command_line(pid)
    return SERVER_CLASS in cmd and f"--port {port}" in cmd


def running_server(home: LanguageToolHome) -> ServerState | None:
    """The live daemon's state, or None (a stale or forged state file is removed).

    The command line alone proves little (any process can carry one): a daemon that says
    it is ready must also be the process listening on its port.
    """
    state = read_state(home)
    if state is None:
        return None
    if is_our_server(state.pid, state.port) and (not state.ready or listens_on(state.pid, state.port)):
        return state
    remove_state(home, state.pid)
    return None


def answers(state: ServerState, timeout: float = HEALTH_TIMEOUT) -> bool:
    """Whether the daemon is able to answer: not stopped (SIGSTOP), and it lists its
    languages, or at least is still working on it after ``timeout`` seconds (a server busy
    with other processes' checks is slow, not dead: replacing it would cut them off)."""
    if is_stopped(state.pid):
        return False
    try:
        HttpClient(use_proxies=False).request_json(state.url, "/v2/languages", None, timeout)
    except LanguageToolTimeout:
        return not is_stopped(state.pid)
    except LanguageToolError:
        return False
    return True


def touch_last_used(home: LanguageToolHome) -> None:
    path = home.run_dir / "last-used"
    try:
        os.utime(path)
    except FileNotFoundError:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.touch()


def last_used(home: LanguageToolHome) -> float:
    try:
        return (home.run_dir / "last-used").stat().st_mtime
    except OSError:
        return 0.0


# -- start ----------------------------------------------------------------------------

def ensure_server(home: LanguageToolHome, memory: str = "1g", idle_timeout: int = 0,
                  autostart: bool = True, owner_pid: int | None = None,
                  on_start: Callable[[], None] | None = None) -> ServerState:
    """The running daemon if it matches the current install and rules; else start one
    (``on_start`` runs first, once, in the process that starts it).

    With ``autostart`` False and no daemon running, raises LanguageToolUnavailable naming
    the command that starts one.
    """
    plan = LaunchPlan.build(home)
    state = running_server(home)
    if state is not None and state.ready and state.config_hash == plan.config_hash:
        if answers(state):
            return state
        if not autostart:
            raise LanguageToolUnavailable(
                f"the LanguageTool server (pid {state.pid}) does not answer and autostart is off; "
                "run `newslint languagetool stop` and `newslint languagetool start`")
        return restart_server(home, state.pid, memory, idle_timeout, owner_pid)
    if not autostart and state is None:
        raise LanguageToolUnavailable(
            "no LanguageTool server is running and autostart is off; run `newslint languagetool start`")
    return _reuse_or_start(home, plan, memory, idle_timeout, autostarted=True, owner_pid=owner_pid,
                           on_start=on_start)


def start_server(home: LanguageToolHome, memory: str = "1g", idle_timeout: int = 0,
                 owner_pid: int | None = None, timeout: float = 180.0, threads: int | None = None) -> ServerState:
    """Start the daemon (or return the one running with the same configuration)."""
    return _reuse_or_start(home, LaunchPlan.build(home, threads), memory, idle_timeout, autostarted=False,
                           owner_pid=owner_pid, timeout=timeout)


def start_servers(home: LanguageToolHome, count: int, memory: str = "1g", idle_timeout: int = 0,
                  timeout: float = 180.0) -> list[ServerState]:
    """Run ``count`` local servers (slots 0..count-1) that share the cores: each gets
    ``cores // count`` check threads (at least one). Servers in higher slots are stopped.
    A running server of the same configuration is kept as it is."""
    threads = max(1, server_threads() // count)
    for slot in extra_slots(home):
        if slot >= count:
            stop_server(home.with_slot(slot))
    for slot in range(count):
        state = running_server(home.with_slot(slot))
        if state is not None and state.threads != threads:
            stop_server(home.with_slot(slot))     # the cores are shared out anew
    return [start_server(home.with_slot(slot), memory, idle_timeout, timeout=timeout, threads=threads)
            for slot in range(count)]


def extra_slots(home: LanguageToolHome) -> list[int]:
    """Slots above 0 that have a run folder (a server may or may not run there)."""
    base = home.with_slot(0).run_dir
    slots = []
    with contextlib.suppress(OSError):
        for entry in base.iterdir():
            name = entry.name
            if entry.is_dir() and name.startswith("slot-") and name[5:].isdigit() and int(name[5:]) > 0:
                slots.append(int(name[5:]))
    return sorted(slots)


def extra_servers(home: LanguageToolHome) -> list[ServerState]:
    """The ready servers in slots above 0 (``start --servers N``), with the slot's home."""
    found = []
    for slot in extra_slots(home):
        state = running_server(home.with_slot(slot))
        if state is not None and state.ready:
            found.append(state)
    return found


def _reuse_or_start(home: LanguageToolHome, plan: LaunchPlan, memory: str, idle_timeout: int,
                    autostarted: bool, owner_pid: int | None, timeout: float = 180.0,
                    on_start: Callable[[], None] | None = None) -> ServerState:
    """Under the server lock: the daemon running with ``plan``'s configuration, else a new one."""
    with exclusive_lock(home.server_lock):
        state = running_server(home)
        # Under the lock a daemon that is not ready lost its starter: replace it.
        if state is not None and state.ready and state.config_hash == plan.config_hash:
            return state
        if state is not None:
            _stop_locked(home, state)
        stop_orphans(home)
        if on_start is not None:
            on_start()
        return _start_locked(home, plan, memory, idle_timeout, autostarted=autostarted,
                             owner_pid=owner_pid, timeout=timeout)


def restart_server(home: LanguageToolHome, dead_pid: int, memory: str = "1g", idle_timeout: int = 0,
                   owner_pid: int | None = None) -> ServerState:
    """Replace the daemon ``dead_pid`` (it stopped answering); a daemon someone else already
    restarted is returned as is."""
    plan = LaunchPlan.build(home)
    with exclusive_lock(home.server_lock):
        state = running_server(home)
        if state is not None and state.ready and state.pid != dead_pid:
            return state
        if state is not None:
            _stop_locked(home, state)
        stop_orphans(home)
        return _start_locked(home, plan, memory, idle_timeout, autostarted=True, owner_pid=owner_pid)


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def java_command(java: str, plan: LaunchPlan, classes_dir: Path, properties: Path, port: int,
                 memory: str) -> list[str]:
    classpath = os.pathsep.join([str(classes_dir), *plan.installation.classpath])
    return [java, f"-Xmx{memory}", "-cp", classpath, SERVER_CLASS,
            "--port", str(port), "--config", str(properties)]


def _start_locked(home: LanguageToolHome, plan: LaunchPlan, memory: str, idle_timeout: int,
                  autostarted: bool, owner_pid: int | None, timeout: float = 180.0) -> ServerState:
    java = find_java().executable
    run = home.run_dir
    classes_dir = run / "classes"
    write_classpath_folder(classes_dir, plan.rule_files)
    properties = run / "server.properties"
    properties.write_text(plan.properties, "utf-8")
    last_error: ServerStartError | None = None
    for _attempt in range(3):          # a port taken between probe and bind: try another
        port = free_port()
        started_at = time.time()
        launched_state: list[ServerState] = []

        def launched(pid: int, port: int = port, started_at: float = started_at,
                     launched_state: list[ServerState] = launched_state) -> None:
            # Recorded and watched from the first moment, so status and stop see a daemon
            # that warms up, and a starter that dies meanwhile leaves no JVM behind; the
            # idle clock starts now, not when warm-up ends.
            touch_last_used(home)
            watcher = _spawn_watcher(home, pid, port, idle_timeout, owner_pid, starter_pid=os.getpid())
            state = ServerState(pid=pid, port=port, version=plan.installation.version,
                                config_hash=plan.config_hash, started_at=started_at,
                                autostarted=autostarted, idle_timeout=idle_timeout, watcher_pid=watcher,
                                owner_pid=owner_pid, threads=plan.threads, ready=False)
            _write_state(home, state)
            launched_state.append(state)

        try:
            _launch_and_warm(java_command(java, plan, classes_dir, properties, port, memory),
                             run / "server.log", port, timeout, launched)
        except BaseException as exc:
            if launched_state:
                _forget_launch(home, launched_state[0])
            if isinstance(exc, _PortTaken):
                last_error = ServerStartError(str(exc))
                continue
            raise
        touch_last_used(home)
        state = replace(launched_state[0], ready=True)
        _write_state(home, state)
        return state
    raise last_error or ServerStartError("LanguageTool could not find a free port")


class _PortTaken(Exception):
    pass


def _forget_launch(home: LanguageToolHome, state: ServerState) -> None:
    """A launch that failed: its JVM is gone already; stop its watcher, drop its state."""
    if state.watcher_pid and pid_alive(state.watcher_pid) and WATCHDOG_MODULE in command_line(state.watcher_pid):
        terminate(state.watcher_pid, grace=5)
    remove_state(home, state.pid)


def _launch_and_warm(cmd: list[str], log_path: Path, port: int, timeout: float,
                     launched: Callable[[int], None]) -> None:
    """Start the server (``launched`` records its pid at once) and wait until it answers a check."""
    with open(log_path, "wb") as log:
        proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT,
                                start_new_session=True, close_fds=True)
    try:
        launched(proc.pid)
    except BaseException:
        terminate(proc.pid)
        proc.wait()
        raise
    url = f"http://127.0.0.1:{port}"
    client = HttpClient(use_proxies=False)
    deadline = time.monotonic() + timeout
    try:
        while True:
            if proc.poll() is not None:
                tail = _log_tail(log_path)
                if "Address already in use" in tail or "BindException" in tail:
                    raise _PortTaken(f"port {port} was taken")
                raise ServerStartError(
                    f"LanguageTool exited while starting (exit {proc.returncode}); see {log_path}:\n{tail}")
            if _listening(port):
                break
            if time.monotonic() > deadline:
                raise ServerStartError(f"LanguageTool did not listen on port {port} within {timeout:g} s; "
                                       f"see {log_path}")
            time.sleep(0.1)
        # The first check loads rules and dictionaries; answer it before calling the server ready.
        remaining = max(5.0, deadline - time.monotonic())
        try:
            client.request_json(url, "/v2/check", {"language": "en-US", "text": WARM_UP_TEXT}, remaining)
        except LanguageToolUnavailable as exc:
            raise ServerStartError(f"LanguageTool started but failed its warm-up check ({exc}); "
                                   f"see {log_path}") from exc
    except BaseException:
        if proc.poll() is None:
            terminate(proc.pid)
        proc.wait()
        raise


def _listening(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.settimeout(0.5)
        return s.connect_ex(("127.0.0.1", port)) == 0


def _log_tail(path: Path, lines: int = 12) -> str:
    try:
        text = path.read_text("utf-8", "replace")
    except OSError:
        return ""
    return "\n".join("  " + ln for ln in text.strip().splitlines()[-lines:])


def _spawn_watcher(home: LanguageToolHome, pid: int, port: int, idle_timeout: int,
                   owner_pid: int | None, starter_pid: int) -> int:
    cmd = [sys.executable, "-m", WATCHDOG_MODULE, "--data-dir", str(home.data_dir), "--slot", str(home.slot),
           "--pid", str(pid), "--port", str(port), "--idle-timeout", str(idle_timeout),
           "--starter-pid", str(starter_pid)]
    if owner_pid is not None:
        cmd += ["--owner-pid", str(owner_pid)]
    proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL, start_new_session=True, close_fds=True)
    return proc.pid


# -- stop -----------------------------------------------------------------------------

def stop_server(home: LanguageToolHome) -> ServerState | None:
    """Stop the daemon and its watcher; returns the state it had, or None if none ran."""
    with exclusive_lock(home.server_lock):
        state = read_state(home)
        if state is not None:
            _stop_locked(home, state)
        orphans = stop_orphans(home)
        if state is None and orphans:
            with contextlib.suppress(FileNotFoundError):
                home.state_file.unlink()       # a damaged file named none of them
            return ServerState(pid=orphans[0], port=0, version="unknown", config_hash="", started_at=0.0)
        return state


def _stop_locked(home: LanguageToolHome, state: ServerState, stop_watcher: bool = True) -> None:
    if stop_watcher and state.watcher_pid and pid_alive(state.watcher_pid) \
            and WATCHDOG_MODULE in command_line(state.watcher_pid):
        terminate(state.watcher_pid, grace=5)
    if is_our_server(state.pid, state.port):
        terminate(state.pid)
    remove_state(home, state.pid)


def stop_idle_server(home: LanguageToolHome, pid: int) -> None:
    """Used by the watcher: stop daemon ``pid`` if the state still names it (never itself)."""
    with exclusive_lock(home.server_lock):
        state = read_state(home)
        if state is not None and state.pid == pid:
            _stop_locked(home, state, stop_watcher=False)
        elif pid_alive(pid) and SERVER_CLASS in command_line(pid):
            terminate(pid)
