"""Property: every word a check can see in segment text maps back to that word in the file."""
import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newslint.documents import parse_document

WORD_RE = re.compile(r"[A-Za-z]+")
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

words = st.text(alphabet="abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ", min_size=1, max_size=8)
entities = st.sampled_from(["&amp;", "&#8220;", "&#x201D;", "&nbsp;", "&lt;", "&copy;"])
newline = st.sampled_from(["\n", "\r\n"])


def assert_exact(doc):
    for seg in doc.segments:
        smap = seg.source_map
        for m in WORD_RE.finditer(seg.text):
            a, b = smap.start(m.start()), smap.end(m.end())
            assert doc.text[a:b] == m.group(), (seg.text, m.group(), doc.text[a:b])
        # Every character maps inside the file, in order.
        starts = [smap.start(i) for i in range(len(seg.text))]
        assert starts == sorted(starts)
        assert all(0 <= s < len(doc.text) for s in starts)


# --- markdown ---

md_inline = st.one_of(
    words, words, words,
    words.map(lambda w: f"*{w}*"), words.map(lambda w: f"**{w}**"), words.map(lambda w: f"_{w}_"),
    st.tuples(words, words).map(lambda p: f'[{p[0]}](/{p[1]} "{p[1]} {p[0]}")'),
    st.tuples(words, words).map(lambda p: f"[{p[0]}](<{p[1]} x>)"),
    words.map(lambda w: f"`{w}`"), words.map(lambda w: f"![{w}]({w}.png)"),
    st.sampled_from(["\\*", "\\[", "\\_", "&amp;", "&#8220;", "&nbsp;", "<b>", "</b>", "<https://x.org/a>"]),
)
md_line = st.lists(md_inline, min_size=1, max_size=6).map(" ".join)
md_para = st.lists(md_line, min_size=1, max_size=3)


@st.composite
def markdown_documents(draw):
    nl = draw(newline)
    blocks = []
    if draw(st.booleans()):
        blocks.append(f"---{nl}title: {draw(words)}{nl}---")
    for _ in range(draw(st.integers(1, 6))):
        lines = draw(md_para)
        shape = draw(st.sampled_from(["para", "heading", "list", "quote", "code", "table", "setext"]))
        if shape == "heading":
            blocks.append("#" * draw(st.integers(1, 3)) + " " + lines[0])
        elif shape == "setext":
            blocks.append(lines[0] + nl + "====")
        elif shape == "list":
            blocks.append(nl.join(("- " if i == 0 else "  ") + line for i, line in enumerate(lines)))
        elif shape == "quote":
            blocks.append(nl.join("> " + line for line in lines))
        elif shape == "code":
            blocks.append(f"```{nl}{lines[0]}{nl}```")
        elif shape == "table":
            cells = [draw(words) for _ in range(2)]
            blocks.append(f"| {cells[0]} | {cells[1]} |{nl}|---|---|{nl}| {lines[0].replace('|', '')} | x |")
        else:
            blocks.append(nl.join(lines))
    return (nl + nl).join(blocks) + nl


@SETTINGS
@given(markdown_documents())
def test_markdown_words_map_exactly(text):
    assert_exact(parse_document(text, "p.md", "markdown"))


# --- html ---

attribute = st.sampled_from(['', ' class="a b"', " title='x > y'", " data-x=unquoted", ' hidden'])
html_leaf = st.one_of(words, words, entities, st.just("<!-- note -->"), st.just("<br>"),
                      st.sampled_from([" ", "\n  ", "\t"]))


def html_inline(children):
    return st.tuples(st.sampled_from(["b", "i", "em", "a", "span", "strong"]), attribute,
                     st.lists(children, max_size=4)).map(
        lambda t: f"<{t[0]}{t[1]}>{' '.join(t[2])}</{t[0]}>")


html_content = st.recursive(html_leaf, html_inline, max_leaves=12)


@st.composite
def html_documents(draw):
    blocks = []
    for _ in range(draw(st.integers(1, 6))):
        tag = draw(st.sampled_from(["p", "h1", "h2", "li", "blockquote", "div", "td", "nav", "figcaption"]))
        inner = " ".join(draw(st.lists(html_content, min_size=1, max_size=5)))
        close = "" if draw(st.integers(0, 4)) == 0 else f"</{tag}>"
        blocks.append(f"<{tag}{draw(attribute)}>{inner}{close}")
        if draw(st.integers(0, 5)) == 0:
            blocks.append("<script>var s = '<p>x</p>';</script>")
    return draw(newline).join(blocks)


@SETTINGS
@given(html_documents())
def test_html_words_map_exactly(text):
    assert_exact(parse_document(text, "p.html", "html"))


# --- plain text ---

@SETTINGS
@given(st.lists(st.lists(st.lists(words, min_size=1, max_size=5).map(" ".join), min_size=1, max_size=3),
                min_size=1, max_size=5),
       newline, st.sampled_from(["", " ", "\t "]))
def test_text_words_map_exactly(paragraphs, nl, pad):
    text = (nl + pad + nl).join(nl.join(pad + line + pad for line in lines) for lines in paragraphs)
    doc = parse_document(text, "p.txt", "text")
    assert_exact(doc)
    # Each blank-line block is one segment, or several when its lines are stacked, not wrapped.
    assert len(paragraphs) <= len(doc.segments) <= sum(map(len, paragraphs))
    assert " ".join(s.text for s in doc.segments) == " ".join(" ".join(lines) for lines in paragraphs)
