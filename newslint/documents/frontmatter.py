"""Markdown front matter's string values, as segments only YAML rules read.

Vale lints each top-level string value of YAML front matter as its own block, scoped
``text.frontmatter.<key>``; the other checks treat front matter as metadata. Each value
becomes a FRONT_MATTER segment named by its key, mapped to the file by a walk over the
scalar's own source span (quotes, escapes, doubled quotes, folded line breaks and block
indentation each mapped to what they stand for), so an alert points where the text is.

Front matter that is not valid YAML, or not a mapping, gives no values (Vale stops on
it with an error; here the article's body is still checked).
"""
from __future__ import annotations

import yaml

from newslint.documents.model import LineIndex, Segment, SegmentKind, SourceMap, SourceMapBuilder

_STR = "tag:yaml.org,2002:str"
_BOOL = "tag:yaml.org,2002:bool"
# Plain words PyYAML (YAML 1.1) reads as booleans and Vale's parser (YAML 1.2) as strings.
_STRICT_BOOLS = frozenset({"true", "false"})
_ESCAPE_WIDTH = {"x": 4, "u": 6, "U": 10}
# libyaml's loader where PyYAML was built with it (several times faster); its marks count
# characters, as the pure-Python loader's do.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def front_matter_segments(text: str, content: str, content_start: int, lines: LineIndex,
                          first_index: int) -> tuple[Segment, ...]:
    """The string values of the YAML ``content`` found at file offset ``content_start``,
    numbered from ``first_index``."""
    try:
        root = yaml.compose(content, Loader=_LOADER)
    except yaml.YAMLError:
        return ()
    if not isinstance(root, yaml.MappingNode):
        return ()
    out: list[Segment] = []
    for key, value in root.value:
        if not isinstance(key, yaml.ScalarNode) or not _is_string(value) or not value.value.strip():
            continue
        start = content_start + value.start_mark.index
        end = content_start + value.end_mark.index
        smap = _value_map(value.value, text, start, end, value.style)
        line, _ = lines.position(smap.start(0))
        out.append(Segment(SegmentKind.FRONT_MATTER, value.value, smap, first_index + len(out), line, key.value))
    return tuple(out)


def _is_string(node: yaml.Node) -> bool:
    if not isinstance(node, yaml.ScalarNode):
        return False
    if node.tag == _STR:
        return True
    return node.tag == _BOOL and not node.style and node.value.lower() not in _STRICT_BOOLS


def _value_map(value: str, text: str, start: int, end: int, style: str | None) -> SourceMap:
    """Map a scalar's value to its source ``text[start:end]``, one value character at a time."""
    cursor = start
    if style in ('"', "'"):
        cursor += 1
    elif style in ("|", ">"):
        header_end = text.find("\n", start, end)
        cursor = end if header_end < 0 else header_end + 1
    out = SourceMapBuilder()
    i = 0
    while i < len(value):
        c = value[i]
        if cursor >= end:
            out.replace(value[i:], end, end)
            break
        src = text[cursor]
        if style == '"' and src == "\\":
            if text.startswith("\\\n", cursor) or text.startswith("\\\r\n", cursor):
                cursor = _skip_space(text, text.index("\n", cursor) + 1, end)   # an escaped line break
                continue
            width = _ESCAPE_WIDTH.get(text[cursor + 1:cursor + 2], 2)
            out.replace(c, cursor, cursor + width)
            cursor += width
        elif style == "'" and c == "'" and text.startswith("''", cursor):
            out.replace(c, cursor, cursor + 2)
            cursor += 2
        elif src == c:
            out.copy(c, cursor)
            cursor += 1
        elif src in " \t\r\n":
            if c in " \n":   # a folded line break: the break and the indentation after it
                after = _skip_space(text, cursor, end)
                out.replace(c, cursor, after)
                cursor = after
            else:            # a block's indentation, or trailing space before a break
                cursor = _skip_space(text, cursor, end)
                continue
        else:                # not where expected: keep offsets in range
            out.replace(value[i:], cursor, cursor)
            break
        i += 1
    return out.build()[1]


def _skip_space(text: str, at: int, end: int) -> int:
    while at < end and text[at] in " \t\r\n":
        at += 1
    return at
