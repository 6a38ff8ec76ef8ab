"""The labelled corpus (tests/corpus): attribution findings on exactly the labelled lines."""
from __future__ import annotations

from pathlib import Path

import pytest

from newslint.checks.news.attribution import AttributionCheck
from newslint.documents import format_for_path, parse_document
from newslint.findings import Category

CORPUS = Path(__file__).resolve().parent / "corpus"
CHECK = AttributionCheck()
SCORED = frozenset(r.id for r in CHECK.rules if r.category is Category.ATTRIBUTION)


def _labels() -> dict[str, set[int]]:
    out: dict[str, set[int]] = {}
    for row in (CORPUS / "labels.tsv").read_text(encoding="utf-8").splitlines()[1:]:
        name, line, category = row.split("\t")[:3]
        out.setdefault(name, set())
        if category == "attribution":
            out[name].add(int(line))
    return out


ARTICLES = sorted(p for p in CORPUS.iterdir() if format_for_path(p.name))


def test_corpus_has_every_format_and_enough_articles():
    assert len(ARTICLES) >= 12
    assert {format_for_path(p.name) for p in ARTICLES} == {"text", "markdown", "html"}
    assert set(_labels()) <= {p.name for p in ARTICLES}


@pytest.mark.parametrize("path", ARTICLES, ids=lambda p: p.name)
def test_attribution_on_labelled_lines_only(path):
    text = path.read_text(encoding="utf-8")
    doc = parse_document(text, str(path), format_for_path(path.name))
    flagged = set()
    for hit in CHECK.check(doc, SCORED):
        seg = doc.segments[hit.segment]
        flagged.add(doc.position(seg.source_map.start(hit.start))[0])
    assert flagged == _labels().get(path.name, set())
