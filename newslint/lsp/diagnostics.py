"""Findings as LSP diagnostics."""
from __future__ import annotations

from lsprotocol import types

from newslint.findings import Finding, Severity, Source
from newslint.lsp.positions import PositionMap

SOURCE = "newslint"

SEVERITIES = {
    Severity.ERROR: types.DiagnosticSeverity.Error,
    Severity.WARNING: types.DiagnosticSeverity.Warning,
    # Hints are drawn faintly or not at all by many editors; suggestions should be seen.
    Severity.SUGGESTION: types.DiagnosticSeverity.Information,
}


def to_diagnostic(finding: Finding, positions: PositionMap) -> types.Diagnostic:
    source = f"{SOURCE} (LanguageTool)" if finding.source is Source.LANGUAGETOOL else SOURCE
    return types.Diagnostic(
        range=positions.range(finding.offset, finding.end_offset),
        message=finding.message,
        severity=SEVERITIES[finding.severity],
        code=finding.rule,
        source=source,
        data={"rule": finding.rule, "offset": finding.offset, "end_offset": finding.end_offset},
    )
