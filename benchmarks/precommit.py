"""What the pre-commit hook adds to a one-article commit, with and without LanguageTool.

Builds the hook from a snapshot of this working tree (pre-commit installs from a git
commit), makes a newsroom repository, and times ``git commit`` of a one-paragraph edit
with the hook, minus the same commit with ``--no-verify``, in three set-ups:

    no-languagetool  .newslint.yml turns LanguageTool off
    warm             a daemon started beforehand with `newslint languagetool start`
    cold             the daemon stopped before each commit (the check starts it)

The LanguageTool daemon runs from a private data folder that reuses an existing install
(``newslint languagetool install --path``), so a daemon other work relies on is never
stopped. Each commit changes the article's text, so the result cache does not answer.

    python benchmarks/precommit.py [--runs 5] [--cold-runs 3] [--languagetool-path DIR]

Needs git, pre-commit, Java and network access to PyPI (the hook's environment).
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
ARTICLE_HEAD = """# Harbor vote

The harbor board voted 5-2 on Tuesday to rebuild the north pier, ending a decade of debate.

The work starts in May and will take two years, the board said.
"""
WORDS = "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen".split()


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("GIT_", "PRE_COMMIT", "NEWSLINT_", "VIRTUAL_ENV", "PYTHONPATH"))}
    env.update(GIT_AUTHOR_NAME="Desk", GIT_AUTHOR_EMAIL="desk@example.org", GIT_COMMITTER_NAME="Desk",
               GIT_COMMITTER_EMAIL="desk@example.org", GIT_CONFIG_GLOBAL=os.devnull, GIT_CONFIG_NOSYSTEM="1",
               NO_COLOR="1")
    env.update(extra)
    return env


def _run(args: list[str], cwd: Path, env: dict[str, str], check: bool = True) -> subprocess.CompletedProcess:
    done = subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True)
    if check and done.returncode != 0:
        sys.exit(f"{' '.join(args)} failed ({done.returncode}):\n{done.stdout}{done.stderr}")
    return done


def snapshot_repo(target: Path) -> str:
    """Commit the working tree (tracked and not-ignored files) into ``target``; return the commit."""
    env = _env()
    listing = _run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"], REPO, env).stdout
    for name in filter(None, listing.split("\0")):
        if (REPO / name).is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(REPO / name, target / name)
    _run(["git", "init", "-q", "-b", "main"], target, env)
    _run(["git", "add", "-A"], target, env)
    _run(["git", "commit", "-q", "-m", "snapshot"], target, env)
    return _run(["git", "rev-parse", "HEAD"], target, env).stdout.strip()


def default_languagetool_path() -> str | None:
    data = os.environ.get("NEWSLINT_DATA_DIR")
    active = Path(data) / "languagetool" / "active.json" if data else None
    if active and active.is_file():
        return json.loads(active.read_text())["root"]
    return None


class Newsroom:
    def __init__(self, root: Path, env: dict[str, str]):
        self.root, self.env, self.edits = root, env, 0

    def edit(self) -> None:
        """Change one paragraph, so that LanguageTool's cache has not seen the text."""
        self.edits += 1
        count = " ".join(WORDS[int(d)] for d in str(self.edits))
        text = ARTICLE_HEAD + f"\nThe board has now met {count} times this year, the clerk said.\n"
        (self.root / "desk" / "harbor.md").write_text(text, encoding="utf-8")
        _run(["git", "add", "desk/harbor.md"], self.root, self.env)

    def commit(self, *extra: str) -> tuple[float, int, str]:
        self.edit()
        start = time.perf_counter()
        done = _run(["git", "commit", "-q", "-m", f"edit {self.edits}", *extra], self.root, self.env, check=False)
        return time.perf_counter() - start, done.returncode, done.stdout + done.stderr


def hook_newslint(pre_commit_home: Path) -> Path:
    found = sorted(pre_commit_home.glob("repo*/py_env-*/bin/newslint"))
    if not found:
        sys.exit(f"the hook's newslint was not found under {pre_commit_home}")
    return found[0]


def _summary(runs: list[tuple[float, int, str]]) -> tuple[float, list[int], str]:
    """Median seconds, every exit status, and the last output."""
    return statistics.median(r[0] for r in runs), [r[1] for r in runs], runs[-1][2]


def measure(newsroom: Newsroom, runs: int, before) -> tuple[float, list[int], str]:
    results = []
    for _ in range(runs):
        before()
        results.append(newsroom.commit())
    return _summary(results)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="commits per set-up (median reported)")
    parser.add_argument("--cold-runs", type=int, default=3, help="commits with a cold LanguageTool")
    parser.add_argument("--languagetool-path", default=default_languagetool_path(),
                        help="an installed LanguageTool folder to reuse (default: NEWSLINT_DATA_DIR's)")
    args = parser.parse_args(argv)
    if not args.languagetool_path:
        sys.exit("no LanguageTool install found: pass --languagetool-path or set NEWSLINT_DATA_DIR")

    with tempfile.TemporaryDirectory(prefix="newslint-precommit-") as tmp:
        tmp_path = Path(tmp)
        hook_repo = tmp_path / "hook"
        hook_repo.mkdir()
        rev = snapshot_repo(hook_repo)
        home = tmp_path / "pre-commit-home"
        data = tmp_path / "data"
        env = _env(PRE_COMMIT_HOME=str(home), NEWSLINT_DATA_DIR=str(data), NEWSLINT_CACHE_DIR=str(tmp_path / "cache"))
        root = tmp_path / "newsroom"
        (root / "desk").mkdir(parents=True)
        (root / ".pre-commit-config.yaml").write_text(
            f"repos:\n  - repo: {hook_repo}\n    rev: {rev}\n    hooks: [{{id: newslint}}]\n", encoding="utf-8")
        _run(["git", "init", "-q", "-b", "main"], root, env)
        print("building the hook's environment (pip, once)...", file=sys.stderr)
        _run([sys.executable, "-m", "pre_commit", "install", "--install-hooks"], root, env)
        newslint = str(hook_newslint(home))
        _run([newslint, "languagetool", "install", "--path", args.languagetool_path], root, env)
        newsroom = Newsroom(root, env)
        config = root / ".newslint.yml"          # untracked: pre-commit leaves it in place

        def stop() -> None:
            _run([newslint, "languagetool", "stop"], root, env)

        try:
            plain_times = [newsroom.commit("--no-verify")[0] for _ in range(args.runs)]
            plain = statistics.median(plain_times)

            _run([newslint, "languagetool", "start"], root, env)
            newsroom.commit()                                   # first commit through the hook: not timed
            # Alternate the two, so that load from other work on the machine hits both alike.
            no_lt_runs, warm_runs = [], []
            for _ in range(args.runs):
                config.write_text("languagetool: {enabled: false}\n", encoding="utf-8")
                no_lt_runs.append(newsroom.commit())
                config.unlink()
                warm_runs.append(newsroom.commit())
            no_lt, no_lt_codes, no_lt_out = _summary(no_lt_runs)
            warm, warm_codes, warm_out = _summary(warm_runs)

            cold, cold_codes, cold_out = measure(newsroom, args.cold_runs, before=stop)
        finally:
            stop()

    results = {"no-languagetool": (no_lt, no_lt_codes, no_lt_out), "warm": (warm, warm_codes, warm_out),
               "cold": (cold, cold_codes, cold_out)}
    print(f"plain commit (--no-verify): {plain:.3f} s (median of {args.runs})")
    print(f"{'set-up':<17}{'commit s':>9}{'hook adds s':>13}  exit statuses")
    added = {}
    for name, (seconds, codes, _) in results.items():
        added[name] = seconds - plain
        print(f"{name:<17}{seconds:>9.3f}{added[name]:>13.3f}  {codes}")
    print(f"ratios of added time: warm / no-languagetool = {added['warm'] / added['no-languagetool']:.2f}, "
          f"cold / no-languagetool = {added['cold'] / added['no-languagetool']:.2f}, "
          f"cold / warm = {added['cold'] / added['warm']:.2f}")
    failed = {name: out for name, (_, codes, out) in results.items() if any(codes)}
    for name, out in failed.items():
        print(f"\n{name}: a commit was refused; the hook said:\n{out.strip()}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
