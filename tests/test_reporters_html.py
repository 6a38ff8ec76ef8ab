"""The HTML audit report: its figures as written, and as a real browser renders them.

The browser tests load the report from a file in headless Chromium (Debian's
``chromium``, which .ci/run installs) with no network, read the DOM after the page's
script ran, and keep a screenshot under ``NEWSLINT_ARTIFACTS`` (default
``.artifacts/`` in the repository), printing its path.
"""
from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
from collections import Counter
from pathlib import Path

import pytest
from lxml import html as lxml_html

from newslint.findings import Category, FileError, Finding, Fix, Severity, Source
from newslint.reporters import get_writer, html as html_reporter
from newslint.results import FileResult, Report
from tests.conftest import REPO

CORPUS = REPO / "tests" / "corpus"


def _finding(path, line, rule, category, severity, message, offset, end, fix=None):
    return Finding(path=path, line=line, column=1, end_line=line, end_column=1 + end - offset, rule=rule,
                   category=category, severity=severity, source=Source.NEWS, message=message, fix=fix,
                   offset=offset, end_offset=end)


def _report(tmp_path: Path) -> Report:
    a = tmp_path / "2024" / "05" / "a.txt"
    b = tmp_path / "2024" / "06" / "b.txt"
    a.parent.mkdir(parents=True)
    b.parent.mkdir(parents=True)
    a.write_text("Intro line.\nSee also: the other story </script> here.\n", encoding="utf-8")
    b.write_text("He said  it twice.\n", encoding="utf-8")
    report = Report()
    report.add(FileResult(str(a), findings=[
        _finding(str(a), 2, "news.chrome.see-also", Category.CHROME, Severity.WARNING,
                 "Teaser </script><b>left</b>", 12, 21),
        _finding(str(a), 2, "news.style.x", Category.STYLE, Severity.SUGGESTION, "style", 22, 25,
                 Fix("THE", True)),
    ]))
    report.add(FileResult(str(b), findings=[
        _finding(str(b), 1, "news.style.double-space", Category.TYPOGRAPHY, Severity.ERROR, "two spaces",
                 7, 9, Fix(" ", True)),
    ]))
    report.add(FileResult(str(tmp_path / "bad.txt"), errors=[FileError(str(tmp_path / "bad.txt"), "not UTF-8")]))
    report.findings.sort()
    return report


def _page(report: Report) -> str:
    out = io.StringIO()
    html_reporter.render(report, out)
    return out.getvalue()


def test_figures_are_written_as_html(tmp_path):
    page = _page(_report(tmp_path))
    doc = lxml_html.fromstring(page)
    summary = doc.get_element_by_id("summary")
    assert summary.get("data-findings") == "3" and summary.get("data-files") == "2"
    assert summary.get("data-failed") == "1"
    assert summary.text_content() == "3 findings in 2 checked files; 1 file could not be checked"
    assert [doc.get_element_by_id(f"count-{s}").text for s in ("error", "warning", "suggestion")] == ["1", "1", "1"]
    bars = {g.get("data-label"): int(g.get("data-count"))
            for g in doc.get_element_by_id("chart-category").iter("{*}g", "g")}
    assert bars == {"chrome": 1, "style": 1, "typography": 1}
    months = {g.get("data-label"): int(g.get("data-count"))
              for g in doc.get_element_by_id("chart-month").iter("{*}g", "g")}
    assert months == {"2024-05": 2, "2024-06": 1}
    rules = [tr.xpath("string(td[1])") for tr in doc.get_element_by_id("rules-table").iter("tr")][1:]
    assert sorted(rules) == ["news.chrome.see-also", "news.style.double-space", "news.style.x"]
    worst = [tr.xpath("string(td[1])") for tr in doc.get_element_by_id("files-table").iter("tr")][1:]
    assert worst[0].endswith("b.txt")          # its one finding is an error
    assert "not UTF-8" in doc.get_element_by_id("errors").text_content()


def test_data_block_is_inert_and_carries_context(tmp_path):
    page = _page(_report(tmp_path))
    # Only the two script elements of the page: a message's "</script>" cannot end one.
    assert page.count("</script>") == 2
    doc = lxml_html.fromstring(page)
    data = json.loads(doc.get_element_by_id("data").text)
    assert data["total"] == 3 and len(data["findings"]) == 3
    rows = {data["rules"][row[3]]: row for row in data["findings"]}
    first = rows["news.chrome.see-also"]
    assert first[6] == "Teaser </script><b>left</b>"
    assert (first[9], first[10], first[11]) == ("", "See also:", " the other story </script> here.")
    style = rows["news.style.x"]
    assert style[7:9] == ["THE", True] and style[10] == "the"


def test_page_needs_nothing_from_the_network(tmp_path):
    page = _page(_report(tmp_path))
    doc = lxml_html.fromstring(page)
    assert not doc.xpath("//link | //script[@src] | //img | //iframe")
    assert "http://" not in page.replace('xmlns="http://www.w3.org/2000/svg"', "")
    assert "https://" not in page


def test_month_and_folder_of_a_path():
    assert html_reporter.month_of("archive/2019/11/03/story.md") == "2019-11"
    assert html_reporter.month_of("2021-02-28-budget.txt") == "2021-02"
    assert html_reporter.month_of("desk/story-12345.txt") is None
    assert html_reporter.month_of("desk/2021-13-01.txt") is None
    assert html_reporter.folder_of("a/b/c.txt") == "a/b" and html_reporter.folder_of("c.txt") == "."


def test_listing_stops_at_the_cap_but_counts_go_on(tmp_path, monkeypatch):
    monkeypatch.setattr(html_reporter, "MAX_LISTED", 2)
    page = _page(_report(tmp_path))
    doc = lxml_html.fromstring(page)
    data = json.loads(doc.get_element_by_id("data").text)
    assert len(data["findings"]) == 2 and data["total"] == 3
    assert "first 2 of 3 findings" in doc.get_element_by_id("findings").text_content()


def test_streamed_writer_is_the_rendered_page(tmp_path):
    report = _report(tmp_path)
    out = io.StringIO()
    writer = get_writer("html")(out)
    from newslint.results import Totals

    for path in sorted({f.path for f in report.findings}):
        writer.findings([f for f in report.findings if f.path == path])
    writer.end(Totals.of(report))
    assert out.getvalue() == _page(report)


# -- in a browser -----------------------------------------------------------------------

CHROMIUM_FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync",
                  "--disable-dev-shm-usage", "--hide-scrollbars")


def _chromium() -> str:
    for name in ("chromium", "chromium-browser"):
        found = shutil.which(name)
        if found:
            return found
    pytest.fail("headless Chromium is needed to test the HTML report: install Debian's package "
                "(apt-get install -y chromium; .ci/run does this when it is missing)")


def _browse(url: str, profile: Path, *args: str) -> str:
    done = subprocess.run([_chromium(), *CHROMIUM_FLAGS, f"--user-data-dir={profile}", *args, url],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


def _artifacts() -> Path:
    folder = Path(os.environ.get("NEWSLINT_ARTIFACTS", REPO / ".artifacts"))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture(scope="module")
def dated_archive(tmp_path_factory) -> Path:
    """The test corpus spread over dated folders, as news archives keep it."""
    root = tmp_path_factory.mktemp("archive")
    articles = sorted(p for p in CORPUS.iterdir() if p.suffix in (".txt", ".md", ".html"))
    for i, article in enumerate(articles):
        folder = root / "2024" / f"{1 + i % 4:02d}"
        folder.mkdir(parents=True, exist_ok=True)
        shutil.copy(article, folder / article.name)
    return root


def test_report_renders_in_chromium_with_the_right_counts(run_cli, dated_archive, tmp_path):
    as_json = run_cli("check", "--no-languagetool", "--format", "json", "-j", "1", str(dated_archive))
    findings = as_json.json()["findings"]
    assert findings
    as_html = run_cli("check", "--no-languagetool", "--format", "html", "-j", "1", str(dated_archive))
    assert as_html.code == as_json.code
    report = tmp_path / "report.html"
    report.write_text(as_html.out, encoding="utf-8")
    profile = tmp_path / "profile"
    by_category = Counter(f["category"] for f in findings)
    category = by_category.most_common(1)[0][0]
    dom = lxml_html.fromstring(_browse(f"{report.as_uri()}#category={category}", profile,
                                       "--virtual-time-budget=5000", "--dump-dom"))
    assert dom.body.get("data-ready") == "1", "the page's script did not run"
    shown = dom.get_element_by_id("shown")
    assert (int(shown.get("data-shown")), int(shown.get("data-total"))) == (by_category[category], len(findings))
    assert shown.text_content() == f"Showing {by_category[category]} of {len(findings)} findings"
    items = dom.get_element_by_id("list").findall("li")
    assert len(items) == by_category[category]
    assert all(li.find_class("cat")[0].text == category for li in items)
    assert all(li.find_class("ctx") and li.find_class("ctx")[0].find("mark") is not None for li in items)
    severities = Counter(f["severity"] for f in findings)
    for name in ("error", "warning", "suggestion"):
        assert int(dom.get_element_by_id(f"count-{name}").text) == severities[name]
    months = {g.get("data-label"): int(g.get("data-count")) for g in dom.get_element_by_id("chart-month").iter("g")}
    assert sum(months.values()) == len(findings) and set(months) <= {"2024-01", "2024-02", "2024-03", "2024-04"}
    rule = Counter(f["rule"] for f in findings).most_common(1)[0][0]
    dom = lxml_html.fromstring(_browse(f"{report.as_uri()}#rule={rule}", profile,
                                       "--virtual-time-budget=5000", "--dump-dom"))
    shown = dom.get_element_by_id("shown")
    assert int(shown.get("data-shown")) == sum(1 for f in findings if f["rule"] == rule)

    shot = _artifacts() / "html-report.png"
    shot.unlink(missing_ok=True)
    _browse(report.as_uri(), profile, "--window-size=1400,1800", f"--screenshot={shot}")
    assert shot.stat().st_size > 20_000
    print(f"\nscreenshot of the HTML report: {shot}")
