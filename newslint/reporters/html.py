"""An audit report people look at: one self-contained HTML file.

Everything is inline (CSS, the script, the SVG charts); the page needs no network and
no other file. The figures (totals by severity, category and rule; charts per rule,
per category, per folder and, when the paths carry dates, per month; the worst files)
are written as HTML, so they show without the script. The findings list is data in
the page (a ``<script type="application/json">`` block) that the script renders, with
each finding in its context, the flagged span highlighted, and the suggested fix;
filters by category, rule and severity narrow it (also from the address, as
``report.html#category=chrome&rule=news.chrome.see-also``).

The :class:`Writer` keeps counts and one compact row per finding while findings
stream past (the context is read from the file when its findings arrive); past
``MAX_LISTED`` findings only the counts grow, and the page says how many it lists.
"""
from __future__ import annotations

import html
import json
import os
import re
from collections import Counter
from typing import Iterable, TextIO

from newslint.documents.decode import decode_bytes
from newslint.errors import DocumentError
from newslint.findings import Category, Finding
from newslint.results import Report, Totals

MAX_LISTED = 20_000          # findings listed one by one; the counts cover all of them
CONTEXT_CHARS = 90           # characters of the line shown each side of a flagged span
MAX_SPAN_CHARS = 240         # a longer flagged span is cut in the middle
TOP_RULES = 20
TOP_FILES = 25
TOP_GROUPS = 24

# A year and month in a path: 2024/05/..., 2024-05-12-story.md, news_2024_05.
_MONTH = re.compile(r"(?<!\d)((?:19|20)\d\d)[-/_.](0[1-9]|1[0-2])(?!\d)")
_SEVERITY_COLOURS = {"error": "#c62828", "warning": "#ef8f00", "suggestion": "#1e88e5"}
_BAR_COLOUR = "#5c6bc0"


def render(report: Report, stream: TextIO, *, color: bool = False, quiet: bool = False) -> None:
    writer = Writer(stream)
    writer.findings(sorted(report.findings))
    writer.end(Totals.of(report))


def month_of(path: str) -> str | None:
    """``2024-05`` for a path that carries a year and month, else None."""
    found = _MONTH.search(path.replace(os.sep, "/"))
    return f"{found.group(1)}-{found.group(2)}" if found else None


def folder_of(path: str) -> str:
    folder = os.path.dirname(path.replace(os.sep, "/"))
    return folder or "."


class Writer:
    """Counts and rows as findings come (file by file); the page at the end."""

    def __init__(self, stream: TextIO, *, color: bool = False, quiet: bool = False):
        self._stream = stream
        self._by_category: Counter[str] = Counter()
        self._by_severity: Counter[str] = Counter()
        self._by_rule: Counter[str] = Counter()
        self._rule_category: dict[str, str] = {}
        self._rule_files: Counter[str] = Counter()
        self._by_folder: Counter[str] = Counter()
        self._by_month: Counter[str] = Counter()
        self._files: dict[str, list[int]] = {}      # path -> [errors, warnings, suggestions]
        self._paths: list[str] = []                 # listed files, indexed by the rows
        self._rules: dict[str, int] = {}            # rule id -> index in the rows
        self._rows: list[list] = []
        self._total = 0
        # The file whose findings are arriving.
        self._path: str | None = None
        self._text: str | None = None
        self._counts: list[int] = []
        self._folder, self._month = "", None
        self._path_rules: set[str] = set()
        self._file_index: int | None = None

    def findings(self, findings: Iterable[Finding]) -> None:
        for f in findings:
            if f.path != self._path:
                self._switch(f.path)
            self._total += 1
            severity, category = str(f.severity), str(f.category)
            self._by_severity[severity] += 1
            self._by_category[category] += 1
            self._by_rule[f.rule] += 1
            self._rule_category.setdefault(f.rule, category)
            if f.rule not in self._path_rules:
                self._path_rules.add(f.rule)
                self._rule_files[f.rule] += 1
            self._by_folder[self._folder] += 1
            if self._month:
                self._by_month[self._month] += 1
            self._counts[3 - int(f.severity)] += 1
            if len(self._rows) < MAX_LISTED:
                if self._file_index is None:
                    self._file_index = len(self._paths)
                    self._paths.append(f.path)
                rule_index = self._rules.setdefault(f.rule, len(self._rules))
                before, span, after = _context(self._text, f)
                self._rows.append([
                    self._file_index, f.line, f.column, rule_index, category, severity, f.message,
                    None if f.fix is None else f.fix.replacement,
                    None if f.fix is None else f.fix.safe, before, span, after])

    def _switch(self, path: str) -> None:
        """The findings of another file begin (a file's findings may come in pieces)."""
        self._path = path
        self._text = _read_text(path) if len(self._rows) < MAX_LISTED else None
        self._counts = self._files.setdefault(path, [0, 0, 0])
        self._folder, self._month = folder_of(path), month_of(path)
        self._path_rules = set()
        self._file_index = None

    def end(self, totals: Totals) -> None:
        self._stream.write(self.page(totals))

    # -- the page ----------------------------------------------------------------------

    def page(self, totals: Totals) -> str:
        failed = sorted({e.path for e in totals.errors})
        data = {
            "files": self._paths,
            "rules": list(self._rules),
            "findings": self._rows,
            "total": self._total,
        }
        summary = (f"{_plural(self._total, 'finding')} in {_plural(totals.files_checked, 'checked file')}"
                   + (f"; {_plural(len(failed), 'file')} could not be checked" if failed else ""))
        parts = [
            "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n",
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n",
            "<title>newslint report</title>\n<style>", _CSS, "</style>\n</head>\n<body>\n",
            "<header><h1>newslint report</h1>",
            f"<p id=\"summary\" data-findings=\"{self._total}\" data-files=\"{totals.files_checked}\""
            f" data-failed=\"{len(failed)}\">{html.escape(summary)}</p></header>\n",
            "<main>\n",
            self._severity_cards(),
            self._charts(),
            self._tables(),
            _errors_section(totals),
            _notices_section(totals),
            self._findings_section(),
            "</main>\n",
            "<script type=\"application/json\" id=\"data\">", _json_for_script(data), "</script>\n",
            "<script>", _SCRIPT, "</script>\n</body>\n</html>\n",
        ]
        return "".join(parts)

    def _severity_cards(self) -> str:
        cards = []
        for name in ("error", "warning", "suggestion"):
            n = self._by_severity.get(name, 0)
            cards.append(f"<div class=\"card\" style=\"border-color:{_SEVERITY_COLOURS[name]}\">"
                         f"<span class=\"n\" id=\"count-{name}\">{n}</span>"
                         f"<span class=\"label\">{_plural_word(n, name)}</span></div>")
        return "<section id=\"severities\" class=\"cards\">" + "".join(cards) + "</section>\n"

    def _charts(self) -> str:
        charts = [
            _bar_chart("Findings per category", "chart-category", _ordered_categories(self._by_category),
                       filter_key="category"),
            _bar_chart(f"Findings per rule (top {TOP_RULES})", "chart-rule",
                       self._by_rule.most_common(TOP_RULES), filter_key="rule"),
        ]
        if self._by_month:
            months = sorted(self._by_month.items())[-TOP_GROUPS * 2:]
            charts.append(_column_chart("Findings per month (from the dates in the paths)", "chart-month",
                                        months))
        charts.append(_bar_chart(f"Findings per folder (top {TOP_GROUPS})", "chart-folder",
                                 self._by_folder.most_common(TOP_GROUPS)))
        return "<section id=\"charts\" class=\"charts\">" + "".join(charts) + "</section>\n"

    def _tables(self) -> str:
        rows = []
        for rule, n in sorted(self._by_rule.items(), key=lambda item: (-item[1], item[0])):
            rows.append(f"<tr><td><a href=\"#rule={html.escape(rule)}\">{html.escape(rule)}</a></td>"
                        f"<td>{html.escape(self._rule_category[rule])}</td><td class=\"num\">{n}</td>"
                        f"<td class=\"num\">{self._rule_files[rule]}</td></tr>")
        by_rule = ("<div class=\"panel\"><h2>Rules</h2><table id=\"rules-table\"><thead><tr><th>rule</th>"
                   "<th>category</th><th>findings</th><th>files</th></tr></thead><tbody>"
                   + "".join(rows) + "</tbody></table></div>")
        worst = sorted(self._files.items(), key=lambda item: (-item[1][0], -sum(item[1]), item[0]))[:TOP_FILES]
        rows = [f"<tr><td class=\"path\">{html.escape(path)}</td><td class=\"num\">{sum(c)}</td>"
                f"<td class=\"num\">{c[0]}</td><td class=\"num\">{c[1]}</td><td class=\"num\">{c[2]}</td></tr>"
                for path, c in worst]
        files = (f"<div class=\"panel\"><h2>Worst files (top {TOP_FILES})</h2><table id=\"files-table\">"
                 "<thead><tr><th>file</th><th>findings</th><th>errors</th><th>warnings</th>"
                 "<th>suggestions</th></tr></thead><tbody>" + "".join(rows) + "</tbody></table></div>")
        return "<section class=\"tables\">" + by_rule + files + "</section>\n"

    def _findings_section(self) -> str:
        listed = len(self._rows)
        note = ("" if listed == self._total else
                f"<p class=\"note\">The list holds the first {listed} of {self._total} findings; "
                "the counts and charts above cover all of them.</p>")
        return ("<section id=\"findings\"><h2>Findings</h2>" + note +
                "<form id=\"filters\" onsubmit=\"return false\">"
                "<label>category <select id=\"f-category\"><option value=\"\">all</option></select></label>"
                "<label>rule <select id=\"f-rule\"><option value=\"\">all</option></select></label>"
                "<label>severity <select id=\"f-severity\"><option value=\"\">all</option></select></label>"
                "<label>text <input id=\"f-text\" type=\"search\" placeholder=\"path or message\"></label>"
                "</form>"
                "<p id=\"shown\" data-shown=\"\" data-total=\"\"></p>"
                "<noscript><p>The findings list needs JavaScript; the figures above do not.</p></noscript>"
                "<ol id=\"list\"></ol><button id=\"more\" hidden>show more</button></section>\n")


def _read_text(path: str) -> str | None:
    try:
        with open(path, "rb") as handle:
            return decode_bytes(handle.read(), path)
    except (OSError, DocumentError):
        return None


def _context(text: str | None, f: Finding) -> tuple[str, str, str]:
    """The flagged span with the rest of its line(s) on each side (cut to CONTEXT_CHARS)."""
    if text is None or not (0 <= f.offset <= f.end_offset <= len(text)):
        return "", "", ""
    start = text.rfind("\n", 0, f.offset) + 1
    end = text.find("\n", f.end_offset)
    end = len(text) if end < 0 else end
    before = text[max(start, f.offset - CONTEXT_CHARS):f.offset]
    after = text[f.end_offset:min(end, f.end_offset + CONTEXT_CHARS)]
    span = text[f.offset:f.end_offset]
    if len(span) > MAX_SPAN_CHARS:
        half = MAX_SPAN_CHARS // 2
        span = span[:half] + " … " + span[-half:]
    if f.offset - start > CONTEXT_CHARS:
        before = "…" + before
    if end - f.end_offset > CONTEXT_CHARS:
        after += "…"
    return before, span, after


def _ordered_categories(counts: Counter[str]) -> list[tuple[str, int]]:
    order = [c.value for c in Category]
    return sorted(counts.items(), key=lambda item: (-item[1], order.index(item[0]) if item[0] in order else 99))


def _bar_chart(title: str, ident: str, items: list[tuple[str, int]], filter_key: str | None = None) -> str:
    """Horizontal bars, one per item, drawn as inline SVG."""
    if not items:
        return f"<figure class=\"chart\" id=\"{ident}\"><figcaption>{html.escape(title)}</figcaption>" \
               "<p class=\"empty\">no findings</p></figure>"
    label_width, bar_width, row = 230, 260, 22
    top = max(n for _, n in items)
    height = row * len(items) + 4
    rows = []
    for i, (label, n) in enumerate(items):
        y = i * row + 2
        width = max(1, round(bar_width * n / top))
        shown = label if len(label) <= 34 else "…" + label[-33:]
        bar = (f"<rect x=\"{label_width}\" y=\"{y + 3}\" width=\"{width}\" height=\"{row - 7}\" "
               f"fill=\"{_BAR_COLOUR}\"/>")
        if filter_key:
            bar = f"<a href=\"#{filter_key}={html.escape(label)}\">{bar}</a>"
        rows.append(f"<g class=\"bar\" data-label=\"{html.escape(label)}\" data-count=\"{n}\">"
                    f"<title>{html.escape(label)}: {n}</title>"
                    f"<text x=\"{label_width - 6}\" y=\"{y + row - 8}\" text-anchor=\"end\">"
                    f"{html.escape(shown)}</text>{bar}"
                    f"<text x=\"{label_width + width + 5}\" y=\"{y + row - 8}\">{n}</text></g>")
    return _figure(title, ident, label_width + bar_width + 60, height, rows)


def _column_chart(title: str, ident: str, items: list[tuple[str, int]]) -> str:
    """Vertical columns in order (a time series), drawn as inline SVG."""
    col, plot_height, label_height, left = 26, 160, 52, 40
    top = max(n for _, n in items)
    width = left + col * len(items) + 10
    cols = []
    for i, (label, n) in enumerate(items):
        x = left + i * col
        h = max(1, round(plot_height * n / top))
        cols.append(f"<g class=\"bar\" data-label=\"{html.escape(label)}\" data-count=\"{n}\">"
                    f"<title>{html.escape(label)}: {n}</title>"
                    f"<rect x=\"{x + 3}\" y=\"{plot_height - h + 14}\" width=\"{col - 6}\" height=\"{h}\" "
                    f"fill=\"{_BAR_COLOUR}\"/>"
                    f"<text x=\"{x + col / 2}\" y=\"{plot_height - h + 10}\" text-anchor=\"middle\" "
                    f"class=\"small\">{n}</text>"
                    f"<text transform=\"translate({x + col / 2 + 4},{plot_height + 20}) rotate(-60)\" "
                    f"text-anchor=\"end\" class=\"small\">{html.escape(label)}</text></g>")
    return _figure(title, ident, width, plot_height + label_height + 14, cols)


def _figure(title: str, ident: str, width: int, height: int, parts: list[str]) -> str:
    """A chart: its SVG parts in a figure captioned ``title``."""
    svg = (f"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {width} {height}\" "
           f"width=\"{width}\" height=\"{height}\" role=\"img\" "
           f"aria-label=\"{html.escape(title)}\">" + "".join(parts) + "</svg>")
    return f"<figure class=\"chart\" id=\"{ident}\"><figcaption>{html.escape(title)}</figcaption>{svg}</figure>"


def _errors_section(totals: Totals) -> str:
    if not totals.errors:
        return ""
    items = "".join(f"<li><span class=\"path\">{html.escape(e.path)}</span>"
                    f"{':' + str(e.line) if e.line is not None else ''}: {html.escape(e.message)}</li>"
                    for e in totals.errors)
    return (f"<section id=\"errors\"><h2>Could not be checked ({len(totals.errors)})</h2>"
            f"<ul>{items}</ul></section>\n")


def _notices_section(totals: Totals) -> str:
    if not totals.notices:
        return ""
    items = "".join(f"<li>{html.escape(n.message)}</li>" for n in totals.notices)
    return f"<section id=\"notices\"><h2>Notes</h2><ul>{items}</ul></section>\n"


def _json_for_script(data: dict) -> str:
    """JSON that cannot end the script element early (no ``<`` survives as such)."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def _plural_word(n: int, word: str) -> str:
    return word if n == 1 else word + "s"


_CSS = """
:root{--fg:#1f2329;--muted:#5f6b7a;--line:#e3e7ee;--bg:#f7f8fa}
*{box-sizing:border-box}
body{margin:0;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);background:var(--bg)}
header{background:#263238;color:#fff;padding:14px 24px}
header h1{margin:0;font-size:20px}
header p{margin:4px 0 0;color:#cfd8dc}
main{padding:16px 24px;max-width:1400px}
h2{font-size:16px;margin:0 0 8px}
.cards{display:flex;gap:12px;margin-bottom:16px}
.card{background:#fff;border-left:6px solid;padding:10px 18px;min-width:150px;border-radius:4px}
.card .n{font-size:26px;font-weight:600;display:block}
.card .label{color:var(--muted)}
.charts{display:flex;flex-wrap:wrap;align-items:flex-start;gap:16px;margin-bottom:16px}
.chart{background:#fff;margin:0;padding:10px 12px;border-radius:4px;overflow-x:auto;max-width:100%}
.chart figcaption{font-weight:600;margin-bottom:6px}
.chart svg text{font-size:12px;fill:var(--fg)}
.chart svg text.small{font-size:10px;fill:var(--muted)}
.chart .empty{color:var(--muted)}
.tables{display:flex;flex-wrap:wrap;gap:16px;margin-bottom:16px}
.panel{background:#fff;padding:10px 12px;border-radius:4px;flex:1 1 480px;max-height:420px;overflow:auto}
table{border-collapse:collapse;width:100%}
th,td{text-align:left;padding:3px 8px;border-bottom:1px solid var(--line)}
th{position:sticky;top:0;background:#fff}
td.num{text-align:right;font-variant-numeric:tabular-nums}
.path{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:12px;word-break:break-all}
section#errors,section#notices,section#findings{background:#fff;padding:10px 12px;border-radius:4px;margin-bottom:16px}
#filters{display:flex;flex-wrap:wrap;gap:12px;margin-bottom:8px}
#filters select,#filters input{font:inherit;max-width:320px}
#list{list-style:none;padding:0;margin:0}
#list li{border-top:1px solid var(--line);padding:6px 0}
.where{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:12px;color:var(--muted)}
.sev{display:inline-block;color:#fff;border-radius:3px;padding:0 6px;font-size:11px;margin-right:6px}
.sev.error{background:#c62828}.sev.warning{background:#ef8f00}.sev.suggestion{background:#1e88e5}
.rule{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:12px}
.ctx{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:12px;background:var(--bg);padding:4px 6px;margin-top:3px;white-space:pre-wrap;word-break:break-word}
.ctx mark{background:#ffe08a;outline:1px solid #e0a800}
.fix{margin-top:2px;color:#2e7d32}
.fix code{background:#e8f5e9;padding:0 3px}
.note{color:var(--muted)}
"""

_SCRIPT = r"""
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("data").textContent);
  var PAGE = 500;
  var shownLimit = PAGE;
  var el = function (id) { return document.getElementById(id); };
  var sel = {category: el("f-category"), rule: el("f-rule"), severity: el("f-severity")};
  var text = el("f-text");
  function fill(select, values) {
    values.forEach(function (v) {
      var o = document.createElement("option"); o.value = v; o.textContent = v; select.appendChild(o);
    });
  }
  function distinct(index) {
    var seen = {};
    data.findings.forEach(function (r) { seen[r[index]] = true; });
    return Object.keys(seen).sort();
  }
  fill(sel.category, distinct(4));
  fill(sel.rule, data.rules.slice().sort());
  fill(sel.severity, ["error", "warning", "suggestion"].filter(function (s) { return distinct(5).indexOf(s) >= 0; }));
  function fromHash() {
    var params = new URLSearchParams(location.hash.replace(/^#/, ""));
    ["category", "rule", "severity"].forEach(function (k) {
      var v = params.get(k) || "";
      var select = sel[k];
      if (v && !Array.prototype.some.call(select.options, function (o) { return o.value === v; })) {
        var o = document.createElement("option"); o.value = v; o.textContent = v; select.appendChild(o);
      }
      select.value = v;
    });
    text.value = params.get("text") || "";
  }
  function toHash() {
    var params = new URLSearchParams();
    ["category", "rule", "severity"].forEach(function (k) { if (sel[k].value) params.set(k, sel[k].value); });
    if (text.value) params.set("text", text.value);
    var h = params.toString();
    history.replaceState(null, "", h ? "#" + h : location.pathname + location.search);
  }
  function matches(r) {
    if (sel.category.value && r[4] !== sel.category.value) return false;
    if (sel.rule.value && data.rules[r[3]] !== sel.rule.value) return false;
    if (sel.severity.value && r[5] !== sel.severity.value) return false;
    var q = text.value.toLowerCase();
    if (q && (data.files[r[0]] + " " + r[6]).toLowerCase().indexOf(q) < 0) return false;
    return true;
  }
  function node(tag, cls, content) {
    var n = document.createElement(tag);
    if (cls) n.className = cls;
    if (content !== undefined) n.textContent = content;
    return n;
  }
  function item(r) {
    var li = node("li");
    var head = node("div");
    head.appendChild(node("span", "sev " + r[5], r[5]));
    head.appendChild(node("span", "where", data.files[r[0]] + ":" + r[1] + ":" + r[2] + " "));
    head.appendChild(node("span", "rule", "[" + data.rules[r[3]] + "] "));
    head.appendChild(node("span", "cat", r[4]));
    li.appendChild(head);
    li.appendChild(node("div", "msg", r[6]));
    if (r[10] || r[9] || r[11]) {
      var ctx = node("div", "ctx");
      ctx.appendChild(document.createTextNode(r[9]));
      ctx.appendChild(node("mark", "", r[10]));
      ctx.appendChild(document.createTextNode(r[11]));
      li.appendChild(ctx);
    }
    if (r[7] !== null) {
      var fix = node("div", "fix", r[7] === "" ? "fix: delete the span" : "fix: replace with ");
      if (r[7] !== "") fix.appendChild(node("code", "", r[7]));
      fix.appendChild(document.createTextNode(r[8] ? " (safe)" : " (unsafe: check it first)"));
      li.appendChild(fix);
    }
    return li;
  }
  function render() {
    var picked = data.findings.filter(matches);
    var list = el("list");
    list.textContent = "";
    var frag = document.createDocumentFragment();
    picked.slice(0, shownLimit).forEach(function (r) { frag.appendChild(item(r)); });
    list.appendChild(frag);
    var shown = el("shown");
    shown.dataset.shown = String(picked.length);
    shown.dataset.total = String(data.findings.length);
    shown.textContent = "Showing " + picked.length + " of " + data.findings.length + " findings" +
      (picked.length > shownLimit ? " (first " + shownLimit + " listed)" : "");
    el("more").hidden = picked.length <= shownLimit;
  }
  function changed() { shownLimit = PAGE; toHash(); render(); }
  ["category", "rule", "severity"].forEach(function (k) { sel[k].addEventListener("change", changed); });
  text.addEventListener("input", changed);
  el("more").addEventListener("click", function () { shownLimit += PAGE; render(); });
  window.addEventListener("hashchange", function () { fromHash(); shownLimit = PAGE; render(); });
  fromHash();
  render();
  document.body.dataset.ready = "1";
})();
"""
