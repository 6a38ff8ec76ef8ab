"""Code actions: apply a finding's fix, fix everything safe, or silence a rule on a line."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Sequence

from lsprotocol import types

from newslint.findings import Finding
from newslint.fixing import choose_fixes
from newslint.lsp.diagnostics import to_diagnostic
from newslint.lsp.positions import PositionMap

FIX_ALL = "source.fixAll.newslint"
QUICKFIX = types.CodeActionKind.QuickFix.value

# Markdown lines a trailing comment must not be added to: a code fence, front matter
# or thematic-break markers, setext underlines, headings, HTML blocks, table rows.
_MARKDOWN_BOUNDARY = re.compile(r"[ \t]{0,3}(?:```|~~~|---|\+\+\+|\*\*\*|___|===|#|<|\|)")
_INDENT = re.compile(r"[ \t]*")


@dataclass(frozen=True)
class DocumentState:
    """One version of an open document with the findings linted from it."""

    uri: str
    version: int | None
    format: str                     # "text" | "markdown" | "html"
    positions: PositionMap
    findings: tuple[Finding, ...]

    @property
    def text(self) -> str:
        return self.positions.text


@dataclass(frozen=True)
class EditStyle:
    """How the client wants workspace edits: versioned document changes or a plain map."""

    document_changes: bool = True
    disabled_support: bool = False  # the client shows actions that are offered but disabled


def code_actions(state: DocumentState, request: types.Range, only: Sequence[str] | None,
                 style: EditStyle) -> list[types.CodeAction]:
    """The actions for the findings that touch ``request`` (plus "fix all", file-wide)."""
    first, last = state.positions.offset(request.start), state.positions.offset(request.end)
    actions: list[types.CodeAction] = []
    if _wanted(QUICKFIX, only):
        for finding in state.findings:
            if finding.offset <= last and first <= finding.end_offset:
                actions.extend(_finding_actions(state, finding, style))
    if _wanted(FIX_ALL, only):
        fix_all = _fix_all(state, style)
        if fix_all is not None:
            actions.append(fix_all)
    return actions


def _wanted(kind: str, only: Sequence[str] | None) -> bool:
    return not only or any(kind == o or kind.startswith(o + ".") for o in only)


def _finding_actions(state: DocumentState, finding: Finding, style: EditStyle) -> list[types.CodeAction]:
    diagnostic = to_diagnostic(finding, state.positions)
    out: list[types.CodeAction] = []
    if finding.fix is not None:
        edit = types.TextEdit(diagnostic.range, finding.fix.replacement)
        out.append(types.CodeAction(
            title=f"{_describe(state.text[finding.offset:finding.end_offset], finding.fix.replacement)}"
                  f" ({finding.rule})",
            kind=QUICKFIX,
            diagnostics=[diagnostic],
            is_preferred=finding.fix.safe,
            edit=_workspace_edit(state, [edit], style)))
    title = f"Disable {finding.rule} for this line"
    insert = disable_next_line_edit(state, finding)
    if insert is not None:
        out.append(types.CodeAction(title=title, kind=QUICKFIX, diagnostics=[diagnostic],
                                    edit=_workspace_edit(state, [insert], style)))
    elif style.disabled_support:
        out.append(types.CodeAction(
            title=title, kind=QUICKFIX, diagnostics=[diagnostic],
            disabled=types.CodeActionDisabled(
                "plain text has no comment syntax: turn the rule off in .newslint.yml instead")))
    return out


def disable_next_line_edit(state: DocumentState, finding: Finding) -> types.TextEdit | None:
    """An edit that puts ``<!-- newslint-disable-next-line RULE -->`` before the finding's line.

    HTML gets a comment line above, indented like the line. So does Markdown, except
    where the line above belongs to the same block (a paragraph or list running on):
    a comment line there would split the block, so the comment goes at the end of the
    line above, which the directive covers the same way. Plain text has no comments.
    """
    if state.format not in ("markdown", "html"):
        return None
    positions = state.positions
    line = positions.line_of(finding.offset)
    comment = f"<!-- newslint-disable-next-line {finding.rule} -->"
    start = positions.line_start(line)
    if state.format == "markdown" and line > 0:
        above = state.text[positions.line_start(line - 1):positions.line_end(line - 1)]
        if above.strip() and not _MARKDOWN_BOUNDARY.match(above):
            end = positions.position(positions.line_end(line - 1))
            return types.TextEdit(types.Range(end, end), " " + comment)
    indent = _INDENT.match(state.text, start).group()
    line_break = positions.line_break(line) or (positions.line_break(line - 1) if line > 0 else "") or "\n"
    at = positions.position(start)
    return types.TextEdit(types.Range(at, at), indent + comment + line_break)


def _fix_all(state: DocumentState, style: EditStyle) -> types.CodeAction | None:
    fixes = choose_fixes(state.findings, state.text, unsafe=False)
    if not fixes:
        return None
    edits = [types.TextEdit(state.positions.range(f.offset, f.end_offset), f.fix.replacement)
             for f in fixes if f.fix is not None]
    # Edits per span rather than one over the whole text keep the editor's cursors and
    # folds where they were.
    return types.CodeAction(title="Fix all safe newslint problems", kind=FIX_ALL,
                            edit=_workspace_edit(state, edits, style))


def _workspace_edit(state: DocumentState, edits: list[types.TextEdit], style: EditStyle) -> types.WorkspaceEdit:
    if style.document_changes:
        return types.WorkspaceEdit(document_changes=[types.TextDocumentEdit(
            types.OptionalVersionedTextDocumentIdentifier(state.uri, state.version), edits)])
    return types.WorkspaceEdit(changes={state.uri: edits})


def _describe(found: str, replacement: str) -> str:
    if not replacement:
        return f"Delete {_quoted(found)}"
    if not found:
        return f"Insert {_quoted(replacement)}"
    return f"Replace {_quoted(found)} with {_quoted(replacement)}"


def _quoted(text: str, limit: int = 40) -> str:
    shown = text if len(text) <= limit else text[:limit - 1] + "…"
    return "“" + shown.replace("\n", "⏎") + "”"
