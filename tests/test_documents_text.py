import pytest

from newslint.documents import SegmentKind, format_for_path, parse_document

from .conftest import ARTICLE


def word_position(doc, segment, word):
    """(line, column) of the first ``word`` in a segment, through its source map."""
    start = segment.text.index(word)
    file_start, file_end = segment.source_map.span(start, start + len(word))
    assert doc.text[file_start:file_end] == word
    return doc.position(file_start)


def test_format_for_path():
    assert format_for_path("a/b/story.TXT") == "text"
    assert format_for_path("story.md") == "markdown"
    assert format_for_path("story.markdown") == "markdown"
    assert format_for_path("page.htm") == "html"
    assert format_for_path("page.html") == "html"
    assert format_for_path("data.json") is None
    assert format_for_path("README") is None


def test_unknown_format_is_an_error():
    with pytest.raises(ValueError):
        parse_document("x", "a.rtf", "rtf")


def test_headline_and_paragraphs():
    doc = parse_document("Storm hits the coast\n\nIt rained. A lot.\n\nThen it stopped.\n", "a.txt", "text")
    assert [s.kind for s in doc.segments] == [SegmentKind.HEADLINE, SegmentKind.PARAGRAPH, SegmentKind.PARAGRAPH]
    assert [s.text for s in doc.segments] == ["Storm hits the coast", "It rained. A lot.", "Then it stopped."]
    assert [s.line for s in doc.segments] == [1, 3, 5]
    assert [s.index for s in doc.segments] == [0, 1, 2]
    assert doc.format == "text" and doc.path == "a.txt"


@pytest.mark.parametrize("first", [
    "It rained all day.",
    "Who is to blame?",
    "He said: “It is over.”",
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen",
])
def test_first_line_that_is_not_a_headline(first):
    doc = parse_document(first + "\n\nMore.\n", "a.txt", "text")
    assert doc.segments[0].kind is SegmentKind.PARAGRAPH


def test_wrapped_first_block_is_not_a_headline():
    doc = parse_document("Short wrapped line\ncontinues here\n\nMore.\n", "a.txt", "text")
    assert doc.segments[0].kind is SegmentKind.PARAGRAPH


def test_lines_of_a_block_join_with_one_space():
    text = "  First line  \n\tsecond line\r\nthird.  \n"
    doc = parse_document(text, "a.txt", "text")
    (seg,) = doc.segments
    assert seg.text == "First line second line third."
    assert word_position(doc, seg, "second") == (2, 2)
    assert word_position(doc, seg, "third") == (3, 1)
    # The joining space stands for the whole gap between the lines.
    gap = seg.text.index(" second")
    assert seg.source_map.span(gap, gap + 1) == (text.index("line  \n") + 4, text.index("\tsecond") + 1)


def test_whitespace_only_lines_separate_paragraphs():
    doc = parse_document("One.\n   \t\nTwo.\n", "a.txt", "text")
    assert [s.text for s in doc.segments] == ["One.", "Two."]
    assert [s.line for s in doc.segments] == [1, 3]


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_line_endings(newline):
    text = newline.join(["Headline here", "", "Body text", "goes on.", "", "Last word."]) + newline
    doc = parse_document(text, "a.txt", "text")
    assert [s.text for s in doc.segments] == ["Headline here", "Body text goes on.", "Last word."]
    assert word_position(doc, doc.segments[1], "goes") == (4, 1)
    assert word_position(doc, doc.segments[2], "word") == (6, 6)


def test_no_trailing_newline_and_no_segments_for_blank_text():
    assert [s.text for s in parse_document("Only words", "a.txt", "text").segments] == ["Only words"]
    assert parse_document(" \n\n", "a.txt", "text").segments == ()


def test_scraped_article():
    text = ARTICLE.read_text(encoding="utf-8")
    doc = parse_document(text, str(ARTICLE), "text")
    assert doc.segments[0].kind is SegmentKind.HEADLINE
    assert doc.segments[0].line == 1
    assert all(s.kind is SegmentKind.PARAGRAPH for s in doc.segments[1:])
    see_also = next(s for s in doc.segments if s.text.startswith("See also"))
    assert doc.position(see_also.source_map.start(0)) == (17, 1)
    assert see_also.line == 17
    assert word_position(doc, see_also, "Three hikers") == (17, 11)
    for seg in doc.segments:
        start, end = seg.source_map.span(0, len(seg.text))
        assert doc.text[start:end] == seg.text
