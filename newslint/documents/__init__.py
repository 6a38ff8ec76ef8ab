"""The document stage: decoded file text -> :class:`Document` (segments with source maps).

One parser per format (``text``, ``markdown``, ``html``); each returns a document whose
segments carry exact source maps back to the file text.
"""
from __future__ import annotations

import os

from newslint.documents.model import (
    Document, LineIndex, Run, Segment, SegmentKind, SourceMap, SourceMapBuilder,
    Suppression, make_segments,
)

FORMATS: dict[str, str] = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
}


def format_for_path(path: str) -> str | None:
    """The document format for a file name, from its extension (None: not an article)."""
    return FORMATS.get(os.path.splitext(path)[1].lower())


def parse_document(text: str, path: str, fmt: str) -> Document:
    """Parse decoded file text in format ``fmt`` ("text", "markdown" or "html")."""
    # Parsers are imported on use: markdown-it and lxml cost start-up time.
    if fmt == "text":
        from newslint.documents.text import parse_text
        return parse_text(text, path)
    if fmt == "markdown":
        from newslint.documents.markdown import parse_markdown
        return parse_markdown(text, path)
    if fmt == "html":
        from newslint.documents.html import parse_html
        return parse_html(text, path)
    raise ValueError(f"unknown document format {fmt!r} (expected text, markdown or html)")


__all__ = [
    "FORMATS", "Document", "LineIndex", "Run", "Segment", "SegmentKind", "SourceMap",
    "SourceMapBuilder", "Suppression", "format_for_path", "make_segments", "parse_document",
]
