"""Click command groups: ``newslint languagetool …`` and ``newslint cache …``."""
from __future__ import annotations

import time

import click

from newslint.config.model import LanguageToolSettings
from newslint.errors import LanguageToolError
from newslint.languagetool.install import SOURCES, find_installation, install
from newslint.languagetool.paths import LanguageToolHome
from newslint.languagetool.server import (extra_servers, extra_slots, last_used, orphan_servers, running_server,
                                          start_server, start_servers, stop_server)


def _fail(exc: Exception) -> None:
    click.echo(f"error: {exc}", err=True)
    raise SystemExit(2)


@click.group("languagetool")
def languagetool_group() -> None:
    """Install and run the LanguageTool server newslint checks grammar and spelling with."""


@languagetool_group.command("install")
@click.option("--from", "source", type=click.Choice(SOURCES), default="auto", show_default=True,
              help="maven: Maven Central through mvn; download: language-tool-python's download; "
                   "auto: maven when mvn is installed, else download.")
@click.option("--path", "path", type=click.Path(file_okay=False), default=None,
              help="Use an existing LanguageTool folder (languagetool-server.jar or lib/*.jar).")
@click.option("--force", is_flag=True, help="Install again even when the install is complete.")
def install_command(source: str, path: str | None, force: bool) -> None:
    """Install LanguageTool into newslint's data folder (NEWSLINT_DATA_DIR overrides it)."""
    home = LanguageToolHome.from_env()
    try:
        inst = install(home, source, path, progress=lambda msg: click.echo(msg, err=True), force=force)
    except LanguageToolError as exc:
        _fail(exc)
    click.echo(f"LanguageTool {inst.version} ({inst.source}) ready: {inst.root}")


def _uptime(seconds: float) -> str:
    seconds = int(max(0, seconds))
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}h{minutes:02d}m{secs:02d}s" if hours else f"{minutes}m{secs:02d}s"


@languagetool_group.command("start")
@click.option("--memory", default=LanguageToolSettings().memory, show_default=True,
              help="Java heap limit (-Xmx), e.g. 1g, 1536m.")
@click.option("--idle-timeout", type=click.IntRange(min=0), default=0, show_default=True,
              help="Stop after this many seconds without requests (0: run until `stop`).")
@click.option("--servers", type=click.IntRange(min=1), default=1, show_default=True,
              help="Run this many servers sharing the cores; checks spread their requests over them.")
def start_command(memory: str, idle_timeout: int, servers: int) -> None:
    """Start the LanguageTool daemon on 127.0.0.1 and wait until it has warmed up."""
    home = LanguageToolHome.from_env()
    slots = range(servers) if servers > 1 else range(1)
    running = {slot: running_server(home.with_slot(slot)) for slot in slots}
    try:
        if servers > 1:
            states = start_servers(home, servers, memory=memory, idle_timeout=idle_timeout)
        else:
            for slot in extra_slots(home):
                stop_server(home.with_slot(slot))
            states = [start_server(home, memory=memory, idle_timeout=idle_timeout)]
    except LanguageToolError as exc:
        _fail(exc)
    for slot, state in zip(slots, states):
        before = running[slot]
        verb = "already running" if before is not None and before.pid == state.pid else "started"
        threads = f", {state.threads} check thread{'s' if state.threads != 1 else ''}" if servers > 1 else ""
        click.echo(f"LanguageTool {state.version} {verb} at {state.url} (pid {state.pid}{threads})")


@languagetool_group.command("stop")
def stop_command() -> None:
    """Stop the LanguageTool daemon (and the other servers of `start --servers N`)."""
    home = LanguageToolHome.from_env()
    for slot in extra_slots(home):
        extra = stop_server(home.with_slot(slot))
        if extra is not None and extra.port:
            click.echo(f"stopped LanguageTool {extra.version} (pid {extra.pid}, port {extra.port})")
    state = stop_server(home)
    if state is None:
        click.echo("LanguageTool is not running")
    elif not state.port:
        click.echo(f"stopped a LanguageTool JVM that no valid state file named (pid {state.pid})")
    else:
        click.echo(f"stopped LanguageTool {state.version} (pid {state.pid}, port {state.port})")


@languagetool_group.command("status")
def status_command() -> None:
    """Show the daemon's version, address, pid and uptime (exit status 3 when it is not running)."""
    home = LanguageToolHome.from_env()
    try:
        inst = find_installation(home)
        click.echo(f"installed: LanguageTool {inst.version} ({inst.source}) in {inst.root}")
    except LanguageToolError as exc:
        click.echo(f"installed: no ({exc})")
    state = running_server(home)
    orphans = orphan_servers(home, state.pid if state is not None else None)
    if orphans:
        click.echo(f"orphans: LanguageTool JVM(s) without a valid state file: pid "
                   f"{', '.join(map(str, orphans))}; `newslint languagetool stop` stops them")
    if state is None:
        click.echo("server: not running")
        raise SystemExit(3)
    now = time.time()
    idle = now - last_used(home)
    doing = "running" if state.ready else "starting (warming up)"
    click.echo(f"server: {doing}, LanguageTool {state.version} at {state.url}, pid {state.pid}, "
               f"up {_uptime(now - state.started_at)}, last used {_uptime(idle)} ago")
    if state.idle_timeout:
        click.echo(f"        stops after {state.idle_timeout} s without requests"
                   + (" (autostarted)" if state.autostarted else ""))
    for extra in extra_servers(home):
        click.echo(f"server: also running at {extra.url}, pid {extra.pid}, {extra.threads} check thread"
                   + ("s" if extra.threads != 1 else ""))
