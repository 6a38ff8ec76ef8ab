import pytest

from newslint.documents import SegmentKind, parse_document

ARTICLE = """\
---
title: Storm closes the harbour
tags: [weather, coast]
---
# Storm closes the *harbour*

By Ana Costa

Fishermen said the **storm** was the worst in [twenty years](https://example.com/archive "Archive").
The port &amp; the &#8220;old&#8221; pier&nbsp;closed.

> “We lost everything,” said Ruiz, a \\*skipper\\*.

## What comes next

- Repairs start *Monday*
- The ferry runs `every hour` again

```python
print("not prose")
```

    indented code is not prose

<div class="ad">Advertisement</div>

| Boat | Damage |
|------|--------|
| Rosa | hull   |

![A crane lifts a *boat*](crane.jpg)
"""


def parse(text):
    return parse_document(text, "story.md", "markdown")


def pos(doc, segment, word, nth=0):
    """(line, column) of a word in a segment; the mapped span must read as the word."""
    start = -1
    for _ in range(nth + 1):
        start = segment.text.index(word, start + 1)
    a, b = segment.source_map.span(start, start + len(word))
    assert doc.text[a:b] == word
    return doc.position(a)


def seg(doc, prefix):
    return next(s for s in doc.segments if s.text.startswith(prefix))


def test_segments_and_kinds():
    doc = parse(ARTICLE)
    assert [(s.kind, s.text) for s in doc.segments] == [
        (SegmentKind.HEADLINE, "Storm closes the harbour"),
        (SegmentKind.PARAGRAPH, "By Ana Costa"),
        (SegmentKind.PARAGRAPH, "Fishermen said the storm was the worst in twenty years. "
                                "The port & the \u201cold\u201d pier\u00a0closed."),
        (SegmentKind.BLOCKQUOTE, "“We lost everything,” said Ruiz, a *skipper*."),
        (SegmentKind.HEADING, "What comes next"),
        (SegmentKind.LIST_ITEM, "Repairs start Monday"),
        (SegmentKind.LIST_ITEM, "The ferry runs again"),
        (SegmentKind.TABLE_CELL, "Boat"),
        (SegmentKind.TABLE_CELL, "Damage"),
        (SegmentKind.TABLE_CELL, "Rosa"),
        (SegmentKind.TABLE_CELL, "hull"),
        (SegmentKind.CAPTION, "A crane lifts a boat"),
    ]
    assert [s.index for s in doc.segments] == list(range(len(doc.segments)))


def test_front_matter_shifts_lines():
    doc = parse(ARTICLE)
    assert doc.segments[0].line == 5
    assert pos(doc, doc.segments[0], "harbour") == (5, 21)
    assert pos(doc, doc.segments[1], "Costa") == (7, 8)


def test_words_inside_emphasis_and_links():
    doc = parse(ARTICLE)
    body = seg(doc, "Fishermen")
    assert pos(doc, body, "storm") == (9, 22)
    assert pos(doc, body, "twenty years") == (9, 48)
    # The soft line break reads as one space that stands for the line break.
    space = body.text.index(" The port")
    a, b = body.source_map.span(space, space + 1)
    assert doc.text[a:b] == "\n"
    assert pos(doc, body, "The port") == (10, 1)


def test_entities_are_atomic_runs():
    doc = parse(ARTICLE)
    body = seg(doc, "Fishermen")
    amp = body.text.index("&")
    a, b = body.source_map.span(amp, amp + 1)
    assert doc.text[a:b] == "&amp;"
    quoted = body.text.index("\u201cold\u201d")
    a, b = body.source_map.span(quoted, quoted + 5)
    assert doc.text[a:b] == "&#8220;old&#8221;"
    assert doc.position(a) == (10, 20)
    nbsp = body.text.index("\u00a0")
    a, b = body.source_map.span(nbsp, nbsp + 1)
    assert doc.text[a:b] == "&nbsp;"
    assert pos(doc, body, "closed") == (10, 48)


def test_blockquote_escapes_and_lists():
    doc = parse(ARTICLE)
    quote = seg(doc, "“We")
    assert pos(doc, quote, "Ruiz") == (12, 30)
    star = quote.text.index("*skipper")
    a, b = quote.source_map.span(star, star + 1)
    assert doc.text[a:b] == "\\*"
    assert pos(doc, seg(doc, "Repairs"), "Monday") == (16, 18)
    ferry = seg(doc, "The ferry")
    assert pos(doc, ferry, "again") == (17, 31)


def test_code_html_blocks_and_front_matter_are_not_prose():
    doc = parse(ARTICLE)
    texts = " ".join(s.text for s in doc.segments)
    for word in ("print", "indented", "Advertisement", "weather", "every hour"):
        assert word not in texts


def test_table_cells_and_image_alt_text():
    doc = parse(ARTICLE)
    assert pos(doc, seg(doc, "Rosa"), "Rosa") == (29, 3)
    assert pos(doc, seg(doc, "hull"), "hull") == (29, 10)
    assert pos(doc, seg(doc, "A crane"), "boat") == (31, 20)


def test_escaped_pipe_in_table_cell():
    doc = parse("| a \\| b | c |\n|---|---|\n| 1 | 2 |\n")
    cell = doc.segments[0]
    assert cell.text == "a | b"
    assert pos(doc, cell, "b") == (1, 8)


def test_crlf_file():
    text = ARTICLE.replace("\n", "\r\n")
    doc = parse(text)
    body = seg(doc, "Fishermen")
    assert pos(doc, body, "storm") == (9, 22)
    assert pos(doc, body, "closed") == (10, 48)
    space = body.text.index(" The port")
    a, b = body.source_map.span(space, space + 1)
    assert doc.text[a:b] == "\r\n"


@pytest.mark.parametrize("source, expected", [
    ("Intro\n\n# Title\n\n# Second\n", ["paragraph", "headline", "heading"]),
    ("## Kicker\n\n# Title\n", ["headline", "heading"]),
    ("Text\n\n## Sub\n", ["paragraph", "heading"]),
    ("Title\n=====\n\nBody.\n", ["headline", "paragraph"]),
])
def test_headline_choice(source, expected):
    assert [str(s.kind) for s in parse(source).segments] == expected


def test_link_title_is_not_mistaken_for_text():
    doc = parse('See [a](/u "a b") b here.\n')
    (para,) = doc.segments
    assert para.text == "See a b here."
    assert pos(doc, para, "b") == (1, 19)


def test_reference_links_and_autolinks():
    doc = parse("Read [the report][r] and [this][] or <https://x.org> now.\n\n[r]: /r\n[this]: /t\n")
    (para,) = doc.segments
    assert para.text == "Read the report and this or now."
    assert pos(doc, para, "now") == (1, 54)
    assert pos(doc, para, "this") == (1, 27)


def test_hard_breaks_and_inline_html():
    doc = parse("One line  \ntwo line\\\nthree<br>four <em>five</em>\n")
    (para,) = doc.segments
    assert para.text == "One line two line three four five"
    assert pos(doc, para, "three") == (3, 1)
    assert pos(doc, para, "five") == (3, 19)


def test_suppression_comments_in_code_do_not_count():
    doc = parse("Text.\n\n```\n<!-- newslint-disable -->\n```\n\n`<!-- newslint-disable -->`\n\n"
                "<!-- newslint-disable-next-line news.x -->\nTarget.\n")
    assert len(doc.suppressions) == 1
    assert doc.suppressions[0].first_line == doc.suppressions[0].last_line == 10


def test_removed_inline_parts_leave_single_spaces():
    doc = parse("x <!--\nnote\n--> y `code` z <https://x.org> end\n")
    (para,) = doc.segments
    assert para.text == "x y z end"
    assert pos(doc, para, "end") == (3, 32)


def test_nested_image_in_link_and_empty_documents():
    doc = parse("[![Alt words](i.png)](/u) after\n")
    assert [(str(s.kind), s.text) for s in doc.segments] == [("paragraph", "after"), ("caption", "Alt words")]
    assert pos(doc, doc.segments[1], "words") == (1, 8)
    assert parse("").segments == ()
    assert parse("---\ntitle: x\n---\n").segments == ()


def test_img_alt_in_raw_html_is_a_caption_at_its_place():
    doc = parse('Intro.\n\n<img alt="The crane &amp; the hull" src="a.png" />\n\n'
                "Before <img src='b.png' alt='A quay at dawn'> after.\n")
    captions = [s for s in doc.segments if s.kind is SegmentKind.CAPTION]
    assert [c.text for c in captions] == ["The crane & the hull", "A quay at dawn"]
    assert pos(doc, captions[0], "hull") == (3, 31)
    assert pos(doc, captions[1], "quay") == (5, 32)
    assert [s.text for s in doc.segments if s.kind is SegmentKind.PARAGRAPH] == ["Intro.", "Before after."]


def test_front_matter_values_are_rule_segments_only():
    # The other checks see no front matter; YAML rules get each top-level string value,
    # named by its key and numbered after the document's segments.
    doc = parse(ARTICLE)
    assert all(s.kind is not SegmentKind.FRONT_MATTER and s.line > 4 for s in doc.segments)
    [title] = [s for s in doc.rule_segments if s.kind is SegmentKind.FRONT_MATTER]
    assert (title.kind, title.name, title.text) == (SegmentKind.FRONT_MATTER, "title", "Storm closes the harbour")
    assert title.index == len(doc.segments) and doc.segment(title.index) is title
    assert pos(doc, title, "harbour") == (2, 25)


FRONT_MATTER = """\
---
plain: A plain value
double: "Say \\"hi\\" \\u00e9 then go"
single: 'It''s here'
folded: >
  first line
  second word
literal: |
  one
  two here
wrapped: a plain value
  folded over lines
number: 3
flag: false
answer: yes
list: [one, two]
nested:
  key: not linted
empty: ""
---
Body.
"""


def test_front_matter_values_map_to_their_source():
    doc = parse(FRONT_MATTER)
    values = {s.name: s for s in doc.rule_segments}
    # Non-strings, nested values and empty strings are not read; YAML 1.2 reads `yes` as text.
    assert sorted(values) == ["answer", "double", "folded", "literal", "plain", "single", "wrapped"]
    assert values["double"].text == 'Say "hi" \u00e9 then go'
    assert pos(doc, values["plain"], "value") == (2, 16)
    assert pos(doc, values["double"], "hi") == (3, 16)
    assert pos(doc, values["double"], "then") == (3, 28)      # after the six-character \u escape
    assert pos(doc, values["single"], "here") == (4, 16)      # after the doubled quote
    # A folded line is placed where it is (Vale puts it on the first line, as if unfolded).
    assert pos(doc, values["folded"], "second") == (7, 3)
    assert pos(doc, values["literal"], "here") == (10, 7)
    assert pos(doc, values["wrapped"], "over") == (12, 10)
    escape = values["double"].text.index("\u00e9")
    a, b = values["double"].source_map.span(escape, escape + 1)
    assert doc.text[a:b] == "\\u00e9"


@pytest.mark.parametrize("front", ["---\n: [broken\n---\nBody.\n", "---\n- a list\n---\nBody.\n"])
def test_front_matter_that_is_not_a_yaml_mapping_gives_no_values(front):
    doc = parse(front)
    assert doc.rule_segments == () and [s.text for s in doc.segments] == ["Body."]


def test_raw_html_block_text_is_rule_segments_only():
    # Text in a raw HTML block is read as HTML (blocks and their kinds, entities decoded,
    # a backtick kept), for YAML rules only; the other checks do not see it.
    doc = parse(ARTICLE)
    assert "Advertisement" not in " ".join(s.text for s in doc.segments)
    [ad] = [s for s in doc.rule_segments if s.name == "html"]
    assert (ad.kind, ad.text) == (SegmentKind.PARAGRAPH, "Advertisement")
    assert pos(doc, ad, "Advertisement") == (25, 17)
    doc = parse("Intro.\n\n<div>\n<h1>Big &amp; `bold`</h1>\n<aside>Side note</aside>\n<ul><li>One\n  item</li></ul>\n</div>\n")
    html = [(s.kind, s.text) for s in doc.rule_segments]
    assert html == [(SegmentKind.HEADING, "Big & `bold`"), (SegmentKind.PARAGRAPH, "Side note"),
                    (SegmentKind.LIST_ITEM, "One item")]
    heading, _, item = doc.rule_segments
    assert pos(doc, heading, "bold") == (4, 16) and pos(doc, item, "item") == (7, 3)
    assert [s.index for s in doc.rule_segments] == [1, 2, 3] and len(doc.segments) == 1


def test_front_matter_positions_count_characters_not_bytes():
    doc = parse("---\ncafé: «Été» à Zürich\nnext: 'naïve word'\n---\nBody.\n")
    first, second = doc.rule_segments
    assert pos(doc, first, "Zürich") == (2, 15) and pos(doc, second, "word") == (3, 14)


def test_raw_html_in_a_block_quote_and_captions_are_not_rule_segments():
    doc = parse("> Quoted.\n>\n> <Listing name=\"x\">\n>\n> More.\n\n<figure>\n<figcaption>Fig 1</figcaption>\n</figure>\n")
    assert doc.rule_segments == ()
