"""scripts/professional_copy.py and scripts/inject_defects.py on small articles written here."""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def _load(name: str):
    spec = importlib.util.spec_from_file_location(name, REPO / "scripts" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault(name, module)  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


professional_copy = _load("professional_copy")
inject_defects = _load("inject_defects")

ARTICLE = """Harbor board delays the crane vote

OAKLAND, Calif. — The harbor board delayed its vote on new cranes on Monday.

The board met for three hours before a crowd of about 200 dockworkers and their families.

“We need more time to read the study,” said Rosa Tan, who chairs the labor committee.

Officials said the vote could come in March, although the company wants a decision by February.

“The cranes are safe.” “They will pay for themselves,” said Helen Vass.
"""


def test_paragraphs_of_gives_first_lines():
    paras = professional_copy.paragraphs_of(ARTICLE)
    assert [line for line, _ in paras] == [1, 3, 5, 7, 9, 11]
    assert professional_copy.paragraph_at(paras, 8) == paras[3][1]


def test_professional_copy_counts_findings_per_100_paragraphs(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    result = professional_copy.measure("t", [tmp_path / "a.txt"], languagetool=False, jobs=1)
    assert result.paragraphs == 6
    assert result.by_rule == {"news.attribution.two-speakers": 1}
    assert round(result.per_100(1), 2) == 16.67
    assert result.cases[0].line == 11


def test_injectors_make_the_defect_they_name():
    paras = inject_defects._paragraphs(ARTICLE)
    changed, at = inject_defects.INJECTORS["fragment-paragraph"](paras, 4)
    assert changed[at] == "Although the company wants a decision by February."
    assert changed[at - 1] == "Officials said the vote could come in March."
    changed, at = inject_defects.INJECTORS["period-before-tag"](paras, 3)
    assert changed[at].startswith("“We need more time to read the study.” said Rosa Tan")
    changed, at = inject_defects.INJECTORS["comma-without-tag"](paras, 3)
    assert changed[at] == "“We need more time to read the study,”"
    assert inject_defects.INJECTORS["bare-quote"](paras, 3) is None   # speech in the next paragraph


def test_injected_attribution_defects_are_found(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE.replace("“The cranes are safe.” “They will pay for themselves,” said Helen Vass.",
                                       "The study runs to 400 pages."), encoding="utf-8")
    cases = inject_defects.inject([article], per_kind=1, seed=1)
    kinds = {c.kind for c in cases}
    assert {"period-before-tag", "comma-without-tag", "fragment-paragraph"} <= kinds
    result = inject_defects.score([c for c in cases if c.kind in ("period-before-tag", "comma-without-tag")],
                                  languagetool=False, jobs=1)
    assert result["period-before-tag"]["recall"] == 1.0
    assert result["comma-without-tag"]["recall"] == 1.0
