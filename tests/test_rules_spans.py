"""Pattern.spans (RE2 called on UTF-8 directly, or `re` for a run of non-space) gives
exactly the spans of Pattern.finditer (the re2 module's match objects)."""
from __future__ import annotations

import pytest

from newslint.checks.yaml_rules.patterns import Utf8, compile_pattern

PATTERNS = [
    r"(?:[^\s]+)", r"([^\s]+)", r"[^\s]+", r"(\S+)", r"(?i)(?:[^\s]+)", r"(?i)(\bthe\b)", r"(?:\d+)", r"(?:,)",
    r"(?m)\b(?:said)\b", r"(?m)", r"x*", r"\b", r"[^a]*", r"(?i)(?:é|the)\b", r"—", r"(?i)k", r"(a)|(b)",
    r"(?<=a)b",       # not RE2: the `regex` fallback
]
TEXTS = [
    "",
    "the The thé x  é\u2014the\n\n",
    "a\u00a0b\vc\u2009d\x1ce\u3000f\n\ng\x85h  x",
    "one two\tthree\r\nfour\f5, 6,7",
    "😀a😀—\u212a k K ab ba",
    "said said SAID. The the end",
]


@pytest.mark.parametrize("source", PATTERNS)
@pytest.mark.parametrize("text", TEXTS)
def test_spans_equal_finditer(source, text):
    pattern = compile_pattern(source, "Acme.Test")
    expected = [m.span() for m in pattern.finditer(text)]
    assert pattern.spans(text) == expected
    assert pattern.spans(Utf8(text)) == expected


@pytest.mark.parametrize("source", [r"(?:[^\s]+)", r"(?m)\b(?:said)\b"])
def test_many_and_few_matches_in_one_text(source):
    text = "é " * 40 + "said " * 40 + "—said—"
    pattern = compile_pattern(source, "Acme.Test")
    shared = Utf8(text)
    expected = [m.span() for m in pattern.finditer(text)]
    assert pattern.spans(shared) == expected
    assert compile_pattern("(?m)said", "Acme.Test").spans(shared) == [
        m.span() for m in compile_pattern("(?m)said", "Acme.Test").finditer(text)]
