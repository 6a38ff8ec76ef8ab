"""Helpers the benchmarks share: corpora, timed subprocesses with peak memory, tools on PATH.

A timed run reports wall seconds and two memory figures for the process tree it starts:

- ``max_rss``: the largest resident set of any one process in the tree (GNU time's
  ``%M``, which Linux carries up from waited-for children, e.g. ``-j 2`` workers);
- ``tree_rss``: the largest sum of resident sets over the whole tree, sampled from
  ``/proc`` every 20 ms (what the machine must hold while ``-j 2`` workers run).

Every figure a benchmark prints is set beside a reference measured in the same run, so
ratios stay meaningful on a loaded or different machine.
"""
from __future__ import annotations

import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Sequence

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))

from corpus import write_corpus  # noqa: E402

TIME = "/usr/bin/time"
PAGE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096


def newslint_command() -> list[str]:
    """The newslint of the interpreter running the benchmark (the clone's venv)."""
    exe = Path(sys.executable).with_name("newslint")
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "newslint"]


def corpus(base: Path, count: int, seed: int = 7) -> tuple[list[str], int]:
    """A generated corpus of ``count`` articles under ``base``; returns (paths, bytes)."""
    folder = base / f"corpus-{count}-{seed}"
    paths = write_corpus(str(folder), count, seed)
    return paths, sum(os.path.getsize(p) for p in paths)


def corpus_dir(paths: Sequence[str]) -> str:
    return os.path.dirname(paths[0])


# -- timing ---------------------------------------------------------------------------

def _children_of() -> dict[int, list[int]]:
    out: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as fh:
                stat = fh.read()
        except OSError:
            continue
        # pid (comm) state ppid ...: comm may hold spaces, so split after the last ')'.
        rest = stat[stat.rfind(b")") + 2:].split()
        out.setdefault(int(rest[1]), []).append(int(entry))
    return out


def _rss(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/statm", "rb") as fh:
            return int(fh.read().split()[1]) * PAGE
    except (OSError, IndexError, ValueError):
        return 0


def tree_rss(root: int) -> tuple[int, int]:
    """Resident bytes of ``root`` and its descendants: (sum, largest single process)."""
    children = _children_of()
    total, largest, todo = 0, 0, [root]
    while todo:
        pid = todo.pop()
        rss = _rss(pid)
        total += rss
        largest = max(largest, rss)
        todo.extend(children.get(pid, ()))
    return total, largest


@dataclass
class Run:
    seconds: float
    returncode: int
    max_rss: int            # bytes, largest single process of the tree
    tree_rss: int           # bytes, largest sampled sum over the tree
    stdout: str = ""
    stderr: str = ""
    cpu: float = 0.0        # CPU seconds (user + system) of the whole tree

    def json(self) -> dict:
        return json.loads(self.stdout)


def timed(cmd: Sequence[str], cwd: str | None = None, env: dict[str, str] | None = None,
          ok: Sequence[int] = (0, 1), sample_memory: bool = True) -> Run:
    """Run ``cmd`` to the end; wall time, CPU time and peak memory of its process tree.

    ``sample_memory=False`` leaves out the /proc sampler (every 20 ms it reads each
    process's stat, about 3 % of a core), for runs timed against work done without it.

    The largest single process comes from GNU time's ``%M`` when /usr/bin/time exists
    (a child forked from this large Python process would inherit its high-water mark
    in ``ru_maxrss``; time's own is a few MB), else from the /proc samples.
    """
    out_file = open(_tmp_name("out"), "w+b")
    err_file = open(_tmp_name("err"), "w+b")
    rss_file = _tmp_name("rss")
    gnu_time = TIME if os.path.exists(TIME) else None
    argv = [gnu_time, "-f", "%M", "-o", rss_file, *cmd] if gnu_time else list(cmd)
    try:
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        proc = subprocess.Popen(argv, cwd=cwd, env=env, stdout=out_file, stderr=err_file)
        peak_tree, peak_one = [0], [0]
        done = threading.Event()

        def sample() -> None:
            while not done.is_set():
                total, largest = tree_rss(proc.pid)
                peak_tree[0] = max(peak_tree[0], total)
                peak_one[0] = max(peak_one[0], largest)
                done.wait(0.02)

        sampler = threading.Thread(target=sample, daemon=True)
        if sample_memory:
            sampler.start()
        proc.wait()
        seconds = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        done.set()
        if sample_memory:
            sampler.join()
        out_file.seek(0)
        err_file.seek(0)
        max_rss = peak_one[0]
        if gnu_time:
            try:
                max_rss = int(Path(rss_file).read_text().split()[-1]) * 1024
            except (OSError, ValueError, IndexError):
                pass
        run = Run(seconds, proc.returncode, max_rss, max(peak_tree[0], max_rss),
                  out_file.read().decode("utf-8", "replace"), err_file.read().decode("utf-8", "replace"),
                  (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime))
    finally:
        for fh in (out_file, err_file):
            fh.close()
            os.unlink(fh.name)
        os.unlink(rss_file)
    if run.returncode not in ok:
        raise RuntimeError(f"{' '.join(cmd)} exited {run.returncode}:\n{run.stderr[-3000:]}")
    return run


def _tmp_name(kind: str) -> str:
    import tempfile

    fd, name = tempfile.mkstemp(prefix=f"newslint-bench-{kind}-")
    os.close(fd)
    return name


def best(runs: Sequence[Run]) -> Run:
    """The fastest run, with the highest memory seen in any of them."""
    fastest = min(runs, key=lambda r: r.seconds)
    return Run(fastest.seconds, fastest.returncode, max(r.max_rss for r in runs),
               max(r.tree_rss for r in runs), fastest.stdout, fastest.stderr)


def repeat(times: int, fn: Callable[[], Run]) -> Run:
    return best([fn() for _ in range(max(1, times))])


def median_seconds(fn: Callable[[], float], times: int) -> float:
    return statistics.median(fn() for _ in range(max(1, times)))


# -- reporting ------------------------------------------------------------------------

@dataclass
class Row:
    """One line of the summary table run_all.py prints."""

    benchmark: str
    measure: str
    value: str
    reference: str = ""
    ratio: str = ""
    target: str = ""
    note: str = ""


@dataclass
class Result:
    name: str
    rows: list[Row] = field(default_factory=list)
    lines: list[str] = field(default_factory=list)      # details printed by the module itself

    def say(self, line: str = "") -> None:
        self.lines.append(line)
        print(line, flush=True)


def mb(size: int) -> float:
    return size / 1e6


def mib(size: int) -> str:
    return f"{size / 2**20:.0f} MiB"


def print_rows(rows: Sequence[Row], stream=None) -> None:
    stream = stream or sys.stdout
    headers = ("benchmark", "measure", "value", "reference", "ratio", "target", "note")
    table = [headers] + [(r.benchmark, r.measure, r.value, r.reference, r.ratio, r.target, r.note) for r in rows]
    widths = [max(len(str(row[i])) for row in table) for i in range(len(headers))]
    for n, row in enumerate(table):
        print("| " + " | ".join(str(c).ljust(w) for c, w in zip(row, widths)) + " |", file=stream)
        if n == 0:
            print("|" + "|".join("-" * (w + 2) for w in widths) + "|", file=stream)


def which(name: str, extra_dirs: Sequence[Path] = ()) -> str | None:
    found = shutil.which(name)
    if found:
        return found
    for folder in extra_dirs:
        candidate = folder / name
        if candidate.is_file() and os.access(candidate, os.X_OK):
            return str(candidate)
    return None


def clean_env(**extra: str) -> dict[str, str]:
    """The environment without settings that would change what newslint runs."""
    env = {k: v for k, v in os.environ.items() if k not in ("NEWSLINT_LANGUAGETOOL_URL",)}
    env.update(NO_COLOR="1")
    env.update(extra)
    return env


# -- LanguageTool ---------------------------------------------------------------------

def languagetool_root() -> str | None:
    """The LanguageTool install NEWSLINT_DATA_DIR (or the user data folder) holds."""
    from newslint.errors import LanguageToolError
    from newslint.languagetool.install import find_installation
    from newslint.languagetool.paths import LanguageToolHome

    try:
        return str(find_installation(LanguageToolHome.from_env()).root)
    except LanguageToolError:
        return None


class PrivateServer:
    """A LanguageTool daemon of the benchmark's own: a private data folder that reuses an
    existing install (``newslint languagetool install --path``), started on a free port and
    stopped on exit, so a daemon other work relies on is never touched."""

    def __init__(self, data_dir: Path, install_root: str):
        self.data_dir = Path(data_dir)
        self.install_root = install_root
        self.state = None

    @property
    def env(self) -> dict[str, str]:
        return clean_env(NEWSLINT_DATA_DIR=str(self.data_dir))

    @property
    def url(self) -> str:
        return self.state.url

    def __enter__(self) -> "PrivateServer":
        from newslint.languagetool.paths import LanguageToolHome
        from newslint.languagetool.server import start_server

        self.data_dir.mkdir(parents=True, exist_ok=True)
        subprocess.run(newslint_command() + ["languagetool", "install", "--path", self.install_root],
                       env=self.env, check=True, capture_output=True)
        self.state = start_server(LanguageToolHome(self.data_dir))
        return self

    def __exit__(self, *exc) -> None:
        from newslint.languagetool.paths import LanguageToolHome
        from newslint.languagetool.server import stop_server

        stop_server(LanguageToolHome(self.data_dir))


LANGUAGETOOL_MISSING = ("no LanguageTool install found: set NEWSLINT_DATA_DIR to a data folder where "
                        "`newslint languagetool install` has run")
