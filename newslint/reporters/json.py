"""The JSON contract of DESIGN.md, for scripts and editors.

    {"version": 1, "findings": [...], "errors": [...], "notices": [...]}

``findings`` and ``errors`` are ``Finding.to_json`` and ``FileError.to_json``, sorted by
path and position. ``notices`` is an addition to the contract: things the run wants
the user to know once, as ``{"code": ..., "message": ...}`` (say, that LanguageTool was
not reachable, so an editor can tell "no grammar findings" from "grammar not checked").
Output is UTF-8 text (no ``\\u`` escapes), keys in the contract's order, one trailing
newline.
"""
from __future__ import annotations

import json
from typing import TextIO

from newslint.report import Report

FORMAT_VERSION = 1


def render(report: Report, stream: TextIO, *, color: bool = False, quiet: bool = False) -> None:
    document = {
        "version": FORMAT_VERSION,
        "findings": [f.to_json() for f in sorted(report.findings)],
        "errors": [e.to_json() for e in sorted(report.errors)],
        "notices": [{"code": n.code, "message": n.message} for n in report.notices],
    }
    json.dump(document, stream, ensure_ascii=False, indent=2)
    stream.write("\n")
