#!/usr/bin/env python3
"""Build a line-labelled chrome corpus from HTML pages and their hand-cleaned text.

A source folder holds ``input/<name>.html`` (a saved web page) and
``GoldStandard/<name>.txt`` (the text a person kept from it: CleanEval, DragNet and
similar sets), or ``<name>/source.html`` and ``<name>/expected.html`` (an extractor's
expected output, as in Mozilla Readability's ``test/test-pages``). This script turns
each page into the text a user would lint and labels every line of it ``article`` when
the line is part of the kept text, else ``chrome``:

* ``--view page``: all the page's visible text, one paragraph per block element (what
  saving a page as text or a naive scraper gives);
* ``--view trafilatura`` / ``justext`` / ``readability`` / ``newspaper`` / ``goose3``:
  the output of that article extractor on the page (installed with
  ``pip install -e '.[train]'``; ``newspaper`` is newspaper4k).

The output folder has the layout of ``../shared/corpus/l3s-gn1``: ``articles/<name>.txt``
(one paragraph a line, a blank line between) and ``labels.tsv`` (``file``, ``line``,
``label``, ``text``), so ``scripts/evaluate.py --labelled`` and ``scripts/train_chrome.py``
read both alike. The page's words are matched against the kept text in order, so a
line counts as kept only where it stands in it (a story's headline repeated in a "most
read" box is not). Lines the match cannot decide (partly kept, or a few words that also
stand elsewhere in the kept text) get no label and are not scored. The pages' text stays
in the output folder you name; nothing is written to the repository.

    python scripts/chrome_corpus.py /data/htmlclean/dragnet_data /tmp/chrome/dragnet-page --view page
"""
from __future__ import annotations

import argparse
import re
import sys
from concurrent.futures import ProcessPoolExecutor
from difflib import SequenceMatcher
from pathlib import Path
from typing import Callable, Iterable, Sequence

import lxml.html
from lxml import etree

_TOKEN = re.compile(r"[^\W_]+")
_SPACE = re.compile(r"\s+")
# Elements whose text a reader never sees as page text.
_DROPPED = ("script", "style", "noscript", "template", "select", "option", "textarea", "input",
            "button", "iframe", "object", "embed", "svg", "canvas", "head", "title", "meta", "link")
# Elements that end a paragraph (inline markup such as a, span, b does not).
_BLOCKS = frozenset("""
    p div h1 h2 h3 h4 h5 h6 ul ol li dl dt dd table tr td th thead tbody tfoot caption
    blockquote pre form fieldset legend section article aside nav header footer main figure
    figcaption address hr center body html br label menu details summary
""".split())
# Short lines (fewer tokens than this) must equal or open a kept paragraph to be article.
_SHORT = 3
# Share of a line's word trigrams found in the kept text: article at or above, chrome at or below.
_ARTICLE_COVER = 0.5
_CHROME_COVER = 0.15
# Most runs of words matched out of order (moved by an extractor) looked for per page.
_MOVED_RUNS = 200


# ---------------------------------------------------------------- page text


def read_html(path: Path) -> "lxml.html.HtmlElement | None":
    data = path.read_bytes()
    if data.startswith(b"URL:"):
        data = data.split(b"\n", 1)[-1]
    try:
        return lxml.html.document_fromstring(data)
    except (etree.ParserError, ValueError):
        return None


def page_paragraphs(root) -> list[str]:
    """The visible text of a page, one string per block."""
    etree.strip_elements(root, *_DROPPED, etree.Comment, etree.ProcessingInstruction, with_tail=False)
    out: list[str] = []
    current: list[str] = []

    def flush() -> None:
        text = _SPACE.sub(" ", "".join(current)).strip()
        if text:
            out.append(text)
        current.clear()

    def walk(el) -> None:
        tag = el.tag if isinstance(el.tag, str) else ""
        block = tag.lower() in _BLOCKS
        hidden = "display:none" in (el.get("style") or "").replace(" ", "") or el.get("hidden") is not None
        if block:
            flush()
        if not hidden:
            if el.text:
                current.append(el.text)
            for child in el:
                walk(child)
        if block:
            flush()
        if el.tail:
            current.append(el.tail)

    walk(root)
    flush()
    return out


def _extract_page(path: Path) -> list[str]:
    root = read_html(path)
    return page_paragraphs(root) if root is not None else []


def _page_source(path: Path) -> str:
    """The page's HTML as text, without a corpus's "URL:" first line."""
    root = read_html(path)
    return lxml.html.tostring(root, encoding="unicode") if root is not None else ""


def _text_lines(text: str) -> list[str]:
    return [_SPACE.sub(" ", line).strip() for line in text.splitlines() if line.strip()]


def _extract_trafilatura(path: Path) -> list[str]:
    import trafilatura

    text = trafilatura.extract(path.read_bytes(), output_format="txt", include_comments=False,
                               include_tables=True) or ""
    return _text_lines(text)


def _extract_justext(path: Path) -> list[str]:
    import justext

    paragraphs = justext.justext(path.read_bytes(), justext.get_stoplist("English"))
    return [_SPACE.sub(" ", p.text).strip() for p in paragraphs if not p.is_boilerplate and p.text.strip()]


def _extract_readability(path: Path) -> list[str]:
    from readability import Document

    source = _page_source(path)
    if not source:
        return []
    summary = Document(source).summary(html_partial=True)
    return page_paragraphs(lxml.html.fragment_fromstring(summary, create_parent="div"))


def _extract_newspaper(path: Path) -> list[str]:
    from newspaper import Article

    source = _page_source(path)
    if not source:
        return []
    # No network: the page is handed over as it is; the address only names it.
    article = Article("http://localhost/" + path.stem, fetch_images=False)
    article.download(input_html=source)
    article.parse()
    return _text_lines(article.text)


def _extract_goose3(path: Path) -> list[str]:
    from goose3 import Configuration, Goose

    source = _page_source(path)
    if not source:
        return []
    config = Configuration()
    config.enable_image_fetching = False
    with Goose(config) as goose:
        return _text_lines(goose.extract(raw_html=source).cleaned_text)


EXTRACTORS: dict[str, Callable[[Path], list[str]]] = {
    "page": _extract_page,
    "trafilatura": _extract_trafilatura,
    "justext": _extract_justext,
    "readability": _extract_readability,
    "newspaper": _extract_newspaper,
    "goose3": _extract_goose3,
}


# ---------------------------------------------------------------- gold text and labels


def tokens(text: str) -> list[str]:
    return [t.lower() for t in _TOKEN.findall(text)]


class Gold:
    """The kept text of a page, ready for matching lines against."""

    def __init__(self, text: str):
        # The page's address heads the kept text in CleanEval's format (after a blank line in
        # CleanPortalEval's); its words are not the page's text.
        if text.lstrip().startswith("URL:"):
            text = text.lstrip().split("\n", 1)[-1]
        if "<" in text:
            # CleanEval marks paragraphs with <p>, <h>, <l>; other sets keep HTML.
            text = re.sub(r"<(?:p|h|l)>", "\n", text)
            try:
                root = lxml.html.fragment_fromstring(text, create_parent="div")
                text = "\n".join(page_paragraphs(root))
            except (etree.ParserError, ValueError):
                text = re.sub(r"<[^>]+>", " ", text)
        words = tokens(text)
        self.words = words
        self.joined = " " + " ".join(words) + " "
        self.trigrams = set(zip(words, words[1:], words[2:]))
        self.lines: set[str] = set()
        self.openings: set[str] = set()
        for line in text.splitlines():
            line_words = tokens(line)
            if line_words:
                self.lines.add(" ".join(line_words))
                for n in range(1, _SHORT):
                    self.openings.add(" ".join(line_words[:n]))

    def label(self, line: str) -> str | None:
        words = tokens(line)
        if not words:
            return None
        joined = " ".join(words)
        if len(words) < _SHORT:
            if joined in self.lines or (joined in self.openings and f" {joined} " in self.joined):
                return "article"
            return "chrome" if f" {joined} " not in self.joined else None
        grams = list(zip(words, words[1:], words[2:]))
        return _by_cover(sum(g in self.trigrams for g in grams) / len(grams))

    def label_lines(self, lines: Sequence[str]) -> list[str | None]:
        """Each line's label, each word of the kept text matching one word of the page.

        The page's words are aligned with the kept text's in order first (longest common
        runs first, then the same on each side); then the runs left over are matched
        longest first wherever they stand (an extractor may move a byline or a caption
        past the story), each kept word used once. So a line the page prints twice, such
        as the story's headline again in a "most read" box, or a show's name in its menu,
        is kept once, in the story's place, and the copy is not."""
        line_words = [tokens(line) for line in lines]
        page_words = [w for words in line_words for w in words]
        run = [0] * len(page_words)
        # Matched words become placeholders that match nothing (a page word its position,
        # a kept word minus one minus its position).
        page: list[str | int] = list(page_words)
        kept: list[str | int] = list(self.words)

        def take(a: int, b: int, size: int) -> None:
            run[a:a + size] = [size] * size
            page[a:a + size] = range(a, a + size)
            kept[b:b + size] = range(-1 - b, -1 - b - size, -1)

        for a, b, size in SequenceMatcher(None, page_words, self.words, autojunk=False).get_matching_blocks():
            take(a, b, size)
        for _ in range(_MOVED_RUNS):
            a, b, size = SequenceMatcher(None, page, kept, autojunk=False).find_longest_match(
                0, len(page), 0, len(kept))
            if size < _SHORT:
                break
            take(a, b, size)
        out: list[str | None] = []
        start = 0
        for words in line_words:
            runs, start = run[start:start + len(words)], start + len(words)
            if not words:
                out.append(None)
            elif len(words) < _SHORT:
                joined = " ".join(words)
                if all(runs) and (joined in self.lines or joined in self.openings):
                    out.append("article")
                else:
                    # Short words may stand anywhere in the kept text by chance: chrome only
                    # when they stand nowhere in it.
                    out.append("chrome" if not any(runs) and f" {joined} " not in self.joined else None)
            else:
                # A word counts as kept in a common run of three words or more, or in a run
                # as long as the line itself.
                out.append(_by_cover(sum(r >= min(_SHORT, len(words)) for r in runs) / len(words)))
        return out


def _by_cover(cover: float) -> str | None:
    """A line's label by the share of it found in the kept text (None: partly kept)."""
    if cover >= _ARTICLE_COVER:
        return "article"
    return "chrome" if cover <= _CHROME_COVER else None


def _read_gold(path: Path) -> str:
    """The kept text: a text file, or an extractor's expected HTML output (Mozilla
    Readability's ``expected.html``) read as page text, one block a paragraph."""
    if path.suffix.lower() in (".html", ".htm"):
        root = read_html(path)
        return "" if root is None else "\n\n".join(page_paragraphs(root))
    return path.read_bytes().decode("utf-8", errors="replace")


def page_title(page: Path) -> set[str]:
    root = read_html(page)
    if root is None:
        return set()
    found = root.xpath("//title//text() | //h1//text() | //meta[@property='og:title']/@content")
    return set(tokens(" ".join(found)))


# Class, id and itemprop words of the elements that hold a story's metadata: bylines,
# datelines and timestamps, picture captions and credits.
_META_MARKS = frozenset("""
    byline bylines byl author authors writer dateline date dates time timestamp datetime pubdate
    published updated modified datepublished datemodified caption captions figcaption credit credits
""".split())
# ... unless they belong to comments or a form: a commenter's name, the "Name *" field.
_NOT_META = frozenset("comment comments commenter form reply respond".split())
_MARK_SPLIT = re.compile(r"[\s_-]+|(?<=[a-z])(?=[A-Z])")
# An element with more words than this is a container, not one byline or caption.
_META_MAX_WORDS = 60


def metadata_texts(page: Path) -> list[str]:
    """The words of each byline, dateline, timestamp, caption and credit element of a page
    (found by tag: ``time``, ``figcaption``; or by a class, id or itemprop word)."""
    root = read_html(page)
    if root is None:
        return []
    etree.strip_elements(root, *_DROPPED, etree.Comment, etree.ProcessingInstruction, with_tail=False)
    out = []
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        marks = " ".join(el.get(a) or "" for a in ("class", "id", "itemprop", "rel"))
        words = {w.lower() for w in _MARK_SPLIT.split(marks) if w}
        if words & _NOT_META:
            continue
        if el.tag.lower() in ("time", "figcaption") or words & _META_MARKS:
            text = tokens(el.text_content())
            if 0 < len(text) <= _META_MAX_WORDS:
                out.append(" " + " ".join(text) + " ")
    return out


# Parts of a page that are its own text, though the kept text of sets other than L3S-GN1
# may leave them out: comments (which L3S-GN1 labels apart and does not score), pull
# quotes, footnotes and references, fact boxes, data tables, picture galleries. Found by a
# class, id or itemprop word (or, for tables, a header cell), never by the checks' reading.
_DISPUTED_MARKS = {
    "comments": frozenset("comment comments commentlist commentbody commenttext disqus".split()),
    "pull quote": frozenset("pullquote pullquotes quote quotes blockquote pull".split()),
    "footnote": frozenset("footnote footnotes reference references reflist citation citations endnote endnotes".split()),
    "fact box": frozenset("factbox factfile infobox facts fact keyfacts timeline".split()),
    "gallery": frozenset("gallery slideshow".split()),
}
# Shorter lines in those parts are their buttons and labels ("Reply", "Start Quote"): chrome.
_DISPUTED_MIN_WORDS = 5


def disputed_texts(page: Path, gold: "Gold") -> list[tuple[str, str]]:
    """(reason, words) of each part of a page whose text is the page's own but may be left
    out of the kept text (see ``_DISPUTED_MARKS``); a part most of whose text was kept
    (a page-wide container) is not one."""
    root = read_html(page)
    if root is None:
        return []
    etree.strip_elements(root, *_DROPPED, etree.Comment, etree.ProcessingInstruction, with_tail=False)
    out = []
    for el in root.iter():
        if not isinstance(el.tag, str) or el.tag.lower() in ("html", "body"):
            continue
        marks = " ".join(el.get(a) or "" for a in ("class", "id", "itemprop"))
        words = {w.lower() for w in _MARK_SPLIT.split(marks) if w}
        reason = next((r for r, m in _DISPUTED_MARKS.items() if words & m), None)
        if reason is None and el.tag.lower() == "table" and (el.find(".//th") is not None or "wikitable" in words):
            reason = "table"
        if reason is None and el.tag.lower() == "blockquote":
            reason = "pull quote"
        if reason is None:
            continue
        text = " ".join(page_paragraphs(lxml.html.fromstring(lxml.html.tostring(el))))
        if text and gold.label(text) != "article":
            out.append((reason, " " + " ".join(tokens(text)) + " "))
    return out


def disputed_lines(page: Path, gold: "Gold", lines: Sequence[str], labels: Sequence[str | None]) -> dict[int, str]:
    """Index -> reason for the ``chrome`` lines that stand in a disputed part of the page."""
    parts = None
    out = {}
    for i, (line, label) in enumerate(zip(lines, labels)):
        words = tokens(line)
        if label != "chrome" or len(words) < _DISPUTED_MIN_WORDS:
            continue
        if parts is None:
            parts = disputed_texts(page, gold)
        joined = " " + " ".join(words) + " "
        reason = next((r for r, text in parts if joined in text), None)
        if reason is not None:
            out[i] = reason
    return out


def label_page(page: Path, gold_path: Path, view: str, name: str | None = None,
               ) -> tuple[str, list[tuple[str, str | None]], dict[int, str]]:
    """Each line with its label. Some sets keep the headline out of the kept text (it
    is page metadata to them): a line before the first kept one whose words are the
    page title's is the ``headline``. A line left out of the kept text that stands in a
    byline, dateline, timestamp, caption or credit element of the page is
    ``supplemental``, as L3S-GN1 labels such lines: the story's metadata, neither its
    text nor page chrome, and not scored."""
    lines = [line for line in EXTRACTORS[view](page) if "\t" not in line]
    gold = Gold(_read_gold(gold_path))
    labels = gold.label_lines(lines)
    meta = metadata_texts(page)
    for i, (line, label) in enumerate(zip(lines, labels)):
        joined = " " + " ".join(tokens(line)) + " "
        if label == "chrome" and joined.strip() and any(joined in m for m in meta):
            labels[i] = "supplemental"
    title = page_title(page)
    for i, (line, label) in enumerate(zip(lines, labels)):
        if label == "article" or i >= 10:
            break
        words = tokens(line)
        if len(words) >= 3 and title and sum(w in title for w in words) >= 0.8 * len(words):
            labels[i] = "headline"
    return name or page.stem, list(zip(lines, labels)), disputed_lines(page, gold, lines, labels)


def _safe_label(args: tuple[Path, Path, str, str]):
    try:
        return label_page(*args)
    except Exception as exc:  # one broken page must not stop the others
        print(f"{args[0]}: skipped ({type(exc).__name__}: {exc})", file=sys.stderr)
        return args[3], [], {}


def pairs(source: Path) -> Iterable[tuple[Path, Path, str]]:
    """(page, kept text, name): ``input/NAME.html`` with ``GoldStandard/NAME.txt``
    (CleanEval, DragNet, CleanPortalEval), or ``NAME/source.html`` with
    ``NAME/expected.html`` (Mozilla Readability's ``test/test-pages``)."""
    if (source / "input").is_dir():
        for page in sorted((source / "input").glob("*.html")):
            gold = source / "GoldStandard" / f"{page.stem}.txt"
            if gold.is_file():
                yield page, gold, page.stem
        return
    for folder in sorted(p for p in source.iterdir() if p.is_dir()):
        page, gold = folder / "source.html", folder / "expected.html"
        if page.is_file() and gold.is_file():
            yield page, gold, folder.name


def write_corpus(results: Sequence[tuple[str, list[tuple[str, str | None]], dict[int, str]]], out: Path,
                 min_article_lines: int) -> tuple[int, dict[str, int]]:
    (out / "articles").mkdir(parents=True, exist_ok=True)
    counts: dict[str, int] = {}
    written = 0
    with open(out / "labels.tsv", "w", encoding="utf-8", newline="") as labels, \
            open(out / "disputed.tsv", "w", encoding="utf-8", newline="") as disputed:
        labels.write("file\tline\tlabel\ttext\n")
        disputed.write("file\tline\treason\n")
        for name, lines, disputes in results:
            if sum(label == "article" for _, label in lines) < min_article_lines:
                continue
            written += 1
            file = f"{name}.txt"
            (out / "articles" / file).write_text("\n\n".join(text for text, _ in lines) + "\n", encoding="utf-8")
            for number, (text, label) in enumerate(lines):
                if label is not None:
                    labels.write(f"{file}\t{2 * number + 1}\t{label}\t{text}\n")
                    counts[label] = counts.get(label, 0) + 1
            for number, reason in sorted(disputes.items()):
                disputed.write(f"{file}\t{2 * number + 1}\t{reason}\n")
                counts[f"disputed {reason}"] = counts.get(f"disputed {reason}", 0) + 1
    return written, counts


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("source", type=Path,
                        help="folder with input/*.html and GoldStandard/*.txt, or with NAME/source.html "
                             "and NAME/expected.html")
    parser.add_argument("out", type=Path, help="output folder (articles/ and labels.tsv)")
    parser.add_argument("--view", choices=sorted(EXTRACTORS), default="page")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--limit", type=int, help="only the first N pages (by name)")
    parser.add_argument("--min-article-lines", type=int, default=3,
                        help="leave out pages with fewer article lines than this")
    args = parser.parse_args(argv)
    jobs = [(page, gold, args.view, name) for page, gold, name in pairs(args.source)][: args.limit] \
        if args.source.is_dir() else []
    if not jobs:
        print(f"{args.source}: no pages: expected input/*.html with GoldStandard/*.txt, "
              f"or NAME/source.html with NAME/expected.html", file=sys.stderr)
        return 2
    with ProcessPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        results = list(pool.map(_safe_label, jobs, chunksize=8))
    written, counts = write_corpus(results, args.out, args.min_article_lines)
    print(f"{args.out}: {written} of {len(jobs)} pages, labels {counts}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
