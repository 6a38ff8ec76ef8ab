"""Path globs for ``include``, ``exclude`` and ``overrides``, in the spirit of .gitignore.

Patterns match paths relative to the config file's folder, written with ``/``:

- ``*`` matches within one path component, ``?`` one character, ``[abc]`` a class;
- ``**`` as a whole component matches any number of components, none included
  (``**/draft.md``, ``wires/**``, ``a/**/b.md``); elsewhere it behaves like ``*``;
- a pattern without a ``/`` matches a single component at any depth
  (``*.md`` matches ``desk/story.md``); one with a ``/`` is anchored at the folder
  (a leading ``/`` only anchors, ``./`` is dropped);
- a trailing ``/`` is ignored: whether a path is a folder is not looked up.

Matching is case-sensitive. A path outside the folder (``../x.md``) only matches
unanchored patterns, by its name.
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from typing import Iterable


def _translate_component(part: str) -> str:
    """Regex for one path component without ``**`` semantics."""
    out: list[str] = []
    i, n = 0, len(part)
    while i < n:
        c = part[i]
        i += 1
        if c == "*":
            while i < n and part[i] == "*":
                i += 1
            out.append("[^/]*")
        elif c == "?":
            out.append("[^/]")
        elif c == "[":
            j = i
            if j < n and part[j] in "!^":
                j += 1
            if j < n and part[j] == "]":
                j += 1
            while j < n and part[j] != "]":
                j += 1
            if j >= n:                      # no closing bracket: a literal "["
                out.append(re.escape(c))
                continue
            body = part[i:j]
            i = j + 1
            negate = body[:1] in ("!", "^")
            if negate:
                body = body[1:]
            body = "".join(ch if ch == "-" else re.escape(ch) for ch in body)
            out.append(f"[^/{body}]" if negate else f"(?!/)[{body}]")
        else:
            out.append(re.escape(c))
    return "".join(out)


def translate(pattern: str) -> tuple[str, bool]:
    """``(regex, anchored)`` for one glob; the regex matches a whole relative path."""
    pattern = pattern.strip().replace("\\", "/")
    while pattern.startswith("./"):
        pattern = pattern[2:]
    anchored = "/" in pattern.rstrip("/")
    pattern = pattern.strip("/")
    parts = [p for p in pattern.split("/") if p not in ("", ".")]
    pieces: list[str] = []
    for index, part in enumerate(parts):
        last = index == len(parts) - 1
        if part == "**":
            # Any run of components: "a/**" needs one at least, "**/b" and "a/**/b" none.
            pieces.append(".+" if last and index > 0 else "(?:[^/]+/)*" if not last else ".*")
        else:
            pieces.append(_translate_component(part) + ("" if last else "/"))
    regex = "".join(pieces)
    return regex, anchored


@dataclass(frozen=True)
class GlobSet:
    """A compiled set of globs; ``matches`` is true when any glob matches."""

    patterns: tuple[str, ...]
    _anchored: "re.Pattern[str] | None" = field(init=False, repr=False, compare=False)
    _names: "re.Pattern[str] | None" = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        anchored, names = [], []
        for pattern in self.patterns:
            regex, is_anchored = translate(pattern)
            (anchored if is_anchored else names).append(regex)
        object.__setattr__(self, "_anchored", _compile(anchored))
        object.__setattr__(self, "_names", _compile(names))

    def matches(self, rel_path: str) -> bool:
        """True when the path itself matches (unanchored globs look at its name only)."""
        rel_path = _normalise(rel_path)
        name = rel_path.rsplit("/", 1)[-1]
        return bool((self._names and self._names.fullmatch(name))
                    or (self._anchored and not _outside(rel_path) and self._anchored.fullmatch(rel_path)))

    def matches_path_or_parent(self, rel_path: str) -> bool:
        """True when the path or any folder above it matches (how exclusion works)."""
        rel_path = _normalise(rel_path)
        parts = rel_path.split("/")
        if self._names and any(self._names.fullmatch(p) for p in parts if p != ".."):
            return True
        if self._anchored and not _outside(rel_path):
            return any(self._anchored.fullmatch("/".join(parts[:i])) for i in range(1, len(parts) + 1))
        return False


def _compile(regexes: list[str]) -> "re.Pattern[str] | None":
    return re.compile("|".join(f"(?:{r})" for r in regexes)) if regexes else None


def _normalise(rel_path: str) -> str:
    rel_path = rel_path.replace(os.sep, "/") if os.sep != "/" else rel_path
    while rel_path.startswith("./"):
        rel_path = rel_path[2:]
    return rel_path.strip("/")


def _outside(rel_path: str) -> bool:
    return rel_path == ".." or rel_path.startswith("../")


def glob_set(patterns: Iterable[str]) -> GlobSet:
    return GlobSet(tuple(patterns))
