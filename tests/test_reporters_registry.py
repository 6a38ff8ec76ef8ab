"""Picking a reporter by name."""
from __future__ import annotations

import pytest

from newslint.errors import NewslintError
from newslint.reporters import REPORTERS, UnknownFormat, get_reporter, github, html, json, sarif, text


def test_every_format_is_registered():
    assert dict(REPORTERS) == {"text": text.render, "json": json.render, "sarif": sarif.render, "github": github.render,
                                 "html": html.render}
    assert get_reporter("sarif") is sarif.render


def test_the_registry_is_read_only():
    with pytest.raises(TypeError):
        REPORTERS["xml"] = text.render  # type: ignore[index]


def test_unknown_format():
    with pytest.raises(UnknownFormat, match="unknown output format 'xml'; choose one of: text, json, sarif, github, html"):
        get_reporter("xml")
    assert issubclass(UnknownFormat, NewslintError)
