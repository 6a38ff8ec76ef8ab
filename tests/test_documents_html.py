import lxml.html
import pytest

from newslint.documents import parse_document
from newslint.documents.html import decode_entity, scan

ARTICLE = """\
<!DOCTYPE html>
<html lang="en">
<head>
  <title>Storm closes the harbour | Example News</title>
  <style>p { color: red }</style>
  <script>var teaser = "<p>Not prose</p>";</script>
</head>
<body>
<nav role="navigation"><ul><li><a href="/">Home</a></li><li>World</li></ul></nav>
<article>
<h1>Storm closes the <em>harbour</em></h1>
<p class=byline>By Ana Costa</p>
<p>Fishermen said the <b>storm</b> was the worst in
   <a href="/archive" title="twenty">twenty years</a>. The port &amp; the
&#8220;old&#8221; pier&nbsp;closed.</p>
<!-- an editor's note -->
<blockquote><p>&ldquo;We lost everything,&rdquo; said Ruiz.</p></blockquote>
<h2>What comes next</h2>
<ul><li>Repairs start <i>Monday</i><li>The ferry runs <code>hourly</code> again</ul>
<figure><img src="crane.jpg" alt="A crane"><figcaption>A crane lifts a boat.</figcaption></figure>
<table><tr><th>Boat<th>Damage<tr><td>Rosa<td>hull</table>
<dl><dt>Harbour<dd>Closed until Friday</dl>
<div>Tides are high.</div>
<template><p>Template text</p></template>
<noscript>Enable scripts</noscript>
</article>
<aside><h3>Related</h3><p>Ten storms that changed the coast</p></aside>
<form action="/subscribe"><label>Email</label> <button>Subscribe</button></form>
<footer><p>&copy; 2024 Example News</p></footer>
</body>
</html>
"""


def parse(text):
    return parse_document(text, "story.html", "html")


def pos(doc, segment, word):
    start = segment.text.index(word)
    a, b = segment.source_map.span(start, start + len(word))
    assert doc.text[a:b] == word
    return doc.position(a)


def seg(doc, prefix):
    return next(s for s in doc.segments if s.text.startswith(prefix))


def test_segments_and_kinds():
    doc = parse(ARTICLE)
    assert [(str(s.kind), s.text) for s in doc.segments] == [
        ("furniture", "Home"),
        ("furniture", "World"),
        ("headline", "Storm closes the harbour"),
        ("paragraph", "By Ana Costa"),
        ("paragraph", "Fishermen said the storm was the worst in twenty years. The port & the "
                      "\u201cold\u201d pier\u00a0closed."),
        ("blockquote", "\u201cWe lost everything,\u201d said Ruiz."),
        ("heading", "What comes next"),
        ("list_item", "Repairs start Monday"),
        ("list_item", "The ferry runs again"),
        ("caption", "A crane lifts a boat."),
        ("table_cell", "Boat"),
        ("table_cell", "Damage"),
        ("table_cell", "Rosa"),
        ("table_cell", "hull"),
        ("list_item", "Harbour"),
        ("list_item", "Closed until Friday"),
        ("paragraph", "Tides are high."),
        ("furniture", "Related"),
        ("furniture", "Ten storms that changed the coast"),
        ("furniture", "Email Subscribe"),
        ("furniture", "\u00a9 2024 Example News"),
    ]


def test_exact_positions():
    doc = parse(ARTICLE)
    assert pos(doc, seg(doc, "Storm"), "harbour") == (11, 26)
    body = seg(doc, "Fishermen")
    assert pos(doc, body, "storm") == (13, 26)
    assert pos(doc, body, "twenty years") == (14, 38)
    assert pos(doc, body, "closed") == (15, 29)
    assert pos(doc, seg(doc, "Repairs"), "Monday") == (19, 26)
    assert pos(doc, seg(doc, "Rosa"), "Rosa") == (21, 38)


def test_entities_are_atomic_and_whitespace_collapses():
    doc = parse(ARTICLE)
    body = seg(doc, "Fishermen")
    for decoded, source in [("&", "&amp;"), ("\u201c", "&#8220;"), ("\u00a0", "&nbsp;")]:
        i = body.text.index(decoded)
        a, b = body.source_map.span(i, i + 1)
        assert doc.text[a:b] == source
    # "in\n   <a" reads as one space standing for the whole whitespace run.
    i = body.text.index(" twenty")
    a, b = body.source_map.span(i, i + 1)
    assert doc.text[a:b] == "\n   "
    assert "  " not in body.text


def test_scripts_styles_and_hidden_elements_are_not_prose():
    texts = " ".join(s.text for s in parse(ARTICLE).segments)
    for word in ("color", "teaser", "Not prose", "Template", "Enable scripts", "hourly", "Example News |"):
        assert word not in texts


@pytest.mark.parametrize("container", [
    "<nav>{}</nav>", "<aside>{}</aside>", "<footer>{}</footer>", "<form>{}</form>",
    '<div role="navigation">{}</div>', '<section role="complementary">{}</section>',
    '<div role="contentinfo">{}</div>',
])
def test_furniture_containers(container):
    doc = parse("<p>Story.</p>" + container.format("<p>Share this</p><p>Follow us</p>"))
    assert [(str(s.kind), s.text) for s in doc.segments] == [
        ("paragraph", "Story."), ("furniture", "Share this"), ("furniture", "Follow us")]


def test_first_h1_outside_furniture_is_the_headline():
    doc = parse("<header><nav><h1>Site</h1></nav></header><h2>Kicker</h2><h1>Title</h1><h1>Again</h1>")
    assert [str(s.kind) for s in doc.segments] == ["furniture", "heading", "headline", "heading"]


def test_crlf_and_cr_line_endings():
    for newline in ("\r\n", "\r"):
        text = ARTICLE.replace("\n", newline)
        doc = parse(text)
        assert pos(doc, seg(doc, "Fishermen"), "closed") == (15, 29)


@pytest.mark.parametrize("markup", [
    "<p>Unclosed <b>bold <i>and italic",
    "<p>Stray < sign and a<b", "<p>a <!-- unterminated comment",
    "<p title=unquoted>Text</p><p title='it\"s'>More</p>", "<![CDATA[x]]><p>After</p>",
    "</p></div></p>Text", "<p>" + "<div>" * 5000 + "deep" + "</span>" * 3000,
    "<script>never closed", "<p>&#0; &#x110000; &#xD800; &bogus; &amp &ampx", "<",
    "<a href='x>y'>link</a>", "<?php echo 1 ?><p>x", "<p>a</>b",
])
def test_broken_markup_never_breaks_offsets(markup):
    doc = parse(markup)
    for s in doc.segments:
        a, b = s.source_map.span(0, len(s.text))
        assert 0 <= a <= b <= len(markup)
        assert s.text == s.text.strip() and "  " not in s.text


def test_legacy_entities_without_semicolon():
    assert decode_entity("&amp;") == ("&", 5)
    assert decode_entity("&ampx") == ("&", 4)
    assert decode_entity("&copy") == ("\u00a9", 5)
    assert decode_entity("&#8220;") == ("\u201c", 7)
    assert decode_entity("&bogus;") is None


def test_scanner_keeps_raw_text_whole():
    events = list(scan('<script>if (a < b) { x = "</p>"; }</script><p>x</p>'))
    assert [e.kind for e in events][:3] == ["start", "raw", "end"]


def test_block_texts_agree_with_lxml():
    """The scanner and builder read the same words as lxml for well-formed blocks."""
    doc = parse(ARTICLE)
    tree = lxml.html.fromstring(ARTICLE)
    for tag in ("p", "li", "td", "th", "figcaption", "dd", "dt", "h1", "h2", "h3"):
        for el in tree.iter(tag):
            if el.xpath("ancestor::template") or el.xpath(".//p"):
                continue
            for code in el.iter("code"):
                code.drop_tree()
            words = " ".join(el.text_content().split())
            assert any(" ".join(s.text.split()) == words for s in doc.segments), words


def test_suppressions_in_html_ignore_scripts():
    doc = parse("<script>// <!-- newslint-disable --></script>\n<!-- newslint-disable news.x -->\n<p>x</p>")
    assert [(s.rules, s.first_line, s.last_line) for s in doc.suppressions] == [(("news.x",), 2, None)]
