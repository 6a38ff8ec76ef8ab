"""``--diff [REF]`` and ``--diff-file``: keep only findings on changed lines.

A unified diff becomes a :class:`ChangedLines` map from each changed file (resolved,
absolute) to the new-side line numbers that were added or modified. Pure deletions
change no line that still exists, so they select nothing; a new or untracked file counts
as changed throughout. Renamed files count only their edited lines.
"""
from __future__ import annotations

import os
import re
import subprocess
from dataclasses import dataclass, field
from typing import Iterable, Mapping

from newslint.errors import NewslintError
from newslint.findings import Finding

_HUNK = re.compile(r"@@ -\d+(?:,(\d+))? \+(\d+)(?:,(\d+))? @@")
_GIT_PREFIXES = ("a/", "b/", "c/", "i/", "o/", "w/", "1/", "2/")
_C_ESCAPES = {"a": 7, "b": 8, "f": 12, "n": 10, "r": 13, "t": 9, "v": 11, "\\": 92, '"': 34}
_DEFAULT_BRANCHES = ("origin/main", "origin/master", "main", "master")


class DiffError(NewslintError):
    """git could not say what changed, or a diff could not be read."""


@dataclass(frozen=True)
class ChangedLines:
    """Changed line numbers per file; ``None`` as a file's lines means every line."""

    files: Mapping[str, frozenset[int] | None] = field(default_factory=dict)

    def touches(self, path: str) -> bool:
        """True when ``path`` has any changed line (worth linting at all)."""
        return _key(path) in self.files

    def covers(self, finding: Finding) -> bool:
        """True when the finding's lines intersect the changed lines of its file."""
        key = _key(finding.path)
        if key not in self.files:
            return False
        lines = self.files[key]
        if lines is None:
            return True
        last = finding.end_line
        if last > finding.line and finding.end_column == 1:
            last -= 1              # the span stops at the start of end_line
        return any(n in lines for n in range(finding.line, last + 1))

    def merged(self, other: "ChangedLines") -> "ChangedLines":
        files = dict(self.files)
        for key, lines in other.files.items():
            mine = files.get(key, frozenset())
            files[key] = None if lines is None or mine is None else mine | lines
        return ChangedLines(files)


def _key(path: str) -> str:
    return os.path.realpath(path)


# -- unified diffs ------------------------------------------------------------------


def parse_unified_diff(text: str, roots: Iterable[str]) -> ChangedLines:
    """Changed lines from a unified diff (git or GNU ``diff -u``, any context size).

    Paths resolve against the first of ``roots`` where the file exists: git diffs name
    files from the repository root (``a/``, ``b/`` prefixes are dropped), ``diff -u``
    output from wherever it ran (a leading folder is dropped when that finds the file).
    """
    roots = [os.path.abspath(r) for r in roots]
    files: dict[str, set[int]] = {}
    lines = text.splitlines()
    in_git_block = False
    target: str | None = None
    i = 0
    while i < len(lines):
        line = lines[i]
        if line.startswith("diff --git "):
            in_git_block, target = True, None
        elif line.startswith("+++ ") and i > 0 and lines[i - 1].startswith("--- "):
            name, old = _diff_path(line[4:]), _diff_path(lines[i - 1][4:])
            prefixed = in_git_block or (name or "").startswith("b/") and (old is None or old.startswith("a/"))
            target = None if name is None else _resolve(name, roots, prefixed)
        elif line.startswith("@@ "):
            match = _HUNK.match(line)
            if match is None:
                raise DiffError(f"line {i + 1} of the diff: unreadable hunk header {line!r}")
            old_left = int(match.group(1) or "1")
            new_line = int(match.group(2))
            new_left = int(match.group(3) or "1")
            added = files.setdefault(target, set()) if target is not None else set()
            while (old_left > 0 or new_left > 0) and i + 1 < len(lines):
                body = lines[i + 1]
                kind = body[:1]
                if kind == "+":
                    added.add(new_line)
                    new_line, new_left = new_line + 1, new_left - 1
                elif kind == "-":
                    old_left -= 1
                elif kind in (" ", ""):           # context ('' when trailing spaces were trimmed)
                    new_line, new_left, old_left = new_line + 1, new_left - 1, old_left - 1
                elif kind != "\\":                 # '\ No newline at end of file'
                    break
                i += 1
        elif line.startswith(("diff ", "Only in ")):   # GNU diff -r between files
            in_git_block, target = False, None
        i += 1
    return ChangedLines({path: frozenset(found) for path, found in files.items() if found})


def _diff_path(raw: str) -> str | None:
    """The file name of a ``---``/``+++`` line; None for /dev/null (a deleted file)."""
    if raw.startswith('"'):
        name = _unquote(raw)
    else:
        name = raw.split("\t", 1)[0].rstrip("\r")
    return None if name == "/dev/null" else name


def _unquote(raw: str) -> str:
    """Undo git's C-style quoting of unusual file names (octal escapes are UTF-8 bytes)."""
    out = bytearray()
    i = 1
    while i < len(raw) and raw[i] != '"':
        char = raw[i]
        if char == "\\" and i + 1 < len(raw):
            nxt = raw[i + 1]
            if nxt in "01234567":
                out.append(int(raw[i + 1:i + 4], 8))
                i += 4
                continue
            out.append(_C_ESCAPES.get(nxt, ord(nxt)))
            i += 2
            continue
        out.extend(char.encode("utf-8"))
        i += 1
    return out.decode("utf-8", "surrogateescape")


def _resolve(name: str, roots: list[str], prefixed: bool) -> str:
    """The file a diff names: with its a/ b/ prefix dropped first when it has one, else as
    written first; then whichever exists under a root."""
    _, _, rest = name.partition("/")
    stripped = rest if rest and (name.startswith(_GIT_PREFIXES) if prefixed else True) else None
    candidates = [stripped, name] if prefixed else [name, stripped]
    candidates = [c for c in candidates if c]
    for root in roots:
        for candidate in candidates:
            full = os.path.join(root, candidate)
            if os.path.exists(full):
                return _key(full)
    return _key(os.path.join(roots[0], candidates[0]))


# -- git ----------------------------------------------------------------------------


def _git(args: list[str], cwd: str | None, *, check: bool = True) -> subprocess.CompletedProcess:
    try:
        done = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True,
                              encoding="utf-8", errors="surrogateescape")
    except FileNotFoundError:
        raise DiffError("git is not installed (needed by --diff)") from None
    if check and done.returncode != 0:
        message = done.stderr.strip().splitlines()[-1] if done.stderr.strip() else f"exit {done.returncode}"
        raise DiffError(f"git {args[0]}: {message}")
    return done


def repo_root(cwd: str | None = None) -> str | None:
    """The top folder of the git work tree around ``cwd``, or None outside one."""
    try:
        done = _git(["rev-parse", "--show-toplevel"], cwd, check=False)
    except DiffError:
        return None
    if done.returncode != 0:
        return None
    return done.stdout.strip() or None


def is_revision(ref: str, cwd: str | None = None) -> bool:
    if ref.startswith("-"):
        return False
    return _git(["rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}"], cwd, check=False).returncode == 0


def default_branch(cwd: str | None = None) -> str:
    """origin/HEAD's branch, else the first of origin/main, origin/master, main, master."""
    done = _git(["symbolic-ref", "--quiet", "refs/remotes/origin/HEAD"], cwd, check=False)
    if done.returncode == 0 and done.stdout.strip():
        return done.stdout.strip().removeprefix("refs/remotes/")
    for name in _DEFAULT_BRANCHES:
        if is_revision(name, cwd):
            return name
    raise DiffError("cannot tell the default branch (no origin/HEAD, origin/main, origin/master, "
                    "main or master); name the base: --diff=REF")


def merge_base(ref: str | None, cwd: str | None = None) -> str:
    """The commit changes are counted from: where HEAD left ``ref`` (the default branch)."""
    if _git(["rev-parse", "--verify", "--quiet", "HEAD"], cwd, check=False).returncode != 0:
        raise DiffError("the repository has no commits yet; --diff needs a base commit")
    base = ref if ref is not None else default_branch(cwd)
    if not is_revision(base, cwd):
        raise DiffError(f"{base!r} is not a commit, branch or tag in this repository")
    done = _git(["merge-base", base, "HEAD"], cwd, check=False)
    if done.returncode != 0 or not done.stdout.strip():
        raise DiffError(f"{base!r} and HEAD share no history (no merge base)")
    return done.stdout.strip()


def git_changed_lines(ref: str | None = None, cwd: str | None = None) -> ChangedLines:
    """Lines changed since the merge base of ``ref`` (default branch) and HEAD.

    Counts commits since that base, staged and unstaged edits, and untracked files that
    git does not ignore (new articles count as changed throughout).
    """
    root = repo_root(cwd)
    if root is None:
        raise DiffError(f"{os.path.abspath(cwd or '.')} is not inside a git repository (needed by --diff)")
    base = merge_base(ref, root)
    diff = _git(["-c", "core.quotePath=true", "diff", "--no-color", "--no-ext-diff", "--no-textconv",
                 "--no-relative", "--ignore-submodules", "--find-renames", "-U0",
                 "--src-prefix=a/", "--dst-prefix=b/", base, "--"], root)
    changed = parse_unified_diff(diff.stdout, [root])
    untracked = _git(["ls-files", "-z", "--others", "--exclude-standard", "--full-name"], root)
    new_files = {_key(os.path.join(root, name)): None for name in untracked.stdout.split("\0") if name}
    return changed.merged(ChangedLines(new_files))


def diff_file_changed_lines(text: str, cwd: str | None = None) -> ChangedLines:
    """Changed lines from a diff someone saved (``--diff-file``): paths from the repo root or cwd."""
    here = os.path.abspath(cwd or ".")
    root = repo_root(here)
    return parse_unified_diff(text, [root, here] if root and root != here else [here])
