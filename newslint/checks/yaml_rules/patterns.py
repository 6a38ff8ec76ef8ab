"""Rule regexes: RE2 (linear time) when the syntax allows, else `regex` with a time limit.

Vale's rules are written for Go's RE2 syntax plus the lookaround and backreferences of
its regexp2 engine. A pattern RE2 accepts runs in linear time and joins the combined
prefilter; only a pattern that needs syntax RE2 lacks falls back to the `regex` package,
whose every call is bounded by :data:`FALLBACK_TIMEOUT` seconds.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from typing import Any, Iterator

import re2
from re2 import _re2

from newslint.errors import NewslintError

FALLBACK_TIMEOUT = 1.0       # seconds per search over one text
RE2_MAX_MEM = 64 << 20

_UNANCHORED = _re2.RE2.Anchor.UNANCHORED
_FEW_SPANS = 16      # fewer spans than this in a text not yet tabled: count instead of tabling
_CONTINUATION = re.compile(rb"[\x80-\xbf]")     # UTF-8 bytes that do not start a character


class RuleTimeoutError(NewslintError):
    """A fallback (non-RE2) pattern ran past its time limit on some text."""

    def __init__(self, rule_id: str, pattern: str):
        self.rule_id = rule_id
        self.pattern = pattern
        super().__init__(
            f"rule {rule_id}: pattern {pattern!r} took longer than {FALLBACK_TIMEOUT:g}s and was stopped "
            "(it uses lookaround or backreferences, which RE2 cannot run in linear time; simplify it)")


def re2_options() -> re2.Options:
    options = re2.Options()
    options.log_errors = False
    options.max_mem = RE2_MAX_MEM
    return options


class Pattern:
    """One compiled rule regex with the calls the rule types need."""

    __slots__ = ("source", "rule_id", "linear", "whole_text", "_re", "_run")

    def __init__(self, source: str, rule_id: str, compiled: Any, linear: bool):
        self.source = source
        self.rule_id = rule_id
        self.linear = linear
        # Anchors on the whole input (\A, \z, ^ or $ outside multi-line mode) must see one
        # segment at a time. ("[^...]" also counts: slower, never wrong.)
        anchored = ("^" in source or "$" in source) and "(?m)" not in source
        self.whole_text = anchored or any(t in source for t in ("\\A", "\\z", "(?-m", "(?s"))
        self._re = compiled
        self._run = _RUN_OF_NON_SPACE if linear and _is_run_of_non_space(source) else None

    def __reduce__(self):
        return compile_pattern, (self.source, self.rule_id)

    def finditer(self, text: str) -> Iterator[Any]:
        if self.linear:
            return self._re.finditer(text)
        return self._bounded(self._re.finditer(text, timeout=FALLBACK_TIMEOUT))

    def spans(self, text: "str | Utf8") -> list[tuple[int, int]]:
        """(start, end) of every match, in characters: the spans :meth:`finditer` gives,
        without a match object per match.

        RE2 runs on UTF-8: RE2's own matcher is called directly on the encoded text (the
        same engine, still linear time), and byte offsets become character offsets in one
        pass: unchanged for ASCII text, else each offset less the continuation bytes
        before it. Pass a :class:`Utf8` to share the encoding between patterns.
        """
        if self._run is not None:
            return [m.span() for m in self._run.finditer(text if isinstance(text, str) else text.text)]
        if not self.linear:
            return [m.span() for m in self.finditer(text if isinstance(text, str) else text.text)]
        if isinstance(text, str):
            text = Utf8(text)
        found = byte_spans(self._re._regexp, text.data)
        return text.chars(found) if found else found

    def search(self, text: str) -> Any:
        if self.linear:
            return self._re.search(text)
        try:
            return self._re.search(text, timeout=FALLBACK_TIMEOUT)
        except TimeoutError:
            raise RuleTimeoutError(self.rule_id, self.source) from None

    def fullmatch(self, text: str) -> Any:
        if self.linear:
            return self._re.fullmatch(text)
        try:
            return self._re.fullmatch(text, timeout=FALLBACK_TIMEOUT)
        except TimeoutError:
            raise RuleTimeoutError(self.rule_id, self.source) from None

    def _bounded(self, matches: Iterator[Any]) -> Iterator[Any]:
        try:
            yield from matches
        except TimeoutError:
            raise RuleTimeoutError(self.rule_id, self.source) from None


# A run of non-space characters (``[^\s]+``, ``\S+``: a word as sentence-length and
# repetition rules count them) is the one pattern found on the standard library's `re`
# instead of RE2, as it is far faster there for its many short matches. It is the same
# pattern: RE2's \s is exactly the five ASCII spaces [\t\n\f\r ] (Perl classes are
# ASCII in RE2, unlike Python's), so the spelled-out class below matches the same code
# points, and a single greedy run is matched identically by both engines (leftmost
# start, longest run, never empty). It is linear time with `re` too: one character
# class repeated, with nothing after it, never backtracks; a start fails at once or the
# run is read once and the search goes on after it.
_RUN_OF_NON_SPACE = re.compile(r"[^\t\n\f\r ]+")
_RUN_SPELLINGS = frozenset({r"[^\s]+", r"\S+"})


def _is_run_of_non_space(source: str) -> bool:
    """``source`` is exactly a run of non-space, alone or in one group (no flags)."""
    for opening in ("(?:", "("):
        if source.startswith(opening) and source.endswith(")"):
            return source[len(opening):-1] in _RUN_SPELLINGS
    return source in _RUN_SPELLINGS


class Utf8:
    """A text with its UTF-8 bytes (and, once needed, where its multi-byte characters
    continue), shared by the patterns that search it."""

    __slots__ = ("text", "data", "_continuation")

    def __init__(self, text: str):
        self.text = text
        self.data = text.encode("utf-8")
        self._continuation: list[int] | None = [] if len(self.data) == len(text) else None

    def chars(self, found: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """Byte spans in this text as character spans. A few spans are counted from one to
        the next; many, against the table of continuation bytes (made once per text)."""
        if self._continuation is None:
            if len(found) < _FEW_SPANS:
                return _counted(self.data, found)
            self._continuation = continuation_bytes(self.data)
        return chars_of(found, self._continuation)


def _counted(data: bytes, found: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Byte spans (in order, not overlapping) as character spans, counting the characters
    between one offset and the next."""
    count = _re2.BytesToCharLen
    out: list[tuple[int, int]] = []
    at_byte = at_char = 0
    for s, e in found:
        start = at_char + count(data, at_byte, s)
        at_char, at_byte = start + count(data, s, e), e
        out.append((start, at_char))
    return out


def byte_spans(regexp: Any, data: bytes) -> list[tuple[int, int]]:
    """Every match of a compiled RE2 (``re2._re2.RE2``) in UTF-8 ``data`` as byte spans, in
    the order and with the empty-match rule of ``re2``'s ``finditer``: after an empty match
    the search moves on by one character."""
    match = regexp.Match
    out: list[tuple[int, int]] = []
    append = out.append
    pos, end = 0, len(data)
    while True:
        span = match(_UNANCHORED, data, pos, end)[0]
        if span[0] < 0:
            return out
        append(span)
        if pos == end:
            return out
        if span[1] == pos:
            pos += 1
            while pos < end and 0x80 <= data[pos] < 0xC0:
                pos += 1
        else:
            pos = span[1]


def continuation_bytes(data: bytes) -> list[int]:
    """Offsets of the bytes in UTF-8 ``data`` that continue a character (sorted)."""
    return [m.start() for m in _CONTINUATION.finditer(data)]


def chars_of(found: list[tuple[int, int]], continuation: list[int]) -> list[tuple[int, int]]:
    """Byte spans as character spans: a character offset is the byte offset less the
    continuation bytes before it."""
    if not continuation:
        return found
    return [(s - bisect_left(continuation, s), e - bisect_left(continuation, e)) for s, e in found]


def compile_pattern(source: str, rule_id: str) -> Pattern:
    """Compile with RE2, else with `regex`; raises ValueError naming what is wrong."""
    try:
        return Pattern(source, rule_id, re2.compile(source, re2_options()), linear=True)
    except re2.error as exc:
        re2_problem = str(exc) or "RE2 rejected it"
    try:
        import regex
    except ImportError:
        raise ValueError(f"{re2_problem} (lookaround and backreferences need the 'regex' package)") from None
    try:
        compiled = regex.compile(source, regex.VERSION0)
    except regex.error as exc:
        raise ValueError(str(exc)) from None
    return Pattern(source, rule_id, compiled, linear=False)


def compiles_with_re2(source: str) -> bool:
    try:
        re2.compile(source, re2_options())
    except re2.error:
        return False
    return True
