"""scripts/chrome_corpus.py: lines labelled from a page and its kept text, and the lines whose
label means something else than ours (a page's own text the kept text left out)."""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("chrome_corpus", REPO / "scripts" / "chrome_corpus.py")
chrome_corpus = importlib.util.module_from_spec(_spec)
sys.modules.setdefault("chrome_corpus", chrome_corpus)
_spec.loader.exec_module(chrome_corpus)

STORY = ("The council voted on Tuesday to close the branch library on Elm Street at the end of the year, "
         "citing falling visits and the cost of repairs to its roof.")
MORE = ("Residents who spoke at the meeting asked the council to keep the building open for the "
        "after-school programs it hosts three days a week.")
PAGE = f"""<html><body>
<ul class="nav"><li>Home</li><li>Politics</li><li>Local news and weather</li></ul>
<div class="story"><h1>Library to close</h1>
<p class="byline">By Jane Doe</p>
<p>{STORY}</p>
<blockquote class="pullquote">We will not let them take our library away from us</blockquote>
<p>{MORE}</p>
<table><tr><th>Year</th><th>Visits</th></tr><tr><td>Visits to the branch in the last full year</td><td>41,000</td></tr></table>
</div>
<div id="comments"><p>This is a terrible decision by the council and they know it</p><p>Reply</p></div>
<div class="footer">Contact us about advertising on this site today</div>
</body></html>"""
KEPT = f"<h>Library to close\n<p>{STORY}\n<p>{MORE}\n"


def labelled(tmp_path):
    (tmp_path / "page.html").write_text(PAGE, encoding="utf-8")
    (tmp_path / "page.txt").write_text(KEPT, encoding="utf-8")
    name, lines, disputed = chrome_corpus.label_page(tmp_path / "page.html", tmp_path / "page.txt", "page")
    return name, lines, disputed


def test_lines_are_labelled_by_the_kept_text(tmp_path):
    name, lines, _ = labelled(tmp_path)
    labels = dict(lines)
    assert name == "page"
    assert labels[STORY] == labels[MORE] == "article"
    assert labels["By Jane Doe"] == "supplemental"
    assert labels["Local news and weather"] == "chrome"
    assert labels["Contact us about advertising on this site today"] == "chrome"


def test_a_line_counts_as_kept_only_where_it_stands_in_the_kept_text(tmp_path):
    # The story's headline again in a "most read" box after it, the story's name in a
    # show menu above it, and a copy of the first paragraph in a hidden print version:
    # the words are all in the kept text, but only once, and in the story's place.
    gold = chrome_corpus.Gold(KEPT)
    lines = ["Library to close", "Most read", "Library to close", "Library to close", STORY, MORE,
             "Most read", "Library to close", "Print version", STORY]
    labels = gold.label_lines(lines)
    assert labels[3:6] == ["article", "article", "article"]
    assert labels[2] == labels[7] == labels[9] == "chrome"
    # Short words that stand somewhere in the kept text, by chance or not, stay undecided.
    assert chrome_corpus.Gold(KEPT).label_lines(["Council", STORY, "Library"]) == [None, "article", None]
    assert labels[1] == labels[6] == "chrome"


def test_a_line_an_extractor_moved_is_still_kept(tmp_path):
    # The kept text has the byline over the story; the extractor put it under.
    gold = chrome_corpus.Gold(f"<h>Library to close\n<p>By Jane Doe, City Hall reporter\n<p>{STORY}\n<p>{MORE}\n")
    lines = ["Library to close", STORY, MORE, "By Jane Doe, City Hall reporter", "Most read"]
    assert gold.label_lines(lines) == ["article", "article", "article", "article", "chrome"]


def test_a_pages_own_text_left_out_of_the_kept_text_is_disputed(tmp_path):
    _, lines, disputed = labelled(tmp_path)
    reasons = {lines[i][0]: reason for i, reason in disputed.items()}
    assert reasons == {
        "We will not let them take our library away from us": "pull quote",
        "Visits to the branch in the last full year": "table",
        "This is a terrible decision by the council and they know it": "comments",
    }
    # Chrome proper, and the short buttons of a disputed part, stay chrome.
    assert "Contact us about advertising on this site today" not in reasons
    assert "Reply" not in reasons


def test_write_corpus_writes_labels_and_disputed_lines(tmp_path):
    result = labelled(tmp_path)
    written, counts = chrome_corpus.write_corpus([result], tmp_path / "out", min_article_lines=1)
    assert written == 1
    assert counts["disputed comments"] == 1
    rows = (tmp_path / "out" / "disputed.tsv").read_text(encoding="utf-8").splitlines()
    assert rows[0] == "file\tline\treason"
    assert len(rows) == 4
    assert (tmp_path / "out" / "articles" / "page.txt").is_file()


def test_readability_test_pages_are_read_with_their_expected_html(tmp_path):
    # Mozilla Readability's layout: NAME/source.html and NAME/expected.html.
    folder = tmp_path / "library-story"
    folder.mkdir()
    (folder / "source.html").write_text(PAGE, encoding="utf-8")
    (folder / "expected.html").write_text(f"<div><h1>Library to close</h1><p>{STORY}</p><p>{MORE}</p></div>",
                                          encoding="utf-8")
    (tmp_path / "no-expected").mkdir()
    (tmp_path / "no-expected" / "source.html").write_text(PAGE, encoding="utf-8")
    found = list(chrome_corpus.pairs(tmp_path))
    assert found == [(folder / "source.html", folder / "expected.html", "library-story")]
    name, lines, _ = chrome_corpus.label_page(*found[0][:2], "page", found[0][2])
    labels = dict(lines)
    assert name == "library-story"
    assert labels[STORY] == labels[MORE] == "article"
    assert labels["Local news and weather"] == "chrome"
    assert chrome_corpus.main([str(tmp_path / "missing"), str(tmp_path / "out")]) == 2


def test_the_pages_address_over_the_kept_text_is_not_kept_text():
    # CleanEval's format heads the kept text with the page's address; CleanPortalEval's
    # puts a blank line first.
    for head in ("URL: http://news.example.co.uk/politics/library\n", "\nURL: http://news.example.co.uk/politics/library\n"):
        gold = chrome_corpus.Gold(head + KEPT)
        assert gold.label_lines(["news.example.co.uk politics", STORY]) == ["chrome", "article"]
