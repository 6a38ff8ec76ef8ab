"""The suite runs on a fresh clone with nothing beside it: tests read only the repository."""
from __future__ import annotations

import re

from .conftest import REPO

# Ways a test could reach outside the repository: the folder beside it, a parent of the
# repository, or an absolute path on one machine.
_OUTSIDE = re.compile(
    r"""["']shared["']|\.\./shared|/work/|REPO\.parent|ROOT\)\)|parents\[(?:[2-9])\]"""
    r"""|os\.path\.dirname\(ROOT\)""")


def test_no_test_reads_outside_the_repository():
    offenders = []
    for path in sorted((REPO / "tests").rglob("*.py")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if _OUTSIDE.search(line) and path.name != "test_fresh_clone.py":
                offenders.append(f"{path.relative_to(REPO)}:{number}: {line.strip()}")
    assert offenders == []


def test_the_test_article_and_its_expected_findings_are_in_the_repository():
    data = REPO / "tests" / "data"
    assert (data / "scraped-article.txt").is_file()
    assert (data / "scraped-article.expected.tsv").is_file()
