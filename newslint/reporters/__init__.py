"""Output formats. Each module has ``render(report, stream, *, color=False)``."""
from __future__ import annotations

from types import MappingProxyType
from typing import Mapping, Protocol, TextIO

from newslint.errors import NewslintError
from newslint.report import Report
from newslint.reporters import github, json, sarif, text


class Reporter(Protocol):
    def __call__(self, report: Report, stream: TextIO, *, color: bool = False) -> None: ...


REPORTERS: Mapping[str, Reporter] = MappingProxyType({
    "text": text.render,
    "json": json.render,
    "sarif": sarif.render,
    "github": github.render,
})


class UnknownFormat(NewslintError, ValueError):
    def __init__(self, name: str):
        self.name = name
        super().__init__(f"unknown output format {name!r}; choose one of: {', '.join(REPORTERS)}")


def get_reporter(name: str) -> Reporter:
    try:
        return REPORTERS[name]
    except KeyError:
        raise UnknownFormat(name) from None
